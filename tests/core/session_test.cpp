#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "fieldvault/core/audit.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "test_vault.h"

using namespace fv;
using fv::test::passphrase;

namespace {

std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        files[entry.path().filename().string()] = test::read_file(entry.path());
    return files;
}

ErrorKind open_error(const std::filesystem::path& dir, const std::string& pass) {
    try {
        (void)core::Session::open(dir, passphrase(pass));
    } catch (const Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "open should have failed";
    return ErrorKind::Io;
}

}  // namespace

TEST(Session, CreateReturnsRecoveryKeyAndFingerprint) {
    test::TestVault v;
    EXPECT_FALSE(v.created.recovery_key.empty());
    EXPECT_FALSE(v.created.fingerprint.empty());
    EXPECT_EQ(core::IdentityService(*v.session).own().fingerprint, v.created.fingerprint);
    EXPECT_EQ(core::IdentityService(*v.session).own().name, "Test reporter");
    EXPECT_TRUE(core::Session::vault_exists(v.dir));
}

TEST(Session, CreateRefusesAnExistingVault) {
    test::TestVault v;
    v.session->lock();
    EXPECT_THROW(core::Session::create(v.dir, passphrase("another long passphrase"), "", test::fast_kdf()), Error);
    // The existing vault still opens with its own passphrase.
    EXPECT_NO_THROW(core::Session::open(v.dir, passphrase("correct horse")));
}

TEST(Session, CreateRefusesAnEmptyPassphrase) {
    test::TempDir tmp;
    EXPECT_THROW(core::Session::create(tmp.path() / "v", passphrase(""), "", test::fast_kdf()), Error);
    EXPECT_FALSE(core::Session::vault_exists(tmp.path() / "v"));
}

TEST(Session, WrongPassphraseIsUnlockErrorAndChangesNothing) {
    test::TestVault v;
    v.session->lock();
    const auto before = snapshot(v.dir);
    EXPECT_EQ(open_error(v.dir, "wrong horse"), ErrorKind::Unlock);
    EXPECT_EQ(snapshot(v.dir), before);
}

TEST(Session, RecoveryKeyOpensAndWrongKeyDoesNot) {
    test::TestVault v;
    v.session->lock();
    EXPECT_NO_THROW(core::Session::open_with_recovery_key(v.dir, v.created.recovery_key));
    auto key = v.created.recovery_key;
    // Change one character to another valid one: a typo must not open the vault.
    const auto pos = key.size() - 2;
    key[pos] = key[pos] == 'A' ? 'B' : 'A';
    EXPECT_THROW(core::Session::open_with_recovery_key(v.dir, key), Error);
}

TEST(Session, ChangePassphraseRewrapsAndIsLogged) {
    test::TestVault v;
    v.session->change_passphrase(passphrase("new passphrase"), test::fast_kdf());
    v.session->lock();
    EXPECT_EQ(open_error(v.dir, "correct horse"), ErrorKind::Unlock);
    auto reopened = core::Session::open(v.dir, passphrase("new passphrase"));
    const auto entries = core::AuditService(*reopened).entries();
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back().action, "change_passphrase");
    EXPECT_NO_THROW(core::Session::open_with_recovery_key(v.dir, v.created.recovery_key));
}

TEST(Session, LockedSessionRefusesUse) {
    test::TestVault v;
    v.session->lock();
    EXPECT_TRUE(v.session->locked());
    EXPECT_THROW(core::ReportService(*v.session).list(), Error);
}

TEST(Session, DefaultVaultDirFollowsEnvironment) {
    ::setenv("FIELDVAULT_VAULT", "/tmp/some-vault", 1);
    EXPECT_EQ(core::Session::default_vault_dir(), "/tmp/some-vault");
    ::unsetenv("FIELDVAULT_VAULT");
    ::setenv("XDG_DATA_HOME", "/tmp/xdg", 1);
    EXPECT_EQ(core::Session::default_vault_dir(), "/tmp/xdg/fieldvault/vault");
    ::unsetenv("XDG_DATA_HOME");
}

// One place reads FIELDVAULT_TEST_FAST_KDF for both faces (was once per face).
TEST(Session, NewKeysUseModerateKdfUnlessTestsAskForFast) {
    ::unsetenv("FIELDVAULT_TEST_FAST_KDF");
    EXPECT_EQ(core::kdf_params_for_new_keys().memlimit, KdfParams::moderate().memlimit);
    ::setenv("FIELDVAULT_TEST_FAST_KDF", "1", 1);
    EXPECT_EQ(core::kdf_params_for_new_keys().memlimit, KdfParams::interactive().memlimit);
    ::setenv("FIELDVAULT_TEST_FAST_KDF", "0", 1);
    EXPECT_EQ(core::kdf_params_for_new_keys().memlimit, KdfParams::moderate().memlimit);
    ::unsetenv("FIELDVAULT_TEST_FAST_KDF");
}
