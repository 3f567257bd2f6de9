#include "models/report_filter.h"

#include <algorithm>
#include <compare>

#include "fieldvault/core/dates.h"

namespace fv::gui {
namespace {

bool passes(const core::ReportSummary& row, const ReportFilter& filter, const core::DayWindow& when) {
    if (filter.case_id >= 0 && row.case_id != filter.case_id) return false;
    if (filter.status && row.status != *filter.status) return false;
    if (filter.with_attachments && row.attachment_count == 0) return false;
    if (!filter.tactic.empty() &&
        std::find(row.tactics.begin(), row.tactics.end(), filter.tactic) == row.tactics.end())
        return false;
    return core::occurs_within(row.occurred_start, when);
}

int sign(std::strong_ordering order) { return order < 0 ? -1 : (order > 0 ? 1 : 0); }

// One comparison per pair (strings compared once, not twice as with two '<').
int compare(const core::ReportSummary& a, const core::ReportSummary& b, SortColumn column) {
    switch (column) {
        case SortColumn::Id: return sign(a.id <=> b.id);
        case SortColumn::Status: return sign(core::status_code(a.status).compare(core::status_code(b.status)) <=> 0);
        case SortColumn::Occurred: return core::compare_stored_dates(a.occurred_start, b.occurred_start);
        case SortColumn::Title: return sign(a.title.compare(b.title) <=> 0);
        case SortColumn::Files: return sign(a.attachment_count <=> b.attachment_count);
    }
    return 0;
}

}  // namespace

std::vector<std::size_t> sort_rows(const std::vector<core::ReportSummary>& rows, const SortSpec& sort) {
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) order[i] = i;
    // Ties are broken by id, which is unique: a total order, so the faster
    // unstable sort gives the same result as a stable one.
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        int c = compare(rows[x], rows[y], sort.column);
        if (c == 0) c = compare(rows[x], rows[y], SortColumn::Id);
        return sort.ascending ? c < 0 : c > 0;
    });
    return order;
}

std::vector<std::size_t> filter_rows(const std::vector<core::ReportSummary>& rows,
                                     const std::vector<std::size_t>& sorted, const ReportFilter& filter) {
    if (filter == ReportFilter{}) return sorted;
    const auto when = core::parse_day_window(filter.date_from, filter.date_to);
    std::vector<std::size_t> order;
    order.reserve(sorted.size());
    for (const auto i : sorted)
        if (i < rows.size() && passes(rows[i], filter, when)) order.push_back(i);
    return order;
}

std::vector<std::size_t> filter_and_sort(const std::vector<core::ReportSummary>& rows, const ReportFilter& filter,
                                         const SortSpec& sort) {
    return filter_rows(rows, sort_rows(rows, sort), filter);
}

}  // namespace fv::gui
