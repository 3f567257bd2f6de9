#include "vault_access.h"

#include <cstdlib>
#include <string_view>

#include "fieldvault/model/error.h"
#include "passphrase_input.h"

namespace fv::cli {

std::filesystem::path vault_dir(const AppContext& context) {
    if (!context.global.vault.empty()) return context.global.vault;
    // default_vault_dir() itself looks at $FIELDVAULT_VAULT first.
    return core::Session::default_vault_dir();
}

void require_vault(const std::filesystem::path& dir) {
    if (!core::Session::vault_exists(dir))
        throw Error(ErrorKind::NotFound, "no vault at " + dir.string() + " (create one with 'fieldvault-cli init')");
}

std::unique_ptr<core::Session> unlock_vault(const AppContext& context) {
    const auto dir = vault_dir(context);
    require_vault(dir);
    PassphraseSource source(context.global.passphrase_file);
    const auto passphrase = source.read_current("Passphrase");
    // An empty passphrase can never open a vault (init refuses to set one).
    if (passphrase.empty()) throw Error(ErrorKind::Unlock, "cannot unlock the vault: empty passphrase");
    return core::Session::open(dir, passphrase);
}

}  // namespace fv::cli
