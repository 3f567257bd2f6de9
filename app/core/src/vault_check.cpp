#include "fieldvault/core/vault_check.h"

#include "fieldvault/storage/vault_check.h"

namespace fv::core {

VaultCheckReport VaultCheckService::run(const Progress& progress, const CancelFlag& cancelled) {
    storage::VaultCheckControl control;
    control.progress = progress;
    control.cancelled = cancelled;
    return storage::check_vault(session_.db(), control);
}

}  // namespace fv::core
