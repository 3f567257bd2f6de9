#pragma once
// All reports (or the matches of a search), one row each, filtered and
// sorted by column. Only the visible rows are drawn (ImGuiListClipper).
// Loading and searching run on the worker: the frame keeps drawing the rows
// it has, and the new rows replace them when the query's result is posted
// back. One query at a time; a change while one runs queues one more.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "views/case_panel.h"
#include "views/record_panel.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/worker.h"
#include "models/report_filter.h"
#include "views/view.h"

namespace fv::gui {

class ReportListView final : public View {
public:
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    // Asks the worker for the rows (all, or the search's matches); they are
    // shown once the frame loop polls the job's result.
    void refresh(AppState& state);
    // A query is on the worker.
    bool loading() const noexcept { return loading_; }
    // While a query is on the worker and its first page (the newest rows) is
    // shown: how many rows the whole result has; -1 otherwise.
    std::int64_t first_page_total() const noexcept { return first_page_total_; }
    void set_search(AppState& state, std::string query);
    const std::vector<core::ReportSummary>& rows() const noexcept { return rows_->rows; }
    // A sort (after a header click) is on the worker.
    bool sorting() const noexcept { return sorting_; }
    // Ids of the rows shown, in the order shown.
    std::vector<std::int64_t> shown_ids() const;
    void set_filter(const ReportFilter& filter);
    const SortSpec& sort() const noexcept { return sort_; }
    // Received reports (id -> signer fingerprint), marked in the list.
    const std::map<std::int64_t, std::string>& received() const noexcept { return received_; }
    // Who sent each received row (report id -> source), for the From column.
    const RowSources& sources() const noexcept { return rows_->sources; }
    const std::string& error() const noexcept { return error_; }
    CasePanel& case_panel() noexcept { return case_panel_; }
    RecordPanel& record_panel() noexcept { return record_panel_; }
    // Writing kept by autosave and not yet saved or thrown away (what the list offers back).
    struct KeptNote {
        std::string key;
        std::string title;
        std::int64_t report_id = 0;  // 0: a new report
        std::int64_t saved_at = 0;
    };
    const std::vector<KeptNote>& kept_writing() const noexcept { return kept_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_toolbar(AppState& state);
    // Once per unlock: the audit log's newest entry (so the person can see
    // the vault is as they left it) and any attachment files put aside.
    void draw_unlock_note(AppState& state);
    // Kept writing, each with "Open it" and "Throw it away".
    void draw_kept_writing(AppState& state);
    void draw_table(AppState& state);
    void draw_filters(AppState& state);
    void draw_source_filter(AppState& state, ReportFilter& filter);
    // A new sort column, or rows sorted by another one: sort all rows on the
    // worker (100,000 rows take ~0.1 s), then filter; the old order stays
    // on screen until then.
    void request_sort(AppState& state);
    // A new filter: walk the sorted rows (fast).
    void refilter();

    // What a query job fills in on the worker; read on the frame thread only
    // after the job finished. Wiped when dropped.
    struct ListResult {
        std::vector<core::ReportSummary> rows;
        std::int64_t total = 0;           // a first page: how many rows the whole result has
        std::vector<core::CaseRecord> cases;
        std::map<std::int64_t, std::string> received;
        RowSources sources;
        SortSpec sorted_by;               // the sort the job applied
        std::vector<std::size_t> sorted;  // rows in that order (sorting 100,000 rows is not frame work)
        ListResult() = default;
        ListResult(const ListResult&) = delete;
        ListResult& operator=(const ListResult&) = delete;
        ~ListResult();
    };
    // After the first page, when the result has more rows: all of them.
    void load_all(AppState& state);
    // A job's rows (or its error) become what the list shows.
    void show(ListResult& result, const core::JobOutcome& outcome);

    // The rows of the last query, shared read-only with a sort job on the
    // worker; wiped when the last holder lets go. Never null.
    struct Rows {
        std::vector<core::ReportSummary> rows;
        RowSources sources;  // who sent each received row (sorting by From needs them with the rows)
        std::map<std::int64_t, RowSource> choices;  // each source once, by contact id (the From filter)
        Rows() = default;
        Rows(const Rows&) = delete;
        Rows& operator=(const Rows&) = delete;
        ~Rows();
    };
    static const std::shared_ptr<const Rows>& no_rows();
    std::shared_ptr<const Rows> rows_ = no_rows();
    std::vector<core::CaseRecord> cases_;
    std::map<std::int64_t, std::string> received_;  // report id -> signer fingerprint
    std::vector<std::size_t> sorted_;  // every index into rows_, in sort_ order
    std::vector<std::size_t> order_;   // the entries of sorted_ that pass filter_, as shown
    ReportFilter filter_;
    SortSpec sort_;
    std::string search_;
    std::string error_;
    bool needs_refresh_ = true;
    bool unlock_note_dismissed_ = false;
    bool loading_ = false;
    bool refresh_again_ = false;       // the search changed while a query ran
    bool needs_sort_ = false;          // rows arrived sorted by another column
    bool sorting_ = false;
    std::uint64_t sort_request_ = 0;   // only the latest sort's result is used
    std::uint64_t generation_ = 0;     // bumped by clear(): late results are dropped
    double loading_since_ = 0.0;
    std::int64_t first_page_total_ = -1;  // see first_page_total()
    CasePanel case_panel_;             // new/rename case, move selected reports
    RecordPanel record_panel_;         // the shown reports as a court record
    std::vector<KeptNote> kept_;       // read when the list is shown
    bool kept_loaded_ = false;
};

}  // namespace fv::gui
