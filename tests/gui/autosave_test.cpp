// Writing that is never lost: what is typed in the editor is kept inside the
// vault every few seconds and before a lock, an idle lock or a quick exit;
// the list offers it back after unlocking; saving or throwing it away ends it.
#include <gtest/gtest.h>

#include <future>

#include "fieldvault/core/annotations.h"
#include "fieldvault/core/drafts.h"
#include "fieldvault/core/reports.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

class GuiAutosave : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
    }
    void type_new_report(const std::string& title, const std::string& narrative) {
        ui_->click("list.new");
        ui_->click("editor.title");
        ui_->type(title);
        ui_->click("editor.narrative");
        ui_->type(narrative);
    }
    std::vector<core::KeptDraft> kept() { return core::DraftService(ui_->session()).kept(); }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiAutosave, ALockKeepsTheWritingAndTheListOffersItBack) {
    type_new_report("妈妈的电话", "警察又来了，我在写的时候接了电话。");
    ui_->click("lock");
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    unlock_through_ui(*ui_);
    ASSERT_EQ(kept().size(), 1u);
    ui_->settle();
    ASSERT_EQ(ui_->app().report_list_view().kept_writing().size(), 1u);
    EXPECT_EQ(ui_->app().report_list_view().kept_writing()[0].title, "妈妈的电话");
    ui_->click("list.kept.open.0");
    ui_->settle();
    ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
    auto& editor = ui_->app().report_editor_view();
    EXPECT_EQ(editor.draft().title, "妈妈的电话");
    EXPECT_EQ(editor.draft().narrative, "警察又来了，我在写的时候接了电话。");
    EXPECT_TRUE(editor.dirty());
    ui_->click("editor.save");
    ui_->settle();
    EXPECT_EQ(core::ReportService(ui_->session()).list().size(), 1u);
    EXPECT_TRUE(kept().empty());  // saved: nothing kept any more
}

TEST_F(GuiAutosave, QuickExitAndIdleLockKeepItToo) {
    type_new_report("quick", "typed before quick exit");
    ui_->press(kKeyQ, true, true);
    ASSERT_TRUE(ui_->app().close_requested());
    {
        auto session = core::Session::open(dir_.path() / "vault", SecretBuffer::from_string(kPassphrase));
        const auto drafts = core::DraftService(*session).kept();
        ASSERT_EQ(drafts.size(), 1u);
        EXPECT_EQ(drafts[0].content.narrative, "typed before quick exit");
    }
    ui_.reset();  // the window closed; the program starts again
    ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
    unlock_through_ui(*ui_);
    ui_->app().state().set_auto_lock_seconds(60.0);
    type_new_report("idle", "typed, then the phone rang");
    ui_->now() += 61.0;
    ui_->frame();
    ASSERT_FALSE(ui_->app().state().unlocked());
    unlock_through_ui(*ui_);
    ASSERT_EQ(kept().size(), 2u);  // the earlier writing is not overwritten
    ui_->settle();
    ASSERT_EQ(ui_->app().report_list_view().kept_writing().size(), 2u);
    ui_->click("list.kept.discard.0");
    ui_->click("list.kept.discard.0");
    ui_->settle();
    EXPECT_TRUE(kept().empty());
    EXPECT_TRUE(ui_->app().report_list_view().kept_writing().empty());
}

// "Your notes" being typed on a saved report are kept as a revision of the
// notes when the vault locks, and by a quick exit.
TEST_F(GuiAutosave, NotesBeingTypedAreSavedByALockAndAQuickExit) {
    type_new_report("notes", "the report");
    ui_->click("editor.save");
    ui_->settle();
    const auto id = core::ReportService(ui_->session()).list().at(0).id;
    ui_->scroll_into_view("annotation.notes");
    ui_->click("annotation.notes");
    ui_->type("回电确认。Called back.");
    ui_->click("lock");
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    unlock_through_ui(*ui_);
    auto notes = core::AnnotationService(ui_->session()).current(id);
    ASSERT_TRUE(notes.has_value());
    EXPECT_EQ(notes->annotation.notes, "回电确认。Called back.");
    EXPECT_EQ(notes->revision, 1);

    auto& editor = ui_->app().report_editor_view();
    editor.load(ui_->app().state(), id);
    ui_->app().navigate(Screen::ReportEditor);
    ui_->settle();
    ui_->scroll_into_view("annotation.notes");
    ui_->click("annotation.notes");
    ui_->type(" Again.");
    ui_->press(kKeyQ, true, true);
    ASSERT_TRUE(ui_->app().close_requested());
    auto session = core::Session::open(dir_.path() / "vault", SecretBuffer::from_string(kPassphrase));
    notes = core::AnnotationService(*session).current(id);
    ASSERT_TRUE(notes.has_value());
    EXPECT_EQ(notes->revision, 2);
    EXPECT_NE(notes->annotation.notes.find("Again."), std::string::npos);
}

// A lock right after a job finished (its completion not yet handled, so the
// app still counts as busy) keeps the writing too.
TEST_F(GuiAutosave, ALockRightAfterAJobStillKeepsTheWriting) {
    type_new_report("busy", "typed while a file was being stored");
    std::promise<void> release;
    auto released = release.get_future().share();
    ui_->app().state().worker().submit("a job", [released](core::JobContext&) { released.wait(); });
    ASSERT_TRUE(ui_->app().state().busy());
    release.set_value();
    ui_->app().state().worker().wait_until_idle();
    ASSERT_TRUE(ui_->app().state().busy());  // its completion is still pending
    ui_->app().lock();                          // e.g. the idle lock, before any frame polls it
    ASSERT_FALSE(ui_->app().state().unlocked());
    ui_->frame();
    unlock_through_ui(*ui_);
    ASSERT_EQ(kept().size(), 1u);
    EXPECT_EQ(kept()[0].content.narrative, "typed while a file was being stored");
}

// Edits undone after they were kept: what was kept goes, so it cannot come back.
TEST_F(GuiAutosave, UndoneEditsAreNotOfferedBack) {
    type_new_report("oops", "typed by mistake");
    ui_->now() += 6.0;
    ui_->frame();
    ASSERT_EQ(kept().size(), 1u);
    ui_->app().report_editor_view().draft() = core::ReportContent{};  // everything erased again
    ui_->now() += 6.0;
    ui_->frame();
    EXPECT_TRUE(kept().empty());
}

TEST_F(GuiAutosave, EveryFewSecondsWhileTypingAndDiscardEndsIt) {
    type_new_report("slow", "first words");
    EXPECT_TRUE(kept().empty());
    ui_->now() += 6.0;
    ui_->frame();
    ASSERT_EQ(kept().size(), 1u);
    EXPECT_EQ(kept()[0].content.narrative, "first words");
    ui_->type(" and more");
    ui_->now() += 6.0;
    ui_->frame();
    ASSERT_EQ(kept().size(), 1u);  // the same editing session: replaced, not added
    EXPECT_EQ(kept()[0].content.narrative, "first words and more");
    ui_->click("editor.back");
    ui_->settle();
    ui_->click("editor.discard");  // "Discard them"
    ui_->settle();
    EXPECT_TRUE(kept().empty());
}

}  // namespace
}  // namespace fv::gui::test
