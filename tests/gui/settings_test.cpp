// Settings through the real view: saved to settings.json and read back, font
// size rebuilds the atlas, theme, lock on minimise, change passphrase, make
// new keys, the whole-vault check; and a damaged settings file never stops the app.
#include <gtest/gtest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/secret.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

const std::string kChanged = "the changed passphrase for settings";

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

class GuiSettings : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(vault(), settings_file());
        create_vault_through_ui(*ui_);
        ui_->click("settings");
        ASSERT_EQ(ui_->app().screen(), Screen::Settings);
    }
    std::filesystem::path vault() const { return dir_.path() / "vault"; }
    std::filesystem::path settings_file() const { return dir_.path() / "config" / "fieldvault" / "settings.json"; }
    bool opens_with(const std::string& passphrase) {
        try {
            (void)core::Session::open(vault(), SecretBuffer::from_string(passphrase));
            return true;
        } catch (const fv::Error&) {
            return false;
        }
    }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiSettings, ChoicesAreSavedAndReadBackOnTheNextStart) {
    ui_->click("settings.autolock");
    ui_->click("settings.autolock=600");
    ui_->click("settings.minimise");
    ui_->click("settings.font_larger");
    ui_->click("settings.font_larger");
    ui_->click("settings.theme.dark");
    const Settings& now = ui_->app().state().settings();
    EXPECT_EQ(now.auto_lock_seconds, 600.0);
    EXPECT_TRUE(now.lock_on_minimise);
    EXPECT_EQ(now.font_percent, 120);
    EXPECT_EQ(now.theme, ThemeKind::Dark);
    EXPECT_EQ(ui_->app().state().auto_lock_seconds(), 600.0);

    const Settings saved = load_settings(settings_file());
    EXPECT_EQ(saved, now);
    // Only these keys: nothing from the vault's content.
    std::ifstream in(settings_file());
    const auto json = nlohmann::json::parse(in);
    for (const auto& [key, value] : json.items())
        EXPECT_TRUE(key == "auto_lock_seconds" || key == "lock_on_minimise" || key == "font_percent" ||
                    key == "theme" || key == "vault_dir")
            << key;

    ui_.reset();
    HeadlessUi again(vault(), settings_file());
    EXPECT_EQ(again.app().state().settings(), saved);
}

TEST_F(GuiSettings, LargerTextRebuildsTheFontAtALargerSize) {
    const float before = ImGui::GetFontSize();
    ui_->click("settings.font_larger");
    ui_->frame();
    EXPECT_GT(ImGui::GetFontSize(), before);
    for (int i = 0; i < 20; ++i) ui_->click("settings.font_smaller");
    EXPECT_EQ(ui_->app().state().settings().font_percent, kMinFontPercent);
}

TEST_F(GuiSettings, LockOnMinimiseOnlyWhenChosen) {
    ui_->app().window_minimised();
    EXPECT_TRUE(ui_->app().state().unlocked());
    ui_->click("settings.minimise");
    ui_->app().window_minimised();
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiSettings, ShowsTheRecoveryKeyAndKeyHeaderStatus) {
    ASSERT_TRUE(ui_->drawn("settings.key_status"));
    const auto& status = ui_->app().settings_view().key_status();
    ASSERT_TRUE(status.has_value());
    EXPECT_TRUE(status->recovery_key_slot);
    EXPECT_TRUE(status->header_copies_agree);
    EXPECT_EQ(status->passphrase_changed_at, 0);
    // A damaged copy shows the next time the screen is opened.
    std::ofstream(vault() / "vault.key.bak", std::ios::trunc) << "torn";
    ui_->click("settings.back");
    ui_->settle();
    ui_->click("settings");
    ASSERT_TRUE(ui_->app().settings_view().key_status().has_value());
    EXPECT_FALSE(ui_->app().settings_view().key_status()->header_copies_agree);
    ui_->click("lock");
    EXPECT_FALSE(ui_->app().settings_view().key_status().has_value());
}

