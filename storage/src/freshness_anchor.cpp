#include "freshness_anchor.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>

#include "audit_hash.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/mac.h"
#include "fieldvault/crypto/random.h"
#include "fieldvault/model/error.h"
#include "file_io.h"

namespace fv::storage::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "FVANCHR1";  // 8 bytes: name and version 1
constexpr std::string_view kMacContext = "fieldvault-anchor-v1";
constexpr std::string_view kKeyName = "anchor_key";
constexpr std::string_view kTempPrefix = "vault.anchor.";
constexpr std::string_view kTempSuffix = ".tmp";

void put_u64(std::string& out, std::uint64_t value) {
    for (int i = 7; i >= 0; --i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t get_u64(std::string_view in) {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<std::uint8_t>(in[static_cast<std::size_t>(i)]);
    return value;
}

std::span<const std::uint8_t> as_bytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

crypto::Mac256 anchor_mac(const crypto::SecretBuffer& key, std::string_view body) {
    return crypto::keyed_mac(key, kMacContext, as_bytes(body));
}

}  // namespace

AuditHead read_audit_head(Database& db) {
    auto stmt = db.prepare("SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!stmt.step()) return AuditHead{0, 0, std::string(kAuditGenesisHash)};
    return AuditHead{stmt.column_int(0), stmt.column_int(1), stmt.column_text(2)};
}

std::optional<AuditHead> read_audit_entry(Database& db, std::int64_t seq) {
    if (seq == 0) return AuditHead{0, 0, std::string(kAuditGenesisHash)};
    auto stmt = db.prepare("SELECT seq, at, hash FROM audit_log WHERE seq = ?");
    stmt.bind(1, seq);
    if (!stmt.step()) return std::nullopt;
    return AuditHead{stmt.column_int(0), stmt.column_int(1), stmt.column_text(2)};
}

std::optional<crypto::SecretBuffer> load_anchor_key(Database& db) {
    auto stmt = db.prepare("SELECT value FROM vault_meta WHERE name = ?");
    stmt.bind(1, kKeyName);
    if (!stmt.step()) return std::nullopt;
    const auto bytes = stmt.column_blob(0);
    if (bytes.size() != 32) throw Error(ErrorKind::Integrity, "the vault's anchor key is damaged");
    return crypto::SecretBuffer::from_bytes(bytes);
}

crypto::SecretBuffer create_anchor_key(Database& db) {
    crypto::SecretBuffer key(32);
    crypto::random_bytes(key.mutable_bytes());
    db.prepare("INSERT INTO vault_meta (name, value) VALUES (?, ?)").bind(1, kKeyName).bind_blob(2, key.reveal()).run();
    return key;
}

std::string serialize_anchor(const AuditHead& head, const crypto::SecretBuffer& key) {
    const auto hash = crypto::from_hex(head.hash);
    if (hash.size() != 32) throw Error(ErrorKind::Integrity, "the audit log's head hash is malformed");
    std::string out(kMagic);
    put_u64(out, static_cast<std::uint64_t>(head.seq));
    put_u64(out, static_cast<std::uint64_t>(head.at));
    out.append(reinterpret_cast<const char*>(hash.data()), hash.size());
    const auto mac = anchor_mac(key, out);
    out.append(reinterpret_cast<const char*>(mac.data()), mac.size());
    return out;
}

AuditHead parse_anchor(std::string_view bytes, const crypto::SecretBuffer& key) {
    if (bytes.size() != kAnchorSize || bytes.substr(0, kMagic.size()) != kMagic) {
        throw Error(ErrorKind::Integrity, "vault.anchor is damaged");
    }
    const std::string_view body = bytes.substr(0, kAnchorSize - 32);
    crypto::Mac256 stored{};
    std::copy(bytes.begin() + static_cast<std::ptrdiff_t>(body.size()), bytes.end(),
              reinterpret_cast<char*>(stored.data()));
    if (!crypto::mac_equal(stored, anchor_mac(key, body))) {
        throw Error(ErrorKind::Integrity, "vault.anchor is damaged or belongs to another vault");
    }
    AuditHead head;
    head.seq = static_cast<std::int64_t>(get_u64(body.substr(8, 8)));
    head.at = static_cast<std::int64_t>(get_u64(body.substr(16, 8)));
    head.hash = crypto::to_hex(as_bytes(body.substr(24, 32)));
    if (head.seq < 0) throw Error(ErrorKind::Integrity, "vault.anchor is damaged");
    return head;
}

std::optional<std::string> read_anchor_file(const fs::path& dir) {
    const auto path = dir / kAnchorFile;
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (ec || status.type() == fs::file_type::not_found) return std::nullopt;
    if (status.type() != fs::file_type::regular) throw Error(ErrorKind::Integrity, "vault.anchor is not a file");
    return read_file_prefix(path, kAnchorSize + 1);
}

void write_anchor_file(const fs::path& dir, std::string_view bytes) {
    const auto temp = dir / (std::string(kTempPrefix) + crypto::random_hex_id(8) + std::string(kTempSuffix));
    const auto target = dir / kAnchorFile;
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) io_error("cannot write vault.anchor", errno);
    try {
        write_all(fd.get(), as_bytes(bytes), "cannot write vault.anchor");
        if (::fsync(fd.get()) != 0) io_error("cannot write vault.anchor", errno);
        if (::close(fd.release()) != 0) io_error("cannot write vault.anchor", errno);
        if (::rename(temp.c_str(), target.c_str()) != 0) io_error("cannot write vault.anchor", errno);
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    sync_folder(dir);
}

void remove_stale_anchor_temps(const fs::path& dir) noexcept {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        if (name.size() > kTempPrefix.size() + kTempSuffix.size() && name.starts_with(kTempPrefix) &&
            name.ends_with(kTempSuffix)) {
            std::error_code ignored;
            fs::remove(entry.path(), ignored);
        }
    }
}

void write_anchor(const fs::path& dir, Database& db, const crypto::SecretBuffer& key) {
    write_anchor_file(dir, serialize_anchor(read_audit_head(db), key));
}

}  // namespace fv::storage::detail

