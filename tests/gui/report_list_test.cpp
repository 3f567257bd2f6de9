// The report list: sorting by column header, filters (case, status, tactic,
// date range, with files), each through the real view.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/reports.h"
#include "headless_ui.h"
#include "models/report_filter.h"

namespace fv::gui::test {
namespace {

class GuiReportList : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        core::ReportService reports(ui_->session());
        a_ = add(reports, "Bravo", "2026-01-10", "Self", {"surveillance", "coercion_by_proxy"});
        b_ = add(reports, "Alpha", "2026-03-02", "Cousin", {"coercion_by_proxy"});
        c_ = add(reports, "Charlie", "2025-12-30", "", {});
        reports.finalize(b_);
        const auto file = dir_.path() / "evidence.txt";
        std::ofstream(file) << "bytes";
        core::AttachmentService(ui_->session()).attach(c_, file);
        ui_->app().report_list_view().refresh(ui_->app().state());
        ui_->settle();  // the query runs on the worker
    }
    static std::int64_t add(core::ReportService& reports, const std::string& title, const std::string& date,
                            const std::string& case_name, std::vector<std::string> tactics) {
        core::ReportContent content;
        content.title = title;
        content.occurred_start = date;
        content.tactics = std::move(tactics);
        return reports.create(content, case_name);
    }
    std::vector<std::int64_t> shown() const { return ui_->app().report_list_view().shown_ids(); }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
    std::int64_t a_ = 0, b_ = 0, c_ = 0;
};

TEST_F(GuiReportList, NewestFirstThenSortedByClickedColumn) {
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{c_, b_, a_}));
    ui_->click("list.header.3");  // Title
    ui_->settle();                // the sort runs on the worker
    const auto by_title = shown();
    const bool ascending = ui_->app().report_list_view().sort().ascending;
    EXPECT_EQ(by_title, ascending ? (std::vector<std::int64_t>{b_, a_, c_}) : (std::vector<std::int64_t>{c_, a_, b_}));
    ui_->click("list.header.3");  // again: the other way
    ui_->settle();
    EXPECT_EQ(shown(), (std::vector<std::int64_t>(by_title.rbegin(), by_title.rend())));
    ui_->click("list.header.2");  // Occurred
    ui_->settle();
    const auto by_date = shown();
    EXPECT_TRUE(by_date == (std::vector<std::int64_t>{c_, a_, b_}) || by_date == (std::vector<std::int64_t>{b_, a_, c_}));
}

