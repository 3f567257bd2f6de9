// The plain name chosen at setup (issue 15, disguise): the welcome screen's
// "Use a plain name" moves the vault folder, the settings and the menu entry
// to that name, the window title follows, and nothing named Fieldvault is
// left in the home folder.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fieldvault/core/places.h"
#include "fieldvault/core/session.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class PlainNameAtSetup : public ::testing::Test {
protected:
    void SetUp() override {
        saved_options_ = core::place_options();
        for (const char* name : kVars) {
            const char* value = std::getenv(name);
            saved_.emplace_back(value != nullptr ? std::optional<std::string>(value) : std::nullopt);
        }
        ::setenv("HOME", (dir_.path() / "home").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (dir_.path() / "home/.local/share").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (dir_.path() / "home/.config").c_str(), 1);
        // Installed mode; the program's folder is a test folder (no marker).
        core::set_place_options({false, "", dir_.path() / "bin"});
    }
    void TearDown() override {
        for (std::size_t i = 0; i < std::size(kVars); ++i) {
            if (saved_[i]) ::setenv(kVars[i], saved_[i]->c_str(), 1);
            else ::unsetenv(kVars[i]);
        }
        core::set_place_options(saved_options_);
    }

    static constexpr const char* kVars[] = {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"};
    TempDir dir_;
    core::PlaceOptions saved_options_;
    std::vector<std::optional<std::string>> saved_;
};

// Every path under `root` whose name mentions fieldvault.
std::vector<std::string> named_fieldvault(const fs::path& root) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // The menu entry must keep the installed entry's id to replace it.
        if (name.find("fieldvault") != std::string::npos && name != "org.fieldvault.fieldvault.desktop")
            out.push_back(it->path().string());
    }
    return out;
}

TEST_F(PlainNameAtSetup, WelcomeScreenMovesEverythingToThePlainName) {
    const auto before = core::current_places();
    ASSERT_EQ(before.title, "Fieldvault");
    HeadlessUi ui(before.vault_dir, before.settings_file);
    ui.frames(2);
    ASSERT_EQ(ui.app().screen(), Screen::Welcome);
    // An earlier run left settings under the old name.
    ui.app().state().set_vault_dir(before.vault_dir);
    ASSERT_TRUE(fs::exists(before.settings_file));

    ui.click("welcome.plain_name_section");
    ui.frames(2);
    ui.click("welcome.plain_name");
    ui.type("Notes");
    ui.frames(1);
    ui.click("welcome.use_name");
    ui.frames(2);

    const auto after = core::current_places();
    EXPECT_EQ(core::place_options().plain_name, "Notes");
    EXPECT_EQ(after.title, "Notes");
    EXPECT_EQ(header_name(), "Notes");  // the top of every screen, not "Fieldvault"
    EXPECT_EQ(after.vault_dir, dir_.path() / "home/.local/share/notes");
    EXPECT_EQ(ui.app().state().vault_dir(), after.vault_dir);
    EXPECT_EQ(ui.app().state().settings_file(), dir_.path() / "home/.config/notes/settings.json");
    EXPECT_NE(slurp(after.settings_file).find(after.vault_dir.string()), std::string::npos);
    EXPECT_FALSE(fs::exists(before.settings_file)) << "the settings under the old name are gone";
    const auto entry = slurp(dir_.path() / "home/.local/share/applications/org.fieldvault.Fieldvault.desktop");
    EXPECT_NE(entry.find("\nName=Notes\n"), std::string::npos) << entry;
    EXPECT_NE(entry.find(" --as \"Notes\""), std::string::npos) << entry;
    EXPECT_NE(ui.app().welcome_view().name_message().find("Notes"), std::string::npos);

    create_vault_through_ui(ui);
    EXPECT_TRUE(core::Session::vault_exists(after.vault_dir));
    EXPECT_EQ(named_fieldvault(dir_.path() / "home"), std::vector<std::string>{});
}

TEST_F(PlainNameAtSetup, ANameThatSaysFieldvaultIsRefusedAndNothingMoves) {
    const auto before = core::current_places();
    HeadlessUi ui(before.vault_dir, before.settings_file);
    ui.frames(2);
    EXPECT_FALSE(ui.app().welcome_view().use_plain_name(ui.app().state(), "My Fieldvault"));
    EXPECT_FALSE(ui.app().welcome_view().name_message().empty());
    EXPECT_EQ(core::place_options().plain_name, "");
    EXPECT_EQ(ui.app().state().vault_dir(), before.vault_dir);
    EXPECT_FALSE(fs::exists(dir_.path() / "home/.local/share/applications"));
}

}  // namespace
}  // namespace fv::gui::test
