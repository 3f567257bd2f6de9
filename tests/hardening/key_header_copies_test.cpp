// Step 1 of issue 6: the key header survives a torn or corrupted write of one
// copy, and a passphrase change interrupted at any step leaves a vault that the
// old or the new passphrase opens (never neither).
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"
#include "key_header_store.h"
#include "test_support.h"

namespace fv::storage {
namespace {

namespace fs = std::filesystem;
using test::fast_params;
using test::secret;

constexpr const char* kOld = "correct horse";
constexpr const char* kNew = "battery staple";

std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        // The key header and the database; blobs/ (empty here) is made again at open.
        if (entry.is_regular_file()) files[entry.path().filename()] = test::read_file(entry.path());
    }
    return files;
}

bool opens(const fs::path& dir, const char* passphrase) {
    try {
        (void)Vault::open(dir, secret(passphrase));
        return true;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unlock) << e.what();
        return false;
    }
}

ErrorKind open_error(const fs::path& dir, const char* passphrase) {
    try {
        (void)Vault::open(dir, secret(passphrase));
    } catch (const Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "vault opened";
    return ErrorKind::Usage;
}

// Ways a copy can be damaged on disk.
std::vector<std::pair<std::string, std::string>> damaged_variants(const std::string& good) {
    std::vector<std::pair<std::string, std::string>> out = {
        {"empty", ""},
        {"torn at half", good.substr(0, good.size() / 2)},
        {"torn one byte short", good.substr(0, good.size() - 1)},
        {"zeros", std::string(good.size(), '\0')},
        {"garbage", "not a key header"},
        {"trailing bytes", good + "x"},
    };
    for (std::size_t i = 0; i < good.size(); i += good.size() / 9) {
        std::string flipped = good;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x04);
        out.emplace_back("bit flip at " + std::to_string(i), flipped);
    }
    return out;
}

class KeyHeaderCopiesTest : public ::testing::Test {
protected:
    test::TempDir tmp;
    fs::path dir = tmp.path() / "vault";
    std::string recovery;

    void SetUp() override {
        auto created = Vault::create(dir, secret(kOld), fast_params());
        recovery = created.recovery_key_text;
        CaseRepository(created.vault->db()).find_or_create("kept", 1);
    }
    void TearDown() override { detail::set_header_crash_step_for_tests(0); }
    std::string primary() const { return test::read_file(dir / "vault.key"); }
    std::string backup() const { return test::read_file(dir / "vault.key.bak"); }
    void expect_data_intact(const char* passphrase) {
        auto vault = Vault::open(dir, secret(passphrase));
        EXPECT_TRUE(CaseRepository(vault->db()).find_by_name("kept"));
    }
};

TEST_F(KeyHeaderCopiesTest, CreateWritesTwoIdenticalCopies) {
    EXPECT_EQ(primary(), backup());
    EXPECT_FALSE(primary().empty());
}

TEST_F(KeyHeaderCopiesTest, DamagedPrimaryOpensWithTheBackupAndIsRepaired) {
    const auto good = primary();
    for (const auto& [what, bytes] : damaged_variants(good)) {
        test::write_file(dir / "vault.key", bytes);
        EXPECT_NO_THROW(expect_data_intact(kOld)) << what;
        EXPECT_EQ(primary(), good) << what;
        EXPECT_EQ(backup(), good) << what;
    }
}

TEST_F(KeyHeaderCopiesTest, DamagedBackupIsRepairedFromThePrimary) {
    const auto good = primary();
    for (const auto& [what, bytes] : damaged_variants(good)) {
        test::write_file(dir / "vault.key.bak", bytes);
        EXPECT_NO_THROW(expect_data_intact(kOld)) << what;
        EXPECT_EQ(backup(), good) << what;
        EXPECT_EQ(primary(), good) << what;
    }
}

TEST_F(KeyHeaderCopiesTest, MissingPrimaryOrBackupIsRepaired) {
    const auto good = primary();
    fs::remove(dir / "vault.key");
    EXPECT_TRUE(Vault::exists(dir));
    expect_data_intact(kOld);
    EXPECT_EQ(primary(), good);

    // A vault written before the backup existed gets one on its next open.
    fs::remove(dir / "vault.key.bak");
    expect_data_intact(kOld);
    EXPECT_EQ(backup(), good);
}

TEST_F(KeyHeaderCopiesTest, RecoveryKeyOpensWithTheBackupToo) {
    test::write_file(dir / "vault.key", "");
    EXPECT_NO_THROW(Vault::open_with_recovery_key(dir, recovery));
    EXPECT_EQ(primary(), backup());
}

TEST_F(KeyHeaderCopiesTest, BothDamagedIsIntegrityBothMissingIsNotFound) {
    const auto good = primary();
    for (const auto& [what, bytes] : damaged_variants(good)) {
        test::write_file(dir / "vault.key", bytes);
        test::write_file(dir / "vault.key.bak", bytes);
        EXPECT_EQ(open_error(dir, kOld), ErrorKind::Integrity) << what;
    }
    test::write_file(dir / "vault.key", "torn");
    fs::remove(dir / "vault.key.bak");
    EXPECT_EQ(open_error(dir, kOld), ErrorKind::Integrity);
    fs::remove(dir / "vault.key");
    test::write_file(dir / "vault.key.bak", "torn");
    EXPECT_EQ(open_error(dir, kOld), ErrorKind::Integrity);
    fs::remove(dir / "vault.key.bak");
    EXPECT_FALSE(Vault::exists(dir));
    EXPECT_EQ(open_error(dir, kOld), ErrorKind::NotFound);
}

