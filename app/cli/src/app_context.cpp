#include "app_context.h"

#include "fieldvault/core/i18n.h"

namespace fv::cli {

void CommandTable::add(const CLI::App* command, Action action) { entries_.emplace_back(command, std::move(action)); }

const Action* CommandTable::chosen() const {
    const Action* found = nullptr;
    for (const auto& [command, action] : entries_) {
        if (command->parsed()) found = &action;
    }
    return found;
}

CLI::App* add_command(CLI::App& parent, const std::string& name, const std::string& description) {
    auto* command = parent.add_subcommand(name, description);
    command->fallthrough();
    command->group(core::tr("Commands"));
    if (auto* help = command->get_help_ptr()) help->group(core::tr("Options"));  // made before option_defaults apply
    return command;
}

}  // namespace fv::cli
