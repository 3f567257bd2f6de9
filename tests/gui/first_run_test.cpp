// First run (create, or open an existing vault folder) and unlocking with the
// recovery key, which then requires a new passphrase.
#include <gtest/gtest.h>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/kdf.h"
#include "fieldvault/crypto/secret.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

const std::string kNewPassphrase = "a brand new passphrase after recovery";

// A vault made by core (not the UI), so the test knows its recovery key.
std::string make_vault(const std::filesystem::path& dir) {
    return core::Session::create(dir, SecretBuffer::from_string(kPassphrase), "",
                                 KdfParams::interactive())
        .recovery_key;
}

bool opens_with(const std::filesystem::path& dir, const std::string& passphrase) {
    try {
        (void)core::Session::open(dir, SecretBuffer::from_string(passphrase));
        return true;
    } catch (const fv::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unlock);
        return false;
    }
}

TEST(GuiFirstRun, OpensAnExistingVaultFolderTypedAsAPath) {
    TempDir dir;
    const auto other = dir.path() / "copied-vault";
    make_vault(other);
    HeadlessUi ui(dir.path() / "empty");
    ASSERT_EQ(ui.app().screen(), Screen::Welcome);
    ui.click("welcome.path");
    ui.type(other.string());
    ui.click("welcome.open");
    EXPECT_EQ(ui.app().screen(), Screen::Unlock);
    EXPECT_EQ(ui.app().state().vault_dir(), other);
    unlock_through_ui(ui);
    EXPECT_TRUE(ui.app().state().unlocked());
}

TEST(GuiFirstRun, FolderWithoutAVaultIsRefused) {
    TempDir dir;
    HeadlessUi ui(dir.path() / "empty");
    ui.click("welcome.path");
    ui.type((dir.path() / "nothing-here").string());
    ui.click("welcome.open");
    EXPECT_EQ(ui.app().screen(), Screen::Welcome);
    EXPECT_FALSE(ui.app().welcome_view().error().empty());
    EXPECT_EQ(ui.app().state().vault_dir(), dir.path() / "empty");
}

TEST(GuiFirstRun, CreateScreenCanGoBackToTheChoice) {
    TempDir dir;
    HeadlessUi ui(dir.path() / "vault");
    ui.click("welcome.create");
    ui.click("create.back");
    EXPECT_EQ(ui.app().screen(), Screen::Welcome);
}

class GuiRecovery : public ::testing::Test {
protected:
    void SetUp() override {
        recovery_key_ = make_vault(vault());
        ui_ = std::make_unique<HeadlessUi>(vault());
        ASSERT_EQ(ui_->app().screen(), Screen::Unlock);
        ui_->click("unlock.use_recovery");
        ASSERT_EQ(ui_->app().unlock_view().mode(), UnlockView::Mode::RecoveryKey);
    }
    std::filesystem::path vault() const { return dir_.path() / "vault"; }

    TempDir dir_;
    std::string recovery_key_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiRecovery, RecoveryKeyThenNewPassphraseOpensTheVault) {
    ui_->click("unlock.recovery_key");
    ui_->type(recovery_key_);
    ui_->click("unlock.recovery_submit");
    ui_->settle();
    ASSERT_EQ(ui_->app().unlock_view().mode(), UnlockView::Mode::NewPassphrase) << ui_->app().unlock_view().error();
    // Forced: not unlocked for the rest of the app until a new passphrase is set.
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);

    ui_->click("unlock.new_passphrase");
    ui_->type(kNewPassphrase);
    ui_->click("unlock.new_confirmation");
    ui_->type(kNewPassphrase);
    ui_->click("unlock.new_submit");
    ui_->settle();
    EXPECT_EQ(ui_->app().screen(), Screen::ReportList) << ui_->app().unlock_view().error();
    EXPECT_TRUE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().unlock_view().holds_sensitive_data());

    ui_->click("lock");
    EXPECT_TRUE(opens_with(vault(), kNewPassphrase));
    EXPECT_FALSE(opens_with(vault(), kPassphrase));
}

TEST_F(GuiRecovery, WrongRecoveryKeyIsRefusedCalmly) {
    // Same shape as a real key, another value.
    std::string wrong = recovery_key_;
    const auto pos = wrong.find_first_of("ABCDEFGHJKMNPQRSTVWXYZ");
    ASSERT_NE(pos, std::string::npos);
    wrong[pos] = wrong[pos] == 'A' ? 'B' : 'A';
    ui_->click("unlock.recovery_key");
    ui_->type(wrong);
    ui_->click("unlock.recovery_submit");
    ui_->settle();
    EXPECT_EQ(ui_->app().unlock_view().mode(), UnlockView::Mode::RecoveryKey);
    EXPECT_FALSE(ui_->app().unlock_view().error().empty());
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_TRUE(opens_with(vault(), kPassphrase));
}

TEST_F(GuiRecovery, LockingBeforeTheNewPassphraseKeepsTheOldOne) {
    ui_->click("unlock.recovery_key");
    ui_->type(recovery_key_);
    ui_->click("unlock.recovery_submit");
    ui_->settle();
    ASSERT_EQ(ui_->app().unlock_view().mode(), UnlockView::Mode::NewPassphrase);
    // Idle while the recovered vault waits for its passphrase: it locks too.
    ui_->now() += ui_->app().state().auto_lock_seconds() + 1.0;
    ui_->frame();
    EXPECT_EQ(ui_->app().unlock_view().mode(), UnlockView::Mode::Passphrase);
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    EXPECT_TRUE(opens_with(vault(), kPassphrase));
}

TEST_F(GuiRecovery, BackReturnsToThePassphrase) {
    ui_->click("unlock.back");
    EXPECT_EQ(ui_->app().unlock_view().mode(), UnlockView::Mode::Passphrase);
    unlock_through_ui(*ui_);
    EXPECT_TRUE(ui_->app().state().unlocked());
}

}  // namespace
}  // namespace fv::gui::test
