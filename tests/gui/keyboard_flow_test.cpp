// Keyboard alone (issue 14): a person who cannot use a mouse creates a vault,
// writes and saves a report, opens it again, locks and unlocks, with no click;
// the focus is shown where the keyboard is, and dialogs start on the safe answer.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "fieldvault/core/reports.h"
#include "headless_ui.h"
#include "platform/theme.h"
#include "platform/ui_setup.h"

namespace fv::gui::test {
namespace {

std::string only_report_title(HeadlessUi& ui) {
    const auto rows = core::ReportService(ui.session()).list();
    return rows.size() == 1 ? rows.front().title : "(" + std::to_string(rows.size()) + " reports)";
}

TEST(GuiKeyboard, APersonsDayWithNoClick) {
    TempDir dir;
    HeadlessUi ui(dir.path() / "vault");
    ASSERT_EQ(ui.app().screen(), Screen::Welcome);
    EXPECT_FALSE(keyboard_focus().has_value()) << "no focus is shown before a key is pressed";

    // First screen: the arrows reach "Create a new vault"; Enter presses it.
    ui.press_until_focused(kKeyDown, "welcome.create");
    ui.press(kKeyEnter);
    ASSERT_EQ(ui.app().screen(), Screen::Create);
    ui.frame();
    EXPECT_TRUE(ui.focused("create.name")) << "the first field is ready for typing: " << ui.focus_text();
    EXPECT_TRUE(ui.typing());

    // Tab goes from text field to text field; typing goes where the ring is.
    ui.press_until_focused(kKeyTab, "create.passphrase");
    EXPECT_TRUE(ui.typing());
    ui.type(kPassphrase);
    ui.press(kKeyTab);
    ASSERT_TRUE(ui.focused("create.confirmation")) << ui.focus_text();
    ui.type(kPassphrase);
    ui.press(kKeyEnter);  // in the last field: creates the vault
    ui.settle();
    ASSERT_TRUE(ui.app().create_view().showing_recovery_key()) << ui.app().create_view().error();

    // The recovery key: the keyboard is on "I have written it down" (Space
    // ticks it), the key typed back, Escape out of the field, down to Continue.
    ui.frame();
    EXPECT_TRUE(ui.focused("create.written_down")) << ui.focus_text();
    ui.press_until_focused(kKeyDown, "create.written_down");
    ui.press(kKeySpace);
    ASSERT_TRUE(ui.drawn("create.retyped_key"));
    ui.press_until_focused(kKeyTab, "create.retyped_key");
    ui.type(std::string(ui.app().create_view().recovery_key_text()));
    ui.press(kKeyEscape);
    EXPECT_TRUE(ui.focused("create.retyped_key")) << "Escape leaves the field; the focus stays visible on it";
    EXPECT_FALSE(ui.typing());
    EXPECT_TRUE(ui.app().create_view().retyped_key_matches()) << "Escape keeps what was typed";
    ui.press_until_focused(kKeyDown, "create.continue");
    ui.press(kKeyEnter);
    ASSERT_EQ(ui.app().screen(), Screen::ReportList);
    ui.settle();

    // A new report: its title typed, saved with Ctrl+S.
    ui.press_until_focused(kKeyUp, "list.new");
    ui.press(kKeyEnter);
    ASSERT_EQ(ui.app().screen(), Screen::ReportEditor);
    ui.press_until_focused(kKeyTab, "editor.title");
    ui.type("Visit to my mother");
    // Tab on to the written account (the wrapping editor), typed in Chinese.
    ui.press_until_focused(kKeyTab, "editor.narrative");
    EXPECT_TRUE(ui.typing()) << ui.focus_text();
    ui.type("警察昨天去了我母亲家。");
    ui.press(kKeyS, /*ctrl=*/true);
    ui.settle();
    EXPECT_EQ(only_report_title(ui), "Visit to my mother");
    EXPECT_FALSE(ui.app().report_editor_view().dirty());
    {
        core::ReportService reports(ui.session());
        auto detail = reports.get(reports.list().front().id);
        EXPECT_EQ(detail.report.content.narrative, "警察昨天去了我母亲家。");
    }

    // Back to the list, into it, and open the report again.
    ui.press(kKeyEscape);
    // Up to the form's own row of buttons (Save is off: nothing to save), then left.
    for (int i = 0; i < 30 && !ui.focused("editor.finalize") && !ui.focused("editor.delete"); ++i) ui.press(kKeyUp);
    ui.press_until_focused(kKeyLeft, "editor.back");
    ui.press(kKeyEnter);
    ASSERT_EQ(ui.app().screen(), Screen::ReportList);
    ui.settle();
    ui.press_until_focused(kKeyDown, "list.row0");  // from the top of the screen, past the filters
    ui.press(kKeyEnter);
    ui.settle();
    ASSERT_EQ(ui.app().screen(), Screen::ReportEditor);
    EXPECT_TRUE(ui.app().report_editor_view().holds_sensitive_data());

    // Ctrl+L locks; the passphrase field has the focus at once; Enter unlocks.
    ui.press(kKeyL, /*ctrl=*/true);
    ASSERT_EQ(ui.app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui.app().state().unlocked());
    ui.frame();
    EXPECT_TRUE(ui.focused("unlock.passphrase")) << ui.focus_text();
    EXPECT_TRUE(ui.typing());
    ui.type(kPassphrase);
    ui.press(kKeyEnter);
    ui.settle();
    ui.settle();
    ASSERT_EQ(ui.app().screen(), Screen::ReportList);
    EXPECT_EQ(only_report_title(ui), "Visit to my mother");
}

class GuiKeyboardEditor : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        ui_->click("list.new");
        ui_->click("editor.title");
        ui_->type("Call from an unknown number");
        ui_->click("editor.save");
        ui_->settle();
        ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
        ASSERT_FALSE(ui_->app().report_editor_view().dirty());
    }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiKeyboardEditor, EnterAfterTheMouseOnlyShowsTheFocus) {
    // The mouse pressed "Delete draft..." last: the focus is there but hidden.
    ui_->click("editor.delete");
    ui_->press(kKeyEscape);  // the dialog closed by Escape
    ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
    EXPECT_EQ(only_report_title(*ui_), "Call from an unknown number");
    ui_->click("editor.title");
    ui_->press(kKeyEscape);
    ui_->click("editor.back");  // nothing to save: back on the list
    ASSERT_EQ(ui_->app().screen(), Screen::ReportList);
    ui_->settle();
    ImGui::GetIO().MousePos = ImVec2(2.0f, 790.0f);  // the mouse moved away
    ui_->frame();
    EXPECT_FALSE(keyboard_focus().has_value());
    // Enter with the focus hidden presses nothing; it shows where the focus is.
    ui_->press(kKeyEnter);
    EXPECT_EQ(ui_->app().screen(), Screen::ReportList);
    EXPECT_TRUE(keyboard_focus().has_value());
}

