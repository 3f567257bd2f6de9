// init, passwd, unlock-check, accept-rollback, recover, rekey, identity.
#include <iostream>
#include <memory>
#include <string>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/session.h"
#include "fieldvault/core/text.h"
#include "fieldvault/core/user_message.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "passphrase_input.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

int run_init(const AppContext& context, const std::string& name) {
    const auto dir = vault_dir(context);
    if (core::Session::vault_exists(dir))
        throw Error(ErrorKind::Invalid, core::tr_args("a vault already exists at {1}", {dir.string()}));
    if (!core::is_valid_utf8(name)) throw Error(ErrorKind::Invalid, core::tr("--name: text is not valid UTF-8"));
    PassphraseSource source(context.global.passphrase_file);
    const auto passphrase = source.read_new(core::tr("New passphrase"));
    const auto created = core::Session::create(dir, passphrase, name, core::kdf_params_for_new_keys());
    std::cout << core::tr_args("Vault created at {1}\n"
                               "Identity fingerprint: {2}\n"
                               "\n"
                               "Recovery key: {3}\n"
                               "\n"
                               "Write the recovery key down on paper now and keep it somewhere safe.\n"
                               "It is shown only this once. It opens the vault if the passphrase is forgotten\n"
                               "(fieldvault-cli recover); anyone who has it can open the vault.",
                               {dir.string(), created.fingerprint, created.recovery_key})
              << "\n";
    return 0;
}

int run_passwd(const AppContext& context) {
    const auto dir = vault_dir(context);
    require_vault(dir);
    PassphraseSource source(context.global.passphrase_file);
    const auto current = source.read_current(core::tr("Current passphrase"));
    if (current.empty()) throw Error(ErrorKind::Invalid, core::tr("passphrase must not be empty"));
    auto session = core::Session::open(dir, current);
    const auto next = source.read_new(core::tr("New passphrase"));
    session->change_passphrase(next, core::kdf_params_for_new_keys());
    std::cout << core::tr("Passphrase changed. The recovery key still works.") << "\n";
    return 0;
}

// The newest log entry, so the person can see the vault is as they left it.
std::string last_entry_line(const core::UnlockReport& report) {
    if (report.last_entry == 0) return core::tr("The audit log is empty.");
    return core::tr_args("Last entry #{1} at {2}.",
                         {std::to_string(report.last_entry), core::format_local_time(report.last_entry_at)});
}

Json unlock_json(const core::UnlockReport& report) {
    return Json{{"unlocked", true},
                {"last_entry", report.last_entry},
                {"last_entry_at", report.last_entry == 0 ? Json(nullptr) : Json(core::format_utc_time(report.last_entry_at))},
                {"rollback_accepted", report.rollback_accepted},
                {"files_quarantined", report.files_quarantined},
                {"files_restored", report.files_restored}};
}

int run_unlock_check(const AppContext& context, bool json) {
    const auto session = unlock_vault(context);
    if (json) {
        print_json(std::cout, unlock_json(session->unlock_report()));
        return 0;
    }
    std::cout << core::tr_args("The passphrase opens the vault. {1}", {last_entry_line(session->unlock_report())})
              << "\n";
    return 0;
}

// For a vault refused with exit 5: open it as it is, on the person's word, and
// record that choice in the log.
int run_accept_rollback(const AppContext& context, bool json) {
    const auto session = unlock_vault(context, core::UnlockOptions{true});
    const auto& report = session->unlock_report();
    if (json) {
        print_json(std::cout, unlock_json(report));
        return 0;
    }
    if (!report.rollback_accepted) {
        std::cout << core::tr_args("Nothing to accept: the vault's database is its latest state. {1}",
                                   {last_entry_line(report)})
                  << "\n";
        return 0;
    }
    if (report.recorded_entry > 0) {
        std::cout << core::tr_args("The vault is open as it is now: its log ended at entry #{1}, while the vault had "
                                   "recorded entries up to #{2}. This was recorded in the audit log. {3}",
                                   {std::to_string(report.last_entry - 1), std::to_string(report.recorded_entry),
                                    last_entry_line(report)});
    } else {
        std::cout << core::tr_args("The vault is open as it is now. This was recorded in the audit log. {1}",
                                   {last_entry_line(report)});
    }
    std::cout << "\n"
              << core::tr("If you still have the newer vault.db, put it back instead: attachment files it names are "
                          "kept in the vault's quarantine folder.")
              << "\n";
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
    if (!key_given) recovery_key = source.read_current(core::tr("Recovery key"));
    std::unique_ptr<core::Session> session;
    try {
        session = core::Session::open_with_recovery_key(dir, recovery_key.reveal_text());
    } catch (const Error& e) {
        // A mistyped key (bad checksum, wrong length) cannot unlock either.
        if (e.kind() == ErrorKind::Invalid) throw Error(ErrorKind::Unlock, core::tr_args("cannot unlock: {1}", {core::user_message(e)}));
        throw;
    }
    recovery_key.wipe();
    const auto next = source.read_new(core::tr("New passphrase"));
    session->change_passphrase(next, core::kdf_params_for_new_keys());
    std::cout << core::tr("Vault recovered: the new passphrase is set. The recovery key still works.\n"
                          "If someone else may have seen your old passphrase or recovery key, or has a copy of the\n"
                          "vault folder, run 'fieldvault-cli rekey' now: it makes new keys and a new recovery key.")
              << "\n";
    return 0;
}

