// contact add NAME CARD, contact list [--json], contact verify NAME [--yes],
// contact remove NAME.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "text_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct NameCard {
    std::string name;
    std::string card;
};

int run_add(const AppContext& context, const NameCard& args) {
    const auto session = unlock_vault(context);
    const auto contact = core::ContactService(*session).add(args.name, args.card);
    std::cout << core::tr_args("Added contact '{1}' (unverified)\n"
                               "Fingerprint: {2}\n"
                               "Compare it with its owner, then run: fieldvault-cli contact verify {3}",
                               {contact.name, contact.fingerprint, shell_word(contact.name)})
              << "\n";
    return 0;
}

int run_list(const AppContext& context, bool json) {
    const auto session = unlock_vault(context);
    const auto contacts = core::ContactService(*session).list();
    if (json) {
        Json list = Json::array();
        for (const auto& c : contacts) {
            list.push_back(Json{{"name", c.name},
                                {"fingerprint", c.fingerprint},
                                {"verified", c.verified},
                                {"card", c.card},
                                {"added_at", core::format_utc_time(c.created_at)}});
        }
        print_json(std::cout, Json{{"contacts", list}});
        return 0;
    }
    if (contacts.empty()) {
        std::cout << core::tr("No contacts. Add one with: fieldvault-cli contact add NAME CARD") << "\n";
        return 0;
    }
    for (const auto& c : contacts) {
        std::cout << c.name << "  " << c.fingerprint << "  " << (c.verified ? core::tr("verified") : core::tr("UNVERIFIED")) << "\n";
    }
    return 0;
}

struct VerifyArgs {
    std::string name;
    bool yes = false;
};

// On a terminal the user confirms by typing "yes"; elsewhere only --yes counts.
bool confirmed(const VerifyArgs& args, const std::string& name) {
    if (args.yes) return true;
    if (::isatty(STDIN_FILENO) == 0)
        throw Error(ErrorKind::Usage, core::tr("not a terminal: compare the fingerprints, then confirm with --yes"));
    std::cerr << core::tr_args("Do the fingerprints match what {1} read to you? Type yes to confirm: ", {name})
              << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    // "是" too: the prompt is in the person's language.
    return answer == "yes" || answer == "y" || answer == "YES" || answer == "是" || answer == "是的";
}

int run_verify(const AppContext& context, const VerifyArgs& args) {
    const auto session = unlock_vault(context);
    core::ContactService contacts(*session);
    const auto contact = contacts.get(args.name);
    const auto own = core::IdentityService(*session).own();
    std::cout << core::tr_args("Your fingerprint:        {1}\n"
                               "{2}'s fingerprint: {3}\n"
                               "Read them aloud to each other (in person or on a call you trust).",
                               {own.fingerprint, contact.name, contact.fingerprint})
              << "\n";
    std::cout.flush();
    if (!confirmed(args, contact.name)) {
        std::cout << core::tr("Not verified: nothing changed.") << "\n";
        return 1;
    }
    contacts.verify(args.name);
    std::cout << core::tr_args("Contact '{1}' is verified.", {contact.name}) << "\n";
    return 0;
}

int run_remove(const AppContext& context, const std::string& name) {
    const auto session = unlock_vault(context);
    core::ContactService(*session).remove(name);
    std::cout << core::tr_args("Removed contact '{1}'.", {name}) << "\n";
    return 0;
}

}  // namespace

void register_contact_commands(CLI::App& app, AppContext& context) {
    auto* contact = add_command(app, "contact", core::tr("Identity cards of the people and organisations you exchange with"));
    contact->require_subcommand(1);

    auto* add = add_command(*contact, "add", core::tr("Store a contact's identity card (unverified until you compare)"));
    auto add_args = std::make_shared<NameCard>();
    add->add_option("name", add_args->name, core::tr("A name you choose for the contact"))->required();
    add->add_option("card", add_args->card, core::tr("Their identity card (fvid1-...)"))->required();
    context.commands.add(add, [&context, add_args] { return run_add(context, *add_args); });

    auto* list = add_command(*contact, "list", core::tr("List contacts with fingerprints and verification"));
    auto json = std::make_shared<bool>(false);
    list->add_flag("--json", *json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(list, [&context, json] { return run_list(context, *json); });

    auto* verify = add_command(*contact, "verify", core::tr("Mark a contact verified after comparing fingerprints"));
    auto verify_args = std::make_shared<VerifyArgs>();
    verify->add_option("name", verify_args->name, core::tr("Contact name"))->required();
    verify->add_flag("--yes", verify_args->yes, core::tr("Confirm without asking (needed when stdin is not a terminal)"));
    context.commands.add(verify, [&context, verify_args] { return run_verify(context, *verify_args); });

    auto* remove = add_command(*contact, "remove", core::tr("Delete a contact"));
    auto remove_name = std::make_shared<std::string>();
    remove->add_option("name", *remove_name, core::tr("Contact name"))->required();
    context.commands.add(remove, [&context, remove_name] { return run_remove(context, *remove_name); });
}

}  // namespace fv::cli
