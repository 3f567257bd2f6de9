// fieldvault-cli: builds the command tree, parses, runs the chosen command and
// turns every failure into one line on stderr and a documented exit code.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "app_context.h"
#include "help_formatter.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/places.h"
#include "fieldvault/core/process_hardening.h"
#include "fieldvault/core/user_message.h"
#include "commands_timeline.h"
#include "fieldvault/model/error.h"
#include "usage_errors.h"

namespace {

// The exit codes promised in docs/cli.md (0 is success).
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitUnlock = 3;
constexpr int kExitIntegrity = 4;
constexpr int kExitRollback = 5;

int exit_code_for(fv::ErrorKind kind) {
    switch (kind) {
        case fv::ErrorKind::Usage: return kExitUsage;
        case fv::ErrorKind::Unlock: return kExitUnlock;
        case fv::ErrorKind::Integrity: return kExitIntegrity;
        case fv::ErrorKind::Rollback: return kExitRollback;
        case fv::ErrorKind::Invalid:
        case fv::ErrorKind::Io:
        case fv::ErrorKind::NotFound: return kExitError;
    }
    return kExitError;
}

// One line, always: messages never carry report content or secrets (the
// services promise that), and a newline inside one is flattened here.
void print_error(std::string_view message) {
    std::string line(message);
    for (auto& c : line) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    std::cout.flush();
    std::cerr << "fieldvault-cli: " << fv::core::tr("error:") << ' ' << line << '\n';
}

// --language CODE (or --language=CODE) before the command name: read before
// the command tree is built, since its help texts are already in that
// language. After the command name, `report add|edit --language` is the
// account's own language, never the messages'.
std::string language_asked(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--language" && i + 1 < argc) return argv[i + 1];
        if (arg.rfind("--language=", 0) == 0) return std::string(arg.substr(11));
        if (arg == "--vault" || arg == "--passphrase-file" || arg == "--as") {
            ++i;  // its value
            continue;
        }
        if (arg.empty() || arg[0] != '-') break;  // the command name
    }
    return {};
}

// CLI11's own words in --help, in the person's language.
void translate_help(CLI::App& app) {
    using fv::core::tr;
    app.formatter(std::make_shared<fv::cli::HelpFormatter>());  // lines up translated placeholders
    auto formatter = app.get_formatter();
    formatter->label("Usage", tr("Usage"));
    formatter->label("OPTIONS", tr("OPTIONS"));
    formatter->label("SUBCOMMAND", tr("COMMAND"));
    formatter->label("SUBCOMMANDS", tr("COMMANDS"));
    formatter->label("Positionals", tr("Positionals"));
    formatter->label("REQUIRED", tr("REQUIRED"));
    formatter->label("Excludes", tr("Excludes"));
    formatter->label("TEXT", tr("TEXT"));
    formatter->label("INT", tr("NUMBER"));
    app.option_defaults()->group(tr("Options"));
    app.set_help_flag("-h,--help", tr("Print this help and exit"));
}

}  // namespace

int main(int argc, char** argv) {
    fv::core::harden_process();
    const auto language_first = language_asked(argc, argv);
    fv::core::init_translations(language_first);
    using fv::core::tr;

    CLI::App app{tr("Fieldvault: an encrypted, offline vault for reports of transnational repression."),
                 "fieldvault-cli"};
    translate_help(app);
    app.require_subcommand(1);
    fv::cli::AppContext context;
    std::string language;
    app.add_option("--language", language, tr("Language of messages: en, zh_CN or zh_TW (default: the system's)"))
        ->option_text("CODE");
    app.add_option("--vault", context.global.vault, tr("Vault folder (else $FIELDVAULT_VAULT, else the default)"))
        ->option_text(tr("DIR"));
    app.add_option("--passphrase-file", context.global.passphrase_file,
                   tr("Read passphrases from FILE, one per line, instead of stdin or the terminal"))
        ->option_text(tr("FILE"));
    // Where things live (core's places): portable keeps everything beside the
    // program; --as is the plain name chosen in the desktop app's setup.
    bool portable = false;
    std::string plain_name;
    app.add_flag("--portable", portable,
                 tr("Keep the vault beside this program and write nothing elsewhere "
                    "(also on when a file named fieldvault-portable is beside it)"));
    app.add_option("--as", plain_name, tr("The plain name chosen at setup (its vault folder)"))
        ->option_text(tr("NAME"));
    app.set_version_flag("--version", "fieldvault-cli " + std::string(fv::core::program_version()),
                         tr("Print the version and exit"));

    fv::cli::register_vault_commands(app, context);
    fv::cli::register_report_commands(app, context);
    fv::cli::register_attachment_commands(app, context);
    fv::cli::register_search_log_commands(app, context);
    fv::cli::register_contact_commands(app, context);
    fv::cli::register_exchange_commands(app, context);
    fv::cli::register_timeline_command(app, context);
    fv::cli::register_check_command(app, context);
    fv::cli::register_custody_commands(app, context);
    fv::cli::register_entity_commands(app, context);
    fv::cli::register_case_commands(app, context);
    fv::cli::register_draft_cleanup_commands(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);  // --help
        print_error(fv::cli::usage_message(e, app.remaining(true)));
        return kExitUsage;
    }

    // --language given after a command without a --language of its own: the
    // help was built already, the messages from here on follow it.
    if (!language.empty() && language_first.empty()) fv::core::set_language(language);

    const auto* action = context.commands.chosen();
    if (action == nullptr) {
        print_error(tr("no command given (see --help)"));
        return kExitUsage;
    }
    try {
        fv::core::PlaceOptions place_options;
        place_options.portable = portable;
        place_options.plain_name = plain_name;
        if (!plain_name.empty()) {
            if (const auto problem = fv::core::plain_name_problem(plain_name); !problem.empty())
                throw fv::Error(fv::ErrorKind::Usage, "--as: " + problem);
        }
        fv::core::set_place_options(place_options);
        fv::core::confine_to_portable_folder(fv::core::resolve_places(place_options));
        const int code = (*action)();
        std::cout.flush();
        if (!std::cout) {
            print_error(tr("could not write the output"));
            return kExitError;
        }
        return code;
    } catch (const fv::Error& e) {
        print_error(fv::core::user_message(e));  // storage's and crypto's words too, in the person's language
        return exit_code_for(e.kind());
    } catch (const std::bad_alloc&) {
        print_error(tr("out of memory"));
        return kExitError;
    } catch (const std::exception& e) {
        print_error(fv::core::tr_args("unexpected failure: {1}", {e.what()}));
        return kExitError;
    }
}