TEST_F(GuiKeyboardEditor, DialogsStartOnTheSafeAnswer) {
    // "Delete draft..." reached by the arrows (from Save, pressed last); its
    // dialog focuses "Keep it".
    ui_->press_until_focused(kKeyLeft, "editor.delete");
    ui_->press(kKeyEnter);
    ui_->frame();
    ASSERT_TRUE(ui_->drawn("editor.delete_keep"));
    EXPECT_TRUE(ui_->focused("editor.delete_keep")) << ui_->focus_text();
    ui_->press(kKeyEnter);  // keeps it
    EXPECT_FALSE(ui_->drawn("editor.delete_keep"));
    EXPECT_EQ(only_report_title(*ui_), "Call from an unknown number");

    // "Mark as final..." focuses "Keep as draft"; Escape closes it too.
    ui_->press_until_focused(kKeyRight, "editor.finalize");
    ui_->press(kKeyEnter);
    ui_->frame();
    ASSERT_TRUE(ui_->drawn("editor.finalize_keep"));
    EXPECT_TRUE(ui_->focused("editor.finalize_keep")) << ui_->focus_text();
    ui_->press(kKeyEscape);
    EXPECT_FALSE(ui_->drawn("editor.finalize_keep"));
    const auto rows = core::ReportService(ui_->session()).list();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().status, core::ReportStatus::Draft);

    // The other way: Left to "Mark as final" in the dialog, Enter: final.
    ui_->press_until_focused(kKeyRight, "editor.finalize");
    ui_->press(kKeyEnter);
    ui_->frame();
    ui_->press_until_focused(kKeyLeft, "editor.finalize_confirm");
    ui_->press(kKeyEnter);
    ui_->settle();
    const auto after = core::ReportService(ui_->session()).list();
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after.front().status, core::ReportStatus::Final);
}

