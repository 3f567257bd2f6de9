#pragma once
// The whole-vault check (docs/cli.md "check"): every b-tree page of the
// database read, decrypted and HMAC-checked, every attachment decrypted end to
// end and compared with its recorded SHA-256, the audit log's hash chain, and
// the files of blobs/ that no attachment names. It writes nothing: a read-only
// report of what is damaged (model/vault_check.h).
#include <cstdint>
#include <functional>

#include "fieldvault/model/vault_check.h"
#include "fieldvault/storage/database.h"

namespace fv::storage {

using model::CheckFinding;
using model::CheckFindingKind;
using model::CheckSection;
using model::CheckSectionResult;
using model::VaultCheckResult;

struct VaultCheckControl {
    // Work done and total, in bytes: the database's pages, then the
    // attachments' plaintext. Called often (every 64 KiB of an attachment).
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
    // Asked between and inside steps (SQLite's integrity check too); true stops the check.
    std::function<bool()> cancelled;
};

// Checks the vault whose open database is `db` (its blob folder set, as
// Vault::open does). Damage is reported in the result, never thrown; throws
// fv::Error(Invalid, "cancelled") when `control.cancelled` said so, and
// fv::Error for what stops the check as a whole (no blob folder set).
[[nodiscard]] VaultCheckResult check_vault(Database& db, const VaultCheckControl& control = {});

}  // namespace fv::storage
