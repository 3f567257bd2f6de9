// Cases (create, rename, move reports from the list) and the timeline
// (marks, recurring identifiers, lock) through the real views.
#include <gtest/gtest.h>

#include <algorithm>

#include "fieldvault/core/cases.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/entities.h"
#include "fieldvault/core/reports.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

class GuiCasesTimeline : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
    }

    std::int64_t add_report(const std::string& title, const std::string& date, const std::string& precision,
                            std::vector<model::Identifier> identifiers = {}, std::vector<std::string> tactics = {}) {
        core::ReportContent c;
        c.title = title;
        c.occurred_start = date;
        c.date_precision = precision;
        c.identifiers = std::move(identifiers);
        c.tactics = std::move(tactics);
        return core::ReportService(ui_->session()).create(c);
    }
    void reload_list() {
        ui_->app().report_list_view().refresh(ui_->app().state());
        ui_->settle();
    }
    std::int64_t case_id(const std::string& name) {
        for (const auto& c : core::CaseService(ui_->session()).list())
            if (c.name == name) return c.id;
        return 0;
    }
    ReportListView& list() { return ui_->app().report_list_view(); }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiCasesTimeline, CreateRenameAndMoveAReportFromTheList) {
    const auto report = add_report("Calls at night", "2026-02-01", "day");
    reload_list();

    ui_->click("cases.new");
    ui_->click("cases.name");
    ui_->type("Interview A");
    ui_->click("cases.confirm");
    ui_->settle();
    const auto id = case_id("Interview A");
    ASSERT_NE(id, 0) << list().case_panel().error();

    // Rename the case chosen in the filter.
    ReportFilter filter;
    filter.case_id = id;
    list().set_filter(filter);
    ui_->click("cases.rename");
    ui_->click("cases.name");
    ui_->type("Interview B");
    ui_->click("cases.confirm");
    ui_->settle();
    EXPECT_EQ(case_id("Interview B"), id) << list().case_panel().error();
    EXPECT_EQ(case_id("Interview A"), 0);

    // Move: select the row, choose the case, Move.
    list().set_filter(ReportFilter{});
    ui_->click("cases.selecting");
    ui_->click("list.row0");
    EXPECT_EQ(ui_->app().screen(), Screen::ReportList);  // selecting, not opening
    EXPECT_EQ(list().case_panel().selected(), std::vector<std::int64_t>{report});
    ui_->click("cases.target");
    ui_->click("cases.target=" + std::to_string(id));
    ui_->click("cases.move");
    ui_->settle();
    EXPECT_EQ(core::ReportService(ui_->session()).get(report).case_name, "Interview B");
    list().set_filter(filter);
    EXPECT_EQ(list().shown_ids(), std::vector<std::int64_t>{report});  // listed under the new case
}

// Issue 13: a report can be in several cases. "Also put in this case" keeps
// its case; the filter finds it under both; "Take out of this case" removes one.
TEST_F(GuiCasesTimeline, AlsoPutInACaseAndTakeOutAgain) {
    const auto report = add_report("Calls at night", "2026-02-01", "day");
    core::CaseService cases(ui_->session());
    const auto first = cases.create("Mei");
    const auto second = cases.create("Officer Wang");
    cases.move_reports({report}, first);
    reload_list();
    ui_->click("cases.selecting");
    ui_->click("list.row0");
    ui_->click("cases.target");
    ui_->click("cases.target=" + std::to_string(second));
    ui_->click("cases.add");
    ui_->settle();
    const auto detail = core::ReportService(ui_->session()).get(report);
    EXPECT_EQ(detail.case_name, "Mei") << list().case_panel().error();
    EXPECT_EQ(detail.other_case_names, std::vector<std::string>{"Officer Wang"});
    for (const auto id : {first, second}) {
        ReportFilter filter;
        filter.case_id = id;
        list().set_filter(filter);
        EXPECT_EQ(list().shown_ids(), std::vector<std::int64_t>{report}) << id;
    }
    ReportFilter none;
    none.case_id = 0;
    list().set_filter(none);
    EXPECT_TRUE(list().shown_ids().empty());

    list().set_filter(ReportFilter{});
    ui_->click("list.row0");
    ui_->click("cases.target");
    ui_->click("cases.target=" + std::to_string(first));
    ui_->click("cases.remove");
    ui_->settle();
    const auto after = core::ReportService(ui_->session()).get(report);
    EXPECT_EQ(after.case_name, "Officer Wang");
    EXPECT_TRUE(after.other_case_names.empty());
}

