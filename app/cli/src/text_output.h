#pragma once
// Human-readable output: timestamps, tables and the full report view.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "fieldvault/core/audit.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/reports.h"

namespace fv::cli {


// "id  status  occurred  title" rows, with a header line.
// `word` ready to paste into a shell command line: as it is when it is plain,
// else in single quotes ("Rights Org" -> 'Rights Org').
std::string shell_word(const std::string& word);
void print_report_table(std::ostream& out, const std::vector<core::ReportSummary>& reports);
void print_report_detail(std::ostream& out, const core::ReportDetail& detail);
void print_audit_table(std::ostream& out, const std::vector<core::AuditEntry>& entries);

}  // namespace fv::cli
