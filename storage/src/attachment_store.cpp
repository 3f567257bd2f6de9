#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <filesystem>
#include <vector>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/repositories.h"
#include "blob_file.h"
#include "fieldvault/crypto/blob_cipher.h"
#include "savepoint.h"

namespace fv::storage {

namespace {

constexpr std::string_view kColumns = "id, report_id, name, media_type, size, sha256, created_at, chunk_size";

AttachmentRecord read_record(const Statement& stmt) {
    return AttachmentRecord{stmt.column_int(0),  stmt.column_int(1),
                            stmt.column_text(2), stmt.column_text(3),
                            static_cast<std::uint64_t>(stmt.column_int(4)), stmt.column_text(5),
                            stmt.column_int(6), {}};
}

void check_name(std::string_view name) {
    if (name.empty()) throw Error(ErrorKind::Invalid, "an attachment needs a file name");
    // Only the original file name is kept, never where it came from.
    if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos ||
        name.find('\0') != std::string_view::npos || name == "." || name == "..") {
        throw Error(ErrorKind::Invalid, "an attachment name must be a file name, not a path");
    }
}

// Attachments of schema v1-v2: bytes in attachment_chunks rows, checked
// against the recorded size and SHA-256 (no AEAD of their own but SQLCipher's).
void extract_chunks(Database& db, const AttachmentRecord& record, std::uint64_t chunk_size,
                    const AttachmentStore::Sink& sink) {
    auto chunks = db.prepare("SELECT seq, data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq");
    chunks.bind(1, record.id);
    crypto::Sha256 hash;
    std::uint64_t total = 0;
    std::int64_t expected_seq = 0;
    while (chunks.step()) {
        if (chunks.column_int(0) != expected_seq) throw Error(ErrorKind::Integrity, "an attachment chunk is missing");
        const auto data = chunks.column_blob(1);
        // Every chunk but the last is full; none is empty; the sum is the recorded size.
        if (data.empty() || data.size() > chunk_size || total + data.size() > record.size ||
            (data.size() < chunk_size && total + data.size() != record.size)) {
            throw Error(ErrorKind::Integrity, "an attachment chunk has the wrong size");
        }
        hash.update(data);
        sink(data);
        total += data.size();
        ++expected_seq;
    }
    if (total != record.size) throw Error(ErrorKind::Integrity, "the attachment is truncated");
    if (crypto::to_hex(hash.finish()) != record.sha256) {
        throw Error(ErrorKind::Integrity, "the attachment does not match its recorded SHA-256");
    }
}

}  // namespace

std::int64_t AttachmentStore::import(std::int64_t report_id, std::istream& in, std::string_view name,
                                     std::string_view media_type, std::int64_t now, const Progress& progress) {
    return store(report_id, in, name, media_type, nullptr, now, progress);
}

std::int64_t AttachmentStore::import_verified(std::int64_t report_id, std::istream& in, std::string_view name,
                                              std::string_view media_type, const crypto::Sha256Digest& sha256,
                                              std::int64_t now, const Progress& progress) {
    return store(report_id, in, name, media_type, &sha256, now, progress);
}

std::int64_t AttachmentStore::store(std::int64_t report_id, std::istream& in, std::string_view name,
                                    std::string_view media_type, const crypto::Sha256Digest* known_sha256,
                                    std::int64_t now, const Progress& progress) {
    check_name(name);
    const auto& folder = db_.blob_folder();
    {
        auto exists = db_.prepare("SELECT 1 FROM reports WHERE id = ?");
        exists.bind(1, report_id);
        if (!exists.step()) throw Error(ErrorKind::NotFound, "no such report");
    }
    // Outside a transaction the savepoint below is the transaction: its release
    // commits, so the file needs no tracking.
    const bool in_transaction = sqlite3_get_autocommit(db_.handle()) == 0;
    detail::Savepoint scope(db_, "attachment_import");
    const auto key = crypto::new_blob_key();
    const auto file_name = detail::new_blob_file_name();
    // The row first: it takes the write lock, so a sweep by another program
    // (detail::quarantine_orphan_blobs) waits for this transaction before judging the file.
    db_.prepare(
           "INSERT INTO attachments (report_id, name, media_type, size, sha256, chunk_size, created_at, blob_file, "
           "blob_key) VALUES (?, ?, ?, 0, '', ?, ?, ?, ?)")
        .bind(1, report_id)
        .bind(2, name)
        .bind(3, media_type)
        .bind(4, static_cast<std::int64_t>(crypto::kBlobChunkBytes))
        .bind(5, now)
        .bind(6, file_name)
        .bind_blob(7, key.reveal())
        .run();
    const std::int64_t id = db_.last_insert_id();

    const auto path = folder / file_name;
    crypto::Sha256 hash;
    const auto total = detail::write_blob(path, key, in, known_sha256 == nullptr ? &hash : nullptr, progress);
    try {
        const auto digest = known_sha256 == nullptr ? hash.finish() : *known_sha256;
        db_.prepare("UPDATE attachments SET size = ?, sha256 = ? WHERE id = ?")
            .bind(1, static_cast<std::int64_t>(total))
            .bind(2, crypto::to_hex(digest))
            .bind(3, id)
            .run();
        scope.release();
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        throw;
    }
    if (in_transaction) db_.track_uncommitted_file(path);
    return id;
}

