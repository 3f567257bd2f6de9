#pragma once
// What travels inside a bundle besides raw attachment bytes: one JSON document
// per report (schema "fieldvault-report", version 3; versions 1 and 2 are still read); the manifest metadata is
// fieldvault/core/export_metadata.h. The layouts are documented in docs/cli.md ("export").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/storage/records.h"

namespace fv::core::detail {

inline constexpr int kReportDocumentVersion = 3;
inline constexpr int kOldestReportDocumentVersion = 1;
// A report document larger than this is refused before it is read into memory.
inline constexpr std::uint64_t kMaxReportDocumentBytes = 16u << 20;

struct DocumentAttachment {
    std::string item_id;  // the bundle item that carries the bytes
    std::string name;
    std::string media_type;
    std::uint64_t size = 0;
    std::string sha256;  // hex
    std::int64_t added_at = 0;  // when it was attached (the sender's claim; v2)
    std::string caption;        // what the file shows, in the sender's words ("" for none; v3)
};

// A caption as a vault keeps one: valid UTF-8, one line (no control
// characters below U+0020), at most kMaxCaptionBytes bytes.
inline constexpr std::size_t kMaxCaptionBytes = 500;
bool is_valid_caption(std::string_view caption);

// One revision of the sender's history: its number, time and content hash.
struct DocumentRevision {
    std::int64_t number = 0;
    std::int64_t created_at = 0;
    std::string sha256;  // hex SHA-256 of that revision's canonical content (unredacted)
    bool operator==(const DocumentRevision&) const = default;
};

// A forwarded report: the proof items (kind "proof", earlier in the same
// bundle) that carry its first sender's signature, oldest first; the last one
// signed exactly this content as report item `item`. v2; absent for a report
// the signer wrote.
struct DocumentOrigin {
    std::vector<std::string> proofs;  // proof item ids in this bundle
    std::string item;                 // the report's item id in the last proof's manifest
    std::int64_t received_at = 0;     // when the forwarder received it (its claim)
    bool operator==(const DocumentOrigin&) const = default;
};

struct ReportDocument {
    int schema_version = kReportDocumentVersion;  // as read (1 or 2)
    std::string report_uid;       // 32 hex: the report's identity across vaults ("" in v1)
    std::string revision_sha256;  // hex SHA-256 of content as sent ("" in v1)
    std::vector<DocumentRevision> revisions;  // the sender's history (empty in v1)
    std::optional<DocumentOrigin> origin;     // set when the signer forwards someone else's report
    model::ReportStatus status = model::ReportStatus::Draft;  // the sender's status
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t revision = 0;
    std::string case_name;  // only when sensitive fields are included
    storage::ReportContent content;
    std::vector<std::string> redacted_fields;  // sensitive fields blanked by the sender
    std::vector<DocumentAttachment> attachments;
    std::uint64_t attachments_left_out = 0;  // --no-attachments
};

// Blanks every field marked sensitive; returns their names. A redacted title
// becomes "[redacted]" (a report always has a title).
std::vector<std::string> redact_sensitive(storage::ReportContent& content);

std::string encode_report_document(const ReportDocument& doc);
// Strict: schema, version, key set and types. Throws fv::Error(Integrity)
// naming the problem (never a value): the sender signed a malformed document.
ReportDocument decode_report_document(std::string_view text);

}  // namespace fv::core::detail
