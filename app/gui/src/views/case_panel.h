#pragma once
// Cases in the report list: create a case, rename the case chosen in the
// list's filter, and put reports in cases (turn on "Select reports", click
// rows, pick a case, then move them there only, put them in it too, or take
// them out of it: a report can be in several cases). The changes run on the
// worker; the list reloads when they are done.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "fieldvault/core/reports.h"

namespace fv::gui {

class CasePanel {
public:
    using Changed = std::function<void()>;

    // filter_case_id: the case the list is filtered on (-1 any, 0 none).
    void draw(AppState& state, const std::vector<core::CaseRecord>& cases, std::int64_t filter_case_id,
              const Changed& changed);
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

    // Selecting: a click on a row selects it instead of opening it.
    bool selecting() const noexcept { return selecting_; }
    bool is_selected(std::int64_t report_id) const noexcept;
    void toggle(std::int64_t report_id);
    const std::vector<std::int64_t>& selected() const noexcept { return selected_; }

    // What the buttons do.
    void create(AppState& state, std::string name, const Changed& changed);
    void rename(AppState& state, std::int64_t case_id, std::string name, const Changed& changed);
    void move(AppState& state, std::int64_t case_id, const Changed& changed);    // that case only
    void add(AppState& state, std::int64_t case_id, const Changed& changed);     // that case too
    void remove(AppState& state, std::int64_t case_id, const Changed& changed);  // out of that case
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }

private:
    void run(AppState& state, const char* label, std::function<void(core::Session&)> work, std::string done,
             const Changed& changed);
    void draw_modals(AppState& state, const std::vector<core::CaseRecord>& cases, const Changed& changed);

    bool selecting_ = false;
    std::vector<std::int64_t> selected_;
    std::int64_t target_case_ = 0;      // where "Move" puts the selection (0 = no case)
    std::int64_t rename_case_ = 0;
    std::string name_;                  // typed in the New/Rename dialogs
    bool open_new_ = false;
    bool open_rename_ = false;
    std::string error_;
    std::string notice_;
    std::uint64_t generation_ = 0;
};

}  // namespace fv::gui