void AttachmentStore::extract(std::int64_t attachment_id, std::ostream& out, const Progress& progress) {
    std::uint64_t total = 0;
    extract(attachment_id, [&](std::span<const std::uint8_t> data) {
        out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
        if (!out) throw Error(ErrorKind::Io, "cannot write the extracted attachment");
        total += data.size();
        if (progress) progress(total);
    });
}

void AttachmentStore::extract(std::int64_t attachment_id, const Sink& sink) {
    auto meta = db_.prepare("SELECT " + std::string(kColumns) + ", blob_file, blob_key FROM attachments WHERE id = ?");
    meta.bind(1, attachment_id);
    if (!meta.step()) throw Error(ErrorKind::NotFound, "no such attachment");
    const AttachmentRecord record = read_record(meta);
    const auto chunk_size = static_cast<std::uint64_t>(meta.column_int(7));
    if (meta.column_is_null(8)) {
        extract_chunks(db_, record, chunk_size, sink);
        return;
    }
    const auto file_name = meta.column_text(8);
    if (!detail::is_blob_file_name(file_name)) throw Error(ErrorKind::Integrity, "an attachment row is damaged");
    const auto key = crypto::SecretBuffer::from_bytes(meta.column_blob(9));
    meta.reset();  // the key's copy inside SQLite's row buffer is released now
    detail::read_blob(db_.blob_folder() / file_name, key, record.size, sink);
}

std::optional<AttachmentRecord> AttachmentStore::get(std::int64_t attachment_id) {
    auto stmt = db_.prepare("SELECT " + std::string(kColumns) + " FROM attachments WHERE id = ?");
    stmt.bind(1, attachment_id);
    if (!stmt.step()) return std::nullopt;
    return read_record(stmt);
}

std::vector<AttachmentRecord> AttachmentStore::list_for_report(std::int64_t report_id) {
    auto stmt = db_.prepare("SELECT " + std::string(kColumns) + " FROM attachments WHERE report_id = ? ORDER BY id");
    stmt.bind(1, report_id);
    std::vector<AttachmentRecord> out;
    while (stmt.step()) out.push_back(read_record(stmt));
    return out;
}

std::optional<std::filesystem::path> AttachmentStore::remove(std::int64_t attachment_id) {
    auto stmt = db_.prepare("SELECT blob_file FROM attachments WHERE id = ?");
    stmt.bind(1, attachment_id);
    if (!stmt.step()) throw Error(ErrorKind::NotFound, "no such attachment");
    std::optional<std::filesystem::path> file;
    if (!stmt.column_is_null(0)) {
        const auto name = stmt.column_text(0);
        if (!detail::is_blob_file_name(name)) throw Error(ErrorKind::Integrity, "an attachment row is damaged");
        file = db_.blob_folder() / name;
    }
    stmt.reset();
    // secure_delete zeroes the row, and with it the file's key: what is left
    // of the file on disk can no longer be read by anyone.
    db_.prepare("DELETE FROM attachments WHERE id = ?").bind(1, attachment_id).run();
    return file;
}

void AttachmentStore::set_caption(std::int64_t attachment_id, std::string_view caption) {
    if (caption.empty()) {
        db_.prepare("DELETE FROM attachment_captions WHERE attachment_id = ?").bind(1, attachment_id).run();
        return;
    }
    // SQLCipher 3.4's SQLite has no upsert; the row holds nothing else.
    db_.prepare("INSERT OR REPLACE INTO attachment_captions (attachment_id, caption) VALUES (?, ?)")
        .bind(1, attachment_id)
        .bind(2, caption)
        .run();
}

std::map<std::int64_t, std::string> AttachmentStore::captions_for_report(std::int64_t report_id) {
    auto stmt = db_.prepare(
        "SELECT c.attachment_id, c.caption FROM attachment_captions c JOIN attachments a ON a.id = c.attachment_id "
        "WHERE a.report_id = ?");
    stmt.bind(1, report_id);
    std::map<std::int64_t, std::string> out;
    while (stmt.step()) out.emplace(stmt.column_int(0), stmt.column_text(1));
    return out;
}

}  // namespace fv::storage
