#include "fieldvault/core/vault_status.h"

#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"

namespace fv::core {

VaultKeyStatus vault_key_status(Session& session) {
    VaultKeyStatus status;
    const auto header = storage::Vault::header_status(session.dir());
    status.recovery_key_slot = header.recovery_slot;
    status.header_copies_agree = header.copies_agree;
    for (const auto& entry : storage::AuditLog(session.db()).entries()) {
        if (entry.action == "create_vault" && status.created_at == 0) status.created_at = entry.at;
        if (entry.action == "change_passphrase") status.passphrase_changed_at = entry.at;
    }
    return status;
}

}  // namespace fv::core
