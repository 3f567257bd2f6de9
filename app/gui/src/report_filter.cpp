#include "report_filter.h"

#include <algorithm>

namespace fv::gui {
namespace {

bool passes(const core::ReportSummary& row, const ReportFilter& filter) {
    if (filter.case_id >= 0 && row.case_id != filter.case_id) return false;
    if (!filter.status.empty() && row.status != filter.status) return false;
    if (filter.with_attachments && row.attachment_count == 0) return false;
    if (!filter.tactic.empty() &&
        std::find(row.tactics.begin(), row.tactics.end(), filter.tactic) == row.tactics.end())
        return false;
    // ISO-8601 text orders like time; compare only as many characters as the
    // bound has, so "2026-03" includes every day of March.
    if (!filter.date_from.empty()) {
        if (row.occurred_start.empty()) return false;
        if (row.occurred_start.compare(0, filter.date_from.size(), filter.date_from) < 0) return false;
    }
    if (!filter.date_to.empty()) {
        if (row.occurred_start.empty()) return false;
        if (row.occurred_start.compare(0, filter.date_to.size(), filter.date_to) > 0) return false;
    }
    return true;
}

int compare(const core::ReportSummary& a, const core::ReportSummary& b, SortColumn column) {
    auto three_way = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
    switch (column) {
        case SortColumn::Id: return three_way(a.id, b.id);
        case SortColumn::Status: return three_way(a.status, b.status);
        case SortColumn::Occurred: return three_way(a.occurred_start, b.occurred_start);
        case SortColumn::Title: return three_way(a.title, b.title);
        case SortColumn::Files: return three_way(a.attachment_count, b.attachment_count);
    }
    return 0;
}

}  // namespace

std::vector<std::size_t> filter_and_sort(const std::vector<core::ReportSummary>& rows, const ReportFilter& filter,
                                         const SortSpec& sort) {
    std::vector<std::size_t> order;
    order.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (passes(rows[i], filter)) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        int c = compare(rows[x], rows[y], sort.column);
        if (c == 0) c = compare(rows[x], rows[y], SortColumn::Id);
        return sort.ascending ? c < 0 : c > 0;
    });
    return order;
}

}  // namespace fv::gui
