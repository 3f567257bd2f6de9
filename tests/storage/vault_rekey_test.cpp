// Key rotation (Vault::rekey): new database key, new recovery key, same
// passphrase; the old keys stop working; a crash at every step leaves the old
// keys or the new ones working, never neither (each step is a real process
// exit, in a forked child, with no cleanup).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <sstream>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"
#include "test_support.h"
#include "vault_rekey.h"

namespace fv::storage {
namespace {

namespace fs = std::filesystem;
using test::fast_params;
using test::read_file;
using test::secret;
using test::write_file;

class VaultRekeyTest : public ::testing::Test {
protected:
    test::TempDir tmp;
    fs::path dir = tmp.path() / "vault";
    std::string old_recovery;
    std::int64_t attachment = 0;

    void SetUp() override {
        auto created = Vault::create(dir, secret("pass phrase"), fast_params());
        old_recovery = created.recovery_key_text;
        auto& db = created.vault->db();
        Transaction tx(db);
        const auto report = ReportRepository(db).create(0, test::full_content("kept"), 1);
        std::istringstream in("evidence bytes");
        attachment = AttachmentStore(db).import(report, in, "e.bin", "application/octet-stream", 2);
        AuditLog(db).append("attach", "attachment", "", 3);
        tx.commit();
    }
    std::unique_ptr<Vault> open() { return Vault::open(dir, secret("pass phrase")); }
    static std::string rekey(Vault& vault) {
        return vault.rekey(secret("pass phrase"), fast_params(),
                           [](Database& db) { AuditLog(db).append("rekey", "vault", "", 4); });
    }
    bool recovery_opens(const std::string& key) {
        try {
            (void)Vault::open_with_recovery_key(dir, key);
            return true;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Unlock) << e.what();
            return false;
        }
    }
    void expect_contents(Vault& vault) {
        std::ostringstream out;
        AttachmentStore(vault.db()).extract(attachment, out);
        EXPECT_EQ(out.str(), "evidence bytes");
        EXPECT_EQ(ReportRepository(vault.db()).list().size(), 1u);
        EXPECT_EQ(AuditLog(vault.db()).verify(), std::nullopt);
        auto check = vault.db().prepare("PRAGMA integrity_check");
        ASSERT_TRUE(check.step());
        EXPECT_EQ(check.column_text(0), "ok");
    }
};

TEST_F(VaultRekeyTest, NewKeysOpenTheSameContentAndTheOldOnesNoLonger) {
    const auto old_key_file = read_file(dir / "vault.key");
    const auto old_db = read_file(dir / "vault.db");
    std::string new_recovery;
    {
        auto vault = open();
        new_recovery = rekey(*vault);
        expect_contents(*vault);  // the open vault goes on working, on the new file
        AuditLog(vault->db()).append("after", "vault", "", 5);
    }
    EXPECT_NE(new_recovery, old_recovery);
    EXPECT_FALSE(fs::exists(dir / "vault.db.next"));
    {
        auto vault = open();
        expect_contents(*vault);
        EXPECT_EQ(vault->open_report().last_seq, 3);  // attach, rekey, after: the anchor followed
        EXPECT_FALSE(vault->open_report().rollback_accepted);
    }
    EXPECT_FALSE(recovery_opens(old_recovery));
    EXPECT_TRUE(recovery_opens(new_recovery));

    // An old copy of vault.key with the passphrase: it unwraps the old key,
    // which does not open the database any more.
    const auto current_key_file = read_file(dir / "vault.key");
    const auto current_backup = read_file(dir / "vault.key.bak");
    write_file(dir / "vault.key", old_key_file);
    write_file(dir / "vault.key.bak", old_key_file);
    try {
        (void)open();
        FAIL() << "an old key header opened the rekeyed database";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
    }
    write_file(dir / "vault.key", current_key_file);
    write_file(dir / "vault.key.bak", current_backup);
    // And an old database copy does not open under the new keys either.
    const auto current_db = read_file(dir / "vault.db");
    write_file(dir / "vault.db", old_db);
    EXPECT_THROW((void)open(), Error);
    write_file(dir / "vault.db", current_db);
    EXPECT_NO_THROW((void)open());
}

TEST_F(VaultRekeyTest, AWrongPassphraseChangesNothing) {
    auto vault = open();
    std::map<std::string, std::string> before;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) before[e.path().string()] = read_file(e.path());
    try {
        (void)vault->rekey(secret("not it"), fast_params(), {});
        FAIL() << "rekeyed with a wrong passphrase";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Unlock);
    }
    std::map<std::string, std::string> after;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) after[e.path().string()] = read_file(e.path());
    EXPECT_EQ(after, before);
    expect_contents(*vault);
    EXPECT_TRUE(recovery_opens(old_recovery));
}

