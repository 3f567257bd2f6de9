#pragma once
// The domain model's records (fieldvault/model/records.h), named in core as
// the faces use them: core::ReportContent, core::AttachmentRecord, ...
#include "fieldvault/model/records.h"

namespace fv::core {

using model::AttachmentRecord;
using model::AuditEntry;
using model::CaseRecord;
using model::Identifier;
using model::Perpetrator;
using model::RelativePressured;
using model::ReportContent;
using model::ReportedTo;
using model::ReportRecord;
using model::ReportSummary;
using model::ReportSummaryPage;
using model::RevisionRecord;
using model::Witness;
using model::ReportStatus;
using model::status_code;
using model::parse_status;

}  // namespace fv::core
