#pragma once
// The report document (docs/report-document.md) of a stored report: what an
// export sends (before it redacts and lists files) and what a legal export
// writes to reports.json. One builder, so the two never drift apart.
#include <cstdint>

#include "bundle_document.h"
#include "fieldvault/storage/database.h"

namespace fv::core::detail {

// Status, times, revision, case name, content, stable id and revision
// history of report `id`; no attachments. `assign_uid`: give an own report
// its stable id now (an export); else a stand-in of zeros if it has none.
// Throws fv::Error(NotFound).
ReportDocument build_report_document(storage::Database& db, std::int64_t id, bool assign_uid);
// Sets revision_sha256 from the content as it now is (call after redacting).
void seal_revision_hash(ReportDocument& doc);

}  // namespace fv::core::detail
