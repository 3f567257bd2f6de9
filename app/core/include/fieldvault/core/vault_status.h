#pragma once
// What Settings shows about the vault's keys: the recovery key exists (it is
// never stored readable, so it cannot be shown again), when the vault was made
// and the passphrase last changed, and whether both key-header copies agree.
#include <cstdint>

#include "fieldvault/core/session.h"

namespace fv::core {

struct VaultKeyStatus {
    bool recovery_key_slot = false;         // a recovery key can open this vault
    bool header_copies_agree = false;       // false: one copy is damaged or stale (repaired at next unlock)
    std::int64_t created_at = 0;            // from the audit log; 0 if not found
    std::int64_t passphrase_changed_at = 0; // latest change; 0 = never changed
};

[[nodiscard]] VaultKeyStatus vault_key_status(Session& session);

}  // namespace fv::core
