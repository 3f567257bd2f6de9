// Create, lock and unlock a vault through the real views, by clicking and typing.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cctype>
#include <cstring>
#include <filesystem>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

// True if ImGui's own copy of the active text field still holds `needle`.
bool imgui_text_state_contains(const std::string& needle) {
    const ImGuiInputTextState& state = GImGui->InputTextState;
    const std::string a(state.TextA.Data != nullptr ? state.TextA.Data : "",
                        state.TextA.Data != nullptr ? static_cast<std::size_t>(state.TextA.Size) : 0);
    const std::string initial(state.InitialTextA.Data != nullptr ? state.InitialTextA.Data : "",
                              state.InitialTextA.Data != nullptr ? static_cast<std::size_t>(state.InitialTextA.Size) : 0);
    if (a.find(needle) != std::string::npos || initial.find(needle) != std::string::npos) return true;
    // TextW holds UTF-16 code units; our needles are ASCII.
    std::string narrow;
    for (int i = 0; i < state.TextW.Size; ++i) narrow.push_back(static_cast<char>(state.TextW.Data[i] & 0x7F));
    return narrow.find(needle) != std::string::npos;
}

TEST(GuiVaultFlow, StartsOnTheFirstRunChoiceWhenThereIsNoVault) {
    TempDir dir;
    HeadlessUi ui(dir.path() / "vault");
    EXPECT_EQ(ui.app().screen(), Screen::Welcome);
    ui.click("welcome.create");
    EXPECT_EQ(ui.app().screen(), Screen::Create);
    EXPECT_TRUE(ui.drawn("create.passphrase"));
    EXPECT_FALSE(ui.app().state().unlocked());
}

TEST(GuiVaultFlow, CreatesVaultShowsRecoveryKeyOnceAndContinuesUnlocked) {
    TempDir dir;
    const auto vault = dir.path() / "vault";
    HeadlessUi ui(vault);
    ui.click("welcome.create");
    ui.click("create.passphrase");
    ui.type(kPassphrase);
    ui.click("create.confirmation");
    ui.type(kPassphrase);
    ui.click("create.submit");
    ui.settle();
    ASSERT_TRUE(ui.app().create_view().showing_recovery_key()) << ui.app().create_view().error();
    EXPECT_TRUE(core::Session::vault_exists(vault));
    EXPECT_TRUE(ui.app().state().unlocked());
    // The typed passphrase is gone from our fields and from ImGui's copy.
    EXPECT_TRUE(ui.app().create_view().passphrase().empty());
    EXPECT_TRUE(ui.app().create_view().confirmation().empty());
    EXPECT_FALSE(imgui_text_state_contains("horse battery"));

    // Nothing else is reachable meanwhile; Lock and Quick exit stay.
    EXPECT_FALSE(ui.drawn("nav.reports"));
    EXPECT_FALSE(ui.drawn("settings"));
    EXPECT_TRUE(ui.drawn("lock"));
    EXPECT_TRUE(ui.drawn("quick_exit"));
    // Continue is disabled until the checkbox is ticked and the key typed back.
    ui.click("create.continue");
    EXPECT_EQ(ui.app().screen(), Screen::Create);
    ui.click("create.written_down");
    ui.click("create.continue");
    EXPECT_EQ(ui.app().screen(), Screen::Create);
    std::string key(ui.app().create_view().recovery_key_text());
    std::string slip = key;
    slip[slip.size() - 3] = slip[slip.size() - 3] == 'A' ? 'B' : 'A';  // one character wrong
    ui.click("create.retyped_key");
    ui.type(slip);
    EXPECT_FALSE(ui.app().create_view().retyped_key_matches());
    ui.click("create.continue");
    EXPECT_EQ(ui.app().screen(), Screen::Create);
    ui.app().create_view().clear_retyped_key_for_test();
    // Lower case and without dashes, as people copy from paper: the same key.
    std::string casual;
    for (char c : key)
        if (c != '-') casual.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    ui.click("create.retyped_key");
    ui.type(casual);
    EXPECT_TRUE(ui.app().create_view().retyped_key_matches());
    ui.click("create.continue");
    EXPECT_EQ(ui.app().screen(), Screen::ReportList);
    EXPECT_FALSE(ui.app().create_view().showing_recovery_key());
    EXPECT_TRUE(ui.drawn("nav.reports"));
}

