#pragma once
// The --json documents (shapes in docs/cli.md). Keys keep the order written
// here (ordered_json), so the output is stable and diffable.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fieldvault/core/audit.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/reports.h"

namespace fv::cli {

using Json = nlohmann::ordered_json;
using CaseNames = std::map<std::int64_t, std::string>;

Json summary_json(const core::ReportSummary& summary, const CaseNames& cases);
Json reports_json(const std::vector<core::ReportSummary>& reports, const CaseNames& cases);
// Adds the report fields (flat keys, as in docs/cli.md) to a document.
void append_content(Json& document, const core::ReportContent& content);
Json report_detail_json(const core::ReportDetail& detail);
Json attachment_json(const core::AttachmentRecord& attachment);
Json audit_json(const std::vector<core::AuditEntry>& entries);
Json identity_json(const core::OwnIdentity& identity);

// Writes one document and a newline; any invalid UTF-8 (none should reach
// here: core validates) is replaced rather than aborting the output.
void print_json(std::ostream& out, const Json& document);

}  // namespace fv::cli
