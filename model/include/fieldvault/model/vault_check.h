#pragma once
// What a whole-vault check found (storage runs it, app/core offers it as
// core::VaultCheckReport, the faces show it). Plain data: codes and ids, never
// sentences for people (each face words the kinds itself, so they can be
// translated), and the database's own messages as they are.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fv::model {

// One thing the check noticed. New check sections add kinds here (and a
// section that ran, below); nothing else in the result needs to change.
enum class CheckFindingKind {
    DatabaseDamaged,        // a message of SQLite/SQLCipher's integrity check, or the error that stopped it
    AttachmentDamaged,      // bytes that fail authentication, the recorded size or SHA-256
    AttachmentMissing,      // the attachment's encrypted file is not in blobs/
    AttachmentsUnreadable,  // the list of attachments itself could not be read
    AuditChainBroken,       // the audit log's hash chain breaks at an entry
    AuditUnreadable,        // the audit log could not be read
    UnreferencedFile,       // a file in blobs/ that no attachment names (not damage; left as it is)
    FreshnessFailed,        // vault.anchor does not match the database (an older copy put back?)
};

// False only for findings that say nothing is lost or altered (an
// unreferenced file): they are listed but the vault still counts as intact.
constexpr bool is_damage(CheckFindingKind kind) noexcept { return kind != CheckFindingKind::UnreferencedFile; }

// Stable codes for --json and scripts: "database_damaged", "attachment_damaged", ...
constexpr std::string_view check_finding_code(CheckFindingKind kind) noexcept {
    switch (kind) {
        case CheckFindingKind::DatabaseDamaged: return "database_damaged";
        case CheckFindingKind::AttachmentDamaged: return "attachment_damaged";
        case CheckFindingKind::AttachmentMissing: return "attachment_missing";
        case CheckFindingKind::AttachmentsUnreadable: return "attachments_unreadable";
        case CheckFindingKind::AuditChainBroken: return "audit_chain_broken";
        case CheckFindingKind::AuditUnreadable: return "audit_unreadable";
        case CheckFindingKind::UnreferencedFile: return "unreferenced_file";
        case CheckFindingKind::FreshnessFailed: return "freshness_failed";
    }
    return "unknown";
}


struct CheckFinding {
    CheckFindingKind kind = CheckFindingKind::DatabaseDamaged;
    // Attachments: which one, in which report (0 = not about an attachment).
    std::int64_t attachment_id = 0;
    std::int64_t report_id = 0;
    std::string attachment_name;
    // The audit log: the first entry that does not fit the chain (0 = none),
    // with its action and time as stored (they may be the altered fields).
    std::int64_t audit_seq = 0;
    std::string audit_action;
    std::int64_t audit_at = 0;
    // A file of blobs/ (the attachment's, or the unreferenced one).
    std::string file_name;
    // What SQLite, SQLCipher or the attachment reader said (no report content).
    std::string message;
};

// The parts of the vault a check covers; a part that could not run says so.
enum class CheckSection { Database, Attachments, AuditLog, Files, Freshness };
// "database", "attachments", "audit_log", "files", "freshness"
constexpr std::string_view check_section_code(CheckSection section) noexcept {
    switch (section) {
        case CheckSection::Database: return "database";
        case CheckSection::Attachments: return "attachments";
        case CheckSection::AuditLog: return "audit_log";
        case CheckSection::Files: return "files";
        case CheckSection::Freshness: return "freshness";
    }
    return "unknown";
}


struct CheckSectionResult {
    CheckSection section = CheckSection::Database;
    bool ran = false;       // false: skipped (see `why_skipped`), its part is unknown, not intact
    std::string why_skipped;
};

struct VaultCheckResult {
    // Database: b-tree pages read (page_count - freelist_count) and free-list
    // pages (not read: they hold no data).
    std::uint64_t database_pages = 0;
    std::uint64_t database_free_pages = 0;
    std::uint32_t page_size = 0;
    // Attachments: how many were read end to end, their plaintext bytes.
    std::size_t attachments = 0;
    std::uint64_t attachment_bytes = 0;
    std::size_t audit_entries = 0;
    std::size_t blob_files = 0;  // files in blobs/ looked at
    std::vector<CheckSectionResult> sections;
    std::vector<CheckFinding> findings;

    bool intact() const noexcept {
        for (const auto& f : findings)
            if (is_damage(f.kind)) return false;
        return true;
    }
    // True when every section ran (a skipped one leaves its part unchecked).
    bool complete() const noexcept {
        for (const auto& s : sections)
            if (!s.ran) return false;
        return true;
    }
};

}  // namespace fv::model
