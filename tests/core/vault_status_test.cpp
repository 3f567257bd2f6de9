// The key status Settings shows: recovery slot, header copies, dates from the log.
#include <gtest/gtest.h>

#include "fieldvault/core/vault_status.h"
#include "test_vault.h"

namespace fv::test {
namespace {

TEST(VaultKeyStatus, NewVaultHasARecoverySlotAndAgreeingCopies) {
    TestVault v;
    const auto status = core::vault_key_status(*v.session);
    EXPECT_TRUE(status.recovery_key_slot);
    EXPECT_TRUE(status.header_copies_agree);
    EXPECT_GT(status.created_at, 0);
    EXPECT_EQ(status.passphrase_changed_at, 0);
}

TEST(VaultKeyStatus, PassphraseChangeIsDated) {
    TestVault v;
    v.session->change_passphrase(passphrase("a different passphrase"), fast_kdf());
    const auto status = core::vault_key_status(*v.session);
    EXPECT_GE(status.passphrase_changed_at, status.created_at);
    EXPECT_GT(status.passphrase_changed_at, 0);
    EXPECT_TRUE(status.header_copies_agree);
    EXPECT_TRUE(status.recovery_key_slot) << "a passphrase change keeps the recovery key";
}

TEST(VaultKeyStatus, ADamagedCopyIsReportedNotHidden) {
    TestVault v;
    write_file(v.dir / "vault.key.bak", "torn");
    auto status = core::vault_key_status(*v.session);
    EXPECT_FALSE(status.header_copies_agree);
    EXPECT_TRUE(status.recovery_key_slot);  // read from the good copy
    std::filesystem::remove(v.dir / "vault.key.bak");
    status = core::vault_key_status(*v.session);
    EXPECT_FALSE(status.header_copies_agree);
}

}  // namespace
}  // namespace fv::test
