#include <gtest/gtest.h>

#include <algorithm>

#include "fieldvault/core/audit.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "test_vault.h"

using namespace fv;

namespace {

core::ReportContent sample(const std::string& title) {
    core::ReportContent c;
    c.title = title;
    c.occurred_start = "2026-03-14";
    c.date_precision = "day";
    c.tactics = {"coercion_by_proxy"};
    c.channels = {"wechat", "phone"};
    c.identifiers = {{"phone", "+86 138 0000 0000"}};
    c.perpetrators = {{"police", "badge 12345", "local police station"}};
    c.demands = {"return_home", "stop_activism"};
    c.relatives = {{"father", "Wenzhou", "summoned for tea", "state security", "call from my sister"}};
    c.narrative = "中国警察找我父母，要求我回国。";
    c.narrative_language = "zh-Hans";
    c.translation = "Chinese police visited my parents and asked me to return.";
    c.translation_language = "en";
    c.translator = "A. Volunteer";
    c.witnesses = {{"neighbour", "", "saw the car"}};
    c.impacts = {"psychological", "self_censorship"};
    c.reported_to = {{"RCMP", "2026-03-20", "FILE-1", "pending"}};
    c.risk_level = "high";
    c.sensitive_fields = {"relatives", "identifiers"};
    return c;
}

}  // namespace

TEST(ReportService, CreateAndGetRoundTripsEveryFieldGroup) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto content = sample("Parents visited");
    const auto id = reports.create(content, "Case A");
    const auto detail = reports.get(id);
    EXPECT_EQ(detail.report.content, content);
    EXPECT_EQ(detail.case_name, "Case A");
    EXPECT_EQ(detail.report.status, core::ReportStatus::Draft);
    ASSERT_EQ(detail.revisions.size(), 1u);
    EXPECT_EQ(detail.revisions[0].content, content);
}

TEST(ReportService, EditMakesANewRevisionAndKeepsTheOld) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto first = sample("First title");
    const auto id = reports.create(first);
    auto second = first;
    second.title = "Second title";
    reports.edit(id, second);
    const auto detail = reports.get(id);
    EXPECT_EQ(detail.report.content.title, "Second title");
    ASSERT_EQ(detail.revisions.size(), 2u);
    EXPECT_EQ(detail.revisions[0].content.title, "First title");
    EXPECT_EQ(detail.revisions[1].content.title, "Second title");
    EXPECT_NE(detail.revisions[0].content_sha256, detail.revisions[1].content_sha256);
}

TEST(ReportService, FinalReportsCannotBeEditedOrFinalisedAgain) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto id = reports.create(sample("To finalise"));
    reports.finalize(id);
    EXPECT_EQ(reports.get(id).report.status, core::ReportStatus::Final);
    EXPECT_THROW(reports.edit(id, sample("changed")), Error);
    EXPECT_THROW(reports.finalize(id), Error);
    EXPECT_EQ(reports.get(id).report.content.title, "To finalise");
}

TEST(ReportService, InvalidReportIsNotStored) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    auto bad = sample("bad");
    bad.narrative = "\xFF\xFE";
    EXPECT_THROW(reports.create(bad), Error);
    EXPECT_TRUE(reports.list().empty());
}

TEST(ReportService, MissingReportIsNotFound) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    try {
        reports.get(999);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
}

TEST(ReportService, ListFiltersByCase) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    reports.create(sample("a1"), "A");
    reports.create(sample("a2"), "A");
    reports.create(sample("b1"), "B");
    reports.create(sample("none"));
    EXPECT_EQ(reports.list().size(), 4u);
    EXPECT_EQ(reports.list("A").size(), 2u);
    EXPECT_EQ(reports.list("B").size(), 1u);
    EXPECT_TRUE(reports.list("no such case").empty());
    EXPECT_EQ(reports.cases().size(), 2u);
}

TEST(ReportService, SearchFindsChineseSubstringsAndEnglishWords) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    auto c = sample("Visit");
    c.narrative = "中国警察找我父母";
    const auto id = reports.create(c);
    auto other = sample("Unrelated");
    other.narrative = "今天天气很好";
    other.translation = "The weather is nice";
    reports.create(other);

    auto hits = reports.search("警察");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].id, id);
    EXPECT_EQ(reports.search("police").size(), 1u);  // from the translation
    EXPECT_TRUE(reports.search("美国").empty());
    EXPECT_THROW(reports.search("\xFF"), Error);
}

TEST(ReportService, FirstPagesAreTheHeadOfTheListAndOfTheSearchWithTheirCounts) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    std::vector<std::int64_t> police, all;  // in creation order
    for (int i = 0; i < 7; ++i) {
        auto c = sample("report " + std::to_string(i));
        if (i % 2 == 1) {
            c.narrative = "今天天气很好";
            c.translation = "The weather is nice";
        }
        const auto id = reports.create(c, i < 3 ? "Li" : "");
        if (i % 2 == 0) police.push_back(id);
        all.push_back(id);
    }
    // Newest first (created within the same second: the larger id first).
    std::reverse(police.begin(), police.end());
    std::reverse(all.begin(), all.end());
    const auto ids = [](const std::vector<core::ReportSummary>& rows) {
        std::vector<std::int64_t> out;
        for (const auto& r : rows) out.push_back(r.id);
        return out;
    };
    const auto page = reports.search_first_page("警察", 2);
    EXPECT_EQ(page.total, 4);
    EXPECT_EQ(ids(page.rows), std::vector<std::int64_t>(police.begin(), police.begin() + 2));
    EXPECT_EQ(ids(reports.search_first_page("警察").rows), ids(reports.search("警察")));
    const auto list = reports.list_first_page({}, 3);
    EXPECT_EQ(list.total, 7);
    EXPECT_EQ(ids(list.rows), std::vector<std::int64_t>(all.begin(), all.begin() + 3));
    const auto in_case = reports.list_first_page("Li", 50);
    EXPECT_EQ(in_case.total, 3);
    EXPECT_EQ(ids(in_case.rows), ids(reports.list("Li")));
    EXPECT_EQ(reports.list_first_page("nobody").total, 0);
    EXPECT_EQ(reports.search_first_page("美国").total, 0);
    EXPECT_THROW(reports.search_first_page("\xFF"), Error);
}

TEST(ReportService, EveryActionIsInTheVerifiedAuditLog) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto id = reports.create(sample("Logged"));
    reports.edit(id, sample("Logged again"));
    reports.finalize(id);
    core::AuditService audit(*v.session);
    const auto entries = audit.entries();
    std::vector<std::string> actions;
    for (const auto& e : entries) actions.push_back(e.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"create_vault", "report_create", "report_edit", "report_finalize"}));
    const auto verified = audit.verify();
    EXPECT_TRUE(verified.ok);
    EXPECT_EQ(verified.entries, 4u);
    for (const auto& e : entries) EXPECT_EQ(e.detail.find("中国"), std::string::npos);  // no content in the log
}