TEST_F(GuiSettings, ChangePassphraseNeedsTheCurrentOne) {
    ui_->click("settings.current");
    ui_->type("not the current one");
    ui_->click("settings.new");
    ui_->type(kChanged);
    ui_->click("settings.again");
    ui_->type(kChanged);
    ui_->click("settings.change");
    ui_->settle();
    EXPECT_EQ(ui_->app().settings_view().error(), SettingsView::kWrongCurrent);
    EXPECT_FALSE(ui_->app().settings_view().holds_sensitive_data());

    ui_->click("settings.current");
    ui_->type(kPassphrase);
    ui_->click("settings.new");
    ui_->type(kChanged);
    ui_->click("settings.again");
    ui_->type(kChanged);
    ui_->click("settings.change");
    ui_->settle();
    EXPECT_TRUE(ui_->app().settings_view().error().empty()) << ui_->app().settings_view().error();
    EXPECT_FALSE(ui_->app().settings_view().notice().empty());
    ASSERT_TRUE(ui_->app().settings_view().key_status().has_value());
    EXPECT_GT(ui_->app().settings_view().key_status()->passphrase_changed_at, 0);
    ui_->click("lock");
    EXPECT_TRUE(opens_with(kChanged));
    EXPECT_FALSE(opens_with(kPassphrase));
}

TEST_F(GuiSettings, MakeNewKeysShowsTheNewRecoveryKeyOnceAndTheOldOneStopsWorking) {
    auto& panel = ui_->app().settings_view().rekey_panel();
    ui_->click("settings.rekey.passphrase");
    ui_->type("not the passphrase");
    ui_->click("settings.rekey.submit");
    ui_->settle();
    EXPECT_FALSE(panel.error().empty());
    EXPECT_TRUE(panel.recovery_key().empty());

    const auto old_key_file = read_bytes(vault() / "vault.key");
    ui_->click("settings.rekey.passphrase");
    ui_->type(kPassphrase);
    ui_->click("settings.rekey.submit");
    ui_->settle();
    EXPECT_TRUE(panel.error().empty()) << panel.error();
    const std::string shown(panel.recovery_key());
    ASSERT_EQ(shown.rfind("FVRK-", 0), 0u) << shown;
    EXPECT_TRUE(ui_->app().settings_view().holds_sensitive_data());
    EXPECT_NE(read_bytes(vault() / "vault.key"), old_key_file);
    ui_->click("settings.rekey.done");  // not before it is typed back
    EXPECT_FALSE(panel.recovery_key().empty());
    ui_->click("settings.rekey.retyped");
    ui_->type(shown);
    ui_->click("settings.rekey.done");
    EXPECT_TRUE(panel.recovery_key().empty());
    ui_->click("lock");
    EXPECT_TRUE(opens_with(kPassphrase));  // the passphrase stays
    EXPECT_NO_THROW((void)core::Session::open_with_recovery_key(vault(), shown));
}

TEST_F(GuiSettings, CheckTheVaultRunsOnTheWorkerAndSaysWhatIsDamaged) {
    core::ReportContent content;
    content.title = "with evidence";
    const auto report = core::ReportService(ui_->session()).create(content);
    const auto source = dir_.path() / "voice-message.ogg";
    std::ofstream(source, std::ios::binary) << std::string(100 * 1024, 'v');
    (void)core::AttachmentService(ui_->session()).attach(report, source);

    ui_->click("settings.check");
    ui_->settle();
    const auto& view = ui_->app().settings_view();
    EXPECT_FALSE(view.check_running());
    ASSERT_TRUE(view.check_report().has_value()) << view.check_message();
    EXPECT_TRUE(view.check_report()->intact());
    EXPECT_EQ(view.check_report()->attachments, 1u);
    EXPECT_TRUE(ui_->drawn("settings.check_result"));

    // A byte of the evidence file flipped on disk: found, and named.
    std::filesystem::path blob;
    for (const auto& entry : std::filesystem::directory_iterator(vault() / "blobs")) blob = entry.path();
    std::string bytes;
    {
        std::ifstream in(blob, std::ios::binary);
        std::ostringstream read;
        read << in.rdbuf();
        bytes = read.str();
    }
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x10);
    std::ofstream(blob, std::ios::binary | std::ios::trunc) << bytes;
    ui_->click("settings.check");
    ui_->settle();
    ASSERT_TRUE(view.check_report().has_value()) << view.check_message();
    EXPECT_FALSE(view.check_report()->intact());
    ASSERT_EQ(view.check_report()->findings.size(), 1u);
    EXPECT_EQ(view.check_report()->findings[0].kind, core::CheckFindingKind::AttachmentDamaged);
    EXPECT_EQ(view.check_report()->findings[0].attachment_name, "voice-message.ogg");
    EXPECT_TRUE(ui_->drawn("settings.check_result"));

    // The names it holds are vault data: gone on lock.
    ui_->click("lock");
    EXPECT_FALSE(view.check_report().has_value());
    EXPECT_FALSE(view.holds_sensitive_data());
}

