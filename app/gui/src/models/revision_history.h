#pragma once
// The revisions of a report: number, when it was saved, the start of its
// content hash, and which fields changed from the revision before.
#include <string>
#include <vector>

#include "app/app_state.h"
#include "fieldvault/core/reports.h"

namespace fv::gui {

// Labels of the fields that differ between two versions of a report, in
// form order ("Title", "Perpetrators", ...); empty if none differ.
std::vector<std::string> changed_fields(const core::ReportContent& before, const core::ReportContent& after);
// A table of `revisions` (oldest first, as ReportService returns them),
// newest shown first.
void draw_revision_history(AppState& state, const std::vector<core::RevisionRecord>& revisions);

}  // namespace fv::gui
