// The freshness anchor (vault.anchor): a database put back from an older copy
// is refused before anything acts on it, newer attachment files are kept (moved
// to quarantine/, never deleted) and come back with their database.
#include <gtest/gtest.h>

#include <sstream>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"
#include "test_support.h"

namespace fv::storage {
namespace {

namespace fs = std::filesystem;
using test::fast_params;
using test::read_file;
using test::secret;
using test::write_file;

class FreshnessAnchorTest : public ::testing::Test {
protected:
    test::TempDir tmp;
    fs::path dir = tmp.path() / "vault";
    fs::path db_file = dir / "vault.db";
    fs::path anchor = dir / "vault.anchor";

    void SetUp() override { (void)Vault::create(dir, secret("pass"), fast_params()); }
    std::unique_ptr<Vault> open(bool accept = false) {
        return Vault::open(dir, secret("pass"), VaultOpenOptions{accept});
    }
    static void log(Database& db, std::string_view action, std::int64_t at = 100) {
        Transaction tx(db);
        AuditLog(db).append(action, "test", "", at);
        tx.commit();
    }
    static std::int64_t attach(Database& db, const std::string& bytes) {
        Transaction tx(db);
        const auto report = ReportRepository(db).create(0, test::full_content("r"), 1);
        std::istringstream in(bytes);
        const auto id = AttachmentStore(db).import(report, in, "file.bin", "application/octet-stream", 2);
        AuditLog(db).append("attach", "attachment", "", 3);
        tx.commit();
        return id;
    }
    std::vector<std::string> names_in(const fs::path& folder) const {
        std::vector<std::string> names;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(folder, ec)) names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    // Every file of the vault folder (blobs/ included) with its bytes.
    std::map<std::string, std::string> snapshot() const {
        std::map<std::string, std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
        }
        return files;
    }
    void expect_rollback(std::string_view says) {
        try {
            (void)open();
            FAIL() << "opened";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Rollback) << e.what();
            EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("Nothing was changed or deleted"), std::string::npos) << e.what();
        }
    }
};

TEST_F(FreshnessAnchorTest, ANewVaultHasAnAnchorAndOpensWithItsHead) {
    EXPECT_TRUE(fs::is_regular_file(anchor));
    EXPECT_EQ((fs::status(anchor).permissions() & fs::perms::all), fs::perms::owner_read | fs::perms::owner_write);
    {
        auto vault = open();
        log(vault->db(), "one", 111);
        log(vault->db(), "two", 222);
    }
    auto vault = open();
    EXPECT_EQ(vault->open_report().last_seq, 2);
    EXPECT_EQ(vault->open_report().last_at, 222);
    EXPECT_FALSE(vault->open_report().rollback_accepted);
}

// An older copy from an older schema is refused before the migrations touch
// it: not one byte of it changes (they used to run first, then the refusal
// said "Nothing was changed").
TEST_F(FreshnessAnchorTest, AnOlderCopyWithAnOlderSchemaIsRefusedBeforeItIsMigrated) {
    {
        auto vault = open();
        log(vault->db(), "first");
        // Make it a schema v5 database, as an older program left it.
        for (const char* table : {"report_origins", "received_deliveries", "bundle_proofs", "bundle_documents",
                                  "carried_proofs", "carried_documents", "report_carried_proofs", "source_merges",
                                  "report_annotations", "entities", "entity_aliases", "report_entities",
                                  "draft_autosave", "report_more_cases", "attachment_captions", "reports_being_deleted",
                                  "note_search"})
            vault->db().exec(std::string("DROP TABLE ") + table);
        vault->db().exec("PRAGMA user_version = 5");
    }
    const auto old_db = read_file(db_file);
    {
        auto vault = open();  // migrates to the latest schema
        EXPECT_EQ(vault->schema_version(), latest_schema_version());
        log(vault->db(), "second");
    }
    write_file(db_file, old_db);
    const auto before = snapshot();
    expect_rollback("#2");
    EXPECT_EQ(snapshot(), before);
}

TEST_F(FreshnessAnchorTest, AnOlderDatabaseIsRefusedAndItsNewerAttachmentFileIsNotTouched) {
    {
        auto vault = open();
        log(vault->db(), "first");
    }
    const auto old_db = read_file(db_file);
    {
        auto vault = open();
        attach(vault->db(), "newer evidence");
    }
    ASSERT_EQ(names_in(dir / "blobs").size(), 1u);
    write_file(db_file, old_db);  // the database is put back; the rest of the folder is not
    const auto before = snapshot();
    try {
        (void)open();
        FAIL() << "an older database opened";
    } catch (const RollbackError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Rollback);
        EXPECT_EQ(e.recorded_seq(), 2);
        EXPECT_EQ(e.recorded_at(), 3);
        EXPECT_NE(std::string(e.what()).find("#2"), std::string::npos) << e.what();
    }
    EXPECT_EQ(snapshot(), before);  // nothing deleted, moved or rewritten
    EXPECT_FALSE(fs::exists(dir / "quarantine"));
}

