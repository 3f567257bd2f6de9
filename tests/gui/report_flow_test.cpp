// Write a report through the editor, find it in the list, attach files, lock.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <fstream>

#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

const std::string kTitle = "Visit from two men at work";
const std::string kNarrative = "两名自称中国警察的人到我工作的地方找我";

class GuiReportFlow : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
    }

    // New report with a title, a Chinese narrative and one tactic, saved.
    void add_report_through_editor() {
        ui_->click("list.new");
        ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
        ui_->click("editor.title");
        ui_->type(kTitle);
        ui_->click("editor.narrative");
        ui_->type(kNarrative);
        ui_->click("tactic.surveillance");
        ui_->click("editor.save");
        ASSERT_NE(ui_->app().report_editor_view().report_id(), 0) << ui_->app().report_editor_view().error();
    }

    core::ReportDetail stored(std::int64_t id) {
        return core::ReportService(ui_->session()).get(id);
    }

    std::filesystem::path write_file(const std::string& name, const std::string& bytes) {
        const auto path = dir_.path() / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiReportFlow, EditorSavesTitleChineseNarrativeAndTactic) {
    add_report_through_editor();
    const auto id = ui_->app().report_editor_view().report_id();
    const auto detail = stored(id);
    EXPECT_EQ(detail.report.content.title, kTitle);
    EXPECT_EQ(detail.report.content.narrative, kNarrative);
    EXPECT_EQ(detail.report.content.tactics, std::vector<std::string>{"surveillance"});
    EXPECT_EQ(detail.report.status, core::ReportStatus::Draft);
    EXPECT_EQ(detail.report.revision, 1);
    EXPECT_FALSE(ui_->app().report_editor_view().dirty());
}

TEST_F(GuiReportFlow, EditingMakesANewRevision) {
    add_report_through_editor();
    const auto id = ui_->app().report_editor_view().report_id();
    ui_->click("tactic.harassment");
    EXPECT_TRUE(ui_->app().report_editor_view().dirty());
    ui_->click("editor.save");
    const auto detail = stored(id);
    EXPECT_EQ(detail.report.revision, 2);
    EXPECT_EQ(detail.revisions.size(), 2u);
    EXPECT_NE(std::find(detail.report.content.tactics.begin(), detail.report.content.tactics.end(), "harassment"),
              detail.report.content.tactics.end());
}

TEST_F(GuiReportFlow, EmptyTitleIsNotSavedAndSaysWhy) {
    ui_->click("list.new");
    ui_->click("editor.narrative");
    ui_->type("text without a title");
    ui_->click("editor.save");
    EXPECT_EQ(ui_->app().report_editor_view().report_id(), 0);
    EXPECT_NE(ui_->app().report_editor_view().error().find("title"), std::string::npos)
        << ui_->app().report_editor_view().error();
    EXPECT_TRUE(core::ReportService(ui_->session()).list().empty());
}

TEST_F(GuiReportFlow, SavedReportAppearsInListAndChineseSearchFindsIt) {
    add_report_through_editor();
    const auto id = ui_->app().report_editor_view().report_id();
    ui_->click("editor.back");
    ASSERT_EQ(ui_->app().screen(), Screen::ReportList);
    ui_->settle();  // the list is loaded on the worker
    const auto& rows = ui_->app().report_list_view().rows();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].id, id);
    EXPECT_EQ(rows[0].title, kTitle);
    // Leaving the editor dropped its decrypted copy.
    EXPECT_FALSE(ui_->app().report_editor_view().holds_sensitive_data());

    ui_->click("list.search");
    ui_->type("警察");
    ui_->settle();
    ASSERT_EQ(ui_->app().report_list_view().rows().size(), 1u) << ui_->app().report_list_view().error();
    ui_->press(kKeyBackspace);
    ui_->press(kKeyBackspace);
    ui_->type("不存在的词");
    ui_->settle();
    EXPECT_TRUE(ui_->app().report_list_view().rows().empty());

    // Clicking a row opens the report.
    ui_->click("list.clear");
    ui_->settle();
    ASSERT_EQ(ui_->app().report_list_view().rows().size(), 1u);
    ui_->click("list.row0");
    EXPECT_EQ(ui_->app().screen(), Screen::ReportEditor);
    EXPECT_EQ(ui_->app().report_editor_view().report_id(), id);
    EXPECT_EQ(ui_->app().report_editor_view().draft().narrative, kNarrative);
}

TEST_F(GuiReportFlow, AttachesAFileTypedAsAPath) {
    add_report_through_editor();
    const std::string bytes = "evidence bytes\n\x01\x02\x03";
    const auto file = write_file("photo.jpg", bytes);
    ui_->click("editor.attach_path");
    ui_->type(file.string());
    ui_->click("editor.attach");
    ui_->settle();
    const auto& detail = ui_->app().report_editor_view().detail();
    ASSERT_TRUE(detail.has_value());
    ASSERT_EQ(detail->attachments.size(), 1u) << ui_->app().report_editor_view().error();
    EXPECT_EQ(detail->attachments[0].name, "photo.jpg");
    EXPECT_EQ(detail->attachments[0].size, bytes.size());
    EXPECT_EQ(detail->attachments[0].sha256, crypto::to_hex(crypto::sha256(bytes)));
}

