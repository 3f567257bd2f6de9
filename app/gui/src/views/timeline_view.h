#pragma once
// Incidents of one case (or of all) on a horizontal time axis: one mark per
// report, coloured by its first tactic (legend below), a span for a month- or
// year-precision date, a hollow mark when approximate; hover shows title and
// date, a click opens the report. Identifiers that recur across reports are
// listed beside the axis; choosing one highlights the reports it links.
// Reports load on the worker; core::ReportAnalysis is computed there too, so
// the GUI draws what `fieldvault-cli timeline` prints.
#include <cstdint>
#include <optional>
#include <vector>

#include "fieldvault/core/report_analysis.h"
#include "fieldvault/core/reports.h"
#include "views/view.h"

namespace fv::gui {

class TimelineView final : public View {
public:
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    // Loads the reports of `case_id` (nullopt = all cases) on the worker.
    void load(AppState& state, std::optional<std::int64_t> case_id);
    bool loading() const noexcept { return loading_; }
    const core::ReportAnalysis& model() const noexcept { return model_; }
    // Index into model().recurring() of the highlighted identifier.
    std::optional<std::size_t> highlighted() const noexcept { return highlighted_; }
    // What the last frame drew (tests).
    int marks_drawn() const noexcept { return marks_drawn_; }
    int highlighted_drawn() const noexcept { return highlighted_drawn_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_toolbar(AppState& state);
    void draw_axis(AppState& state, float width, float height);
    void draw_legend();
    void draw_recurring(AppState& state);
    bool is_highlighted(std::int64_t report_id) const;

    core::ReportAnalysis model_;
    std::vector<core::CaseRecord> cases_;
    std::optional<std::int64_t> case_id_;  // nullopt = all cases
    std::optional<std::size_t> highlighted_;
    std::string error_;
    bool needs_load_ = true;
    bool loading_ = false;
    std::uint64_t generation_ = 0;
    int marks_drawn_ = 0;
    int highlighted_drawn_ = 0;
};

}  // namespace fv::gui
