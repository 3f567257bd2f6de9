// Exit 4: a broken audit-log chain and a corrupted database file.
#include <fstream>

#include "cli_fixture.h"
#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/vault.h"

namespace fv::test {
namespace {

class CliIntegrityTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
        add_report({"--title", "one"});
        add_report({"--title", "two"});
    }
};

TEST_F(CliIntegrityTest, ATamperedAuditEntryFailsVerificationNamingIt) {
    ASSERT_EQ(unlocked({"log", "verify"}).exit_code, 0);
    {
        // What an attacker holding the key could do: bypass the append-only
        // trigger and rewrite entry 2. The chain must show it.
        auto vault = storage::Vault::open(vault_dir(), SecretBuffer::from_string(kPass));
        auto& db = vault->db();
        db.exec("DROP TRIGGER audit_log_no_update");
        db.prepare("UPDATE audit_log SET detail = ? WHERE seq = 2").bind(1, std::string_view("revision 9")).run();
        ASSERT_EQ(db.changes(), 1);
    }
    const auto r = unlocked({"log", "verify"});
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_NE(r.err.find("entry 2"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST_F(CliIntegrityTest, ACorruptedDatabaseExitsFour) {
    const auto db_path = vault_dir() / "vault.db";
    auto bytes = read_file(db_path);
    ASSERT_GT(bytes.size(), 4096u);
    // Flip bytes in the middle of every 1 KiB page but the first (SQLCipher's
    // per-page HMAC must catch each one).
    for (std::size_t page = 1024; page + 1024 <= bytes.size(); page += 1024) bytes[page + 500] ^= 0x5a;
    {
        std::ofstream out(db_path, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    for (const auto& args : std::vector<std::vector<std::string>>{{"log", "verify"}, {"report", "list"}}) {
        const auto r = unlocked(args);
        EXPECT_EQ(r.exit_code, 4) << args[0] << ": " << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    }
}

}  // namespace
}  // namespace fv::test
