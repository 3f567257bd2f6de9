// Tidying a draft in the editor (issue 14): a caption for a file, a wrong file
// removed, the draft deleted; words being typed are never lost meanwhile.
#include <gtest/gtest.h>

#include <fstream>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/reports.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

class GuiDraftCleanup : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        core::ReportContent c;
        c.title = "Call";
        report_ = core::ReportService(ui_->session()).create(c);
        for (const char* name : {"chat.png", "wrong.pdf"}) {
            std::ofstream(dir_.path() / name) << std::string(1000, 'x');
            core::AttachmentService(ui_->session()).attach(report_, dir_.path() / name);
        }
        editor().load(ui_->app().state(), report_);
        ui_->app().navigate(Screen::ReportEditor);
        ui_->settle();
    }
    ReportEditorView& editor() { return ui_->app().report_editor_view(); }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
    std::int64_t report_ = 0;
};

TEST_F(GuiDraftCleanup, CaptionAndRemoveKeepTheWordsBeingTyped) {
    ui_->click("editor.title");
    ui_->type(" from the embassy");  // not saved
    ui_->click("evidence.caption.0");
    ui_->click("evidence.caption_text");
    ui_->type("他发来的微信");
    ui_->click("evidence.caption_save");
    ui_->settle();
    ui_->frame();
    auto detail = core::ReportService(ui_->session()).get(report_);
    EXPECT_EQ(detail.attachments.at(0).caption, "他发来的微信");
    EXPECT_EQ(editor().draft().title, "Call from the embassy");  // still there, still unsaved
    EXPECT_TRUE(editor().dirty());

    ui_->click("evidence.remove.1");
    ui_->click("evidence.remove_confirm");
    ui_->settle();
    ui_->frame();
    detail = core::ReportService(ui_->session()).get(report_);
    ASSERT_EQ(detail.attachments.size(), 1u);
    EXPECT_EQ(detail.attachments[0].name, "chat.png");
    EXPECT_EQ(editor().draft().title, "Call from the embassy");
    EXPECT_FALSE(ui_->drawn("evidence.remove.1"));  // the table shows one file now
}

TEST_F(GuiDraftCleanup, ADraftIsDeletedAfterAskingAndAFinalOneOffersNoDelete) {
    ui_->click("editor.delete");
    ui_->click("editor.delete_keep");  // changed their mind
    EXPECT_EQ(core::ReportService(ui_->session()).list().size(), 1u);
    ui_->click("editor.delete");
    ui_->click("editor.delete_confirm");
    ui_->settle();
    EXPECT_EQ(ui_->app().screen(), Screen::ReportList);
    EXPECT_TRUE(core::ReportService(ui_->session()).list().empty());

    core::ReportContent c;
    c.title = "Final";
    const auto final_report = core::ReportService(ui_->session()).create(c);
    core::ReportService(ui_->session()).finalize(final_report);
    editor().load(ui_->app().state(), final_report);
    ui_->app().navigate(Screen::ReportEditor);
    ui_->settle();
    EXPECT_FALSE(ui_->drawn("editor.delete"));
}

}  // namespace
}  // namespace fv::gui::test

namespace fv::gui::test {
namespace {

// After attaching, the original can be deleted from the computer, once asked;
// the copy in the vault stays.
TEST_F(GuiDraftCleanup, TheOriginalIsOfferedForDeletionAfterAttaching) {
    const auto original = dir_.path() / "police-visit.jpg";
    std::ofstream(original) << std::string(5000, 'p');
    editor().attach(ui_->app().state(), original);
    ui_->settle();
    ui_->frame();
    ASSERT_TRUE(ui_->drawn("editor.original_delete"));
    ui_->click("editor.original_delete");
    ui_->click("editor.original_delete_confirm");
    ui_->settle();
    EXPECT_FALSE(std::filesystem::exists(original));
    EXPECT_EQ(core::ReportService(ui_->session()).get(report_).attachments.size(), 3u);
    EXPECT_FALSE(ui_->drawn("editor.original_delete"));

    // "Keep it" keeps it.
    const auto second = dir_.path() / "second.jpg";
    std::ofstream(second) << std::string(100, 's');
    editor().attach(ui_->app().state(), second);
    ui_->settle();
    ui_->frame();
    ui_->click("editor.original_keep");
    ui_->frame();
    EXPECT_TRUE(std::filesystem::exists(second));
    EXPECT_FALSE(ui_->drawn("editor.original_delete"));
}

}  // namespace
}  // namespace fv::gui::test

namespace fv::gui::test {
namespace {

// Uyghur typed in the account: the editor says once that this window cannot
// join the letters (the words are kept as typed); closed, it stays closed.
TEST_F(GuiDraftCleanup, UyghurTextGetsOneNoteAboutHowItIsDrawn) {
    EXPECT_FALSE(ui_->drawn("editor.shaping_note_close"));
    editor().draft().narrative = "ساقچى ئانامنى ئىزدەپ كەلدى";
    ui_->frame();
    ASSERT_TRUE(ui_->drawn("editor.shaping_note_close"));
    ui_->click("editor.shaping_note_close");
    ui_->frame();
    EXPECT_FALSE(ui_->drawn("editor.shaping_note_close"));
    EXPECT_EQ(editor().draft().narrative, "ساقچى ئانامنى ئىزدەپ كەلدى");
}

}  // namespace
}  // namespace fv::gui::test
