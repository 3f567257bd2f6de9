#include "models/report_filter.h"

#include <algorithm>
#include <compare>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "views/view.h"

namespace fv::gui {
namespace {

std::int64_t source_of(std::int64_t report_id, const RowSources& sources) {
    const auto it = sources.find(report_id);
    return it == sources.end() ? 0 : it->second.contact_id;
}

bool passes(const core::ReportSummary& row, const ReportFilter& filter, const core::DayWindow& when,
            const RowSources& sources) {
    if (filter.case_id >= 0 && !in_case(row, filter.case_id)) return false;
    if (filter.source && source_of(row.id, sources) != *filter.source) return false;
    if (filter.status && row.status != *filter.status) return false;
    if (filter.with_attachments && row.attachment_count == 0) return false;
    if (!filter.tactic.empty() &&
        std::find(row.tactics.begin(), row.tactics.end(), filter.tactic) == row.tactics.end())
        return false;
    return core::occurs_within(row.occurred_start, when);
}

int sign(std::strong_ordering order) { return order < 0 ? -1 : (order > 0 ? 1 : 0); }

// One comparison per pair (strings compared once, not twice as with two '<').
int compare(const core::ReportSummary& a, const core::ReportSummary& b, SortColumn column, const RowSources& sources) {
    switch (column) {
        case SortColumn::From: {
            const auto x = sources.find(a.id), y = sources.find(b.id);
            const bool own_a = x == sources.end(), own_b = y == sources.end();
            if (own_a || own_b) return own_a == own_b ? 0 : (own_a ? -1 : 1);
            return sign(x->second.name.compare(y->second.name) <=> 0);
        }
        case SortColumn::Id: return sign(a.id <=> b.id);
        case SortColumn::Status: return sign(core::status_code(a.status).compare(core::status_code(b.status)) <=> 0);
        case SortColumn::Occurred: return core::compare_stored_dates(a.occurred_start, b.occurred_start);
        case SortColumn::Title: return sign(a.title.compare(b.title) <=> 0);
        case SortColumn::Files: return sign(a.attachment_count <=> b.attachment_count);
    }
    return 0;
}

}  // namespace

RowSources row_sources(const core::SourceIndex& index, const std::map<std::int64_t, std::string>& received) {
    RowSources out;
    for (const auto& [report_id, at] : index.of_report) {
        const auto& s = index.sources[at];
        out.emplace(report_id, RowSource{s.contact_id, s.name, s.verified});
    }
    for (const auto& [report_id, fingerprint] : received)
        out.try_emplace(report_id, RowSource{-1, core::tr("someone not in your contacts"), false});
    return out;
}

void wipe_sources(RowSources& sources) noexcept {
    for (auto& [id, source] : sources) wipe_string(source.name);
    sources.clear();
}

std::vector<std::size_t> sort_rows(const std::vector<core::ReportSummary>& rows, const SortSpec& sort,
                                   const RowSources& sources) {
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) order[i] = i;
    // Ties are broken by id, which is unique: a total order, so the faster
    // unstable sort gives the same result as a stable one.
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        int c = compare(rows[x], rows[y], sort.column, sources);
        if (c == 0) c = compare(rows[x], rows[y], SortColumn::Id, sources);
        return sort.ascending ? c < 0 : c > 0;
    });
    return order;
}

std::vector<std::size_t> filter_rows(const std::vector<core::ReportSummary>& rows,
                                     const std::vector<std::size_t>& sorted, const ReportFilter& filter,
                                     const RowSources& sources) {
    if (filter == ReportFilter{}) return sorted;
    const auto when = core::parse_day_window(filter.date_from, filter.date_to);
    std::vector<std::size_t> order;
    order.reserve(sorted.size());
    for (const auto i : sorted)
        if (i < rows.size() && passes(rows[i], filter, when, sources)) order.push_back(i);
    return order;
}

std::vector<std::size_t> filter_and_sort(const std::vector<core::ReportSummary>& rows, const ReportFilter& filter,
                                         const SortSpec& sort, const RowSources& sources) {
    return filter_rows(rows, sort_rows(rows, sort, sources), filter, sources);
}

}  // namespace fv::gui
