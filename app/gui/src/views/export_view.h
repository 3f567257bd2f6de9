#pragma once
// The export wizard: choose reports (or a case), recipients, what to include,
// review exactly what will leave the vault, choose the file, then seal it on
// the worker with a progress bar and Cancel. Only the vault's own reports are
// offered (core refuses to re-sign received ones).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fieldvault/core/contacts.h"
#include "fieldvault/core/export.h"
#include "fieldvault/core/reports.h"
#include "views/view.h"

namespace fv::gui {

class ExportView final : public View {
public:
    enum class Step { Reports, Recipients, Contents, Review, Save, Running, Done };

    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    Step step() const noexcept { return step_; }
    bool loading() const noexcept { return loading_; }
    const std::vector<core::ReportSummary>& reports() const noexcept { return rows_; }
    // Received reports among them (they are forwarded as their sender signed them), by id.
    const std::map<std::int64_t, std::string>& received_from() const noexcept { return received_from_; }
    const std::vector<core::Contact>& contacts() const noexcept { return contacts_; }
    // What the review step shows: core's plan for the same request the export runs.
    const core::ExportPlan& review() const noexcept { return review_; }
    const std::optional<core::ExportResult>& result() const noexcept { return result_; }
    const std::string& output_path() const noexcept { return out_path_; }
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }
    // The reports the export will take (chosen ones, or the case's).
    std::vector<std::int64_t> selected_ids() const;
    // Starts the export job (what "Export" does).
    void start_export(AppState& state);

protected:
    void draw_content(AppState& state) override;

private:
    void load(AppState& state);
    void load_review(AppState& state);
    void reset_choices() noexcept;
    void forget_loaded() noexcept;
    void draw_steps();
    void draw_reports_step(AppState& state);
    void draw_recipients_step(AppState& state);
    void draw_contents_step(AppState& state);
    void draw_review_step(AppState& state);
    void draw_save_step(AppState& state);
    void draw_running(AppState& state);
    void draw_done(AppState& state);
    // `next_label`: nullptr for "Next" (translated).
    bool draw_nav(AppState& state, bool can_continue, const char* next_label = nullptr);
    core::ExportRequest request() const;

    Step step_ = Step::Reports;
    std::vector<core::ReportSummary> rows_;  // own and received reports
    std::map<std::int64_t, std::string> received_from_;  // received report id -> its source's name
    std::vector<core::CaseRecord> cases_;
    std::vector<core::Contact> contacts_;
    std::set<std::int64_t> chosen_;
    bool by_case_ = false;
    std::int64_t case_id_ = -1;
    std::set<std::string> recipients_;
    bool include_sensitive_ = false;
    bool include_attachments_ = true;
    core::ExportPlan review_;
    std::string out_path_;
    std::optional<core::ExportResult> result_;
    std::string error_;
    std::string notice_;
    bool needs_load_ = true;
    bool loading_ = false;
    bool review_loading_ = false;
    core::JobId export_job_ = 0;
    bool cancel_asked_ = false;
    std::uint64_t generation_ = 0;  // bumped by clear(): late results are dropped
};

// ~/YYYY-MM-DD.bin (a name that says nothing), or -2, -3... if that file
// exists (shown with "~").
std::string default_bundle_path();

}  // namespace fv::gui