TEST_F(GuiSettings, CheckTheVaultShowsStopWhileRunningAndStoppingIsNeverAnError) {
    // A file large enough that the check is usually still running when Stop is
    // clicked (the cancel itself is tested deterministically in tests/core and
    // tests/storage vault_check_test.cpp).
    core::ReportContent content;
    content.title = "large evidence";
    const auto report = core::ReportService(ui_->session()).create(content);
    const auto source = dir_.path() / "video.mp4";
    std::ofstream(source, std::ios::binary) << std::string(64 * 1024 * 1024, 'm');
    (void)core::AttachmentService(ui_->session()).attach(report, source);

    ui_->click("settings.check");
    ASSERT_TRUE(ui_->app().settings_view().check_running());
    ui_->click("settings.check_cancel");
    ui_->settle();
    const auto& view = ui_->app().settings_view();
    EXPECT_FALSE(view.check_running());
    // Stopped (or, on a very fast machine, finished before the click): never an error.
    if (!view.check_report()) {
        EXPECT_EQ(view.check_message(), "The check was stopped before the end. It changed nothing.");
    } else {
        EXPECT_TRUE(view.check_report()->intact());
    }
}

TEST(SettingsFile, MissingOrDamagedFileGivesDefaults) {
    TempDir dir;
    EXPECT_EQ(load_settings(dir.path() / "none.json"), Settings{});
    for (const std::string text : {"", "{", "[]", "null", "\xff\xfe", "{\"theme\": 3}"}) {
        const auto file = dir.path() / "bad.json";
        std::ofstream(file, std::ios::binary) << text;
        EXPECT_EQ(load_settings(file), Settings{}) << text;
    }
}

TEST(SettingsFile, OutOfRangeValuesAreClampedOrIgnored) {
    TempDir dir;
    const auto file = dir.path() / "settings.json";
    std::ofstream(file) << R"({"auto_lock_seconds": -5, "font_percent": 5000, "theme": "neon",
                              "vault_dir": "relative/path", "lock_on_minimise": "yes"})";
    const auto settings = load_settings(file);
    EXPECT_EQ(settings.auto_lock_seconds, 0.0);
    EXPECT_EQ(settings.font_percent, kMaxFontPercent);
    EXPECT_EQ(settings.theme, ThemeKind::Light);
    EXPECT_TRUE(settings.vault_dir.empty());
    EXPECT_FALSE(settings.lock_on_minimise);
}

TEST(SettingsFile, SaveThenLoadRoundTrips) {
    TempDir dir;
    const auto file = dir.path() / "a" / "b" / "settings.json";
    Settings settings;
    settings.auto_lock_seconds = 900;
    settings.lock_on_minimise = true;
    settings.font_percent = 150;
    settings.theme = ThemeKind::HighContrast;
    settings.vault_dir = "/home/someone/vault";
    save_settings(file, settings);
    EXPECT_EQ(load_settings(file), settings);
}

}  // namespace
}  // namespace fv::gui::test
