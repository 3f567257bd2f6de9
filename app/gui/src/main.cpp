// fieldvault: the desktop app. Arguments:
//   --vault DIR          the vault folder (default: as fieldvault-cli)
//   --auto-lock SECONDS  lock after this long without input (default 300; 0 = never)
//   --screenshot FILE    draw the first screen a few times, save it as a PNG and exit
//                        (a check that the app starts and draws on this machine)
//   --timing             print the time from launch to the first frame drawn
//   --portable           keep the vault and settings beside the program and write
//                        nothing elsewhere (also: a file fieldvault-portable there)
//   --as NAME            the plain name chosen at setup (window title, folders)
//   --version            print the version and exit
// The language is the one chosen in Settings (settings.json), else the
// system's ($LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG): set before the first
// frame, so every window text is drawn in it.
// The screens the screenshot tests draw, unlocked and filled, come from a
// separate test program (app/gui/driver), never from this one.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "platform/app_runner.h"
#include "models/settings.h"
#include "platform/fonts.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/places.h"
#include "fieldvault/core/process_hardening.h"

namespace {

[[noreturn]] void usage(const char* problem) {
    if (problem != nullptr) std::fprintf(stderr, "fieldvault: %s\n", problem);
    std::fprintf(stderr, "%s", fv::core::tr("usage: fieldvault [--vault DIR] [--auto-lock SECONDS] [--portable] "
                                            "[--as NAME] [--timing]\n"
                                            "                  [--screenshot FILE] [--version]\n"));
    std::exit(problem != nullptr ? 2 : 0);
}

fv::gui::RunOptions parse(int argc, char** argv) {
    fv::gui::RunOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(fv::core::tr_args("missing value after {1}", {arg}).c_str());
            return argv[++i];
        };
        if (arg == "--vault") {
            options.vault = value();
        } else if (arg == "--screenshot") {
            options.screenshot = value();
        } else if (arg == "--auto-lock") {
            const std::string text = value();
            char* end = nullptr;
            const double seconds = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0' || seconds < 0) usage(fv::core::tr("--auto-lock takes a number of seconds"));
            options.auto_lock = seconds;
        } else if (arg == "--timing") {
            options.timing = true;
        } else if (arg == "--portable") {
            options.portable = true;
        } else if (arg == "--as") {
            options.plain_name = value();
            if (const auto problem = fv::core::plain_name_problem(options.plain_name); !problem.empty())
                usage(("--as: " + problem).c_str());
        } else if (arg == "--version") {
            std::printf("fieldvault %.*s\n", static_cast<int>(fv::core::program_version().size()),
                        fv::core::program_version().data());
            std::exit(0);
        } else if (arg == "--help" || arg == "-h") {
            usage(nullptr);
        } else {
            usage(fv::core::tr_args("unknown argument {1}", {arg}).c_str());
        }
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    fv::core::harden_process();
    // Before anything sets $LANGUAGE: "Same as this computer" means this.
    fv::gui::remember_system_language();
    fv::core::init_translations(fv::gui::system_language_at_start());
    // The settings file is known once run_app has settled where things live
    // (portable, plain name); the app exists then, and nothing is drawn yet.
    return fv::gui::run_app(parse(argc, argv), [](fv::gui::App& app) {
        fv::gui::apply_language(app.state().settings().language);
        fv::gui::follow_language();
    });
}
