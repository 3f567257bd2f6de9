// search QUERY, log, log verify.
#include <iostream>
#include <memory>
#include <string>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "received_marks.h"
#include "text_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct SearchArgs {
    std::string query;
    bool json = false;
};

int run_search(const AppContext& context, const SearchArgs& args) {
    const auto session = unlock_vault(context);
    core::ReportService reports(*session);
    const auto found = reports.search(args.query);
    if (args.json) {
        CaseNames names;
        for (const auto& c : reports.cases()) names[c.id] = c.name;
        auto document = reports_json(found, names);
        mark_received_in_list(document, *session);
        print_json(std::cout, document);
    } else {
        print_report_table(std::cout, found);
        print_received_note_for_list(std::cout, *session, found);
    }
    return 0;
}

int run_log(const AppContext& context, bool json) {
    const auto session = unlock_vault(context);
    const auto entries = core::AuditService(*session).entries();
    if (json) {
        print_json(std::cout, audit_json(entries));
    } else {
        print_audit_table(std::cout, entries);
    }
    return 0;
}

int run_log_verify(const AppContext& context) {
    const auto session = unlock_vault(context);
    const auto result = core::AuditService(*session).verify();
    if (!result.ok) {
        throw Error(ErrorKind::Integrity,
                    result.first_bad_seq
                        ? core::tr_args("audit log verification failed at entry {1}", {std::to_string(*result.first_bad_seq)})
                        : std::string(core::tr("audit log verification failed (no entry named)")));
    }
    std::cout << core::tr_args("audit log verified: {1} entries", {std::to_string(result.entries)}) << "\n";
    return 0;
}

}  // namespace

void register_search_log_commands(CLI::App& app, AppContext& context) {
    auto* search = add_command(app, "search", core::tr("Find reports by words in any text field (Chinese too)"));
    auto search_args = std::make_shared<SearchArgs>();
    search->add_option("query", search_args->query, core::tr("Words to find"))->required();
    search->add_flag("--json", search_args->json, core::tr("One JSON document, as report list --json"));
    context.commands.add(search, [&context, search_args] { return run_search(context, *search_args); });

    auto* log = add_command(app, "log", core::tr("Show the audit log (every action on the vault)"));
    log->require_subcommand(0, 1);
    auto json = std::make_shared<bool>(false);
    log->add_flag("--json", *json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(log, [&context, json] { return run_log(context, *json); });

    auto* verify = add_command(*log, "verify", core::tr("Check the audit log's hash chain (exit 4 if broken)"));
    context.commands.add(verify, [&context] { return run_log_verify(context); });
}

}  // namespace fv::cli
