#pragma once
// What a legal export writes, gathered once per report and rendered four
// ways: reports.json, reports.csv, the printable record and HOW-TO-CHECK.txt.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundle_document.h"
#include "fieldvault/core/annotations.h"
#include "fieldvault/core/custody.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/legal_export.h"
#include "fieldvault/core/records.h"
#include "fieldvault/core/sources.h"
#include "record_pdf.h"

namespace fv::core::detail {

struct EvidenceFile {
    std::int64_t report_id = 0;
    AttachmentRecord attachment;
    std::string file_name;  // in evidence/
};

struct LegalReport {
    ReportRecord report;
    std::string case_name;
    ReportDocument document;              // as in reports.json (nothing left out)
    std::optional<Source> source;         // who sent it (received reports)
    std::vector<Delivery> deliveries;     // each arrival, oldest first
    std::vector<EvidenceFile> files;
    std::vector<AuditEntry> audit;        // entries about the report or its files
    std::vector<std::string> proof_bundles;
    std::optional<AnnotationRevision> annotation;  // the exporting organisation's own notes
};

LegalReport gather_legal_report(Session& session, std::int64_t id, const std::vector<EvidenceFile>& evidence);
std::string reports_json(const std::vector<LegalReport>& reports);
std::string reports_csv(const std::vector<LegalReport>& reports);
RecordDocument legal_record(const std::vector<LegalReport>& reports, const LegalExportRequest& request,
                            const OwnIdentity& exporter, std::int64_t now, std::size_t proofs);
std::string how_to_check_text(const RecordDocument& record);
std::string sha256_of_file(const std::filesystem::path& file);

}  // namespace fv::core::detail
