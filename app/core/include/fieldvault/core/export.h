#pragma once
// Export: chosen reports and their evidence into one sealed bundle, signed by
// this vault, readable only by the chosen contacts (docs/bundle-format.md).
// Sensitive fields stay out unless asked; the manifest says what was left out.
// Streams in constant memory; writes a temporary file and renames it, so an
// interrupted export never leaves a file under the final name.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "fieldvault/core/export_metadata.h"
#include "fieldvault/core/session.h"

namespace fv::core {

struct ExportRequest {
    // All: every report this vault wrote. Reports, Case and Source take
    // received reports too: they are forwarded with their sender's signature.
    enum class Scope { All, Reports, Case, Source };
    std::vector<std::string> recipients;   // contact names, 1..8
    Scope scope = Scope::Reports;
    std::vector<std::int64_t> report_ids;  // Scope::Reports
    std::string case_name;                 // Scope::Case
    std::string source_name;               // Scope::Source
    bool include_sensitive = false;
    bool include_attachments = true;
    // A name the sender chooses to state, signed, in the bundle ("" = none):
    // the receiver sees it as what the sender says they are.
    std::string stated_name;
    std::filesystem::path out;
};

struct ExportRecipient {
    std::string name;
    std::string fingerprint;
    bool verified = false;
};

// One report as the export will take it.
struct ExportPlanReport {
    std::int64_t id = 0;
    std::string title;                         // the vault's title (what the user knows it by)
    bool forwarded = false;                    // received: goes as its sender signed it, with their signature
    std::vector<std::string> left_out_fields;  // marked sensitive, staying in the vault
    // Of those, the ones whose words still appear in a field that goes out
    // (a relative's name told in the account): worth a gentle word before sending.
    std::vector<std::string> left_out_but_told;
    std::vector<std::string> sensitive_sent;   // marked sensitive, sent (the request includes them)
    bool case_name_left_out = false;           // in a case whose name stays in the vault
    std::size_t attachments = 0;               // evidence files going with it
    std::uint64_t attachment_bytes = 0;
    std::size_t attachments_left_out = 0;      // files staying in the vault
};

// Exactly what export_bundle will seal for the same request: the plan is
// computed by the same code, so what a preview shows is what leaves.
struct ExportPlan {
    std::vector<ExportRecipient> recipients;
    std::vector<ExportPlanReport> reports;
    ExportMetadata metadata;           // the note the manifest will carry
    std::uint64_t payload_bytes = 0;   // report documents and files, before encryption

    std::size_t attachments() const noexcept;
    std::uint64_t attachment_bytes() const noexcept;
    std::size_t attachments_left_out() const noexcept;
};

struct ExportResult {
    std::string bundle_id;    // hex
    std::uint64_t sequence = 0;
    std::string file_sha256;  // hex
    std::uint64_t file_size = 0;
    std::vector<ExportRecipient> recipients;
    std::vector<std::int64_t> report_ids;
    std::size_t attachments = 0;
    std::size_t redacted_reports = 0;  // reports with at least one field left out
};

class ExportService {
public:
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;
    explicit ExportService(Session& session) : session_(session) {}

    // Throws fv::Error(NotFound) for an unknown contact, report or case,
    // fv::Error(Invalid) for no recipient, more than 8, nothing to export, a
    // received report, or an existing output file. Records "export" in the
    // audit log (recipients' fingerprints, reports, bundle id, file SHA-256).
    ExportResult export_bundle(const ExportRequest& request, const Progress& progress = {});
    // The same checks and choices as export_bundle (recipients, reports,
    // redaction, files), with nothing written and nothing recorded. The
    // request's output path is not looked at.
    [[nodiscard]] ExportPlan plan(const ExportRequest& request);

private:
    Session& session_;
};

}  // namespace fv::core
