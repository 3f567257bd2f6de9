#pragma once
// The court-ready record (docs/cli.md "legal-export"; its proofs/ folder:
// docs/bundle-format.md): chosen reports into a new
// folder of plain files a lawyer can read, print and check without
// Fieldvault: record.pdf, evidence/ with SHA256SUMS, reports.json (report
// documents, docs/report-document.md), reports.csv, and proofs/ (the original
// senders' signatures, checked by `proof verify` or by hand). Everything is
// written into a hidden folder beside the destination and renamed into place
// only when complete; the legal_export audit entry commits just before.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "fieldvault/core/session.h"

namespace fv::core {

struct LegalExportRequest {
    enum class Scope { Case, Reports, Source };
    Scope scope = Scope::Reports;
    std::string case_name;                 // Scope::Case
    std::vector<std::int64_t> report_ids;  // Scope::Reports
    std::string source_name;               // Scope::Source
    std::string prepared_for;              // "for whom" on the cover page ("" = not said)
    std::filesystem::path out;             // must not exist, or be an empty folder
};

struct LegalExportResult {
    std::filesystem::path out;
    std::vector<std::int64_t> report_ids;
    std::size_t evidence_files = 0;
    std::size_t unsigned_evidence_files = 0;  // of this vault's own reports: no sender's signature covers them
    std::size_t proofs = 0;                // signed bundles kept in proofs/
    std::string record_sha256;             // of record.pdf
    std::string sums_sha256;               // of evidence/SHA256SUMS
};

class LegalExportService {
public:
    // done/total in steps: one per evidence file and one per report page set.
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;
    explicit LegalExportService(Session& session) : session_(session) {}

    // Throws fv::Error(Invalid) for a non-empty folder or nothing selected,
    // NotFound for an unknown case, source or report, Io for a write failure;
    // on any failure nothing is left at `out` and nothing is recorded.
    LegalExportResult run(const LegalExportRequest& request, const Progress& progress = {});

private:
    Session& session_;
};

}  // namespace fv::core