// New database key and recovery key; the passphrase stays.
int run_rekey(const AppContext& context) {
    const auto dir = vault_dir(context);
    require_vault(dir);
    PassphraseSource source(context.global.passphrase_file);
    const auto passphrase = source.read_current(core::tr("Passphrase"));
    if (passphrase.empty()) throw Error(ErrorKind::Unlock, core::tr("cannot unlock the vault: empty passphrase"));
    auto session = core::Session::open(dir, passphrase);
    const auto recovery_key = session->rekey(passphrase, core::kdf_params_for_new_keys());
    std::cout << core::tr_args("New keys are in place. Your passphrase is unchanged.\n"
                               "\n"
                               "New recovery key: {1}\n"
                               "\n"
                               "Write it down on paper now; it is shown only this once. The old recovery key no longer works,\n"
                               "and old copies of vault.key no longer open this vault. Old copies of the vault folder (backups)\n"
                               "still open with the old keys: delete any you do not trust.",
                               {recovery_key})
              << "\n";
    return 0;
}

int run_identity(const AppContext& context, bool json) {
    const auto session = unlock_vault(context);
    const auto identity = core::IdentityService(*session).own();
    if (json) {
        print_json(std::cout, identity_json(identity));
        return 0;
    }
    if (!identity.name.empty()) std::cout << core::tr_args("Name: {1}", {identity.name}) << "\n";
    std::cout << core::tr_args("Identity card: {1}\n"
                               "Fingerprint: {2}\n"
                               "Share the card; compare the fingerprint by voice or in person.",
                               {identity.card, identity.fingerprint})
              << "\n";
    return 0;
}

}  // namespace

void register_vault_commands(CLI::App& app, AppContext& context) {
    auto* init = add_command(app, "init", core::tr("Create a new vault with a fresh identity"));
    auto name = std::make_shared<std::string>();
    init->add_option("--name", *name, core::tr("Your display name (kept in the vault, shown on your identity)"));
    context.commands.add(init, [&context, name] { return run_init(context, *name); });

    auto* passwd = add_command(app, "passwd", core::tr("Change the passphrase (old, then new)"));
    context.commands.add(passwd, [&context] { return run_passwd(context); });

    auto* check = add_command(app, "unlock-check",
                              core::tr("Exit 0 if the passphrase opens the vault (and show its last log entry), 3 if "
                                       "not, 5 if its database is older than its last recorded state"));
    auto check_json = std::make_shared<bool>(false);
    check->add_flag("--json", *check_json,
                    core::tr("One JSON document: {unlocked, last_entry, last_entry_at, rollback_accepted, "
                             "files_quarantined, files_restored}"));
    context.commands.add(check, [&context, check_json] { return run_unlock_check(context, *check_json); });

    auto* accept = add_command(app, "accept-rollback",
                               core::tr("Open a vault refused with exit 5 as it is now, giving up the newer state it "
                                        "recorded (recorded in the log)"));
    auto accept_json = std::make_shared<bool>(false);
    accept->add_flag("--json", *accept_json, core::tr("One JSON document, as unlock-check --json"));
    context.commands.add(accept, [&context, accept_json] { return run_accept_rollback(context, *accept_json); });

    auto* recover = add_command(app, "recover", core::tr("Open with the recovery key and set a new passphrase"));
    auto key = std::make_shared<std::string>();
    auto* key_option = recover->add_option(
        "--recovery-key", *key,
        core::tr("The recovery key printed by init. Scripts only: other users of this machine can see it in the "
                 "process list. Without it the key is read like a passphrase (terminal prompt, else line 1 of stdin "
                 "or --passphrase-file; the new passphrase on line 2)"));
    key_option->option_text(core::tr("KEY"));
    context.commands.add(recover, [&context, key, key_option] {
        return run_recover(context, *key, key_option->count() > 0);
    });

    auto* rekey = add_command(app, "rekey",
                              core::tr("Make new keys: a new database key and a new recovery key (the passphrase stays)"));
    context.commands.add(rekey, [&context] { return run_rekey(context); });

    auto* identity = add_command(app, "identity", core::tr("Show this vault's identity card and fingerprint"));
    auto json = std::make_shared<bool>(false);
    identity->add_flag("--json", *json, core::tr("One JSON document: {name, card, fingerprint}"));
    context.commands.add(identity, [&context, json] { return run_identity(context, *json); });
}

}  // namespace fv::cli
