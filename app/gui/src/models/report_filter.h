#pragma once
// Which report rows the list shows, and in what order. Computed once when the
// rows, the filter or the sort change (not per frame); the table then draws
// only the visible part of the result.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/sources.h"

namespace fv::gui {

// Who sent each received report (its source, as the organisation names it),
// for the list's From column, filter and sort. Own reports are absent.
struct RowSource {
    std::int64_t contact_id = 0;
    std::string name;
    bool verified = false;
};
using RowSources = std::map<std::int64_t, RowSource>;  // report id -> its source
// `received`: every received report (id -> signer fingerprint); one whose
// signer is no longer a contact is "not in your contacts" (contact id -1),
// never taken for the vault's own.
RowSources row_sources(const core::SourceIndex& index, const std::map<std::int64_t, std::string>& received);
// Zeroes the names (they are the organisation's words about people).
void wipe_sources(RowSources& sources) noexcept;

struct ReportFilter {
    std::int64_t case_id = -1;   // -1 = any case, 0 = no case
    std::optional<core::ReportStatus> status;  // nullopt = any
    std::string tactic;          // a tactic code the report lists; "" = any
    std::string date_from;       // as typed: any date core::parse_day_window reads; "" = open
    std::string date_to;
    bool with_attachments = false;
    std::optional<std::int64_t> source;  // a source's contact id; 0 = this vault's own reports; nullopt = anyone
    bool operator==(const ReportFilter&) const = default;
};

// In the order of the table's columns (a header click's index is its value).
enum class SortColumn { Id, Status, Occurred, Title, Files, From };

struct SortSpec {
    SortColumn column = SortColumn::Id;
    bool ascending = false;  // newest first by default
    bool operator==(const SortSpec&) const = default;
};

// Every index into `rows`, ordered by `sort` (ties by id). The slow part
// (100,000 rows: ~10 ms): done once per new rows or sort column, on the worker
// for new rows; a filter change only walks this order.
// `sources` is needed to sort by From (own reports first, then by source name).
std::vector<std::size_t> sort_rows(const std::vector<core::ReportSummary>& rows, const SortSpec& sort,
                                   const RowSources& sources = {});
// The entries of `sorted` whose rows pass `filter`, in the same order (linear).
std::vector<std::size_t> filter_rows(const std::vector<core::ReportSummary>& rows,
                                     const std::vector<std::size_t>& sorted, const ReportFilter& filter,
                                     const RowSources& sources = {});
// Both: indices into `rows` of those that pass `filter`, ordered by `sort`.
std::vector<std::size_t> filter_and_sort(const std::vector<core::ReportSummary>& rows, const ReportFilter& filter,
                                         const SortSpec& sort, const RowSources& sources = {});

}  // namespace fv::gui
