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

#include "fieldvault/core/session.h"

namespace fv::core {

struct ExportRequest {
    enum class Scope { All, Reports, Case };
    std::vector<std::string> recipients;   // contact names, 1..8
    Scope scope = Scope::Reports;
    std::vector<std::int64_t> report_ids;  // Scope::Reports
    std::string case_name;                 // Scope::Case
    bool include_sensitive = false;
    bool include_attachments = true;
    std::filesystem::path out;
};

struct ExportRecipient {
    std::string name;
    std::string fingerprint;
    bool verified = false;
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

private:
    Session& session_;
};

}  // namespace fv::core