TEST_F(GuiReportList, AHeaderClickSortsOnTheWorkerWhileTheListKeepsDrawing) {
    const auto before = shown();
    std::atomic<bool> release{false};
    ui_->app().state().worker().submit("holding the worker", [&release](core::JobContext&) {
        while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    ui_->frames(2);               // the busy line appears above the table; click where it is now
    ui_->click("list.header.3");  // Title
    ui_->frames(3);
    EXPECT_TRUE(ui_->app().report_list_view().sorting());
    EXPECT_EQ(shown(), before);  // the old order until the sorted one comes back
    EXPECT_TRUE(ui_->drawn("list.row0"));
    release = true;
    ui_->settle();
    EXPECT_FALSE(ui_->app().report_list_view().sorting());
    const bool ascending = ui_->app().report_list_view().sort().ascending;
    EXPECT_EQ(shown(), ascending ? (std::vector<std::int64_t>{b_, a_, c_}) : (std::vector<std::int64_t>{c_, a_, b_}));
}

TEST_F(GuiReportList, AQueryEndingAfterAHeaderClickNeverShowsRowsItDoesNotHave) {
    std::atomic<bool> release{false};
    ui_->app().state().worker().submit("holding the worker", [&release](core::JobContext&) {
        while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    ui_->frames(2);
    ui_->click("list.search");
    ui_->type("Alpha");           // a query for 1 row, queued
    ui_->frames(2);
    ui_->click("list.header.3");  // a sort of the 3 old rows, queued behind it
    release = true;
    // The query's rows arrive sorted by the old column; every frame until the
    // new sort is back must show only rows it has.
    for (int i = 0; i < 50; ++i) {
        ui_->frame();
        const auto& rows = ui_->app().report_list_view().rows();
        const auto ids = shown();
        ASSERT_LE(ids.size(), rows.size());
        ui_->app().state().worker().wait_until_idle();
    }
    ui_->settle();
    EXPECT_EQ(shown(), std::vector<std::int64_t>{b_});
}

TEST_F(GuiReportList, SearchRunsOnTheWorkerAndItsResultIsShown) {
    // Hold the worker with another job, so the search is certainly still
    // queued while the frames below run: they must not wait for it.
    std::atomic<bool> release{false};
    ui_->app().state().worker().submit("holding the worker", [&release](core::JobContext&) {
        while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    ui_->click("list.search");
    ui_->type("Alpha");
    ui_->frames(3);
    EXPECT_TRUE(ui_->app().report_list_view().loading());
    EXPECT_TRUE(ui_->drawn("list.search"));  // the list kept drawing
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{c_, b_, a_}));  // the old rows, until the result comes
    // Typed on: one more query is queued behind the running one, not one per key.
    ui_->type("x");
    ui_->frames(2);
    release = true;
    ui_->settle();
    ui_->settle();
    EXPECT_FALSE(ui_->app().report_list_view().loading());
    EXPECT_TRUE(shown().empty());  // "Alphax" matches nothing
    ui_->press(kKeyBackspace);
    ui_->settle();
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{b_}));
    ASSERT_TRUE(ui_->drawn("list.row0"));
    EXPECT_EQ(ui_->app().report_list_view().rows().front().title, "Alpha");
}

TEST_F(GuiReportList, LockDropsAQueryStillRunning) {
    std::atomic<bool> release{false};
    ui_->app().state().worker().submit("holding the worker", [&release](core::JobContext& context) {
        while (!release.load() && !context.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    ui_->click("list.search");
    ui_->type("Bravo");
    ui_->frames(2);
    ASSERT_TRUE(ui_->app().report_list_view().loading());
    ui_->app().lock();  // cancels the jobs; their results must not come back into the view
    release = true;
    ui_->settle();
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    EXPECT_TRUE(ui_->app().report_list_view().rows().empty());
}

TEST_F(GuiReportList, StatusFilter) {
    ui_->click("list.status");
    ui_->click("list.status=final");
    EXPECT_EQ(shown(), std::vector<std::int64_t>{b_});
    ui_->click("list.status");
    ui_->click("list.status=draft");
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{c_, a_}));
}

TEST_F(GuiReportList, TacticFilter) {
    ui_->click("list.tactic");
    ui_->click("list.tactic=coercion_by_proxy");
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{b_, a_}));
    ui_->click("list.tactic");
    ui_->click("list.tactic=surveillance");
    EXPECT_EQ(shown(), std::vector<std::int64_t>{a_});
    ui_->click("list.tactic");
    ui_->click("list.tactic=harassment");
    EXPECT_TRUE(shown().empty());
}

TEST_F(GuiReportList, DateRangeAndFilesFilters) {
    ui_->click("list.from");
    ui_->type("2026");
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{b_, a_}));
    EXPECT_FALSE(ui_->drawn("list.date_not_understood"));
    ui_->click("list.to");
    ui_->type("2026-01");
    EXPECT_EQ(shown(), std::vector<std::int64_t>{a_});
    ui_->type("x");  // "2026-01x" is not a date: said on screen, and the bound is not used
    ui_->settle();
    EXPECT_TRUE(ui_->drawn("list.date_not_understood"));
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{b_, a_}));
    ui_->app().report_list_view().set_filter(ReportFilter{});
    ui_->click("list.with_files");
    EXPECT_EQ(shown(), std::vector<std::int64_t>{c_});
}

TEST_F(GuiReportList, LockForgetsRowsAndFilters) {
    ui_->click("list.from");
    ui_->type("2026");
    ui_->click("lock");
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    EXPECT_TRUE(shown().empty());
}

