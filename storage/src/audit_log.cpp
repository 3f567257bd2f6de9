#include <array>

#include "audit_hash.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/repositories.h"

namespace fv::storage {

namespace detail {

namespace {

void put_u64(crypto::Sha256& hash, std::uint64_t value) {
    std::array<std::uint8_t, 8> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(value >> (56 - 8 * i));
    hash.update(bytes);
}

void put_field(crypto::Sha256& hash, std::string_view field) {
    put_u64(hash, field.size());
    hash.update(field);
}

}  // namespace

std::string audit_entry_hash(std::int64_t seq, std::int64_t at, std::string_view action, std::string_view subject,
                             std::string_view detail, std::string_view prev_hash) {
    crypto::Sha256 hash;
    put_field(hash, "fieldvault-audit-v1");
    put_u64(hash, static_cast<std::uint64_t>(seq));
    put_u64(hash, static_cast<std::uint64_t>(at));
    put_field(hash, action);
    put_field(hash, subject);
    put_field(hash, detail);
    put_field(hash, prev_hash);
    return crypto::to_hex(hash.finish());
}

}  // namespace detail

void AuditLog::append(std::string_view action, std::string_view subject, std::string_view detail,
                      std::int64_t now) {
    std::int64_t seq = 1;
    std::string prev_hash(detail::kAuditGenesisHash);
    {
        auto last = db_.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            seq = last.column_int(0) + 1;
            prev_hash = last.column_text(1);
        }
    }
    const auto hash = detail::audit_entry_hash(seq, now, action, subject, detail, prev_hash);
    db_.prepare("INSERT INTO audit_log (seq, at, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, seq)
        .bind(2, now)
        .bind(3, action)
        .bind(4, subject)
        .bind(5, detail)
        .bind(6, prev_hash)
        .bind(7, hash)
        .run();
    db_.note_audit_append();
}

std::vector<AuditEntry> AuditLog::entries() {
    auto stmt = db_.prepare("SELECT seq, at, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq");
    std::vector<AuditEntry> out;
    while (stmt.step()) {
        out.push_back(AuditEntry{stmt.column_int(0), stmt.column_int(1), stmt.column_text(2), stmt.column_text(3),
                                 stmt.column_text(4), stmt.column_text(5), stmt.column_text(6)});
    }
    return out;
}

std::optional<std::int64_t> AuditLog::verify() {
    auto stmt = db_.prepare("SELECT seq, at, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq");
    std::int64_t expected_seq = 1;
    std::string prev_hash(detail::kAuditGenesisHash);
    while (stmt.step()) {
        const std::int64_t seq = stmt.column_int(0);
        // A gap (a deleted entry) shows as the next entry's seq being off.
        if (seq != expected_seq) return seq;
        const std::string stored_prev = stmt.column_text(5);
        const std::string stored_hash = stmt.column_text(6);
        const auto recomputed = detail::audit_entry_hash(seq, stmt.column_int(1), stmt.column_text(2),
                                                         stmt.column_text(3), stmt.column_text(4), stored_prev);
        if (stored_prev != prev_hash || stored_hash != recomputed) return seq;
        prev_hash = stored_hash;
        ++expected_seq;
    }
    return std::nullopt;
}

}  // namespace fv::storage
