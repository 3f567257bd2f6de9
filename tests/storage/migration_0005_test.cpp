// Migration 0005: report_summaries, the narrow list rows. Filled from the rows a
// version 4 vault already has, kept in step by triggers on every write, and
// applied all or nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

// One summary row as text, from report_summaries itself.
std::vector<std::string> stored_summaries(Database& db) {
    auto stmt = db.prepare(
        "SELECT id, COALESCE(case_id, 0), title, status, occurred_start, created_at, updated_at, attachment_count, "
        "tactics FROM report_summaries ORDER BY id");
    std::vector<std::string> out;
    while (stmt.step()) {
        std::string row;
        for (int i = 0; i < 9; ++i) row += stmt.column_text(i) + "|";
        out.push_back(row);
    }
    return out;
}

// The same rows computed from the source tables, as the list read them before v5.
std::vector<std::string> derived_summaries(Database& db) {
    auto stmt = db.prepare(
        "SELECT r.id, COALESCE(r.case_id, 0), r.title, r.status, r.occurred_start, r.created_at, r.updated_at, "
        "(SELECT count(*) FROM attachments a WHERE a.report_id = r.id), "
        "COALESCE((SELECT group_concat(t.code, ',') FROM report_tactics t WHERE t.report_id = r.id), '') "
        "FROM reports r ORDER BY r.id");
    std::vector<std::string> out;
    while (stmt.step()) {
        std::string row;
        for (int i = 0; i < 9; ++i) row += stmt.column_text(i) + "|";
        out.push_back(row);
    }
    return out;
}

void add_chunked_attachment(Database& db, std::int64_t report) {
    db.prepare("INSERT INTO attachments (report_id, name, media_type, size, sha256, chunk_size, created_at) "
               "VALUES (?, 'a.txt', 'text/plain', 0, '', 262144, 11)")
        .bind(1, report)
        .run();
}

bool has_object(Database& db, std::string_view name) {
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = ?");
    stmt.bind(1, name);
    stmt.step();
    return stmt.column_int(0) == 1;
}

TEST(Migration0005, FillsSummariesFromAVersion4Database) {
    auto db = test::memory_database(4);
    const auto case_id = CaseRepository(*db).find_or_create("Li", 5);
    auto first = test::full_content("a");
    first.tactics = {"stalking_surveillance", "harassment", "threats"};  // the user's order, not sorted
    auto second = test::full_content("b");
    second.title = "第二份报告";
    second.tactics.clear();
    ReportRepository reports(*db);
    const auto a = reports.create(case_id, first, 10);
    const auto b = reports.create(0, second, 20);
    reports.set_status(b, ReportStatus::Final, 30);
    add_chunked_attachment(*db, a);
    add_chunked_attachment(*db, a);
    ASSERT_FALSE(has_object(*db, "report_summaries"));

    migrate(*db, 5);
    EXPECT_EQ(schema_version(*db), 5);
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));

    const auto rows = reports.list();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].id, b);  // most recently updated first
    EXPECT_EQ(rows[0].title, "第二份报告");
    EXPECT_EQ(rows[0].status, ReportStatus::Final);
    EXPECT_EQ(rows[0].case_id, 0);
    EXPECT_EQ(rows[0].updated_at, 30);
    EXPECT_TRUE(rows[0].tactics.empty());
    EXPECT_EQ(rows[0].attachment_count, 0);
    EXPECT_EQ(rows[1].id, a);
    EXPECT_EQ(rows[1].case_id, case_id);
    EXPECT_EQ(rows[1].occurred_start, first.occurred_start);
    EXPECT_EQ(rows[1].created_at, 10);
    EXPECT_EQ(rows[1].tactics, first.tactics);
    EXPECT_EQ(rows[1].attachment_count, 2);
    // A case filter reads schema v10's other cases too: at the latest schema.
    migrate(*db, latest_schema_version());
    EXPECT_EQ(reports.list(case_id).size(), 1u);
    EXPECT_EQ(reports.list(0).front().id, b);
}

TEST(Migration0005, EveryWriteKeepsTheSummaryInStep) {
    auto db = test::memory_database();
    ReportRepository reports(*db);
    CaseRepository cases(*db);
    const auto c1 = cases.find_or_create("one", 1);
    const auto c2 = cases.find_or_create("two", 1);
    auto content = test::full_content("x");
    const auto a = reports.create(c1, content, 10);
    const auto b = reports.create(0, test::full_content("y"), 11);
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));
    EXPECT_EQ(reports.list().front().tactics, content.tactics);

    content.title = "edited";
    content.tactics = {"threats"};
    reports.update(a, c2, content, 20);  // a new revision: scalars and tactics rewritten
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));
    auto row = reports.list().front();
    EXPECT_EQ(row.id, a);
    EXPECT_EQ(row.title, "edited");
    EXPECT_EQ(row.case_id, c2);
    EXPECT_EQ(row.tactics, std::vector<std::string>{"threats"});

    reports.set_case(b, c1, 30);
    reports.set_status(a, ReportStatus::Final, 40);
    add_chunked_attachment(*db, b);
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));
    db->exec("UPDATE attachments SET report_id = " + std::to_string(a));
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));
    db->exec("DELETE FROM attachments");
    db->exec("DELETE FROM report_tactics WHERE report_id = " + std::to_string(b) + " AND position = 0");
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));

    // A report without revisions (as written by hand) can be deleted; its row goes too.
    db->exec("INSERT INTO reports (id, status, created_at, updated_at, revision, title, occurred_start, occurred_end, "
             "date_precision, host_country, host_city, place, origin_country, demands_detail, narrative, "
             "narrative_language, translation, translation_language, translator, impact_detail, risk_level) "
             "VALUES (99, 'draft', 1, 1, 1, 't', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '')");
    EXPECT_EQ(reports.list().size(), 3u);
    db->exec("DELETE FROM reports WHERE id = 99");
    EXPECT_EQ(reports.list().size(), 2u);
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));
}

TEST(Migration0005, TheSummaryIsWrittenInTheReportsTransaction) {
    auto db = test::memory_database();
    ReportRepository reports(*db);
    {
        Transaction tx(*db);
        reports.create(0, test::full_content("a"), 1);
        EXPECT_EQ(reports.list().size(), 1u);
        // no commit: rolled back together with the report
    }
    EXPECT_TRUE(reports.list().empty());
    EXPECT_TRUE(stored_summaries(*db).empty());
}

TEST(Migration0005, IsAllOrNothing) {
    auto db = test::memory_database(4);
    ReportRepository(*db).create(0, test::full_content("a"), 10);
    // Something in the way of the last statement of the migration: it fails,
    // and neither the table nor any trigger nor the version survives.
    db->exec("CREATE TRIGGER report_summaries_attachment_update AFTER INSERT ON cases BEGIN SELECT 1; END");
    EXPECT_THROW(migrate(*db, 5), Error);
    EXPECT_EQ(schema_version(*db), 4);
    EXPECT_FALSE(has_object(*db, "report_summaries"));
    EXPECT_FALSE(has_object(*db, "report_summaries_insert"));
    EXPECT_FALSE(has_object(*db, "report_summaries_by_updated"));

    db->exec("DROP TRIGGER report_summaries_attachment_update");
    migrate(*db, 5);
    EXPECT_EQ(schema_version(*db), 5);
    EXPECT_EQ(stored_summaries(*db), derived_summaries(*db));
}

}  // namespace
}  // namespace fv::storage
