// Quick exit: Ctrl+Shift+Q or the button locks and asks the window to close
// at once, never stopping at a dialog, whatever the screen.
#include <gtest/gtest.h>

#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/secret.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

class GuiQuickExit : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(vault());
        create_vault_through_ui(*ui_);
    }
    std::filesystem::path vault() const { return dir_.path() / "vault"; }
    std::size_t stored_reports() const {
        auto session = core::Session::open(vault(), SecretBuffer::from_string(kPassphrase));
        return core::ReportService(*session).list().size();
    }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiQuickExit, KeyFromEditorWithUnsavedEditsLocksAndClosesWithoutDialog) {
    ui_->click("list.new");
    ui_->click("editor.title");
    ui_->type("typed, never saved");
    EXPECT_FALSE(ui_->app().close_requested());
    ui_->press(kKeyQ, true, true);
    EXPECT_TRUE(ui_->app().close_requested());
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    EXPECT_FALSE(ui_->drawn("editor.discard"));
    EXPECT_EQ(stored_reports(), 0u);
}

TEST_F(GuiQuickExit, ButtonOnTheListLocksAndCloses) {
    ASSERT_TRUE(ui_->drawn("quick_exit"));
    ui_->click("quick_exit");
    EXPECT_TRUE(ui_->app().close_requested());
    EXPECT_FALSE(ui_->app().state().unlocked());
}

TEST_F(GuiQuickExit, ButtonIsThereWhileLockedToo) {
    ui_->click("lock");
    ASSERT_EQ(ui_->app().screen(), Screen::Unlock);
    ui_->click("quick_exit");
    EXPECT_TRUE(ui_->app().close_requested());
}

TEST_F(GuiQuickExit, CtrlQWithoutShiftDoesNothing) {
    ui_->press(kKeyQ, true, false);
    EXPECT_FALSE(ui_->app().close_requested());
    EXPECT_TRUE(ui_->app().state().unlocked());
}

}  // namespace
}  // namespace fv::gui::test
