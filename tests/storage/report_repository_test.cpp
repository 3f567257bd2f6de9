#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/report_json.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

class ReportRepositoryTest : public ::testing::Test {
protected:
    std::unique_ptr<Database> db = test::memory_database();
    ReportRepository reports{*db};
};

TEST_F(ReportRepositoryTest, EveryFieldGroupRoundTrips) {
    const auto content = test::full_content("a");
    const auto case_id = CaseRepository(*db).find_or_create("Case A", 10);
    const auto id = reports.create(case_id, content, 100);
    const auto record = reports.get(id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->content, content);
    EXPECT_EQ(record->case_id, case_id);
    EXPECT_EQ(record->status, ReportStatus::Draft);
    EXPECT_EQ(record->created_at, 100);
    EXPECT_EQ(record->updated_at, 100);
    EXPECT_EQ(record->revision, 1);
}

TEST_F(ReportRepositoryTest, EmptyContentRoundTrips) {
    const ReportContent empty;
    const auto id = reports.create(0, empty, 1);
    const auto record = reports.get(id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->content, empty);
    EXPECT_EQ(record->case_id, 0);
}

TEST_F(ReportRepositoryTest, UnknownReportIsNotFound) {
    EXPECT_FALSE(reports.get(42));
    try {
        reports.update(42, 0, {}, 1);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
}

TEST_F(ReportRepositoryTest, InvalidUtf8IsRefusedWithNothingWritten) {
    auto content = test::full_content("u");
    content.narrative = "bad \xff bytes";
    try {
        reports.create(0, content, 1);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
    }
    EXPECT_TRUE(reports.list().empty());
    const auto id = reports.create(0, test::full_content("ok"), 1);
    EXPECT_THROW(reports.update(id, 0, content, 2), Error);
    EXPECT_EQ(reports.get(id)->content, test::full_content("ok"));
    EXPECT_EQ(reports.get(id)->revision, 1);
    EXPECT_EQ(reports.revisions(id).size(), 1u);
}

TEST_F(ReportRepositoryTest, UnknownCaseIsRefused) {
    EXPECT_THROW(reports.create(99, test::full_content("a"), 1), Error);
}

TEST_F(ReportRepositoryTest, UpdateMakesANewRevisionAndReplacesListFields) {
    const auto first = test::full_content("a");
    const auto id = reports.create(0, first, 100);
    auto second = test::full_content("b");
    second.tactics = {"hacking"};
    second.witnesses.clear();
    second.relatives.push_back({"sister", "Shanghai", "questioned", "state security", "WeChat"});
    reports.update(id, 0, second, 200);
    const auto record = reports.get(id);
    ASSERT_TRUE(record);
    EXPECT_EQ(record->content, second);
    EXPECT_EQ(record->revision, 2);
    EXPECT_EQ(record->created_at, 100);
    EXPECT_EQ(record->updated_at, 200);

    const auto revisions = reports.revisions(id);
    ASSERT_EQ(revisions.size(), 2u);
    EXPECT_EQ(revisions[0].number, 1);
    EXPECT_EQ(revisions[0].content, first);
    EXPECT_EQ(revisions[0].created_at, 100);
    EXPECT_EQ(revisions[1].number, 2);
    EXPECT_EQ(revisions[1].content, second);
    EXPECT_EQ(revisions[1].content_sha256, crypto::to_hex(crypto::sha256(canonical_report_json(second))));
}

TEST_F(ReportRepositoryTest, UpdateCanMoveAReportBetweenCases) {
    const auto a = CaseRepository(*db).find_or_create("A", 1);
    const auto id = reports.create(a, {}, 1);
    reports.update(id, 0, {}, 2);
    EXPECT_EQ(reports.get(id)->case_id, 0);
}

TEST_F(ReportRepositoryTest, FinalReportsRefuseEditsAndStatusChanges) {
    const auto id = reports.create(0, test::full_content("a"), 1);
    reports.set_status(id, ReportStatus::Final, 2);
    EXPECT_EQ(reports.get(id)->status, ReportStatus::Final);
    try {
        reports.update(id, 0, test::full_content("b"), 3);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
        EXPECT_STREQ(e.what(), "report is final");
    }
    EXPECT_THROW(reports.set_status(id, ReportStatus::Draft, 4), Error);
    EXPECT_EQ(reports.get(id)->content, test::full_content("a"));
    EXPECT_EQ(reports.revisions(id).size(), 1u);
}

// The status is typed above storage; the database's CHECK keeps a third code out.
TEST_F(ReportRepositoryTest, UnknownStatusIsRefusedByTheSchema) {
    const auto id = reports.create(0, {}, 1);
    EXPECT_THROW(db->exec("UPDATE reports SET status = 'archived'"), Error);
    EXPECT_EQ(reports.get(id)->status, ReportStatus::Draft);
}

TEST_F(ReportRepositoryTest, RevisionsAreAppendOnly) {
    const auto id = reports.create(0, test::full_content("a"), 1);
    EXPECT_THROW(db->exec("UPDATE revisions SET content = '{}'"), Error);
    EXPECT_THROW(db->exec("DELETE FROM revisions"), Error);
    EXPECT_EQ(reports.revisions(id).at(0).content, test::full_content("a"));
}

TEST_F(ReportRepositoryTest, TamperedRevisionIsIntegrity) {
    const auto id = reports.create(0, test::full_content("a"), 1);
    db->exec("DROP TRIGGER revisions_no_update");
    db->exec("UPDATE revisions SET content = replace(content, 'title a', 'title X')");
    try {
        reports.revisions(id);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
    }
}

TEST_F(ReportRepositoryTest, ListCountsAttachmentsAndFiltersByCase) {
    CaseRepository cases(*db);
    const auto a = cases.find_or_create("A", 1);
    const auto b = cases.find_or_create("B", 1);
    const auto r1 = reports.create(a, test::full_content("1"), 10);
    const auto r2 = reports.create(b, test::full_content("2"), 20);
    const auto r3 = reports.create(0, test::full_content("3"), 30);
    test::TempDir blobs;
    db->set_blob_folder(blobs.path());
    AttachmentStore store(*db);
    for (int i = 0; i < 2; ++i) {
        std::istringstream in("bytes");
        store.import(r1, in, "f.txt", "text/plain", 11);
    }
    const auto all = reports.list();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, r3);  // most recently updated first
    EXPECT_EQ(all[2].id, r1);
    EXPECT_EQ(all[2].attachment_count, 2);
    EXPECT_EQ(all[2].title, "title 1");
    EXPECT_EQ(all[2].status, storage::ReportStatus::Draft);
    EXPECT_EQ(all[2].occurred_start, "2026-03-14T18:30");
    EXPECT_EQ(all[2].case_id, a);
    EXPECT_EQ(all[1].attachment_count, 0);
    // The tactic codes, as stored (for the list's tactic filter).
    auto tactics = all[2].tactics;
    auto expected = test::full_content("1").tactics;
    std::sort(tactics.begin(), tactics.end());
    std::sort(expected.begin(), expected.end());
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(tactics, expected);
    const auto only_b = reports.list(b);
    ASSERT_EQ(only_b.size(), 1u);
    EXPECT_EQ(only_b[0].id, r2);
    const auto no_case = reports.list(0);
    ASSERT_EQ(no_case.size(), 1u);
    EXPECT_EQ(no_case[0].id, r3);
}

