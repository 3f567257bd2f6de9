// init, passwd, unlock-check, recover, identity.
#include <iostream>
#include <memory>
#include <string>

#include "app_context.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/session.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "passphrase_input.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

int run_init(const AppContext& context, const std::string& name) {
    const auto dir = vault_dir(context);
    if (core::Session::vault_exists(dir))
        throw Error(ErrorKind::Invalid, "a vault already exists at " + dir.string());
    if (!core::is_valid_utf8(name)) throw Error(ErrorKind::Invalid, "--name: text is not valid UTF-8");
    PassphraseSource source(context.global.passphrase_file);
    const auto passphrase = source.read_new("New passphrase");
    const auto created = core::Session::create(dir, passphrase, name, core::kdf_params_for_new_keys());
    std::cout << "Vault created at " << dir.string() << "\n"
              << "Identity fingerprint: " << created.fingerprint << "\n"
              << "\n"
              << "Recovery key: " << created.recovery_key << "\n"
              << "\n"
              << "Write the recovery key down on paper now and keep it somewhere safe.\n"
              << "It is shown only this once. It opens the vault if the passphrase is forgotten\n"
              << "(fieldvault-cli recover); anyone who has it can open the vault.\n";
    return 0;
}

int run_passwd(const AppContext& context) {
    const auto dir = vault_dir(context);
    require_vault(dir);
    PassphraseSource source(context.global.passphrase_file);
    const auto current = source.read_current("Current passphrase");
    if (current.empty()) throw Error(ErrorKind::Invalid, "passphrase must not be empty");
    auto session = core::Session::open(dir, current);
    const auto next = source.read_new("New passphrase");
    session->change_passphrase(next, core::kdf_params_for_new_keys());
    std::cout << "Passphrase changed. The recovery key still works.\n";
    return 0;
}

int run_unlock_check(const AppContext& context) {
    const auto session = unlock_vault(context);
    std::cout << "The passphrase opens the vault.\n";
    return 0;
}

// The key comes from --recovery-key (scripts; other users of the machine can
// read it in the process list) or, without it, is read as passphrases are: a
// prompt without echo on a terminal, else line 1 of standard input or of
// --passphrase-file (the new passphrase follows on line 2).
int run_recover(const AppContext& context, std::string& key_option, bool key_given) {
    SecretBuffer recovery_key;
    if (key_given) {
        recovery_key = SecretBuffer::from_string(key_option);
        wipe_memory(key_option.data(), key_option.size());
    }
    const auto dir = vault_dir(context);
    require_vault(dir);
    PassphraseSource source(context.global.passphrase_file);
    if (!key_given) recovery_key = source.read_current("Recovery key");
    std::unique_ptr<core::Session> session;
    try {
        session = core::Session::open_with_recovery_key(dir, recovery_key.reveal_text());
    } catch (const Error& e) {
        // A mistyped key (bad checksum, wrong length) cannot unlock either.
        if (e.kind() == ErrorKind::Invalid) throw Error(ErrorKind::Unlock, std::string("cannot unlock: ") + e.what());
        throw;
    }
    recovery_key.wipe();
    const auto next = source.read_new("New passphrase");
    session->change_passphrase(next, core::kdf_params_for_new_keys());
    std::cout << "Vault recovered: the new passphrase is set. The recovery key still works.\n";
    return 0;
}

int run_identity(const AppContext& context, bool json) {
    const auto session = unlock_vault(context);
    const auto identity = core::IdentityService(*session).own();
    if (json) {
        print_json(std::cout, identity_json(identity));
        return 0;
    }
    if (!identity.name.empty()) std::cout << "Name: " << identity.name << "\n";
    std::cout << "Identity card: " << identity.card << "\n"
              << "Fingerprint: " << identity.fingerprint << "\n"
              << "Share the card; compare the fingerprint by voice or in person.\n";
    return 0;
}

}  // namespace

void register_vault_commands(CLI::App& app, AppContext& context) {
    auto* init = add_command(app, "init", "Create a new vault with a fresh identity");
    auto name = std::make_shared<std::string>();
    init->add_option("--name", *name, "Your display name (kept in the vault, shown on your identity)");
    context.commands.add(init, [&context, name] { return run_init(context, *name); });

    auto* passwd = add_command(app, "passwd", "Change the passphrase (old, then new)");
    context.commands.add(passwd, [&context] { return run_passwd(context); });

    auto* check = add_command(app, "unlock-check", "Exit 0 if the passphrase opens the vault, 3 if not");
    context.commands.add(check, [&context] { return run_unlock_check(context); });

    auto* recover = add_command(app, "recover", "Open with the recovery key and set a new passphrase");
    auto key = std::make_shared<std::string>();
    auto* key_option = recover->add_option(
        "--recovery-key", *key,
        "The recovery key printed by init. Scripts only: other users of this machine can see it in the "
        "process list. Without it the key is read like a passphrase (terminal prompt, else line 1 of stdin "
        "or --passphrase-file; the new passphrase on line 2)");
    key_option->option_text("KEY");
    context.commands.add(recover, [&context, key, key_option] {
        return run_recover(context, *key, key_option->count() > 0);
    });

    auto* identity = add_command(app, "identity", "Show this vault's identity card and fingerprint");
    auto json = std::make_shared<bool>(false);
    identity->add_flag("--json", *json, "One JSON document: {name, card, fingerprint}");
    context.commands.add(identity, [&context, json] { return run_identity(context, *json); });
}

}  // namespace fv::cli
