#pragma once
// What every command shares: the global options and the table that maps a
// parsed subcommand to the action main() runs after parsing. Actions run
// outside CLI11 so that fv::Error reaches main's exit-code mapping untouched.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace fv::cli {

struct GlobalOptions {
    std::string vault;            // --vault DIR ("" = $FIELDVAULT_VAULT or the default)
    std::string passphrase_file;  // --passphrase-file FILE ("" = stdin or the terminal)
};

using Action = std::function<int()>;

class CommandTable {
public:
    void add(const CLI::App* command, Action action);
    // The action of the deepest parsed command (children are registered after
    // their parents, so the last parsed entry wins); nullptr if none.
    const Action* chosen() const;

private:
    std::vector<std::pair<const CLI::App*, Action>> entries_;
};

struct AppContext {
    GlobalOptions global;
    CommandTable commands;
};

// A subcommand that passes options it does not know (--vault, --passphrase-file)
// up to its parent, so global options work before or after the command name.
CLI::App* add_command(CLI::App& parent, const std::string& name, const std::string& description);

// Registration, one per commands_*.cpp file.
void register_vault_commands(CLI::App& app, AppContext& context);
void register_report_commands(CLI::App& app, AppContext& context);
void register_attachment_commands(CLI::App& app, AppContext& context);
void register_search_log_commands(CLI::App& app, AppContext& context);
void register_contact_commands(CLI::App& app, AppContext& context);
void register_exchange_commands(CLI::App& app, AppContext& context);
void register_check_command(CLI::App& app, AppContext& context);
void register_custody_commands(CLI::App& app, AppContext& context);
void register_entity_commands(CLI::App& app, AppContext& context);
void register_case_commands(CLI::App& app, AppContext& context);
// After the report and attachment commands: it adds to them.
void register_draft_cleanup_commands(CLI::App& app, AppContext& context);

}  // namespace fv::cli