TEST_F(KeyHeaderCopiesTest, WrongPassphraseRepairsNothing) {
    test::write_file(dir / "vault.key", "torn");
    const auto before = snapshot(dir);
    EXPECT_EQ(open_error(dir, "wrong"), ErrorKind::Unlock);
    EXPECT_EQ(snapshot(dir), before);
}

TEST_F(KeyHeaderCopiesTest, ChangePassphraseUpdatesBothCopies) {
    Vault::open(dir, secret(kOld))->change_passphrase(secret(kNew), fast_params());
    EXPECT_EQ(primary(), backup());
    EXPECT_FALSE(opens(dir, kOld));
    expect_data_intact(kNew);
    EXPECT_FALSE(fs::exists(dir / "vault.key.tmp"));
    EXPECT_FALSE(fs::exists(dir / "vault.key.bak.tmp"));
}

// A crash after each step of the header write: which passphrases open.
TEST_F(KeyHeaderCopiesTest, CrashAtEveryStepOfAPassphraseChangeLeavesOldOrNew) {
    struct Expect {
        int step;
        bool old_opens;
        bool new_opens;
    };
    // 1: backup temp written; 2: backup renamed (the copies differ: both open);
    // 3: primary temp written; 4: primary renamed.
    for (const Expect e : {Expect{1, true, false}, Expect{2, true, true}, Expect{3, true, true},
                           Expect{4, false, true}}) {
        test::TempDir case_tmp;
        const auto case_dir = case_tmp.path() / "v";
        Vault::create(case_dir, secret(kOld), fast_params());
        const auto db_before = test::read_file(case_dir / "vault.db");
        {
            auto vault = Vault::open(case_dir, secret(kOld));
            detail::set_header_crash_step_for_tests(e.step);
            EXPECT_THROW(vault->change_passphrase(secret(kNew), fast_params()), Error) << e.step;
        }
        detail::set_header_crash_step_for_tests(0);  // the "process" restarts
        const auto after_crash = snapshot(case_dir);
        const bool old_opens = opens(case_dir, kOld);
        // Opening may repair; start from the crashed state again for the other check.
        for (const auto& entry : fs::directory_iterator(case_dir)) fs::remove(entry.path());
        for (const auto& [name, bytes] : after_crash) test::write_file(case_dir / name, bytes);
        const bool new_opens = opens(case_dir, kNew);
        EXPECT_TRUE(old_opens || new_opens) << "neither opens after a crash at step " << e.step;
        EXPECT_EQ(old_opens, e.old_opens) << e.step;
        EXPECT_EQ(new_opens, e.new_opens) << e.step;
        EXPECT_EQ(test::read_file(case_dir / "vault.db"), db_before) << e.step;
        // After a successful open the copies agree again and no temp file is left.
        ASSERT_TRUE(opens(case_dir, new_opens ? kNew : kOld));
        EXPECT_EQ(test::read_file(case_dir / "vault.key"), test::read_file(case_dir / "vault.key.bak")) << e.step;
        EXPECT_FALSE(fs::exists(case_dir / "vault.key.tmp")) << e.step;
        EXPECT_FALSE(fs::exists(case_dir / "vault.key.bak.tmp")) << e.step;
    }
}

TEST_F(KeyHeaderCopiesTest, OpeningWithTheNewPassphraseAfterAHalfChangeFinishesIt) {
    {
        auto vault = Vault::open(dir, secret(kOld));
        detail::set_header_crash_step_for_tests(2);
        EXPECT_THROW(vault->change_passphrase(secret(kNew), fast_params()), Error);
    }
    detail::set_header_crash_step_for_tests(0);
    expect_data_intact(kNew);  // via the backup, which is then copied to the primary
    EXPECT_EQ(primary(), backup());
    EXPECT_FALSE(opens(dir, kOld));
}

TEST_F(KeyHeaderCopiesTest, FailedRecordLeavesTheOldHeader) {
    const auto before = snapshot(dir);
    auto vault = Vault::open(dir, secret(kOld));
    EXPECT_THROW(vault->change_passphrase(secret(kNew), fast_params(),
                                          [](Database&) { throw Error(ErrorKind::Io, "record failed"); }),
                 Error);
    vault.reset();
    EXPECT_EQ(snapshot(dir), before);
    EXPECT_TRUE(opens(dir, kOld));
    EXPECT_FALSE(opens(dir, kNew));
}

TEST_F(KeyHeaderCopiesTest, RecordCommitsWithTheNewHeader) {
    {
        auto vault = Vault::open(dir, secret(kOld));
        vault->change_passphrase(secret(kNew), fast_params(),
                                 [](Database& db) { AuditLog(db).append("change_passphrase", "vault", "", 5); });
    }
    auto vault = Vault::open(dir, secret(kNew));
    const auto entries = AuditLog(vault->db()).entries();
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back().action, "change_passphrase");
}

}  // namespace
}  // namespace fv::storage