// A search with more hits than a page: its newest page and the count are shown
// first, the other rows come with a second query behind it.
class GuiReportListFirstPage : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        core::ReportService reports(ui_->session());
        for (int i = 0; i < 60; ++i) {
            core::ReportContent content;
            content.title = "police visit " + std::to_string(i);
            ids_.push_back(reports.create(content));
        }
        core::ReportContent other;
        other.title = "a quiet day";
        quiet_ = reports.create(other);
        ui_->app().report_list_view().refresh(ui_->app().state());
        ui_->settle();
    }
    // Holds the worker until released, so the test sees the state between jobs.
    struct Hold {
        std::shared_ptr<std::atomic<bool>> release = std::make_shared<std::atomic<bool>>(false);
        explicit Hold(core::Worker& worker) {
            worker.submit("holding the worker", [r = release](core::JobContext&) {
                while (!r->load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            });
        }
        ~Hold() { *release = true; }
    };
    // Frames until the first page is on screen (the worker is held behind it).
    void frames_until_first_page() {
        for (int i = 0; i < 5000 && list().first_page_total() < 0 && list().loading(); ++i) {
            ui_->frame();
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ReportListView& list() { return ui_->app().report_list_view(); }
    core::Worker& worker() { return ui_->app().state().worker(); }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
    std::vector<std::int64_t> ids_;
    std::int64_t quiet_ = 0;
};

TEST_F(GuiReportListFirstPage, TheNewestPageAndTheCountComeFirstThenTheRest) {
    ASSERT_EQ(list().rows().size(), 61u);
    auto first_hold = std::make_unique<Hold>(worker());
    ui_->click("list.search");
    ui_->type("police");
    ui_->frames(2);  // the first-page query is queued
    Hold second_hold(worker());  // behind it: whatever the first page asks for next waits here
    first_hold.reset();
    frames_until_first_page();
    EXPECT_TRUE(list().loading());
    EXPECT_EQ(list().first_page_total(), 60);
    ASSERT_EQ(list().rows().size(), core::ReportService::kFirstPageRows);
    // Newest first: the last 50 created, and every one of them a hit.
    EXPECT_EQ(ui_->app().report_list_view().shown_ids(), std::vector<std::int64_t>(ids_.rbegin(), ids_.rbegin() + 50));
    EXPECT_TRUE(ui_->drawn("list.row0"));

    *second_hold.release = true;
    ui_->settle();
    EXPECT_FALSE(list().loading());
    EXPECT_EQ(list().first_page_total(), -1);
    EXPECT_EQ(ui_->app().report_list_view().shown_ids(), std::vector<std::int64_t>(ids_.rbegin(), ids_.rend()));
}

TEST_F(GuiReportListFirstPage, AResultThatFitsInOnePageNeedsNoSecondQuery) {
    auto first_hold = std::make_unique<Hold>(worker());
    ui_->click("list.search");
    ui_->type("quiet");
    ui_->frames(2);
    Hold second_hold(worker());
    first_hold.reset();
    for (int i = 0; i < 5000 && list().loading(); ++i) {
        ui_->frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    EXPECT_FALSE(list().loading());  // done while the worker is still held: one query was enough
    EXPECT_EQ(ui_->app().report_list_view().shown_ids(), std::vector<std::int64_t>{quiet_});
}

// A vault without reports: what the list keeps besides rows must count as
// sensitive too (typed dates, chosen filters, case names, messages).
class GuiEmptyReportList : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        ASSERT_TRUE(list().rows().empty());
    }
    ReportListView& list() { return ui_->app().report_list_view(); }
    // As a lock does it: no job running.
    void clear_list() {
        ui_->settle();
        list().clear();
    }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiEmptyReportList, HoldsNothingUntilSomethingIsTypedOrChosen) {
    EXPECT_FALSE(list().holds_sensitive_data());
}

TEST_F(GuiEmptyReportList, TypedDatesCountUntilCleared) {
    for (const char* field : {"list.from", "list.to"}) {
        ui_->click(field);
        ui_->type("2026-0");
        EXPECT_TRUE(list().holds_sensitive_data()) << field;
        clear_list();
        EXPECT_FALSE(list().holds_sensitive_data()) << field;
        ui_->press(kKeyTab);  // leave the field; the next frames draw the cleared list
        ui_->settle();
    }
}

TEST_F(GuiEmptyReportList, ChosenStatusTacticAndFilesFiltersCountUntilCleared) {
    ui_->click("list.status");
    ui_->click("list.status=final");
    EXPECT_TRUE(list().holds_sensitive_data());
    clear_list();
    EXPECT_FALSE(list().holds_sensitive_data());

    ui_->settle();
    ui_->click("list.tactic");
    ui_->click("list.tactic=coercion_by_proxy");
    EXPECT_TRUE(list().holds_sensitive_data());
    clear_list();
    EXPECT_FALSE(list().holds_sensitive_data());

    ui_->settle();
    ui_->click("list.with_files");
    EXPECT_TRUE(list().holds_sensitive_data());
    clear_list();
    EXPECT_FALSE(list().holds_sensitive_data());
}

TEST_F(GuiEmptyReportList, CaseNamesCountEvenWithoutReports) {
    core::CaseService(ui_->session()).create("Interview with Li");
    list().refresh(ui_->app().state());
    ui_->settle();
    ASSERT_TRUE(list().rows().empty());
    EXPECT_TRUE(list().holds_sensitive_data());
    clear_list();
    EXPECT_FALSE(list().holds_sensitive_data());
}

TEST_F(GuiEmptyReportList, AFailedQuerysMessageCountsUntilCleared) {
    list().set_search(ui_->app().state(), "\xff\xfe");
    ui_->settle();
    ASSERT_FALSE(list().error().empty());
    EXPECT_TRUE(list().holds_sensitive_data());
    clear_list();
    EXPECT_TRUE(list().error().empty());
    EXPECT_FALSE(list().holds_sensitive_data());
}

TEST(ReportFilter, CaseFilterAndTiesById) {
    std::vector<core::ReportSummary> rows(3);
    rows[0].id = 1;
    rows[0].case_id = 7;
    rows[0].status = core::ReportStatus::Draft;
    rows[1].id = 2;
    rows[1].case_id = 0;
    rows[1].status = core::ReportStatus::Draft;
    rows[2].id = 3;
    rows[2].case_id = 7;
    rows[2].status = core::ReportStatus::Draft;
    ReportFilter filter;
    filter.case_id = 7;
    EXPECT_EQ(filter_and_sort(rows, filter, {SortColumn::Status, true}), (std::vector<std::size_t>{0, 2}));
    filter.case_id = 0;
    EXPECT_EQ(filter_and_sort(rows, filter, {}), std::vector<std::size_t>{1});
    // Reports with no date are left out once a date bound is set.
    filter = {};
    filter.date_from = "2000";
    EXPECT_TRUE(filter_and_sort(rows, filter, {}).empty());
    EXPECT_TRUE(filter_and_sort({}, {}, {}).empty());
}

// The date bounds are read by core's one date parser, so a report written
// "2026-03-14 18:30" (space) is found like one written with 'T', and sorts in
// time order among them. Before, the list compared text: ' ' sorts before 'T'.
TEST(ReportFilter, DatesWrittenWithASpaceFilterAndSortLikeTheOthers) {
    std::vector<core::ReportSummary> rows(4);
    const char* dates[] = {"2026-03-14 18:30", "2026-03-14T09:00", "2026-02-28", "2026-04"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].id = static_cast<std::int64_t>(i + 1);
        rows[i].occurred_start = dates[i];
    }
    ReportFilter filter;
    filter.date_from = "2026-03-14T18:00";
    filter.date_to = "2026-03";
    EXPECT_EQ(filter_and_sort(rows, filter, {SortColumn::Occurred, true}), (std::vector<std::size_t>{1, 0}));
    EXPECT_EQ(filter_and_sort(rows, {}, {SortColumn::Occurred, true}), (std::vector<std::size_t>{2, 1, 0, 3}));
    // A bound that is not a date is not used (the view says so).
    filter.date_from = "March";
    filter.date_to = "";
    EXPECT_EQ(filter_and_sort(rows, filter, {SortColumn::Id, true}).size(), 4u);
}