TEST(GuiVaultFlow, MismatchedPassphrasesCreateNothing) {
    TempDir dir;
    const auto vault = dir.path() / "vault";
    HeadlessUi ui(vault);
    ui.click("welcome.create");
    ui.click("create.passphrase");
    ui.type("one long passphrase here");
    ui.click("create.confirmation");
    ui.type("another long passphrase");
    ui.click("create.submit");  // disabled: nothing happens
    ui.settle();
    EXPECT_FALSE(core::Session::vault_exists(vault));
    EXPECT_FALSE(ui.app().create_view().showing_recovery_key());
    // Calling what the button calls directly is refused too.
    ui.app().create_view().submit(ui.app().state());
    ui.settle();
    EXPECT_FALSE(core::Session::vault_exists(vault));
    EXPECT_FALSE(ui.app().create_view().error().empty());
}

TEST(GuiVaultFlow, TooShortPassphraseIsRefused) {
    TempDir dir;
    const auto vault = dir.path() / "vault";
    HeadlessUi ui(vault);
    ui.app().create_view().passphrase().set_for_test("short");
    ui.app().create_view().confirmation().set_for_test("short");
    ui.app().create_view().submit(ui.app().state());
    ui.settle();
    EXPECT_FALSE(core::Session::vault_exists(vault));
    EXPECT_NE(ui.app().create_view().error().find("short"), std::string::npos);
}

TEST(GuiVaultFlow, LockThenWrongPassphraseThenRightOne) {
    TempDir dir;
    HeadlessUi ui(dir.path() / "vault");
    create_vault_through_ui(ui);
    ui.click("lock");
    EXPECT_EQ(ui.app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui.app().state().unlocked());

    ui.click("unlock.passphrase");
    ui.type("not the passphrase");
    ui.press(kKeyEnter);  // Enter submits too
    ui.settle();
    EXPECT_EQ(ui.app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui.app().state().unlocked());
    EXPECT_EQ(ui.app().unlock_view().error(), UnlockView::kWrongPassphrase);
    EXPECT_TRUE(ui.app().unlock_view().passphrase().empty());
    EXPECT_FALSE(imgui_text_state_contains("not the passphrase"));

    unlock_through_ui(ui);
    EXPECT_EQ(ui.app().screen(), Screen::ReportList);
    EXPECT_TRUE(ui.app().state().unlocked());
    EXPECT_TRUE(ui.app().unlock_view().error().empty());
}

// An older vault.db put back: the unlock is refused with a plain explanation,
// nothing opens until the person chooses "Open this older copy anyway" (with
// the passphrase typed again), and then the list says so.
TEST(GuiVaultFlow, AnOlderDatabaseIsRefusedUntilThePersonChoosesToOpenIt) {
    TempDir dir;
    const auto vault = dir.path() / "vault";
    HeadlessUi ui(vault);
    create_vault_through_ui(ui);
    const auto db = vault / "vault.db";
    const auto old_copy = dir.path() / "old.db";
    std::filesystem::copy_file(db, old_copy);
    ui.click("lock");
    {
        auto session = core::Session::open(vault, SecretBuffer::from_string(kPassphrase));
        core::ReportContent content;
        content.title = "newer";
        (void)core::ReportService(*session).create(content);
    }
    std::filesystem::copy_file(old_copy, db, std::filesystem::copy_options::overwrite_existing);

    unlock_through_ui(ui);
    EXPECT_EQ(ui.app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui.app().state().unlocked());
    EXPECT_TRUE(ui.app().unlock_view().rollback_refused());
    EXPECT_NE(ui.app().unlock_view().error().find("older than its last recorded state"), std::string::npos)
        << ui.app().unlock_view().error();

    ui.click("unlock.passphrase");
    ui.type(kPassphrase);
    ui.click("unlock.accept_rollback");
    ui.settle();
    EXPECT_TRUE(ui.app().state().unlocked());
    EXPECT_EQ(ui.app().screen(), Screen::ReportList);
    ASSERT_NE(ui.app().state().session_for_job(), nullptr);
    EXPECT_TRUE(ui.app().state().session_for_job()->unlock_report().rollback_accepted);
    // The list says so once, with the last entry, until OK is clicked.
    ui.settle();
    EXPECT_TRUE(ui.drawn("list.unlock_note"));
    ui.click("list.unlock_note_ok");
    ui.settle();
    EXPECT_FALSE(ui.drawn("list.unlock_note"));
}

TEST(GuiVaultFlow, ExistingVaultStartsOnUnlock) {
    TempDir dir;
    const auto vault = dir.path() / "vault";
    {
        HeadlessUi ui(vault);
        create_vault_through_ui(ui);
    }
    HeadlessUi ui(vault);
    EXPECT_EQ(ui.app().screen(), Screen::Unlock);
    unlock_through_ui(ui);
    EXPECT_TRUE(ui.app().state().unlocked());
}

}  // namespace
}  // namespace fv::gui::test
