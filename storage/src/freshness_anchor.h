#pragma once
// The freshness anchor: "vault.anchor" beside the key header records the audit
// log's head (sequence number, time, hash), MACed under a random key kept in the
// database (vault_meta). The database only ever grows its audit log, so at
// every open the entry the anchor names must be there with that hash; if it is
// not, the database was put back from an older copy (or its log was cut), and
// the vault is refused before anything (such as the orphan-file sweep) acts on
// the older state. See docs/vault-format.md "Freshness anchor".
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"

namespace fv::storage::detail {

inline constexpr std::string_view kAnchorFile = "vault.anchor";
inline constexpr std::size_t kAnchorSize = 8 + 8 + 8 + 32 + 32;

struct AuditHead {
    std::int64_t seq = 0;  // 0: the log is empty
    std::int64_t at = 0;
    std::string hash;      // hex; the genesis hash for an empty log
};

AuditHead read_audit_head(Database& db);
// The entry `seq` as stored (seq 0: the empty log's genesis), if there is one.
std::optional<AuditHead> read_audit_entry(Database& db, std::int64_t seq);

// The anchor's MAC key from vault_meta; nullopt if this database has none yet.
std::optional<crypto::SecretBuffer> load_anchor_key(Database& db);
// Inserts a fresh random key (inside the caller's transaction) and returns it.
crypto::SecretBuffer create_anchor_key(Database& db);

std::string serialize_anchor(const AuditHead& head, const crypto::SecretBuffer& key);
// Throws fv::Error(Integrity) for a wrong size, magic or MAC.
AuditHead parse_anchor(std::string_view bytes, const crypto::SecretBuffer& key);

// The anchor file's bytes, nullopt if there is none. Reads at most a few bytes
// more than an anchor holds (a larger file is damage, found by parse_anchor).
std::optional<std::string> read_anchor_file(const std::filesystem::path& dir);
// Atomically (unique temp name, fsync, rename, fsync the folder), so two
// programs writing at once leave one whole anchor, never a torn one.
void write_anchor_file(const std::filesystem::path& dir, std::string_view bytes);
// Removes temp files a killed write left.
void remove_stale_anchor_temps(const std::filesystem::path& dir) noexcept;

// Writes the anchor for the database's current head.
void write_anchor(const std::filesystem::path& dir, Database& db, const crypto::SecretBuffer& key);

}  // namespace fv::storage::detail

namespace fv::storage::detail {

// What the open learned: the anchor key (kept for later writes), the database's
// audit head, and whether the anchor was made now or a rollback accepted.
struct FreshnessCheck {
    crypto::SecretBuffer key;
    AuditHead head;
    bool created = false;
    bool rollback_accepted = false;
    std::int64_t recorded_seq = 0;  // what the anchor named, when a rollback was accepted
};

// Run at every open, before the migrations (from schema v4 on; older ones:
// refuse_pre_anchor_copy, then the migrations, then this) and before anything
// acts on the database's state. Throws fv::RollbackError when the anchor names an entry the
// database does not hold (or holds with another hash), when the anchor is
// missing although the database has its key, or when the anchor is there but
// the database predates anchors — unless `accept_rollback`, which anchors the
// database's present state instead. A first open (no key, no anchor) makes both.
FreshnessCheck check_freshness(const std::filesystem::path& dir, Database& db, bool accept_rollback);

// For a database older than anchors (before schema v4, which made vault_meta),
// judged before the migrations write to it: refuses it when the folder has an
// anchor (the vault is newer than this copy), unless `accept_rollback`.
void refuse_pre_anchor_copy(const std::filesystem::path& dir, bool accept_rollback);
inline constexpr int kFirstAnchoredSchema = 4;

// The same judgement, now, writing nothing (the whole-vault check): "" when the
// anchor names an entry the database holds (the database may be ahead), else
// what is wrong, in the words check_freshness would refuse with.
std::string freshness_problem(const std::filesystem::path& dir, Database& db, const crypto::SecretBuffer& key);

}  // namespace fv::storage::detail
