// First run: "Try the demo vault" opens invented, clearly marked reports in a
// folder of their own, for this run only; leaving it goes back to the
// real folder.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fieldvault/core/demo_vault.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

class GuiDemoVault : public ::testing::Test {
protected:
    void SetUp() override {
        const char* old = std::getenv("XDG_DATA_HOME");
        if (old != nullptr) old_data_home_ = old;
        had_data_home_ = old != nullptr;
        ::setenv("XDG_DATA_HOME", (dir_.path() / "data").c_str(), 1);
    }
    void TearDown() override {
        if (had_data_home_) {
            ::setenv("XDG_DATA_HOME", old_data_home_.c_str(), 1);
        } else {
            ::unsetenv("XDG_DATA_HOME");
        }
    }
    TempDir dir_;
    std::string old_data_home_;
    bool had_data_home_ = false;
};

TEST_F(GuiDemoVault, OpensMarkedSamplesAndLeavesBackToTheRealFolder) {
    const auto real = dir_.path() / "vault";
    HeadlessUi ui(real);
    ui.frames(2);
    ASSERT_EQ(ui.app().screen(), Screen::Welcome);
    ui.click("welcome.demo");
    ui.settle();
    ui.settle();
    ASSERT_EQ(ui.app().screen(), Screen::ReportList);
    EXPECT_TRUE(ui.app().state().demo());
    EXPECT_EQ(ui.app().state().vault_dir(), core::default_demo_vault_dir());
    const auto& rows = ui.app().report_list_view().rows();
    ASSERT_GE(rows.size(), 3u);
    for (const auto& row : rows) EXPECT_EQ(row.title.rfind(core::kDemoTitlePrefix, 0), 0u);
    EXPECT_FALSE(core::Session::vault_exists(real)) << "the demo never touches the real folder";

    ui.click("lock");
    ASSERT_EQ(ui.app().screen(), Screen::Unlock);
    EXPECT_TRUE(ui.app().state().demo());  // its unlock screen shows the public passphrase
    ui.click("unlock.leave_demo");
    ui.frames(2);
    EXPECT_FALSE(ui.app().state().demo());
    EXPECT_EQ(ui.app().state().vault_dir(), real);
    EXPECT_EQ(ui.app().screen(), Screen::Welcome);
}

TEST_F(GuiDemoVault, TheDemoPassphraseShownOnItsUnlockScreenOpensIt) {
    HeadlessUi ui(dir_.path() / "vault");
    ui.frames(2);
    ui.click("welcome.demo");
    ui.settle();
    ui.settle();
    ui.click("lock");
    unlock_through_ui(ui, std::string(core::kDemoPassphrase));
    EXPECT_EQ(ui.app().screen(), Screen::ReportList);
    EXPECT_TRUE(ui.app().state().unlocked());
}

}  // namespace
}  // namespace fv::gui::test
