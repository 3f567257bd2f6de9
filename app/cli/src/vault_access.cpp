#include "vault_access.h"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "fieldvault/core/i18n.h"
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
        throw Error(ErrorKind::NotFound,
                    core::tr_args("no vault at {1} (create one with 'fieldvault-cli init')", {dir.string()}));
}

std::unique_ptr<core::Session> unlock_vault(const AppContext& context, core::UnlockOptions options) {
    const auto dir = vault_dir(context);
    require_vault(dir);
    PassphraseSource source(context.global.passphrase_file);
    const auto passphrase = source.read_current(core::tr("Passphrase"));
    // An empty passphrase can never open a vault (init refuses to set one).
    if (passphrase.empty()) throw Error(ErrorKind::Unlock, core::tr("cannot unlock the vault: empty passphrase"));
    auto session = core::Session::open(dir, passphrase, options);
    const auto& report = session->unlock_report();
    if (report.files_quarantined > 0) {
        std::cerr << "fieldvault-cli: "
                  << core::tr_args("note: {1} attachment file(s) that no report names were moved to {2} (still "
                                   "encrypted, kept in case an older copy of the database was put back).",
                                   {std::to_string(report.files_quarantined), (dir / "quarantine").string()})
                  << "\n";
    }
    if (report.files_restored > 0) {
        std::cerr << "fieldvault-cli: "
                  << core::tr_args("note: {1} attachment file(s) were moved back from quarantine: the database names "
                                   "them again.",
                                   {std::to_string(report.files_restored)})
                  << "\n";
    }
    return session;
}

}  // namespace fv::cli
