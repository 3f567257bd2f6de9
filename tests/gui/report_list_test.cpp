// The report list: sorting by column header, filters (case, status, date
// range, with files), each through the real view.
#include <gtest/gtest.h>

#include <fstream>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/reports.h"
#include "headless_ui.h"
#include "report_filter.h"

namespace fv::gui::test {
namespace {

class GuiReportList : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        core::ReportService reports(*ui_->app().state().session());
        a_ = add(reports, "Bravo", "2026-01-10", "Self");
        b_ = add(reports, "Alpha", "2026-03-02", "Cousin");
        c_ = add(reports, "Charlie", "2025-12-30", "");
        reports.finalize(b_);
        const auto file = dir_.path() / "evidence.txt";
        std::ofstream(file) << "bytes";
        core::AttachmentService(*ui_->app().state().session()).attach(c_, file);
        ui_->app().report_list_view().refresh(ui_->app().state());
        ui_->frame();
    }
    static std::int64_t add(core::ReportService& reports, const std::string& title, const std::string& date,
                            const std::string& case_name) {
        core::ReportContent content;
        content.title = title;
        content.occurred_start = date;
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
    const auto by_title = shown();
    const bool ascending = ui_->app().report_list_view().sort().ascending;
    EXPECT_EQ(by_title, ascending ? (std::vector<std::int64_t>{b_, a_, c_}) : (std::vector<std::int64_t>{c_, a_, b_}));
    ui_->click("list.header.3");  // again: the other way
    EXPECT_EQ(shown(), (std::vector<std::int64_t>(by_title.rbegin(), by_title.rend())));
    ui_->click("list.header.2");  // Occurred
    const auto by_date = shown();
    EXPECT_TRUE(by_date == (std::vector<std::int64_t>{c_, a_, b_}) || by_date == (std::vector<std::int64_t>{b_, a_, c_}));
}

TEST_F(GuiReportList, StatusFilter) {
    ui_->click("list.status");
    ui_->click("list.status=final");
    EXPECT_EQ(shown(), std::vector<std::int64_t>{b_});
    ui_->click("list.status");
    ui_->click("list.status=draft");
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{c_, a_}));
}

TEST_F(GuiReportList, DateRangeAndFilesFilters) {
    ui_->click("list.from");
    ui_->type("2026");
    EXPECT_EQ(shown(), (std::vector<std::int64_t>{b_, a_}));
    ui_->click("list.to");
    ui_->type("2026-01");
    EXPECT_EQ(shown(), std::vector<std::int64_t>{a_});
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

TEST(ReportFilter, CaseFilterAndTiesById) {
    std::vector<core::ReportSummary> rows(3);
    rows[0].id = 1;
    rows[0].case_id = 7;
    rows[0].status = "draft";
    rows[1].id = 2;
    rows[1].case_id = 0;
    rows[1].status = "draft";
    rows[2].id = 3;
    rows[2].case_id = 7;
    rows[2].status = "draft";
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

}  // namespace
}  // namespace fv::gui::test