// A tooltip window is shown this frame.
bool tooltip_shown() {
    for (ImGuiWindow* window : GImGui->Windows)
        if ((window->Flags & ImGuiWindowFlags_Tooltip) != 0 && window->Active) return true;
    return false;
}

TEST_F(GuiKeyboardEditor, TacticHintsShowForTheKeyboardToo) {
    // The plain one-line hint of each tactic (on hover for the mouse) shows
    // while the keyboard is on its box; Space ticks it.
    // Down the form to the tactics' row, then left to the first box.
    ui_->press_until_focused(kKeyLeft, "editor.back");
    for (int i = 0; i < 40; ++i) {
        const auto box = ui_->app().state().probe().find("tactic.harassment");
        const auto ring = keyboard_focus();
        if (box && ring && ring->min.y >= box->min.y - 2.0f) break;
        ui_->press(kKeyDown);
    }
    ui_->press_until_focused(kKeyLeft, "tactic.harassment", 5);
    EXPECT_TRUE(tooltip_shown());
    ui_->press(kKeySpace);
    EXPECT_TRUE(ui_->app().report_editor_view().dirty());
    ui_->press(kKeyS, /*ctrl=*/true);
    ui_->settle();
    core::ReportService reports(ui_->session());
    const auto detail = reports.get(reports.list().front().id);
    ASSERT_EQ(detail.report.content.tactics.size(), 1u);
    EXPECT_EQ(detail.report.content.tactics.front(), "harassment");
}

TEST_F(GuiKeyboardEditor, CtrlTabShowsNoWindowSwitcher) {
    // ImGui's Ctrl+Tab list of windows (one here, named in English) never shows.
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[kKeyTab] = true;
    for (int i = 0; i < 40; ++i) ui_->frame();  // held for two thirds of a second
    io.KeysDown[kKeyTab] = false;
    io.KeyCtrl = false;
    EXPECT_EQ(GImGui->NavWindowingTarget, nullptr);
    for (ImGuiWindow* window : GImGui->Windows)
        EXPECT_FALSE(window->Active && std::string(window->Name).find("NavWindowingList") != std::string::npos);
    ui_->frames(3);
    EXPECT_EQ(ui_->app().screen(), Screen::ReportEditor);
}

TEST_F(GuiKeyboardEditor, CtrlSDoesNothingWithNothingToSave) {
    const auto rows = core::ReportService(ui_->session()).list();
    ASSERT_EQ(rows.size(), 1u);
    const auto before = core::ReportService(ui_->session()).get(rows.front().id).report.revision;
    ui_->press(kKeyS, /*ctrl=*/true);
    ui_->settle();
    const auto after = core::ReportService(ui_->session()).get(rows.front().id).report.revision;
    EXPECT_EQ(after, before) << "no new revision without a change";
}

TEST_F(GuiKeyboardEditor, AttachesAFileThroughTheFileBrowser) {
    const auto files = dir_.path() / "files";
    std::filesystem::create_directories(files);
    std::ofstream(files / "note.txt") << "what he said on the phone\n";
    // The evidence is at the end of the form: down the arrows to "Choose a
    // file to attach...".
    ui_->press_until_focused(kKeyDown, "evidence.browse", 80);
    ui_->press(kKeyEnter);
    auto& evidence = ui_->app().report_editor_view().evidence();
    ASSERT_TRUE(evidence.browser().is_open());
    // The browser: Tab to "Go to folder", type, Enter; down to the file;
    // Enter picks it, Enter again attaches it.
    ui_->press_until_focused(kKeyTab, "browser.goto");
    ui_->type(files.string());
    ui_->press(kKeyEnter);
    ASSERT_EQ(evidence.browser().listing().folder, files);
    ui_->press_until_focused(kKeyDown, "browser.entry.note.txt");
    ui_->press(kKeyEnter);
    EXPECT_TRUE(evidence.browser().is_open()) << "the first Enter only picks the file";
    ui_->press(kKeyEnter);
    ui_->settle();
    ui_->settle();
    EXPECT_FALSE(evidence.browser().is_open());
    const auto rows = core::ReportService(ui_->session()).list();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().attachment_count, 1);
}

