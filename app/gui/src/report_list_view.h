#pragma once
// All reports (or the matches of a search), newest first, one row each.
#include <string>
#include <vector>

#include "fieldvault/core/reports.h"
#include "view.h"

namespace fv::gui {

class ReportListView final : public View {
public:
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    // Reload the rows from the vault now (if it is available).
    void refresh(AppState& state);
    void set_search(AppState& state, std::string query);
    const std::vector<core::ReportSummary>& rows() const noexcept { return rows_; }
    const std::string& error() const noexcept { return error_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_toolbar(AppState& state);
    void draw_table(AppState& state);

    std::vector<core::ReportSummary> rows_;
    std::string search_;
    std::string error_;
    bool needs_refresh_ = true;
};

}  // namespace fv::gui
