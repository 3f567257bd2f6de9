// Migration 0006: report origins, deliveries, kept proofs and source merges
// (issue 13). Additive: a version 5 vault keeps every row, and the new tables
// hold what the chain to a lawyer relies on, so they refuse to be rewritten.
#include <gtest/gtest.h>

#include <string>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

bool has_object(Database& db, std::string_view name) {
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = ?");
    stmt.bind(1, name);
    stmt.step();
    return stmt.column_int(0) == 1;
}

std::int64_t count(Database& db, const std::string& table) {
    auto stmt = db.prepare("SELECT count(*) FROM " + table);
    stmt.step();
    return stmt.column_int(0);
}

void expect_refused(Database& db, const std::string& sql) {
    EXPECT_THROW(db.exec(sql), Error) << sql;
}

// A received bundle row and a report with a delivery, an origin and a kept proof.
std::int64_t add_received(Database& db) {
    const auto report = ReportRepository(db).create(0, test::full_content("received"), 10);
    db.exec("INSERT INTO received_bundles (id, bundle_id, signer_card, signer_fingerprint, sequence, created_at, "
            "received_at, manifest_hash, header_hash, metadata, file_sha256) VALUES (1, '" + std::string(32, 'a') +
            "', 'fvid1-x', '1 2 3', '1', 5, 6, 'm', 'h', '{}', 's')");
    db.exec("INSERT INTO report_origins (report_id, uid, signer) VALUES (" + std::to_string(report) + ", '" +
            std::string(32, 'b') + "', '1 2 3')");
    db.exec("INSERT INTO received_deliveries (report_id, bundle_row, item_id, local_revision, identical, claims) "
            "VALUES (" + std::to_string(report) + ", 1, 'report-1', 1, 0, '{}')");
    db.exec("INSERT INTO bundle_proofs (bundle_row, header, manifest, signature) VALUES (1, x'01', x'02', x'03')");
    db.exec("INSERT INTO bundle_documents (bundle_row, item_id, document) VALUES (1, 'report-1', x'7b7d')");
    db.exec("INSERT INTO carried_proofs (bundle_id, header, manifest, signature) VALUES ('" + std::string(32, 'c') +
            "', x'01', x'02', x'03')");
    return report;
}

TEST(Migration0006, UpgradesAVersion5DatabaseKeepingItsRows) {
    auto db = test::memory_database(5);
    const auto case_id = CaseRepository(*db).find_or_create("Li", 5);
    const auto report = ReportRepository(*db).create(case_id, test::full_content("kept"), 10);
    ASSERT_FALSE(has_object(*db, "report_origins"));

    migrate(*db, 6);
    EXPECT_EQ(schema_version(*db), 6);
    for (const char* table : {"report_origins", "received_deliveries", "bundle_proofs", "bundle_documents",
                              "carried_proofs", "carried_documents", "report_carried_proofs", "source_merges"})
        EXPECT_TRUE(has_object(*db, table)) << table;
    const auto rows = ReportRepository(*db).list();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].id, report);
    EXPECT_EQ(rows[0].case_id, case_id);
    EXPECT_EQ(count(*db, "report_origins"), 0);
}

TEST(Migration0006, CustodyRecordsAreAppendOnly) {
    auto db = test::memory_database();
    const auto report = add_received(*db);
    const auto id = std::to_string(report);
    expect_refused(*db, "UPDATE report_origins SET uid = '" + std::string(32, 'd') + "'");
    expect_refused(*db, "DELETE FROM report_origins");
    expect_refused(*db, "UPDATE received_deliveries SET claims = '{\"status\":\"final\"}'");
    expect_refused(*db, "DELETE FROM received_deliveries");
    expect_refused(*db, "UPDATE bundle_proofs SET signature = x'04'");
    expect_refused(*db, "DELETE FROM bundle_proofs");
    expect_refused(*db, "UPDATE bundle_documents SET document = x'00'");
    expect_refused(*db, "DELETE FROM bundle_documents");
    expect_refused(*db, "UPDATE carried_proofs SET manifest = x'05'");
    expect_refused(*db, "DELETE FROM carried_proofs");
    EXPECT_EQ(count(*db, "report_origins"), 1);
    EXPECT_EQ(count(*db, "received_deliveries"), 1);
    EXPECT_EQ(count(*db, "bundle_documents"), 1);
}

TEST(Migration0006, ChecksUidsRevisionsAndMerges) {
    auto db = test::memory_database();
    const auto report = add_received(*db);
    const auto other = ReportRepository(*db).create(0, test::full_content("other"), 11);
    const auto o = std::to_string(other);
    // A uid is 32 characters, and one signer's uid names one report.
    expect_refused(*db, "INSERT INTO report_origins (report_id, uid, signer) VALUES (" + o + ", 'short', '')");
    expect_refused(*db, "INSERT INTO report_origins (report_id, uid, signer) VALUES (" + o + ", '" +
                            std::string(32, 'b') + "', '1 2 3')");
    // The same uid from another signer is another report.
    EXPECT_NO_THROW(db->exec("INSERT INTO report_origins (report_id, uid, signer) VALUES (" + o + ", '" +
                             std::string(32, 'b') + "', '')"));
    expect_refused(*db, "INSERT INTO received_deliveries (report_id, bundle_row, item_id, local_revision, identical, "
                        "claims) VALUES (" + std::to_string(report) + ", 1, 'report-1', 0, 0, '{}')");
    expect_refused(*db, "INSERT INTO received_deliveries (report_id, bundle_row, item_id, local_revision, identical, "
                        "claims) VALUES (" + std::to_string(report) + ", 1, 'report-1', 1, 2, '{}')");
    db->exec("INSERT INTO contacts (id, name, card, fingerprint, verified, created_at) VALUES "
             "(1, 'a', 'fvid1-a', '1', 0, 1), (2, 'b', 'fvid1-b', '2', 1, 1)");
    expect_refused(*db, "INSERT INTO source_merges (contact_id, into_contact) VALUES (1, 1)");
    EXPECT_NO_THROW(db->exec("INSERT INTO source_merges (contact_id, into_contact) VALUES (1, 2)"));
}

}  // namespace
}  // namespace fv::storage
