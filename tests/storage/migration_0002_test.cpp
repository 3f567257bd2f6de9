// Migration 0002: received bundles, received reports and export sequences;
// applied on top of v1 data without touching it; append-only provenance.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/received.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

std::set<std::string> names_of(Database& db, std::string_view type) {
    auto stmt = db.prepare("SELECT name FROM sqlite_master WHERE type = ?");
    stmt.bind(1, type);
    std::set<std::string> out;
    while (stmt.step()) out.insert(stmt.column_text(0));
    return out;
}

ReceivedBundleRecord sample_bundle(std::string id) {
    ReceivedBundleRecord r;
    r.bundle_id = std::move(id);
    r.signer_card = "fvid1-card";
    r.signer_fingerprint = "11111 22222 33333 44444 55555 66666";
    r.sequence = 18446744073709551615ull;  // u64 max survives the round trip
    r.created_at = 1700000000;
    r.received_at = 1700000100;
    r.manifest_hash = std::string(128, 'a');
    r.header_hash = std::string(128, 'b');
    r.metadata = R"({"schema":"x"})";
    r.file_sha256 = std::string(64, 'c');
    return r;
}

TEST(Migration0002, UpgradesAVersion1DatabaseKeepingItsData) {
    auto db = test::memory_database(1);
    const auto id = ReportRepository(*db).create(0, test::full_content("v1"), 10);
    migrate(*db, 2);
    EXPECT_EQ(schema_version(*db), 2);
    for (const char* name : {"received_bundles", "received_reports", "export_sequences"})
        EXPECT_TRUE(names_of(*db, "table").count(name)) << name;
    for (const char* name : {"received_bundles_no_update", "received_bundles_no_delete", "received_reports_no_update"})
        EXPECT_TRUE(names_of(*db, "trigger").count(name)) << name;
    const auto report = ReportRepository(*db).get(id);
    ASSERT_TRUE(report.has_value());
    EXPECT_EQ(report->content, test::full_content("v1"));
    migrate(*db);  // nothing left to do
    EXPECT_EQ(schema_version(*db), latest_schema_version());
}

TEST(Migration0002, ProvenanceRoundTripAndAppendOnly) {
    auto db = test::memory_database(2);
    ReceivedRepository received(*db);
    const auto row = received.add_bundle(sample_bundle("00ff"));
    const auto report = ReportRepository(*db).create(0, test::full_content("r"), 10);
    received.link_report(report, row, "report-1", {"relatives", "place"});

    const auto found = received.find_bundle("00ff");
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->sequence, 18446744073709551615ull);
    EXPECT_EQ(found->signer_fingerprint, sample_bundle("x").signer_fingerprint);
    EXPECT_FALSE(received.find_bundle("00fe").has_value());

    const auto p = received.provenance(report);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->item_id, "report-1");
    EXPECT_EQ(p->redacted_fields, (std::vector<std::string>{"relatives", "place"}));
    EXPECT_EQ(p->bundle.bundle_id, "00ff");
    EXPECT_FALSE(received.provenance(report + 1).has_value());
    EXPECT_EQ(received.received_report_signers().size(), 1u);
    EXPECT_EQ(received.last_sequence_from(found->signer_fingerprint), 18446744073709551615ull);

    // The duplicate key and the append-only triggers.
    EXPECT_THROW(received.add_bundle(sample_bundle("00ff")), Error);
    EXPECT_THROW(db->exec("UPDATE received_bundles SET signer_card = 'x'"), Error);
    EXPECT_THROW(db->exec("DELETE FROM received_bundles"), Error);
    EXPECT_THROW(db->exec("UPDATE received_reports SET item_id = 'x'"), Error);
    // A link needs a real report and bundle (foreign keys are on).
    EXPECT_THROW(received.link_report(report + 100, row, "r", {}), Error);
}

TEST(Migration0002, ExportSequenceIncreasesPerKey) {
    auto db = test::memory_database(2);
    ReceivedRepository received(*db);
    EXPECT_EQ(received.next_export_sequence("aa"), 1u);
    EXPECT_EQ(received.next_export_sequence("aa"), 2u);
    EXPECT_EQ(received.next_export_sequence("bb"), 1u);
    EXPECT_EQ(received.next_export_sequence("aa"), 3u);
}

TEST(Migration0002, MalformedStoredSequenceIsAnIntegrityError) {
    auto db = test::memory_database(2);
    db->exec("INSERT INTO received_bundles (bundle_id, signer_card, signer_fingerprint, sequence, created_at, "
             "received_at, manifest_hash, header_hash, metadata, file_sha256) "
             "VALUES ('01', 'c', 'f', '12x', 0, 0, 'm', 'h', '', 's')");
    try {
        ReceivedRepository(*db).find_bundle("01");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
    }
}

}  // namespace
}  // namespace fv::storage
