#include <gtest/gtest.h>

#include <set>
#include <string>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/migrations.h"
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

TEST(Migration0001, CreatesEveryTableAndSetsTheVersion) {
    auto db = test::memory_database(0);
    EXPECT_EQ(schema_version(*db), 0);
    migrate(*db, 1);
    EXPECT_EQ(schema_version(*db), 1);
    const auto tables = names_of(*db, "table");
    for (const char* name :
         {"cases", "reports", "report_tactics", "report_channels", "report_identifiers", "report_perpetrators",
          "report_demands", "report_relatives", "report_witnesses", "report_impacts", "report_reported_to",
          "report_sensitive_fields", "revisions", "attachments", "attachment_chunks", "audit_log", "identity",
          "contacts", "report_search"}) {
        EXPECT_TRUE(tables.count(name)) << name;
    }
    const auto triggers = names_of(*db, "trigger");
    for (const char* name : {"revisions_no_update", "revisions_no_delete", "audit_log_no_update", "audit_log_no_delete"}) {
        EXPECT_TRUE(triggers.count(name)) << name;
    }
    EXPECT_TRUE(names_of(*db, "index").count("report_identifiers_by_value"));
}

TEST(Migration0001, IsAppliedOnlyOnce) {
    auto db = test::memory_database(1);
    migrate(*db);  // nothing left to do: must not fail on "table exists"
    EXPECT_EQ(schema_version(*db), latest_schema_version());
}

TEST(Migration0001, RevisionsAndAuditLogRefuseUpdateAndDelete) {
    auto db = test::memory_database(1);
    db->exec("INSERT INTO reports (id, created_at, updated_at, revision, title, occurred_start, occurred_end, "
             "date_precision, host_country, host_city, place, origin_country, demands_detail, narrative, "
             "narrative_language, translation, translation_language, translator, impact_detail, risk_level) "
             "VALUES (1, 0, 0, 1, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '')");
    db->exec("INSERT INTO revisions VALUES (1, 1, 0, '{}', 'x')");
    db->exec("INSERT INTO audit_log VALUES (1, 0, 'a', 's', 'd', 'p', 'h')");
    EXPECT_THROW(db->exec("UPDATE revisions SET content = 'changed'"), Error);
    EXPECT_THROW(db->exec("DELETE FROM revisions"), Error);
    EXPECT_THROW(db->exec("UPDATE audit_log SET detail = 'changed'"), Error);
    EXPECT_THROW(db->exec("DELETE FROM audit_log"), Error);
}

TEST(Migration0001, ChecksStatusAndForeignKeys) {
    auto db = test::memory_database(1);
    const char* insert =
        "INSERT INTO reports (case_id, status, created_at, updated_at, revision, title, occurred_start, occurred_end, "
        "date_precision, host_country, host_city, place, origin_country, demands_detail, narrative, "
        "narrative_language, translation, translation_language, translator, impact_detail, risk_level) "
        "VALUES (?, ?, 0, 0, 1, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '')";
    EXPECT_THROW(db->prepare(insert).bind_null(1).bind(2, "archived").run(), Error);
    EXPECT_THROW(db->prepare(insert).bind(1, std::int64_t{99}).bind(2, "draft").run(), Error);  // no case 99
    db->prepare(insert).bind_null(1).bind(2, "draft").run();
}

TEST(Migrations, RefuseADatabaseFromTheFuture) {
    auto db = test::memory_database(0);
    db->exec("PRAGMA user_version = 999");
    try {
        migrate(*db);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
    }
}

TEST(Migrations, RefuseAnUnknownTarget) {
    auto db = test::memory_database(0);
    EXPECT_THROW(migrate(*db, latest_schema_version() + 1), Error);
    EXPECT_EQ(schema_version(*db), 0);
}

}  // namespace
}  // namespace fv::storage
