// entity add | alias | link | unlink | list | show: people and organisations
// named in reports (王警官 = Officer Wang), the reports linked to each and the
// reports whose words name them.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/entities.h"
#include "fieldvault/core/reports.h"
#include "json_output.h"
#include "text_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

Json entity_json(const core::Entity& e) {
    return Json{{"name", e.name}, {"kind", e.kind}, {"aliases", e.aliases}, {"report_ids", e.report_ids}};
}

std::string ids_text(const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return core::tr("none");
    std::string out;
    for (const auto id : ids) out += (out.empty() ? "" : " ") + std::to_string(id);
    return out;
}

void print_entity(const core::Entity& e) {
    std::string aliases;
    for (std::size_t i = 1; i < e.aliases.size(); ++i) aliases += (i == 1 ? "" : "; ") + e.aliases[i];
    if (e.aliases.size() <= 1) aliases = "-";
    std::cout << e.name << "  (" << e.kind << ")\n  " << core::tr_args("also known as: {1}", {aliases}) << "\n  "
              << core::tr_args("linked reports: {1}", {ids_text(e.report_ids)}) << "\n";
}

struct Names {
    std::string name;
    std::string other;  // kind, alias
    std::vector<std::int64_t> reports;
    bool json = false;
};

}  // namespace

void register_entity_commands(CLI::App& app, AppContext& context) {
    auto* entity = add_command(app, "entity", core::tr("People and organisations named in reports, under all their names"));
    entity->require_subcommand(1);

    auto* add = add_command(*entity, "add", core::tr("A person or organisation (its name is its first alias)"));
    auto add_args = std::make_shared<Names>();
    add_args->other = "person";
    add->add_option("name", add_args->name, core::tr("Its name, in any script"))->required();
    add->add_option("--kind", add_args->other, core::tr("person, organisation, place or other (default person)"))
        ->option_text(core::tr("KIND"));
    context.commands.add(add, [&context, add_args] {
        const auto session = unlock_vault(context);
        const auto e = core::EntityService(*session).create(add_args->name, add_args->other);
        std::cout << core::tr_args("Added '{1}' ({2}). Other names: fieldvault-cli entity alias {3} NAME",
                                   {e.name, e.kind, shell_word(e.name)})
                  << "\n";
        return 0;
    });

    auto* alias = add_command(*entity, "alias", core::tr("Another name the same person or organisation goes by"));
    auto alias_args = std::make_shared<Names>();
    alias->add_option("name", alias_args->name, core::tr("Any of its names"))->required();
    alias->add_option("alias", alias_args->other, core::tr("The other name (e.g. 'Officer Wang' for 王警官)"))->required();
    context.commands.add(alias, [&context, alias_args] {
        const auto session = unlock_vault(context);
        print_entity(core::EntityService(*session).add_alias(alias_args->name, alias_args->other));
        return 0;
    });

    for (const bool linking : {true, false}) {
        auto* cmd = add_command(*entity, linking ? "link" : "unlink",
                                linking ? core::tr("Say these reports concern it") : core::tr("Take these reports off it"));
        auto args = std::make_shared<Names>();
        cmd->add_option("name", args->name, core::tr("Any of its names"))->required();
        cmd->add_option("--report", args->reports, core::tr("Report id (repeatable)"))->required()->option_text(core::tr("ID"));
        context.commands.add(cmd, [&context, args, linking] {
            const auto session = unlock_vault(context);
            core::EntityService entities(*session);
            for (const auto id : args->reports) linking ? entities.link(args->name, id) : entities.unlink(args->name, id);
            print_entity(entities.get(args->name));
            return 0;
        });
    }

    auto* list = add_command(*entity, "list", core::tr("Every person and organisation, with its names and reports"));
    auto list_json = std::make_shared<bool>(false);
    list->add_flag("--json", *list_json, core::tr("One JSON document"));
    context.commands.add(list, [&context, list_json] {
        const auto session = unlock_vault(context);
        const auto all = core::EntityService(*session).list();
        if (*list_json) {
            Json items = Json::array();
            for (const auto& e : all) items.push_back(entity_json(e));
            print_json(std::cout, Json{{"entities", items}});
            return 0;
        }
        if (all.empty()) std::cout << core::tr("No people or organisations yet: fieldvault-cli entity add NAME") << "\n";
        for (const auto& e : all) print_entity(e);
        return 0;
    });

    auto* show = add_command(*entity, "show", core::tr("One of them: its names, linked reports and reports that name it"));
    auto show_args = std::make_shared<Names>();
    show->add_option("name", show_args->name, core::tr("Any of its names"))->required();
    show->add_flag("--json", show_args->json, core::tr("One JSON document"));
    context.commands.add(show, [&context, show_args] {
        const auto session = unlock_vault(context);
        core::EntityService entities(*session);
        const auto e = entities.get(show_args->name);
        const auto named_in = entities.mentions(show_args->name);
        if (show_args->json) {
            auto doc = entity_json(e);
            doc["named_in_report_ids"] = named_in;
            print_json(std::cout, doc);
            return 0;
        }
        print_entity(e);
        std::cout << "  " << core::tr_args("reports whose words name it: {1}", {ids_text(named_in)}) << "\n";
        return 0;
    });
}

}  // namespace fv::cli
