#include <vector>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/repositories.h"
#include "savepoint.h"

namespace fv::storage {

namespace {

// Fixed chunk size: 256 KiB keeps rows well under SQLite's blob limit and the
// per-row overhead small; the size is recorded per attachment so it may change.
constexpr std::size_t kChunkSize = 256 * 1024;

constexpr std::string_view kColumns = "id, report_id, name, media_type, size, sha256, created_at, chunk_size";

AttachmentRecord read_record(const Statement& stmt) {
    return AttachmentRecord{stmt.column_int(0),  stmt.column_int(1),
                            stmt.column_text(2), stmt.column_text(3),
                            static_cast<std::uint64_t>(stmt.column_int(4)), stmt.column_text(5),
                            stmt.column_int(6)};
}

void check_name(std::string_view name) {
    if (name.empty()) throw Error(ErrorKind::Invalid, "an attachment needs a file name");
    // Only the original file name is kept, never where it came from.
    if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos ||
        name.find('\0') != std::string_view::npos || name == "." || name == "..") {
        throw Error(ErrorKind::Invalid, "an attachment name must be a file name, not a path");
    }
}

// Reads until the buffer is full or the stream ends; returns the byte count.
std::size_t fill(std::istream& in, std::vector<std::uint8_t>& buffer) {
    std::size_t done = 0;
    while (done < buffer.size() && in) {
        in.read(reinterpret_cast<char*>(buffer.data() + done), static_cast<std::streamsize>(buffer.size() - done));
        done += static_cast<std::size_t>(in.gcount());
    }
    if (in.bad()) throw Error(ErrorKind::Io, "cannot read the file being attached");
    return done;
}

}  // namespace

std::int64_t AttachmentStore::import(std::int64_t report_id, std::istream& in, std::string_view name,
                                     std::string_view media_type, std::int64_t now, const Progress& progress) {
    check_name(name);
    {
        auto exists = db_.prepare("SELECT 1 FROM reports WHERE id = ?");
        exists.bind(1, report_id);
        if (!exists.step()) throw Error(ErrorKind::NotFound, "no such report");
    }
    detail::Savepoint scope(db_, "attachment_import");
    db_.prepare(
           "INSERT INTO attachments (report_id, name, media_type, size, sha256, chunk_size, created_at) "
           "VALUES (?, ?, ?, 0, '', ?, ?)")
        .bind(1, report_id)
        .bind(2, name)
        .bind(3, media_type)
        .bind(4, static_cast<std::int64_t>(kChunkSize))
        .bind(5, now)
        .run();
    const std::int64_t id = db_.last_insert_id();

    // One buffer and one prepared statement for the whole stream: constant memory.
    std::vector<std::uint8_t> buffer(kChunkSize);
    auto insert = db_.prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)");
    crypto::Sha256 hash;
    std::uint64_t total = 0;
    for (std::int64_t seq = 0;; ++seq) {
        const std::size_t n = fill(in, buffer);
        if (n == 0) break;
        const std::span<const std::uint8_t> chunk(buffer.data(), n);
        hash.update(chunk);
        insert.bind(1, id).bind(2, seq).bind_blob(3, chunk);
        insert.run();
        insert.reset();
        total += n;
        if (progress) progress(total);
        if (n < buffer.size()) break;
    }
    db_.prepare("UPDATE attachments SET size = ?, sha256 = ? WHERE id = ?")
        .bind(1, static_cast<std::int64_t>(total))
        .bind(2, crypto::to_hex(hash.finish()))
        .bind(3, id)
        .run();
    scope.release();
    return id;
}

void AttachmentStore::extract(std::int64_t attachment_id, std::ostream& out, const Progress& progress) {
    auto meta = db_.prepare("SELECT " + std::string(kColumns) + " FROM attachments WHERE id = ?");
    meta.bind(1, attachment_id);
    if (!meta.step()) throw Error(ErrorKind::NotFound, "no such attachment");
    const AttachmentRecord record = read_record(meta);
    const auto chunk_size = static_cast<std::uint64_t>(meta.column_int(7));

    auto chunks = db_.prepare("SELECT seq, data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq");
    chunks.bind(1, attachment_id);
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
        out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
        if (!out) throw Error(ErrorKind::Io, "cannot write the extracted attachment");
        total += data.size();
        ++expected_seq;
        if (progress) progress(total);
    }
    if (total != record.size) throw Error(ErrorKind::Integrity, "the attachment is truncated");
    if (crypto::to_hex(hash.finish()) != record.sha256) {
        throw Error(ErrorKind::Integrity, "the attachment does not match its recorded SHA-256");
    }
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

}  // namespace fv::storage
