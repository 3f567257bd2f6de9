#pragma once
// The printable record of a legal export (record.pdf): plain data in, a PDF
// out, drawn with cairo + pango so that Chinese, Uyghur (Arabic script, right
// to left) and Tibetan shape correctly with the system's fonts. The legal
// export service fills RecordDocument; this file only lays it out.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace fv::core::detail {

struct RecordField {
    std::string label;  // "Title", "What happened" (already translated)
    std::string value;  // in the report's own language, any length, may hold newlines
};

struct RecordEvidence {
    std::string file_name;  // as in evidence/
    std::uint64_t size = 0;
    std::string sha256;     // 64 hex digits, printed whole
    std::string note;       // e.g. "added 2026-03-14 18:30 (the sender's claim)"
};

// One report: its fields, its evidence, where it came from, what the audit log says of it.
struct RecordSection {
    std::string heading;                 // "Report 3 — 家人被警察约谈"
    std::vector<RecordField> fields;
    std::vector<RecordEvidence> evidence;
    std::vector<std::string> custody;    // one line per fact or hop, oldest first
    std::vector<std::string> audit;      // one line per relevant audit entry
};

struct RecordDocument {
    std::string title;                   // the cover page's title
    std::vector<RecordField> cover;      // what, for whom, when, exported by whom
    std::vector<RecordSection> reports;  // each starts on a new page
    std::string verify_heading;          // the last page: how to check this record
    std::vector<std::string> verify_paragraphs;
    // Section titles inside a report, translated by the caller.
    std::string evidence_heading = "Evidence";
    std::string custody_heading = "Where it came from";
    std::string audit_heading = "Audit log";
};

using RecordProgress = std::function<void(std::size_t done, std::size_t total)>;

// Writes the PDF (A4 portrait) to `out`, which must not exist yet. Long text
// wraps and flows over as many pages as it needs; every page is numbered.
// progress(done, total) is called after each report section. Throws
// fv::Error(Io) if the file cannot be written (nothing is left under `out`);
// like write_new_file (exclusive_file.h), Invalid if `out` exists (it is left
// as it was) and NotFound if its folder does not.
void write_record_pdf(const RecordDocument& doc, const std::filesystem::path& out,
                      const RecordProgress& progress = {});

}  // namespace fv::core::detail
