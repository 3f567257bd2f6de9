// Migration 0010: a report in several cases. A version 9 vault keeps its
// reports and their (main) cases; the other cases are found by case filters.
#include <gtest/gtest.h>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

TEST(Migration0010, UpgradesAVersion9DatabaseKeepingEachReportsCase) {
    auto db = test::memory_database(9);
    const auto mei = CaseRepository(*db).find_or_create("Mei", 1);
    const auto report = ReportRepository(*db).create(mei, test::full_content("kept"), 10);
    migrate(*db, 10);
    EXPECT_EQ(schema_version(*db), 10);
    ReportRepository reports(*db);
    EXPECT_EQ(reports.list(mei).size(), 1u);
    EXPECT_TRUE(reports.more_cases(report).empty());
    EXPECT_TRUE(reports.list().at(0).more_case_ids.empty());
}

TEST(Migration0010, OtherCasesAreFoundByCaseFiltersAndGoWithTheReport) {
    auto db = test::memory_database();
    ReportRepository reports(*db);
    const auto a = CaseRepository(*db).find_or_create("A", 1);
    const auto b = CaseRepository(*db).find_or_create("B", 1);
    const auto report = reports.create(a, test::full_content("r"), 10);
    reports.create(0, test::full_content("alone"), 11);
    reports.add_more_case(report, b, 12);
    reports.add_more_case(report, b, 13);  // once only
    EXPECT_EQ(reports.more_cases(report), std::vector<std::int64_t>{b});
    ASSERT_EQ(reports.list(b).size(), 1u);
    EXPECT_EQ(reports.list(b)[0].id, report);
    EXPECT_EQ(reports.list_first_page(10, b).total, 1);
    EXPECT_EQ(reports.list(0).size(), 1u);
    EXPECT_EQ(reports.search_summaries("r").size(), 1u);
    EXPECT_EQ(reports.search_summaries("r").at(0).more_case_ids, std::vector<std::int64_t>{b});
    // A case that does not exist cannot be listed.
    EXPECT_THROW(reports.add_more_case(report, 999, 14), Error);
    reports.remove_more_case(report, b);
    EXPECT_TRUE(reports.list(b).empty());
}

}  // namespace
}  // namespace fv::storage