// The advocate's list: From filters to one source or to the vault's own
// reports, and sorts own reports first, then sources by name.
TEST(ReportFilter, FromFiltersAndSortsBySource) {
    std::vector<core::ReportSummary> rows(4);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].id = static_cast<std::int64_t>(i + 1);
    RowSources sources;
    sources[1] = RowSource{7, "Mei", false};
    sources[3] = RowSource{8, "Ahmet", true};
    sources[4] = RowSource{7, "Mei", false};
    ReportFilter filter;
    filter.source = 7;
    EXPECT_EQ(filter_and_sort(rows, filter, {SortColumn::Id, true}, sources), (std::vector<std::size_t>{0, 3}));
    filter.source = 0;  // this vault's own
    EXPECT_EQ(filter_and_sort(rows, filter, {SortColumn::Id, true}, sources), std::vector<std::size_t>{1});
    filter.source.reset();
    EXPECT_EQ(filter_and_sort(rows, filter, {SortColumn::From, true}, sources),
              (std::vector<std::size_t>{1, 2, 0, 3}));  // own, Ahmet, Mei (ties by id)
    EXPECT_EQ(filter_and_sort(rows, filter, {SortColumn::From, false}, sources),
              (std::vector<std::size_t>{3, 0, 2, 1}));
}