// Issue 13: the people and groups a report concerns, in the editor: someone
// new, another name for them, someone already named, and off the report again.
TEST_F(GuiCasesTimeline, PeopleAndGroupsOnAReport) {
    const auto first = add_report("Visit", "2026-02-01", "day");
    const auto second = add_report("Call", "2026-02-03", "day");
    core::EntityService(ui_->session()).create("海外服务站", "organisation");
    auto& editor = ui_->app().report_editor_view();
    editor.load(ui_->app().state(), first);
    ui_->app().navigate(Screen::ReportEditor);
    ui_->settle();

    ui_->click("people.new");
    ui_->click("people.name");
    ui_->type("王警官");
    ui_->click("people.kind=person");
    ui_->click("people.create");
    ui_->settle();
    ASSERT_EQ(editor.people().linked().size(), 1u) << editor.people().error();
    const auto wang = editor.people().linked()[0].id;
    ui_->click("people.alias=" + std::to_string(wang));
    ui_->click("people.alias_name");
    ui_->type("Officer Wang");
    ui_->click("people.alias_save");
    ui_->settle();
    core::EntityService entities(ui_->session());
    EXPECT_EQ(entities.get("officer wang").report_ids, std::vector<std::int64_t>{first});
    EXPECT_EQ(entities.get("王警官").aliases, (std::vector<std::string>{"王警官", "Officer Wang"}));

    const auto station = entities.get("海外服务站").id;
    ui_->click("people.pick");
    ui_->click("people.pick=" + std::to_string(station));
    ui_->click("people.add");
    ui_->settle();
    EXPECT_EQ(entities.of_report(first).size(), 2u);
    EXPECT_TRUE(entities.of_report(second).empty());

    ui_->click("people.unlink=" + std::to_string(wang));
    ui_->settle();
    ASSERT_EQ(entities.of_report(first).size(), 1u);
    EXPECT_EQ(entities.of_report(first)[0].name, "海外服务站");

    // A name already taken is refused with words, and nothing changes.
    ui_->click("people.new");
    ui_->click("people.name");
    ui_->type("officer WANG");
    ui_->click("people.create");
    ui_->settle();
    EXPECT_NE(editor.people().error().find("already"), std::string::npos) << editor.people().error();
    EXPECT_EQ(entities.list().size(), 2u);
}

TEST_F(GuiCasesTimeline, DuplicateCaseNameIsRefusedCalmly) {
    core::CaseService(ui_->session()).create("Self");
    reload_list();
    ui_->click("cases.new");
    ui_->click("cases.name");
    ui_->type("Self");
    ui_->click("cases.confirm");
    ui_->settle();
    EXPECT_NE(list().case_panel().error().find("already exists"), std::string::npos) << list().case_panel().error();
    EXPECT_EQ(core::CaseService(ui_->session()).list().size(), 1u);
}

TEST_F(GuiCasesTimeline, SelectedRowsChosenCaseAndMessagesCountUntilCleared) {
    add_report("Calls at night", "2026-02-01", "day");
    const auto id = core::CaseService(ui_->session()).create("Interview A");
    reload_list();
    ASSERT_FALSE(list().case_panel().holds_sensitive_data());

    ui_->click("cases.selecting");
    ui_->click("list.row0");
    ASSERT_EQ(list().case_panel().selected().size(), 1u);
    EXPECT_TRUE(list().case_panel().holds_sensitive_data());
    list().clear();
    EXPECT_FALSE(list().case_panel().holds_sensitive_data());
    EXPECT_FALSE(list().holds_sensitive_data());

    reload_list();
    ui_->click("cases.selecting");
    ui_->click("cases.target");
    ui_->click("cases.target=" + std::to_string(id));
    ASSERT_TRUE(list().case_panel().selected().empty());
    EXPECT_TRUE(list().case_panel().holds_sensitive_data());
    list().clear();
    EXPECT_FALSE(list().case_panel().holds_sensitive_data());

    reload_list();
    ui_->click("cases.new");
    ui_->click("cases.name");
    ui_->type("Interview B");
    ui_->click("cases.confirm");
    ui_->settle();
    ASSERT_FALSE(list().case_panel().notice().empty());
    EXPECT_TRUE(list().case_panel().holds_sensitive_data());
    ui_->settle();
    list().clear();
    EXPECT_FALSE(list().case_panel().holds_sensitive_data());
    EXPECT_TRUE(list().case_panel().notice().empty());
}