TEST_F(ReportRepositoryTest, ListHandlesManyReports) {
    Transaction tx(*db);
    ReportContent c;
    for (int i = 0; i < 2000; ++i) {
        c.title = "r" + std::to_string(i);
        c.tactics.assign(static_cast<std::size_t>(i % 3), "harassment");
        reports.create(0, c, i);
    }
    tx.commit();
    const auto all = reports.list();
    ASSERT_EQ(all.size(), 2000u);
    EXPECT_EQ(all.front().title, "r1999");
    EXPECT_EQ(all.front().tactics.size(), 1999u % 3);
    EXPECT_TRUE(all.back().tactics.empty());  // r0
}

TEST_F(ReportRepositoryTest, RecurringIdentifiersCanBeFoundAcrossReports) {
    auto one = test::full_content("1");
    auto two = test::full_content("2");
    one.identifiers.push_back({"phone", "+1 555 0100"});
    two.identifiers.push_back({"phone", "+1 555 0100"});
    const auto r1 = reports.create(0, one, 1);
    const auto r2 = reports.create(0, two, 2);
    auto stmt = db->prepare("SELECT report_id FROM report_identifiers WHERE value = ? ORDER BY report_id");
    stmt.bind(1, "+1 555 0100");
    std::vector<std::int64_t> ids;
    while (stmt.step()) ids.push_back(stmt.column_int(0));
    EXPECT_EQ(ids, (std::vector<std::int64_t>{r1, r2}));
}

TEST(CaseRepository, FindOrCreateRenameList) {
    auto db = test::memory_database();
    CaseRepository cases(*db);
    const auto a = cases.find_or_create("Alpha", 5);
    EXPECT_EQ(cases.find_or_create("Alpha", 6), a);
    const auto b = cases.find_or_create("Beta", 7);
    EXPECT_NE(a, b);
    EXPECT_EQ(cases.get(a)->created_at, 5);
    EXPECT_THROW(cases.rename(a, "Beta"), Error);
    cases.rename(a, "Aleph");
    EXPECT_FALSE(cases.find_by_name("Alpha"));
    EXPECT_EQ(cases.find_by_name("Aleph")->id, a);
    EXPECT_EQ(cases.list().size(), 2u);
    EXPECT_THROW(cases.find_or_create("", 1), Error);
    try {
        cases.rename(999, "x");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
}

}  // namespace
}  // namespace fv::storage
