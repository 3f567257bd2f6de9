// check: exit 0 for an intact vault, exit 4 naming each kind of damage (an
// attachment file flipped, cut or deleted; a page of vault.db; an audit entry
// rewritten), --json, exit 3 for a wrong passphrase, and no byte of the vault
// changed by the check.
#include <filesystem>
#include <fstream>

#include "cli_fixture.h"
#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/vault.h"

namespace fv::test {
namespace {

class CliCheckTest : public CliTest {
protected:
    std::int64_t attachment_id = 0;

    void SetUp() override {
        CliTest::SetUp();
        init_vault();
        const auto id = add_report({"--title", "with evidence"});
        const auto source = write_file("evidence.jpg", std::string(150 * 1024, 'e'));
        const auto a = unlocked({"attach", std::to_string(id), source.string()});
        ASSERT_EQ(a.exit_code, 0) << a.err;
        attachment_id = std::stoll(a.out);
        // Last in the file: a long narrative's overflow pages, which opening
        // the vault does not read (the check must).
        add_report({"--title", "long", "--narrative", std::string(24 * 1024, 'n')});
        // One open first, so that the snapshots below see only the check.
        ASSERT_EQ(unlocked({"unlock-check"}).exit_code, 0);
    }
    fs::path blob() const {
        for (const auto& entry : fs::directory_iterator(vault_dir() / "blobs")) return entry.path();
        return {};
    }
    static void flip(const fs::path& file, std::uintmax_t offset) {
        auto bytes = read_file(file);
        bytes[offset] = static_cast<char>(bytes[offset] ^ 0x20);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    }
    // Runs check (text, then --json), each leaving every byte of the vault as it was.
    std::pair<CliResult, nlohmann::json> check() {
        const auto before = vault_snapshot();
        const auto text = unlocked({"check"});
        EXPECT_EQ(vault_snapshot(), before) << "check changed the vault";
        const auto json = unlocked({"check", "--json"});
        EXPECT_EQ(vault_snapshot(), before) << "check --json changed the vault";
        EXPECT_EQ(json.exit_code, text.exit_code) << json.err;
        nlohmann::json doc;
        try {
            doc = nlohmann::json::parse(json.out);
        } catch (const nlohmann::json::exception& e) {
            ADD_FAILURE() << "not JSON: " << e.what() << "\n" << json.out;
        }
        return {text, doc};
    }
    void expect_damage_exit(const CliResult& r) const {
        EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
        EXPECT_NE(r.err.find("damage"), std::string::npos) << r.err;
    }
};

TEST_F(CliCheckTest, AnIntactVaultExitsZero) {
    const auto [r, doc] = check();
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    EXPECT_NE(r.out.find("vault intact"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("attachments: 1 read end to end"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("chain intact"), std::string::npos) << r.out;
    EXPECT_EQ(doc.at("intact"), true);
    EXPECT_EQ(doc.at("complete"), true);
    EXPECT_TRUE(doc.at("findings").empty());
    EXPECT_EQ(doc.at("attachments").at("count"), 1);
    EXPECT_EQ(doc.at("attachments").at("bytes"), 150 * 1024);
    EXPECT_GT(doc.at("database").at("pages").get<int>(), 10);
    EXPECT_GE(doc.at("audit_log").at("entries").get<int>(), 4);
    EXPECT_EQ(doc.at("sections").size(), 5u);  // database, attachments, audit log, files, freshness
    EXPECT_NE(r.out.find("last recorded state (vault.anchor): matches the database"), std::string::npos) << r.out;
}

TEST_F(CliCheckTest, AFlippedByteInAnAttachmentFileIsNamed) {
    const auto file = blob();
    flip(file, fs::file_size(file) / 2);
    const auto [r, doc] = check();
    expect_damage_exit(r);
    EXPECT_NE(r.out.find("attachment " + std::to_string(attachment_id) + " \"evidence.jpg\" of report 1: DAMAGED"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(doc.at("intact"), false);
    ASSERT_EQ(doc.at("findings").size(), 1u) << doc.dump();
    const auto& f = doc.at("findings")[0];
    EXPECT_EQ(f.at("kind"), "attachment_damaged");
    EXPECT_EQ(f.at("damage"), true);
    EXPECT_EQ(f.at("attachment_id"), attachment_id);
    EXPECT_EQ(f.at("report_id"), 1);
    EXPECT_EQ(f.at("name"), "evidence.jpg");
    EXPECT_EQ(f.at("file"), file.filename().string());
}

TEST_F(CliCheckTest, ATruncatedAttachmentFileIsNamed) {
    const auto file = blob();
    fs::resize_file(file, fs::file_size(file) - 100);
    const auto [r, doc] = check();
    expect_damage_exit(r);
    EXPECT_NE(r.out.find("\"evidence.jpg\" of report 1: DAMAGED"), std::string::npos) << r.out;
    ASSERT_EQ(doc.at("findings").size(), 1u) << doc.dump();
    EXPECT_EQ(doc.at("findings")[0].at("kind"), "attachment_damaged");
}

TEST_F(CliCheckTest, ADeletedAttachmentFileIsNamedMissing) {
    fs::remove(blob());
    const auto [r, doc] = check();
    expect_damage_exit(r);
    EXPECT_NE(r.out.find("\"evidence.jpg\" of report 1: MISSING"), std::string::npos) << r.out;
    ASSERT_EQ(doc.at("findings").size(), 1u) << doc.dump();
    EXPECT_EQ(doc.at("findings")[0].at("kind"), "attachment_missing");
    EXPECT_EQ(doc.at("findings")[0].at("attachment_id"), attachment_id);
}

TEST_F(CliCheckTest, AFlippedByteInTheDatabasesLastPageIsReported) {
    const auto db = vault_dir() / "vault.db";
    flip(db, fs::file_size(db) - 300);
    const auto [r, doc] = check();
    expect_damage_exit(r);
    EXPECT_NE(r.out.find("DAMAGED"), std::string::npos) << r.out;
    EXPECT_EQ(line_after(r.out, "database: ").find("DAMAGED") != std::string::npos, true) << r.out;
    bool database_finding = false;
    for (const auto& f : doc.at("findings")) {
        if (f.at("kind") == "database_damaged") {
            database_finding = true;
            EXPECT_FALSE(f.at("message").get<std::string>().empty());
        }
    }
    EXPECT_TRUE(database_finding) << doc.dump();
    EXPECT_EQ(doc.at("attachments").at("count"), 1);  // the rest was still checked
}

TEST_F(CliCheckTest, AnAuditEntryRewrittenWithSqlIsNamed) {
    {
        auto vault = storage::Vault::open(vault_dir(), SecretBuffer::from_string(kPass));
        auto& db = vault->db();
        db.exec("DROP TRIGGER audit_log_no_update");
        db.prepare("UPDATE audit_log SET detail = ? WHERE seq = 2").bind(1, std::string_view("revision 9")).run();
        ASSERT_EQ(db.changes(), 1);
    }
    const auto [r, doc] = check();
    expect_damage_exit(r);
    EXPECT_NE(r.out.find("  - entry 2 ("), std::string::npos) << r.out;
    EXPECT_NE(line_after(r.out, "audit log: ").find("BROKEN"), std::string::npos) << r.out;
    ASSERT_EQ(doc.at("findings").size(), 1u) << doc.dump();
    EXPECT_EQ(doc.at("findings")[0].at("kind"), "audit_chain_broken");
    EXPECT_EQ(doc.at("findings")[0].at("seq"), 2);
}

TEST_F(CliCheckTest, AWrongPassphraseExitsThree) {
    const auto r = cli({"check"}, "not the passphrase\n");
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace fv::test
