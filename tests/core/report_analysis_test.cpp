// ReportAnalysis (core/report_analysis.h): marks on a day axis, lanes,
// undated reports, recurring identifiers and tactics, from plain records.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/report_analysis.h"

namespace fv::core {
namespace {

ReportRecord report(std::int64_t id, const std::string& start, const std::string& precision,
                    std::vector<Identifier> identifiers = {}, std::vector<std::string> tactics = {},
                    const std::string& end = {}) {
    ReportRecord r;
    r.id = id;
    r.content.title = "report " + std::to_string(id);
    r.content.occurred_start = start;
    r.content.occurred_end = end;
    r.content.date_precision = precision;
    r.content.identifiers = std::move(identifiers);
    r.content.tactics = std::move(tactics);
    return r;
}

const TimelineMark& mark_of(const ReportAnalysis& analysis, std::int64_t id) {
    const auto& marks = analysis.marks();
    const auto found = std::find_if(marks.begin(), marks.end(), [id](const auto& m) { return m.report_id == id; });
    if (found == marks.end()) throw std::runtime_error("report " + std::to_string(id) + " is not on the axis");
    return *found;
}

std::vector<std::int64_t> ids_of(const std::vector<TimelineMark>& marks) {
    std::vector<std::int64_t> ids;
    for (const auto& m : marks) ids.push_back(m.report_id);
    return ids;
}

TEST(ReportAnalysis, NormalisesPhoneNumbersAndAccounts) {
    EXPECT_EQ(normalize_identifier("+86 138-0000 0000"), "phone:+8613800000000");
    EXPECT_EQ(normalize_identifier("0086 (138) 0000.0000"), "phone:+8613800000000");
    EXPECT_EQ(normalize_identifier("+86 138 0000 0000"), normalize_identifier("+8613800000000"));
    EXPECT_NE(normalize_identifier("+86 138 0000 0001"), normalize_identifier("+86 138 0000 0000"));
    EXPECT_EQ(normalize_identifier("@WXID_Example"), normalize_identifier("wxid_example"));
    EXPECT_EQ(normalize_identifier("https://www.Example.com/agent/"), normalize_identifier("example.com/agent"));
    EXPECT_EQ(normalize_identifier("https://www.Example.com/agent/"), "id:example.com/agent");
    EXPECT_EQ(normalize_identifier("  "), "");
    EXPECT_EQ(normalize_identifier("https://"), "");
    EXPECT_EQ(normalize_identifier("12"), "id:12");  // too short to be a phone number
    EXPECT_EQ(normalize_identifier("1+2345678"), "id:1+2345678");  // '+' only leads a phone number
}

// The report the old GUI timeline showed as undated: its own date parser
// knew only the 'T' form.
TEST(ReportAnalysis, NamesThePeopleLinkedToEachReportAndForgetsThemOnClear) {
    ReportAnalysis analysis({report(1, "2026-03-14", "day"), report(2, "", ""), report(3, "2026-04", "month")});
    analysis.name_people({{1, {"王警官", "Overseas service station"}}, {2, {"王警官"}}, {9, {"nobody shown"}}});
    EXPECT_EQ(mark_of(analysis, 1).people, (std::vector<std::string>{"王警官", "Overseas service station"}));
    EXPECT_TRUE(mark_of(analysis, 3).people.empty());
    ASSERT_EQ(analysis.undated().size(), 1u);
    EXPECT_EQ(analysis.undated()[0].people, std::vector<std::string>{"王警官"});
    analysis.clear();
    EXPECT_TRUE(analysis.empty());
}

TEST(ReportAnalysis, PlacesADateWrittenWithASpace) {
    const ReportAnalysis analysis({report(1, "2026-03-14 18:30", "exact")});
    ASSERT_EQ(analysis.marks().size(), 1u);
    EXPECT_TRUE(analysis.undated().empty());
    EXPECT_EQ(format_day(analysis.marks()[0].first_day), "2026-03-14");
    EXPECT_FALSE(analysis.marks()[0].span);
    EXPECT_EQ(analysis.marks()[0].date_label, "2026-03-14 18:30");
}

TEST(ReportAnalysis, MarksSpansLanesAndRecurringIdentifiers) {
    const ReportAnalysis analysis({
        report(1, "2026-01-20", "day", {{"phone", "+86 138 0000 0000"}, {"wechat", "wxid_a"}}, {"harassment"}),
        report(2, "2026-03", "month", {{"whatsapp", "+8613800000000"}}, {"surveillance", "harassment"}),
        report(3, "2026-03-14", "approximate", {{"wechat", "WXID_A"}, {"email", "x@example.org"}}),
        report(4, "", "exact", {{"phone", "+86-138-0000-0000"}}),
        report(5, "2026-03-14", "day"),
    });
    ASSERT_EQ(analysis.marks().size(), 4u);
    ASSERT_EQ(analysis.undated().size(), 1u);
    EXPECT_EQ(analysis.undated()[0].report_id, 4);
    EXPECT_EQ(analysis.undated()[0].date_label, "");
    const auto& month = mark_of(analysis, 2);
    EXPECT_TRUE(month.span);
    EXPECT_EQ(month.last_day - month.first_day, 30);
    EXPECT_EQ(month.tactic, "surveillance");
    EXPECT_EQ(month.date_label, "2026-03");
    const auto& approx = mark_of(analysis, 3);
    EXPECT_TRUE(approx.approximate);
    EXPECT_EQ(approx.date_label, "2026-03-14 (approximate)");
    // Reports 2, 3 and 5 overlap in March: three lanes.
    EXPECT_EQ(analysis.lanes(), 3);
    EXPECT_EQ(mark_of(analysis, 1).lane, 0);
    EXPECT_EQ(format_day(analysis.first_day()), "2026-01-20");
    EXPECT_EQ(format_day(analysis.last_day()), "2026-03-31");

    ASSERT_EQ(analysis.recurring().size(), 2u);
    EXPECT_EQ(analysis.recurring()[0].key, "phone:+8613800000000");
    EXPECT_EQ(analysis.recurring()[0].report_ids, (std::vector<std::int64_t>{1, 2, 4}));
    EXPECT_EQ(analysis.recurring()[0].display, "+86 138 0000 0000");
    EXPECT_EQ(analysis.recurring()[0].channel, "phone");
    EXPECT_EQ(analysis.recurring()[1].report_ids, (std::vector<std::int64_t>{1, 3}));
    EXPECT_EQ(analysis.recurring()[1].display, "wxid_a");
    EXPECT_EQ(analysis.tactics(), (std::vector<std::string>{"harassment", "surveillance", ""}));
}

TEST(ReportAnalysis, OrdersByDayThenTimeThenId) {
    const ReportAnalysis analysis({
        report(1, "2026-03-14T20:00", "exact"),
        report(2, "2026-03-14 08:15", "exact"),
        report(3, "2026-03-14", "day"),
        report(4, "2026-02", "month"),
        report(5, "2026-03-14T08:15", "exact"),
    });
    EXPECT_EQ(ids_of(analysis.marks()), (std::vector<std::int64_t>{4, 3, 2, 5, 1}));
}

TEST(ReportAnalysis, ARangeSpansToItsEnd) {
    const ReportAnalysis analysis({
        report(1, "2026-03-14", "day", {}, {}, "2026-03-20"),
        report(2, "2026-03-14", "day", {}, {}, "2026-03-01"),  // an end before the start: ignored
        report(3, "2026-03-14", "day", {}, {}, "not a date"),
        report(4, "not a date", "day", {}, {}, "2026-03-20"),
    });
    const auto& range = mark_of(analysis, 1);
    EXPECT_TRUE(range.span);
    EXPECT_EQ(format_day(range.last_day), "2026-03-20");
    EXPECT_EQ(range.date_label, "2026-03-14 to 2026-03-20");
    EXPECT_FALSE(mark_of(analysis, 2).span);
    EXPECT_FALSE(mark_of(analysis, 3).span);
    EXPECT_EQ(ids_of(analysis.undated()), (std::vector<std::int64_t>{4}));
}

TEST(ReportAnalysis, AnIdentifierIsShownAsTheEarliestReportWroteIt) {
    // Reports load newest first; the display must not depend on that.
    const ReportAnalysis analysis({
        report(9, "2026-03-15", "day", {{"whatsapp", "0086-138-0000-0000"}}),
        report(4, "", "day", {{"phone", "+86 138 0000 0000"}}),
    });
    ASSERT_EQ(analysis.recurring().size(), 1u);
    EXPECT_EQ(analysis.recurring()[0].display, "+86 138 0000 0000");
    EXPECT_EQ(analysis.recurring()[0].channel, "phone");
    EXPECT_EQ(analysis.recurring()[0].report_ids, (std::vector<std::int64_t>{4, 9}));
}

TEST(ReportAnalysis, AnIdentifierRepeatedInOneReportDoesNotRecur) {
    const ReportAnalysis analysis({
        report(1, "2026-03-14", "day", {{"phone", "+86 138 0000 0000"}, {"whatsapp", "+8613800000000"}}),
        report(2, "2026-03-15", "day", {{"phone", "+1 416 555 0100"}}),
    });
    EXPECT_TRUE(analysis.recurring().empty());
}

TEST(ReportAnalysis, ClearEmptiesAndMovingWipesTheOldContent) {
    ReportAnalysis analysis({
        report(1, "2026-01-20", "day", {{"phone", "123456"}}),
        report(2, "", "day", {{"phone", "12 34 56"}}),
    });
    ASSERT_FALSE(analysis.empty());
    ASSERT_EQ(analysis.recurring().size(), 1u);

    ReportAnalysis moved(std::move(analysis));
    EXPECT_EQ(moved.marks().size(), 1u);
    EXPECT_EQ(moved.recurring().size(), 1u);

    moved = ReportAnalysis({report(7, "2026", "approximate")});
    ASSERT_EQ(moved.marks().size(), 1u);
    EXPECT_EQ(moved.marks()[0].report_id, 7);
    EXPECT_TRUE(moved.recurring().empty());
    EXPECT_TRUE(moved.marks()[0].span);

    moved.clear();
    EXPECT_TRUE(moved.empty());
    EXPECT_TRUE(moved.marks().empty());
    EXPECT_TRUE(moved.recurring().empty());
    EXPECT_TRUE(moved.tactics().empty());
    EXPECT_EQ(moved.lanes(), 0);
    EXPECT_EQ(moved.first_day(), 0);
}

TEST(ReportAnalysis, NoReportsIsEmpty) {
    const ReportAnalysis analysis(std::vector<ReportRecord>{});
    EXPECT_TRUE(analysis.empty());
    EXPECT_EQ(analysis.lanes(), 0);
    EXPECT_TRUE(analysis.tactics().empty());
}

}  // namespace
}  // namespace fv::core
