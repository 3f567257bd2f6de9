// Migration 0011: a whole draft can be deleted (its revisions and notes with
// it); any other delete of revisions stays refused by the database itself.
#include <gtest/gtest.h>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

TEST(Migration0011, DraftsCanGoFinalReportsStayAppendOnly) {
    auto db = test::memory_database(10);
    ReportRepository reports(*db);
    const auto draft = reports.create(0, test::full_content("draft"), 10);
    const auto final_report = reports.create(0, test::full_content("final"), 11);
    reports.set_status(final_report, ReportStatus::Final, 12);
    EXPECT_THROW(db->exec("DELETE FROM revisions WHERE report_id = " + std::to_string(draft)), Error);
    migrate(*db, 11);
    EXPECT_EQ(schema_version(*db), 11);
    EXPECT_THROW(db->exec("DELETE FROM revisions WHERE report_id = " + std::to_string(final_report)), Error);
    EXPECT_THROW(db->exec("DELETE FROM revisions WHERE report_id = " + std::to_string(draft)), Error);  // only whole
    EXPECT_EQ(reports.remove_draft(draft).size(), 0u);
    EXPECT_FALSE(reports.get(draft).has_value());
    EXPECT_THROW(reports.remove_draft(final_report), Error);
    EXPECT_TRUE(reports.get(final_report).has_value());
    ASSERT_EQ(reports.list().size(), 1u);
}

}  // namespace
}  // namespace fv::storage
