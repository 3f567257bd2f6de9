// case list | add | remove | move | rename: grouping reports, own or received,
// by case. A report can be in several cases (one person's account may concern
// an officer and a "service station"); its main case is the first it was put in.
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "text_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct CaseArgs {
    std::string name;
    std::string new_name;
    std::vector<std::int64_t> reports;
    bool json = false;
};

core::CaseRecord existing_case(core::CaseService& cases, const std::string& name) {
    if (auto found = cases.find(name)) return *found;
    throw Error(ErrorKind::NotFound, core::tr_args("no case named '{1}' (see: fieldvault-cli case list)", {name}));
}

core::CaseRecord case_or_new(core::CaseService& cases, const std::string& name) {
    if (auto found = cases.find(name)) return *found;
    const auto id = cases.create(name);
    std::cout << core::tr_args("New case '{1}'.", {name}) << "\n";
    return core::CaseRecord{id, name, 0};
}

void print_count(core::ReportService& reports, const std::string& name) {
    std::cout << core::tr_args("Case '{1}' now holds {2} report(s).", {name, std::to_string(reports.list(name).size())})
              << "\n";
}

}  // namespace

void register_case_commands(CLI::App& app, AppContext& context) {
    auto* group = add_command(app, "case", core::tr("Group reports by case; a report can be in several cases"));
    group->require_subcommand(1);

    auto* list = add_command(*group, "list", core::tr("Every case and how many reports it holds"));
    auto list_args = std::make_shared<CaseArgs>();
    list->add_flag("--json", list_args->json, core::tr("One JSON document"));
    context.commands.add(list, [&context, list_args] {
        const auto session = unlock_vault(context);
        core::CaseService cases(*session);
        core::ReportService reports(*session);
        const auto all = cases.list();
        std::map<std::int64_t, std::size_t> counts;
        for (const auto& row : reports.list()) {
            if (row.case_id != 0) ++counts[row.case_id];
            for (const auto other : row.more_case_ids) ++counts[other];
        }
        if (list_args->json) {
            Json items = Json::array();
            for (const auto& c : all)
                items.push_back(Json{{"name", c.name}, {"reports", counts[c.id]},
                                     {"created_at", core::format_utc_time(c.created_at)}});
            print_json(std::cout, Json{{"cases", items}});
            return 0;
        }
        if (all.empty()) std::cout << core::tr("No cases yet: fieldvault-cli case add NAME --report ID") << "\n";
        for (const auto& c : all)
            std::cout << core::tr_args("{1}  ({2} report(s))", {c.name, std::to_string(counts[c.id])}) << "\n";
        return 0;
    });

    auto* add = add_command(*group, "add", core::tr("Put reports in this case too (their other cases stay)"));
    auto add_args = std::make_shared<CaseArgs>();
    add->add_option("name", add_args->name, core::tr("The case (created if new)"))->required();
    add->add_option("--report", add_args->reports, core::tr("Report id (repeatable)"))->required()->option_text(core::tr("ID"));
    context.commands.add(add, [&context, add_args] {
        const auto session = unlock_vault(context);
        core::CaseService cases(*session);
        core::ReportService reports(*session);
        for (const auto id : add_args->reports) (void)reports.get(id);  // unknown ids fail before a new case is made
        const auto target = case_or_new(cases, add_args->name);
        cases.add_reports(add_args->reports, target.id);
        print_count(reports, target.name);
        return 0;
    });

    auto* remove = add_command(*group, "remove", core::tr("Take reports out of this case (nothing else changes)"));
    auto remove_args = std::make_shared<CaseArgs>();
    remove->add_option("name", remove_args->name, core::tr("The case"))->required();
    remove->add_option("--report", remove_args->reports, core::tr("Report id (repeatable)"))->required()->option_text(core::tr("ID"));
    context.commands.add(remove, [&context, remove_args] {
        const auto session = unlock_vault(context);
        core::CaseService cases(*session);
        core::ReportService reports(*session);
        const auto target = existing_case(cases, remove_args->name);
        cases.remove_reports(remove_args->reports, target.id);
        print_count(reports, target.name);
        return 0;
    });

    auto* move = add_command(*group, "move", core::tr("Put reports in this case only, out of every other"));
    auto move_args = std::make_shared<CaseArgs>();
    move->add_option("name", move_args->name, core::tr("The case (created if new)"))->required();
    move->add_option("--report", move_args->reports, core::tr("Report id (repeatable)"))->required()->option_text(core::tr("ID"));
    context.commands.add(move, [&context, move_args] {
        const auto session = unlock_vault(context);
        core::CaseService cases(*session);
        core::ReportService reports(*session);
        for (const auto id : move_args->reports) (void)reports.get(id);
        const auto target = case_or_new(cases, move_args->name);
        cases.move_reports(move_args->reports, target.id);
        print_count(reports, target.name);
        return 0;
    });

    auto* rename = add_command(*group, "rename", core::tr("Give a case another name"));
    auto rename_args = std::make_shared<CaseArgs>();
    rename->add_option("name", rename_args->name, core::tr("Its name now"))->required();
    rename->add_option("new-name", rename_args->new_name, core::tr("Its new name"))->required();
    context.commands.add(rename, [&context, rename_args] {
        const auto session = unlock_vault(context);
        core::CaseService cases(*session);
        cases.rename(existing_case(cases, rename_args->name).id, rename_args->new_name);
        std::cout << core::tr_args("Case '{1}' is now '{2}'.", {rename_args->name, rename_args->new_name}) << "\n";
        return 0;
    });
}

}  // namespace fv::cli