TEST_F(FreshnessAnchorTest, AcceptingTheOlderDatabaseKeepsTheNewerFileAndTheNewerDatabaseBringsItBack) {
    {
        auto vault = open();
        log(vault->db(), "first");
    }
    const auto old_db = read_file(db_file);
    std::int64_t id = 0;
    {
        auto vault = open();
        id = attach(vault->db(), "newer evidence");
    }
    const auto new_db = read_file(db_file);
    const auto blob_name = names_in(dir / "blobs").front();
    write_file(db_file, old_db);
    {
        auto vault = open(true);
        const auto& report = vault->open_report();
        EXPECT_TRUE(report.rollback_accepted);
        EXPECT_EQ(report.recorded_seq, 2);
        EXPECT_EQ(report.last_seq, 1);
        EXPECT_EQ(report.files_quarantined, 1u);
        EXPECT_TRUE(names_in(dir / "blobs").empty());
        EXPECT_EQ(names_in(dir / "quarantine"), std::vector<std::string>{blob_name});
    }
    // Accepted once, it opens normally from then on.
    EXPECT_FALSE(open()->open_report().rollback_accepted);

    // The newer database returns (it extends the accepted one's log): its file comes back.
    write_file(db_file, new_db);
    auto vault = open();
    EXPECT_EQ(vault->open_report().files_restored, 1u);
    EXPECT_EQ(names_in(dir / "blobs"), std::vector<std::string>{blob_name});
    std::ostringstream out;
    AttachmentStore(vault->db()).extract(id, out);
    EXPECT_EQ(out.str(), "newer evidence");
}

TEST_F(FreshnessAnchorTest, AMissingAnchorIsRefusedUnlessAccepted) {
    fs::remove(anchor);
    expect_rollback("missing");
    EXPECT_FALSE(fs::exists(anchor));
    EXPECT_TRUE(open(true)->open_report().rollback_accepted);
    EXPECT_TRUE(fs::exists(anchor));
    EXPECT_FALSE(open()->open_report().rollback_accepted);
}

TEST_F(FreshnessAnchorTest, ADamagedTruncatedOrForeignAnchorIsRefused) {
    const auto good = read_file(anchor);
    for (std::size_t i = 0; i < good.size(); ++i) {
        auto bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x01);
        write_file(anchor, bad);
        expect_rollback("damaged");
    }
    write_file(anchor, good.substr(0, good.size() - 1));
    expect_rollback("damaged");
    write_file(anchor, good + "x");
    expect_rollback("damaged");
    write_file(anchor, "");
    expect_rollback("damaged");

    test::TempDir other_tmp;
    const auto other = other_tmp.path() / "vault";
    (void)Vault::create(other, secret("pass"), fast_params());
    write_file(anchor, read_file(other / "vault.anchor"));
    expect_rollback("another vault");

    write_file(anchor, good);
    EXPECT_NO_THROW((void)open());
}

TEST_F(FreshnessAnchorTest, AnEditedEntryAtTheAnchoredNumberIsRefused) {
    {
        auto vault = open();
        log(vault->db(), "first");
        // Rewritten with a consistent chain hash would still differ from the anchored one.
        vault->db().exec("DROP TRIGGER audit_log_no_update");
        vault->db().exec("UPDATE audit_log SET hash = '" + std::string(64, 'a') + "' WHERE seq = 1");
    }
    expect_rollback("different entry #1");
}

TEST_F(FreshnessAnchorTest, ADatabaseFromBeforeAnchorsIsRefusedWhenTheFolderHasOne) {
    {
        auto vault = open();
        log(vault->db(), "first");
        vault->db().exec("DELETE FROM vault_meta");
    }
    expect_rollback("older than the vault");
}

TEST_F(FreshnessAnchorTest, AVaultFromBeforeAnchorsGetsOneAtItsFirstOpen) {
    {
        auto vault = open();
        log(vault->db(), "first");
        vault->db().exec("DELETE FROM vault_meta");
    }
    fs::remove(anchor);
    {
        auto vault = open();
        EXPECT_TRUE(vault->open_report().anchor_created);
        EXPECT_FALSE(vault->open_report().rollback_accepted);
    }
    EXPECT_TRUE(fs::exists(anchor));
    EXPECT_FALSE(open()->open_report().anchor_created);
}

TEST_F(FreshnessAnchorTest, TheAnchorFollowsCommitsOnlyAndADatabaseAheadOfItOpens) {
    auto vault = open();
    log(vault->db(), "committed");
    const auto after_commit = read_file(anchor);
    {
        Transaction tx(vault->db());
        AuditLog(vault->db()).append("rolled back", "test", "", 5);
    }  // rolled back
    EXPECT_EQ(read_file(anchor), after_commit);
    AuditLog(vault->db()).append("autocommit", "test", "", 6);  // its own transaction
    EXPECT_NE(read_file(anchor), after_commit);
    vault.reset();

    // A program killed between a commit and its anchor write leaves the anchor
    // behind: that is not a rollback, and the open brings the anchor up to date.
    const auto lagging = read_file(anchor);
    {
        auto again = open();
        log(again->db(), "later");
    }
    write_file(anchor, lagging);
    auto reopened = open();
    EXPECT_EQ(reopened->open_report().last_seq, 3);
    EXPECT_NE(read_file(anchor), lagging);
    for (const auto& name : names_in(dir)) EXPECT_FALSE(name.ends_with(".tmp")) << name;
}

TEST_F(FreshnessAnchorTest, AStaleAnchorTempFileIsRemoved) {
    write_file(dir / "vault.anchor.0123456789abcdef.tmp", "half written");
    (void)open();
    EXPECT_FALSE(fs::exists(dir / "vault.anchor.0123456789abcdef.tmp"));
}

}  // namespace
}  // namespace fv::storage