TEST_F(GuiKeyboardEditor, EscapeClosesTheFileBrowserWithoutAttaching) {
    ui_->press_until_focused(kKeyDown, "evidence.browse", 80);
    ui_->press(kKeyEnter);
    auto& evidence = ui_->app().report_editor_view().evidence();
    ASSERT_TRUE(evidence.browser().is_open());
    ui_->press(kKeyEscape);
    EXPECT_FALSE(evidence.browser().is_open());
    EXPECT_EQ(core::ReportService(ui_->session()).list().front().attachment_count, 0);
}

// The screens of the header, reached with the arrows from the report list,
// each with its main control reachable and working.
class GuiKeyboardScreens : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        ui_->click("list.new");
        ui_->click("editor.title");
        ui_->type("Messages from a stranger");
        ui_->click("editor.save");
        ui_->settle();
        ui_->click("editor.back");
        ui_->settle();
        ASSERT_EQ(ui_->app().screen(), Screen::ReportList);
    }
    // Up from the screen into the header, then along it to `target`, Enter.
    void open_from_header(const std::string& target, Screen screen) {
        const auto header = ui_->app().state().probe().find("quick_exit");
        ASSERT_TRUE(header.has_value());
        for (int i = 0; i < 20; ++i) {
            const auto ring = keyboard_focus();
            if (ring && ring->min.y < header->max.y) break;
            ui_->press(kKeyUp);
        }
        ui_->press_until_focused(kKeyLeft, "nav.reports");
        ui_->press_until_focused(kKeyRight, target);
        ui_->press(kKeyEnter);
        ui_->settle();
        ASSERT_EQ(ui_->app().screen(), screen);
    }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiKeyboardScreens, SettingsThemeByKeyboard) {
    open_from_header("settings", Screen::Settings);
    ui_->press_until_focused(kKeyDown, "settings.theme.light", 60);
    ui_->press_until_focused(kKeyRight, "settings.theme.high_contrast");
    ui_->press(kKeySpace);
    EXPECT_EQ(ui_->app().state().settings().theme, ThemeKind::HighContrast);
    EXPECT_TRUE(ui_->focused("settings.theme.high_contrast")) << "the focus stays visible in the new theme";
}

TEST_F(GuiKeyboardScreens, ContactsExportImportAuditByKeyboard) {
    open_from_header("nav.contacts", Screen::Contacts);
    ui_->press_until_focused(kKeyTab, "contacts.name");
    EXPECT_TRUE(ui_->typing());
    ui_->press(kKeyEscape);

    // Export: the report ticked with Space, then Next.
    open_from_header("nav.export", Screen::Export);
    ui_->press_until_focused(kKeyDown, "export.report.0", 40);
    ui_->press(kKeySpace);
    ui_->press_until_focused(kKeyDown, "export.next", 10);
    ui_->press(kKeyEnter);
    EXPECT_TRUE(ui_->drawn("export.back")) << "on the second step";

    open_from_header("nav.import", Screen::Import);
    ui_->press_until_focused(kKeyTab, "import.path");
    ui_->type((dir_.path() / "no-such-bundle.fvb").string());
    ui_->press(kKeyEnter);  // checks the file: there is none
    ui_->settle();
    EXPECT_EQ(ui_->app().screen(), Screen::Import);

    open_from_header("nav.audit", Screen::Audit);
    ui_->press_until_focused(kKeyDown, "audit.refresh", 40);
    ui_->press(kKeyEnter);
    ui_->settle();
    EXPECT_EQ(ui_->app().screen(), Screen::Audit);
}

// Relative luminance and contrast ratio (WCAG 2).
double luminance(const ImVec4& c) {
    auto channel = [](float v) {
        const double x = static_cast<double>(v);
        return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(GuiKeyboardTheme, TheFocusColourStandsOutInEveryTheme) {
    ImGui::CreateContext();
    for (const auto kind : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast}) {
        ImGuiStyle style;
        theme::apply(style, kind);
        const ImVec4 focus = style.Colors[ImGuiCol_NavHighlight];
        EXPECT_EQ(focus.w, 1.0f) << "opaque";
        // Against the window and against a text field's own background.
        EXPECT_GE(contrast(focus, style.Colors[ImGuiCol_WindowBg]), 3.0) << static_cast<int>(kind);
        EXPECT_GE(contrast(focus, style.Colors[ImGuiCol_FrameBg]), 3.0) << static_cast<int>(kind);
    }
    ImGui::DestroyContext();
}

}  // namespace
}  // namespace fv::gui::test