// A received report whose signer is no longer a contact is never "You".
TEST(ReportFilter, AReceivedReportOfARemovedContactIsNotYours) {
    core::SourceIndex index;
    index.sources.push_back(core::Source{7, "Mei", "", false, {}, {}, 0, 0, {}, {1}});
    index.of_report.emplace(1, 0);
    const auto sources = row_sources(index, {{1, "fp-mei"}, {2, "fp-gone"}});
    ASSERT_EQ(sources.size(), 2u);
    EXPECT_EQ(sources.at(1).name, "Mei");
    EXPECT_EQ(sources.at(2).contact_id, -1);
    std::vector<core::ReportSummary> rows(3);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].id = static_cast<std::int64_t>(i + 1);
    ReportFilter mine;
    mine.source = 0;
    EXPECT_EQ(filter_and_sort(rows, mine, {SortColumn::Id, true}, sources), std::vector<std::size_t>{2});
}

TEST(ReportFilter, FilteringTheSortedOrderKeepsItAndSkipsRowsThatFail) {
    std::vector<core::ReportSummary> rows(5);
    const char* titles[] = {"d", "b", "e", "a", "c"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].id = static_cast<std::int64_t>(i + 1);
        rows[i].title = titles[i];
        rows[i].status = i % 2 == 0 ? core::ReportStatus::Draft : core::ReportStatus::Final;
    }
    const auto sorted = sort_rows(rows, {SortColumn::Title, true});
    EXPECT_EQ(sorted, (std::vector<std::size_t>{3, 1, 4, 0, 2}));  // a b c d e
    EXPECT_EQ(filter_rows(rows, sorted, ReportFilter{}), sorted);
    ReportFilter drafts;
    drafts.status = core::ReportStatus::Draft;
    EXPECT_EQ(filter_rows(rows, sorted, drafts), (std::vector<std::size_t>{4, 0, 2}));  // c d e
    EXPECT_EQ(filter_rows(rows, sorted, drafts), filter_and_sort(rows, drafts, {SortColumn::Title, true}));
    // An order from older rows (more entries than rows) never indexes past them.
    rows.resize(2);
    EXPECT_EQ(filter_rows(rows, sorted, drafts), std::vector<std::size_t>{0});
}

}  // namespace
}  // namespace fv::gui::test
