#pragma once
// What a bundle's manifest metadata says about the export (schema
// "fieldvault-export", docs/cli.md "export"): how many reports and files,
// whether sensitive fields and evidence files went along, and which fields were
// left out of which report. The exporter writes it; the importer, the GUI and
// the CLI read it typed, through decode_export_metadata.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fv::core {

struct RedactedItem {
    std::string item_id;              // the report's item in the bundle
    std::vector<std::string> fields;  // sensitive field names left out
};

struct ExportMetadata {
    std::size_t reports = 0;
    std::size_t attachments = 0;
    std::size_t proofs = 0;  // first senders' signatures carried for forwarded reports
    bool sensitive_included = false;
    bool attachments_included = true;
    std::uint64_t attachments_left_out = 0;
    std::vector<RedactedItem> redacted;
    // The name the sender chose to state ("" = none); signed with the rest.
    std::string sender_name;
    // A long redacted list is replaced by its count to fit the manifest's
    // 64 KiB bound; the per-report documents still say what each lacks.
    std::size_t redacted_reports_not_listed = 0;

    // Reports with at least one field left out (listed or counted).
    std::size_t redacted_report_count() const noexcept { return redacted.size() + redacted_reports_not_listed; }
    // Every field name left out of any listed report, each once, first seen first.
    std::vector<std::string> redacted_field_names() const;
};

// The sender's metadata as read: `readable` is false when the text is not the
// JSON this version writes (an older or foreign sender); `text` is kept as sent.
struct ReceivedExportMetadata {
    ExportMetadata metadata;
    bool readable = false;
    std::string text;
};

// A stated sender name fit to show: 1..100 bytes of UTF-8 without controls,
// bidi marks, slashes or "..".
bool is_plain_name(std::string_view name);

std::string encode_export_metadata(const ExportMetadata& metadata);
// Never throws for bad input: the signature already vouches for who sent it,
// and a note we cannot read must not stop a bundle from being verified.
ReceivedExportMetadata decode_export_metadata(std::string_view text);

}  // namespace fv::core