TEST_F(GuiCasesTimeline, TimelineMarksEveryReportAndHighlightsASharedPhoneNumber) {
    const auto a = add_report("First call", "2026-01-20", "day", {{"phone", "+86 138 0000 0000"}}, {"harassment"});
    const auto b = add_report("Message to my mother", "2026-03", "month", {{"whatsapp", "+86-138-0000-0000"}},
                              {"coercion_by_proxy"});
    add_report("Followed home", "2026-04-02", "approximate", {{"phone", "+1 416 555 0100"}}, {"surveillance"});
    ui_->click("nav.timeline");
    ASSERT_EQ(ui_->app().screen(), Screen::Timeline);
    ui_->settle();
    auto& timeline = ui_->app().timeline_view();
    EXPECT_EQ(timeline.marks_drawn(), 3);
    EXPECT_EQ(timeline.highlighted_drawn(), 0);
    ASSERT_EQ(timeline.model().recurring().size(), 1u);
    EXPECT_EQ(timeline.model().recurring()[0].report_ids, (std::vector<std::int64_t>{a, b}));

    ui_->click("timeline.identifier.0");
    EXPECT_EQ(timeline.highlighted(), std::optional<std::size_t>{0});
    EXPECT_EQ(timeline.highlighted_drawn(), 2);

    // A click on a mark opens its report.
    ui_->click("timeline.mark." + std::to_string(b));
    EXPECT_EQ(ui_->app().screen(), Screen::ReportEditor);
    EXPECT_EQ(ui_->app().report_editor_view().report_id(), b);
}

// The GUI once had its own date parser that knew only the 'T' form, so this
// report (accepted by the vault) was listed as undated.
TEST_F(GuiCasesTimeline, TimelinePlacesADateWrittenWithASpace) {
    const auto spaced = add_report("Call in the evening", "2026-03-14 18:30", "exact");
    const auto month = add_report("Letters all month", "2026-03", "month");
    ui_->click("nav.timeline");
    ui_->settle();
    auto& timeline = ui_->app().timeline_view();
    EXPECT_EQ(timeline.marks_drawn(), 2);
    EXPECT_TRUE(timeline.model().undated().empty());
    ASSERT_EQ(timeline.model().marks().size(), 2u);
    EXPECT_EQ(timeline.model().marks()[0].report_id, month);  // March 1st comes first
    EXPECT_EQ(timeline.model().marks()[1].report_id, spaced);
    EXPECT_EQ(core::format_day(timeline.model().marks()[1].first_day), "2026-03-14");

    ui_->click("timeline.mark." + std::to_string(spaced));
    EXPECT_EQ(ui_->app().screen(), Screen::ReportEditor);
    EXPECT_EQ(ui_->app().report_editor_view().report_id(), spaced);
}

TEST_F(GuiCasesTimeline, TimelineOfOneCase) {
    add_report("In no case", "2026-01-20", "day");
    const auto in_case = add_report("In the case", "2026-02-20", "day");
    const auto id = core::CaseService(ui_->session()).create("Self");
    core::CaseService(ui_->session()).move_reports({in_case}, id);
    ui_->click("nav.timeline");
    ui_->settle();
    EXPECT_EQ(ui_->app().timeline_view().marks_drawn(), 2);
    ui_->click("timeline.case");
    ui_->click("timeline.case=" + std::to_string(id));
    ui_->settle();
    EXPECT_EQ(ui_->app().timeline_view().marks_drawn(), 1);
    ASSERT_EQ(ui_->app().timeline_view().model().marks().size(), 1u);
    EXPECT_EQ(ui_->app().timeline_view().model().marks()[0].report_id, in_case);
}

TEST_F(GuiCasesTimeline, LockOnTheseScreensClearsThem) {
    add_report("Calls at night", "2026-02-01", "day", {{"phone", "123456"}});
    add_report("More calls", "2026-02-03", "day", {{"phone", "12 34 56"}});
    reload_list();
    ui_->click("cases.new");
    ui_->click("cases.name");
    ui_->type("Half-typed name");
    EXPECT_TRUE(list().case_panel().holds_sensitive_data());
    ui_->press(kKeyL, true);
    EXPECT_FALSE(list().case_panel().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());

    unlock_through_ui(*ui_);
    ui_->click("nav.timeline");
    ui_->settle();
    ui_->click("timeline.identifier.0");
    EXPECT_TRUE(ui_->app().timeline_view().holds_sensitive_data());
    ui_->press(kKeyL, true);
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_FALSE(ui_->app().timeline_view().holds_sensitive_data());
    EXPECT_TRUE(ui_->app().timeline_view().model().recurring().empty());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

}  // namespace
}  // namespace fv::gui::test
