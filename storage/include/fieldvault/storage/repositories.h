#pragma once
// Typed access to the vault's tables. Repositories never open transactions of
// their own: the caller (app/core) wraps each user action in one Transaction so
// that it is stored whole or not at all.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <istream>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/crypto/hash.h"
#include "fieldvault/crypto/identity.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/records.h"

namespace fv::storage {

class CaseRepository {
public:
    explicit CaseRepository(Database& db) : db_(db) {}
    std::int64_t find_or_create(std::string_view name, std::int64_t now);
    std::optional<CaseRecord> find_by_name(std::string_view name);
    std::optional<CaseRecord> get(std::int64_t id);
    std::vector<CaseRecord> list();
    void rename(std::int64_t id, std::string_view new_name);

private:
    Database& db_;
};

class ReportRepository {
public:
    explicit ReportRepository(Database& db) : db_(db) {}
    // Inserts the report and its revision 1; returns the new id.
    std::int64_t create(std::int64_t case_id, const ReportContent& content, std::int64_t now);
    // Stores a new revision and makes it current. Throws fv::Error(Invalid) if final.
    void update(std::int64_t id, std::int64_t case_id, const ReportContent& content, std::int64_t now);
    void set_status(std::int64_t id, ReportStatus status, std::int64_t now);
    // A new revision of a received (final) report, from a later delivery by
    // its sender; it stays final. Throws fv::Error(NotFound).
    void add_received_revision(std::int64_t id, const ReportContent& content, std::int64_t now);
    // Moves the report to another case (0 = none). Grouping, not content: no
    // new revision, allowed for final reports too. Throws fv::Error(NotFound).
    void set_case(std::int64_t id, std::int64_t case_id, std::int64_t now);
    // The other cases a report is also in, besides its main case (schema v10),
    // in id order. Core keeps them apart from the main case.
    std::vector<std::int64_t> more_cases(std::int64_t id);
    void add_more_case(std::int64_t id, std::int64_t case_id, std::int64_t now);
    void remove_more_case(std::int64_t id, std::int64_t case_id);
    // Deletes a draft report and everything of it (revisions, fields, notes,
    // links, kept writing, search entry); returns its attachments' files for
    // the caller to remove after commit. Throws fv::Error(Invalid) unless the
    // report is a draft that never left this vault, NotFound if unknown.
    std::vector<std::filesystem::path> remove_draft(std::int64_t id);
    std::optional<ReportRecord> get(std::int64_t id);
    // List rows, most recently updated first, from report_summaries (schema v5:
    // narrow rows, so 100,000 of them read ~10 MB of pages, not each report's
    // full row). case_id: nullopt = all, 0 = reports without a case.
    std::vector<ReportSummary> list(std::optional<std::int64_t> case_id = std::nullopt);
    // The `limit` newest rows of list() and how many rows list() has.
    ReportSummaryPage list_first_page(std::size_t limit, std::optional<std::int64_t> case_id = std::nullopt);
    std::vector<RevisionRecord> revisions(std::int64_t id);
    // Full-text search over titles, narratives and translations, Chinese
    // substrings included. Returns matching report ids, most recent first.
    std::vector<std::int64_t> search(std::string_view query);
    // The same search, returning list rows in one query (no per-hit loading).
    std::vector<ReportSummary> search_summaries(std::string_view query);
    // The `limit` first rows of search_summaries(query) and its hit count,
    // without reading every hit's row: the FTS index gives the matching ids
    // (and so the count); a few hits are read and sorted, many are found by
    // walking the newest-first index until `limit` of them are seen.
    ReportSummaryPage search_first_page(std::string_view query, std::size_t limit);

private:
    Database& db_;
};

class AttachmentStore {
public:
    using Progress = std::function<void(std::uint64_t bytes_done)>;
    using Sink = std::function<void(std::span<const std::uint8_t> bytes)>;
    explicit AttachmentStore(Database& db) : db_(db) {}
    // Streams `in` in constant memory into a new encrypted file in the
    // database's blob folder, hashing as it goes; the row (with the file's key)
    // is part of the caller's transaction, and the file goes if it rolls back.
    std::int64_t import(std::int64_t report_id, std::istream& in, std::string_view name,
                        std::string_view media_type, std::int64_t now, const Progress& progress = {});
    // As import(), for bytes whose SHA-256 the stream itself checks: `in` must
    // fail (throw) before it ends if they differ from `sha256`, as the bundle
    // reader does. The recorded hash is `sha256`; the bytes are not hashed twice.
    std::int64_t import_verified(std::int64_t report_id, std::istream& in, std::string_view name,
                                 std::string_view media_type, const crypto::Sha256Digest& sha256, std::int64_t now,
                                 const Progress& progress = {});
    // Streams the original bytes to `out` / `sink`; throws fv::Error(Integrity)
    // if they were altered, cut or lost (the file's AEAD, and for attachments of
    // schema v1-v2 stored in chunks, the recorded size and SHA-256).
    void extract(std::int64_t attachment_id, std::ostream& out, const Progress& progress = {});
    void extract(std::int64_t attachment_id, const Sink& sink);
    std::optional<AttachmentRecord> get(std::int64_t attachment_id);
    std::vector<AttachmentRecord> list_for_report(std::int64_t report_id);
    // Deletes the row (its key with it: secure_delete zeroes it) and returns
    // the encrypted file it named, for the caller to remove once the
    // transaction has committed (nullopt for attachments stored in chunks).
    // Throws fv::Error(NotFound).
    std::optional<std::filesystem::path> remove(std::int64_t attachment_id);
    // Schema v11: the caption of each attachment ("" removes it).
    void set_caption(std::int64_t attachment_id, std::string_view caption);
    std::map<std::int64_t, std::string> captions_for_report(std::int64_t report_id);

private:
    std::int64_t store(std::int64_t report_id, std::istream& in, std::string_view name, std::string_view media_type,
                       const crypto::Sha256Digest* known_sha256, std::int64_t now, const Progress& progress);
    Database& db_;
};

class AuditLog {
public:
    explicit AuditLog(Database& db) : db_(db) {}
    void append(std::string_view action, std::string_view subject, std::string_view detail, std::int64_t now);
    std::vector<AuditEntry> entries();
    // Recomputes the chain; returns the seq of the first bad entry, or nullopt if whole.
    [[nodiscard]] std::optional<std::int64_t> verify();

private:
    Database& db_;
};

class IdentityRepository {
public:
    explicit IdentityRepository(Database& db) : db_(db) {}
    // Stores the vault's own identity (once); secrets stay inside the encrypted database.
    void store(const IdentityRecord& record, std::span<const std::uint8_t> signing_secret,
               std::span<const std::uint8_t> encryption_secret);
    std::optional<IdentityRecord> get();
    // The secret halves, for signing and opening bundles.
    std::optional<crypto::IdentityKeys> keys();

private:
    Database& db_;
};

class ContactRepository {
public:
    explicit ContactRepository(Database& db) : db_(db) {}
    std::int64_t add(const ContactRecord& contact);
    std::optional<ContactRecord> find_by_name(std::string_view name);
    std::vector<ContactRecord> list();
    void set_verified(std::int64_t id, bool verified);
    void rename(std::int64_t id, std::string_view name);
    void remove(std::int64_t id);

private:
    Database& db_;
};

}  // namespace fv::storage