TEST_F(VaultRekeyTest, ALeftoverCopyThatNoKeyOpensIsDropped) {
    write_file(dir / "vault.db.next", std::string(4096, 'x'));
    auto vault = open();
    expect_contents(*vault);
    EXPECT_FALSE(fs::exists(dir / "vault.db.next"));
}

// Kills a child process at `step` of a rekey; returns the recovery key it was making.
std::string rekey_killed_at(const fs::path& dir, int step) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        detail::set_rekey_step_hook_for_tests([&](int reached, std::string_view recovery) {
            if (reached != step) return;
            (void)!::write(fds[1], recovery.data(), recovery.size());
            ::_exit(0);  // no destructors, no cleanup: as a kill
        });
        try {
            auto vault = Vault::open(dir, secret("pass phrase"));
            (void)vault->rekey(secret("pass phrase"), fast_params(), {});
        } catch (...) {
        }
        ::_exit(1);
    }
    ::close(fds[1]);
    std::string recovery;
    char buffer[256];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) recovery.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the child did not reach step " << step;
    return recovery;
}

class VaultRekeyCrashTest : public VaultRekeyTest, public ::testing::WithParamInterface<int> {};

TEST_P(VaultRekeyCrashTest, TheOldKeysOrTheNewOnesOpenNeverNeither) {
    const int step = GetParam();
    const auto new_recovery = rekey_killed_at(dir, step);
    ASSERT_FALSE(new_recovery.empty());
    {
        auto vault = open();  // the passphrase opens at every step
        expect_contents(*vault);
    }
    EXPECT_FALSE(fs::exists(dir / "vault.db.next"));
    const bool old_opens = recovery_opens(old_recovery);
    const bool new_opens = recovery_opens(new_recovery);
    EXPECT_NE(old_opens, new_opens) << "exactly one recovery key must open after step " << step;
    // Until the primary header copy holds the new slots, the passphrase finds
    // the old key first, and the open settles on it.
    EXPECT_EQ(new_opens, step >= 3) << "step " << step;
    auto vault = open();
    expect_contents(*vault);
}

TEST_F(VaultRekeyTest, BetweenTheTwoHeaderCopiesTheNewRecoveryKeyFinishesTheSwitch) {
    const auto new_recovery = rekey_killed_at(dir, 2);
    ASSERT_TRUE(recovery_opens(new_recovery));  // the backup copy's key opens the copy, which takes over
    EXPECT_FALSE(fs::exists(dir / "vault.db.next"));
    EXPECT_FALSE(recovery_opens(old_recovery));
    auto vault = open();
    expect_contents(*vault);
}

TEST_F(VaultRekeyTest, AnotherProgramThatFinishesTheSwitchIsNotUndone) {
    // Both header copies hold the new key; another program opens the vault now
    // and renames the copy itself. The rekey must then count as done, not put
    // the old header back (which would leave a header that opens nothing).
    std::unique_ptr<Vault> other;
    detail::set_rekey_step_hook_for_tests([&](int step, std::string_view) {
        if (step == 3) other = open();
    });
    std::string new_recovery;
    {
        auto vault = open();
        new_recovery = rekey(*vault);
        expect_contents(*vault);
    }
    detail::set_rekey_step_hook_for_tests({});
    ASSERT_NE(other, nullptr);
    expect_contents(*other);
    other.reset();
    auto vault = open();
    expect_contents(*vault);
    EXPECT_TRUE(recovery_opens(new_recovery));
    EXPECT_FALSE(recovery_opens(old_recovery));
}

INSTANTIATE_TEST_SUITE_P(EveryStep, VaultRekeyCrashTest, ::testing::Values(1, 2, 3, 4));

}  // namespace
}  // namespace fv::storage
