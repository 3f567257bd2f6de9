#include "vault_access.h"

#include <cstdlib>
#include <iostream>
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

std::unique_ptr<core::Session> unlock_vault(const AppContext& context, core::UnlockOptions options) {
    const auto dir = vault_dir(context);
    require_vault(dir);
    PassphraseSource source(context.global.passphrase_file);
    const auto passphrase = source.read_current("Passphrase");
    // An empty passphrase can never open a vault (init refuses to set one).
    if (passphrase.empty()) throw Error(ErrorKind::Unlock, "cannot unlock the vault: empty passphrase");
    auto session = core::Session::open(dir, passphrase, options);
    const auto& report = session->unlock_report();
    if (report.files_quarantined > 0) {
        std::cerr << "fieldvault-cli: note: " << report.files_quarantined
                  << " attachment file(s) that no report names were moved to " << (dir / "quarantine").string()
                  << " (still encrypted, kept in case an older copy of the database was put back).\n";
    }
    if (report.files_restored > 0) {
        std::cerr << "fieldvault-cli: note: " << report.files_restored
                  << " attachment file(s) were moved back from quarantine: the database names them again.\n";
    }
    return session;
}

}  // namespace fv::cli
