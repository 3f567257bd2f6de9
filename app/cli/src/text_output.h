#pragma once
// Human-readable output: timestamps, tables and the full report view.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "fieldvault/core/audit.h"
#include "fieldvault/core/reports.h"

namespace fv::cli {

// Unix seconds as ISO-8601 UTC, e.g. "2026-03-14T18:30:00Z".
std::string iso_utc(std::int64_t seconds);

// "id  status  occurred  title" rows, with a header line.
void print_report_table(std::ostream& out, const std::vector<core::ReportSummary>& reports);
void print_report_detail(std::ostream& out, const core::ReportDetail& detail);
void print_audit_table(std::ostream& out, const std::vector<core::AuditEntry>& entries);

}  // namespace fv::cli
