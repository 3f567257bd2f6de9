#pragma once
// Storage persists the records of the shared model (fieldvault/model/records.h);
// these declarations let code below app/core keep spelling them storage::X.
#include "fieldvault/model/records.h"

namespace fv::storage {

using model::AttachmentRecord;
using model::AuditEntry;
using model::CaseRecord;
using model::ContactRecord;
using model::IdentityRecord;
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

}  // namespace fv::storage