namespace fv::storage::detail {

namespace {

constexpr std::string_view kNothingChanged =
    " It may have been replaced by an older copy. Nothing was changed or deleted.";

FreshnessCheck anchor_now(const fs::path& dir, Database& db, crypto::SecretBuffer key, bool accepted,
                          std::int64_t recorded_seq) {
    FreshnessCheck check;
    check.head = read_audit_head(db);
    write_anchor_file(dir, serialize_anchor(check.head, key));
    check.key = std::move(key);
    check.rollback_accepted = accepted;
    check.recorded_seq = recorded_seq;
    return check;
}

[[noreturn]] void throw_pre_anchor_copy() {
    throw RollbackError("This vault's database is older than the vault: it comes from before the vault "
                        "kept a record of its last state (vault.anchor)." +
                            std::string(kNothingChanged),
                        0, 0);
}

}  // namespace

void refuse_pre_anchor_copy(const fs::path& dir, bool accept_rollback) {
    if (!accept_rollback && read_anchor_file(dir)) throw_pre_anchor_copy();
}

FreshnessCheck check_freshness(const fs::path& dir, Database& db, bool accept_rollback) {
    remove_stale_anchor_temps(dir);
    // The file before the database: another program may append (and re-anchor)
    // in between, which only makes the database look newer, never older.
    const auto file = read_anchor_file(dir);
    auto key = load_anchor_key(db);
    if (!key) {
        if (file && !accept_rollback) throw_pre_anchor_copy();
        Transaction tx(db);
        key = load_anchor_key(db);  // another program may have made it meanwhile
        const bool made = !key;
        if (made) key = create_anchor_key(db);
        auto check = anchor_now(dir, db, std::move(*key), file.has_value(), 0);
        tx.commit();
        check.created = made;
        return check;
    }
    if (!file) {
        if (!accept_rollback) {
            throw RollbackError("vault.anchor, the vault's record of its last state, is missing, so Fieldvault "
                                "cannot tell whether this database is the latest one." +
                                    std::string(kNothingChanged),
                                0, 0);
        }
        return anchor_now(dir, db, std::move(*key), true, 0);
    }
    AuditHead recorded;
    try {
        recorded = parse_anchor(*file, *key);
    } catch (const Error&) {
        if (!accept_rollback) {
            throw RollbackError("vault.anchor, the vault's record of its last state, is damaged or belongs to "
                                "another vault, so Fieldvault cannot tell whether this database is the latest one." +
                                    std::string(kNothingChanged),
                                0, 0);
        }
        return anchor_now(dir, db, std::move(*key), true, 0);
    }
    const auto entry = read_audit_entry(db, recorded.seq);
    if (!entry || entry->hash != recorded.hash) {
        if (!accept_rollback) {
            const std::string what =
                entry ? "holds a different entry #" + std::to_string(recorded.seq) + " than the vault recorded"
                      : "stops before entry #" + std::to_string(recorded.seq) + ", which the vault recorded";
            throw RollbackError("This vault's database is older than its last recorded state: its audit log " +
                                    what + "." + std::string(kNothingChanged),
                                recorded.seq, recorded.at);
        }
        return anchor_now(dir, db, std::move(*key), true, recorded.seq);
    }
    FreshnessCheck check;
    check.head = read_audit_head(db);
    if (check.head.seq != recorded.seq) {
        // The database is ahead (a program stopped between a commit and its
        // anchor write): anchor it now, best effort (a read-only folder opens).
        try {
            write_anchor_file(dir, serialize_anchor(check.head, *key));
        } catch (const Error&) {
        }
    }
    check.key = std::move(*key);
    return check;
}

std::string freshness_problem(const fs::path& dir, Database& db, const crypto::SecretBuffer& key) {
    const auto file = read_anchor_file(dir);
    if (!file) return "vault.anchor, the vault's record of its last state, is missing";
    AuditHead recorded;
    try {
        recorded = parse_anchor(*file, key);
    } catch (const Error& e) {
        return e.what();
    }
    const auto entry = read_audit_entry(db, recorded.seq);
    if (!entry) return "the audit log stops before entry #" + std::to_string(recorded.seq) + ", which the vault recorded";
    if (entry->hash != recorded.hash)
        return "the audit log holds a different entry #" + std::to_string(recorded.seq) + " than the vault recorded";
    return {};
}

}  // namespace fv::storage::detail
