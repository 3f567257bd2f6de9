#pragma once
// Marks received reports in report list / show / search output: additive keys
// "received" and "signer_fingerprint" (and "provenance" in show --json), and a
// line in the text output. Own reports get "received": false.
#include <cstdint>
#include <ostream>
#include <vector>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "json_output.h"

namespace fv::cli {

// `document` is a reports_json() document ({"reports": [...]}).
void mark_received_in_list(Json& document, core::Session& session);
// `document` is a report_detail_json() document.
void mark_received_in_detail(Json& document, core::Session& session, std::int64_t report_id);
void print_received_note_for_list(std::ostream& out, core::Session& session,
                                  const std::vector<core::ReportSummary>& reports);
void print_received_note_for_detail(std::ostream& out, core::Session& session, std::int64_t report_id);

}  // namespace fv::cli