TEST_F(GuiReportFlow, MissingFileIsReportedAndNothingAttached) {
    add_report_through_editor();
    ui_->app().report_editor_view().attach(ui_->app().state(), dir_.path() / "no-such-file");
    ui_->settle();
    EXPECT_FALSE(ui_->app().report_editor_view().error().empty());
    EXPECT_TRUE(ui_->app().report_editor_view().detail()->attachments.empty());
}

TEST_F(GuiReportFlow, DroppedFilesAreAttached) {
    add_report_through_editor();
    ui_->app().files_dropped({write_file("a.txt", "first"), write_file("b.txt", "second file")});
    ui_->frame();
    ui_->settle();
    const auto& detail = ui_->app().report_editor_view().detail();
    ASSERT_TRUE(detail.has_value());
    EXPECT_EQ(detail->attachments.size(), 2u) << ui_->app().report_editor_view().error();
}

// Attaching while writing a new report saves it as a draft, then attaches;
// with no title yet it says so and stores nothing; a missing file saves nothing.
TEST_F(GuiReportFlow, DropOnANewReportSavesItAsADraftAndAttaches) {
    ui_->click("list.new");
    ui_->app().files_dropped({write_file("a.txt", "first")});
    ui_->frame();
    ui_->settle();
    auto& editor = ui_->app().report_editor_view();
    EXPECT_NE(editor.error().find("title"), std::string::npos) << editor.error();
    EXPECT_EQ(editor.report_id(), 0);

    ui_->click("editor.title");
    ui_->type("with a file");
    editor.attach(ui_->app().state(), dir_.path() / "no-such-file.jpg");
    EXPECT_FALSE(editor.error().empty());
    EXPECT_EQ(editor.report_id(), 0);  // nothing saved for a wrong path

    ui_->app().files_dropped({write_file("b.txt", "second"), write_file("c.txt", "third")});
    ui_->frame();
    ui_->settle();
    ASSERT_NE(editor.report_id(), 0) << editor.error();
    const auto stored_report = stored(editor.report_id());
    EXPECT_EQ(stored_report.report.content.title, "with a file");
    EXPECT_EQ(stored_report.report.status, core::ReportStatus::Draft);
    EXPECT_EQ(stored_report.attachments.size(), 2u);
}

TEST_F(GuiReportFlow, FinaliseThroughConfirmationMakesReportReadOnly) {
    add_report_through_editor();
    const auto id = ui_->app().report_editor_view().report_id();
    ui_->click("editor.finalize");
    ui_->click("editor.finalize_confirm");
    EXPECT_EQ(stored(id).report.status, core::ReportStatus::Final);
    EXPECT_FALSE(ui_->drawn("editor.save"));
    EXPECT_FALSE(ui_->drawn("editor.attach"));
    // What the buttons would call is refused by core too.
    ui_->app().report_editor_view().draft().title = "changed";
    EXPECT_FALSE(ui_->app().report_editor_view().save(ui_->app().state()));
    EXPECT_EQ(stored(id).report.content.title, kTitle);
}

TEST_F(GuiReportFlow, CtrlLLocksAndViewsKeepNoReportText) {
    add_report_through_editor();
    ui_->click("editor.back");
    ui_->click("list.search");
    ui_->type("Visit");
    ui_->settle();
    ASSERT_FALSE(ui_->app().report_list_view().rows().empty());
    ui_->press(kKeyL, true);
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    EXPECT_TRUE(ui_->app().report_list_view().rows().empty());
    EXPECT_EQ(ui_->app().report_editor_view().report_id(), 0);
    // Typing L without Ctrl on the unlock screen goes into the field, not a lock.
    unlock_through_ui(*ui_);
    EXPECT_TRUE(ui_->app().state().unlocked());
}

TEST_F(GuiReportFlow, LockFromEditorClearsTheDraft) {
    ui_->click("list.new");
    ui_->click("editor.title");
    ui_->type("unsaved draft title");
    ui_->click("lock");
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    EXPECT_TRUE(ui_->app().report_editor_view().draft().title.empty());
}

TEST_F(GuiReportFlow, AutoLocksAfterIdleTimeOnly) {
    ui_->app().state().set_auto_lock_seconds(300.0);
    ui_->now() += 299.0;
    ui_->frame();
    EXPECT_TRUE(ui_->app().state().unlocked());
    // Input resets the idle timer.
    ImGui::GetIO().MousePos = ImVec2(200.0f, 200.0f);
    ui_->frame();
    ui_->now() += 250.0;
    ui_->frame();
    EXPECT_TRUE(ui_->app().state().unlocked());
    ui_->now() += 60.0;
    ui_->frame();
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiReportFlow, AutoLockCanBeTurnedOff) {
    ui_->app().state().set_auto_lock_seconds(0.0);
    ui_->now() += 100000.0;
    ui_->frames(2);
    EXPECT_TRUE(ui_->app().state().unlocked());
}

}  // namespace
}  // namespace fv::gui::test
