// fieldvault-screens: a TEST program, never shipped (the release preset does
// not build it). The real app, opened on a test vault and taken to one screen
// before its first frame, for the screenshot tests and docs/screenshots:
//   fieldvault-screens --vault DIR --screenshot FILE --screen NAME [--bundle FILE]
// NAME: welcome | create | unlock (no passphrase), or unlock-tried (the passphrase
// tried on the unlock screen), list | report | settings |
// timeline | contacts | export | import | audit | evidence (the passphrase is
// the first line of standard input). --bundle: with import, the bundle to verify.
// --language CODE (en, zh_CN, zh_TW): draw in that language instead of the
// settings' or the system's (not saved).
// --keys K,K,...: keys pressed one after another before the picture (tab, enter,
// space, escape, up, down, left, right): shows where the keyboard focus is.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "platform/app_runner.h"
#include "models/content_wipe.h"
#include "models/settings.h"
#include "platform/fonts.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/process_hardening.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "platform/stdin_passphrase.h"
#include "views/view.h"

namespace {

using fv::gui::Screen;

constexpr std::array<const char*, 4> kLockedScreens{"welcome", "create", "unlock", "unlock-tried"};
constexpr std::array<const char*, 11> kUnlockedScreens{"list",   "report", "settings", "timeline", "contacts",
                                                       "export", "import", "audit",    "evidence", "record",
                                                       "evidence-pdf"};

struct DriverArguments {
    fv::gui::RunOptions run;
    std::string screen;
    std::optional<std::filesystem::path> bundle;
    std::int64_t report = 0;  // --screen report: which one (0: the most recently changed)
    std::string language;     // --language: a code of core::languages(); empty = the settings'
};

bool one_of(const auto& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

[[noreturn]] void usage(const char* problem) {
    if (problem != nullptr) std::fprintf(stderr, "fieldvault-screens: %s\n", problem);
    std::fprintf(stderr,
                 "usage: fieldvault-screens --vault DIR --screenshot FILE --screen NAME [--bundle FILE] [--report ID]\n"
                 "                          [--language en|zh_CN|zh_TW] [--keys tab,down,enter,...]\n"
                 "  NAME: welcome create unlock unlock-tried list report settings timeline contacts export import audit "
                 "evidence record evidence-pdf\n");
    std::exit(problem != nullptr ? 2 : 0);
}

DriverArguments parse(int argc, char** argv) {
    DriverArguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
            return argv[++i];
        };
        if (arg == "--vault") {
            args.run.vault = value();
        } else if (arg == "--screenshot") {
            args.run.screenshot = value();
        } else if (arg == "--portable") {
            args.run.portable = true;
        } else if (arg == "--screen") {
            args.screen = value();
        } else if (arg == "--bundle") {
            args.bundle = value();
        } else if (arg == "--report") {
            try {
                args.report = std::stoll(value());
            } catch (const std::exception&) {
                usage("--report takes a report id");
            }
        } else if (arg == "--language") {
            args.language = fv::core::normalise_language(value());
            if (args.language.empty()) usage("--language takes en, zh_CN or zh_TW");
        } else if (arg == "--keys") {
            // GLFW's key codes, as its backend fills io.KeysDown.
            static const std::array<std::pair<const char*, int>, 8> kKeys{{{"tab", 258}, {"enter", 257}, {"space", 32},
                {"escape", 256}, {"up", 265}, {"down", 264}, {"left", 263}, {"right", 262}}};
            std::string list = value() + ",";
            for (std::size_t at = list.find(','); at != std::string::npos; at = list.find(',')) {
                const std::string name = list.substr(0, at);
                list.erase(0, at + 1);
                const auto found = std::find_if(kKeys.begin(), kKeys.end(), [&](const auto& k) { return name == k.first; });
                if (found == kKeys.end()) usage(("--keys: unknown key " + name).c_str());
                args.run.keys.push_back(found->second);
            }
        } else if (arg == "--help" || arg == "-h") {
            usage(nullptr);
        } else {
            usage(("unknown argument " + arg).c_str());
        }
    }
    if (!one_of(kLockedScreens, args.screen) && !one_of(kUnlockedScreens, args.screen))
        usage("--screen names one screen");
    if (!args.run.screenshot) usage("--screenshot FILE is required");
    return args;
}

// The editor on the first report with a picture attached, scrolled to its
// evidence files, with the picture's preview being decrypted on the worker.
// media: the attachment's media type starts so ("application/pdf" for evidence-pdf).
void show_evidence_preview(fv::gui::App& app, const std::string& media = "image/") {
    auto& state = app.state();
    fv::core::ReportService reports(*state.session());
    for (const auto& summary : reports.list()) {
        auto detail = reports.get(summary.id);
        const auto picture = std::find_if(detail.attachments.begin(), detail.attachments.end(), [&](const auto& a) {
            return a.media_type.rfind(media, 0) == 0;
        });
        auto attachment = picture != detail.attachments.end() ? std::optional(*picture) : std::nullopt;
        fv::gui::wipe_detail(detail);
        if (!attachment) continue;
        auto& editor = app.report_editor_view();
        editor.load(state, summary.id);
        app.navigate(Screen::ReportEditor);
        editor.evidence().preview(state, *attachment);
        editor.scroll_to_evidence();
        fv::gui::wipe_string(attachment->name);
        return;
    }
    throw fv::Error(fv::ErrorKind::Usage, "--screen evidence needs a report with a picture attached");
}

void show_unlocked_screen(fv::gui::App& app, const DriverArguments& args) {
    auto passphrase = fv::gui::read_passphrase_from_stdin();
    if (!passphrase)
        throw fv::Error(fv::ErrorKind::Usage, "--screen " + args.screen + " reads the passphrase from standard input");
    auto& state = app.state();
    state.set_session(fv::core::Session::open(state.vault_dir(), *passphrase));
    passphrase->wipe();
    const std::string& screen = args.screen;
    app.navigate(Screen::ReportList);
    if (screen == "settings") app.navigate(Screen::Settings);
    if (screen == "timeline") app.navigate(Screen::Timeline);
    if (screen == "contacts") app.navigate(Screen::Contacts);
    if (screen == "export") app.navigate(Screen::Export);
    if (screen == "audit") app.navigate(Screen::Audit);
    if (screen == "evidence") show_evidence_preview(app);
    if (screen == "evidence-pdf") show_evidence_preview(app, "application/pdf");
    if (screen == "record") app.report_list_view().record_panel().open_form();
    if (screen == "report") {
        const auto reports = fv::core::ReportService(*state.session()).list();
        app.report_editor_view().load(state, args.report != 0 ? args.report : reports.empty() ? 0 : reports.front().id);
        app.navigate(Screen::ReportEditor);
    }
    if (screen == "import") {
        app.navigate(Screen::Import);
        if (args.bundle) {
            app.import_view().set_path(fv::gui::display_path(std::filesystem::absolute(*args.bundle)));
            app.import_view().verify(state);
        }
    }
    // Jobs the screen starts (its first read, a verification) finish before the frames are drawn.
    state.worker().wait_until_idle();
}

// The unlock screen after the passphrase from standard input was tried through
// the view (a wrong passphrase, or a vault refused for an older database).
void try_unlock(fv::gui::App& app, const DriverArguments& args) {
    auto passphrase = fv::gui::read_passphrase_from_stdin();
    if (!passphrase)
        throw fv::Error(fv::ErrorKind::Usage, "--screen " + args.screen + " reads the passphrase from standard input");
    app.navigate(Screen::Unlock);
    auto& view = app.unlock_view();
    view.passphrase().set_for_test(passphrase->reveal_text());
    passphrase->wipe();
    view.submit(app.state());
    app.state().worker().wait_until_idle();
}

void prepare_screen(fv::gui::App& app, const DriverArguments& args) {
    // As the shipping program: the settings' language (or --language), before any text is drawn.
    fv::gui::apply_language(args.language.empty() ? app.state().settings().language : args.language);
    fv::gui::follow_language();
    if (args.screen == "welcome") return app.navigate(Screen::Welcome);
    if (args.screen == "create") return app.navigate(Screen::Create);
    if (args.screen == "unlock") return app.navigate(Screen::Unlock);
    if (args.screen == "unlock-tried") return try_unlock(app, args);
    show_unlocked_screen(app, args);
}

}  // namespace

int main(int argc, char** argv) {
    fv::core::harden_process();
    const DriverArguments args = parse(argc, argv);
    // --language stands for the system's language too ("Same as this computer").
    if (!args.language.empty()) ::setenv("LANGUAGE", args.language.c_str(), 1);
    fv::gui::remember_system_language();
    fv::core::init_translations(fv::gui::system_language_at_start());
    return fv::gui::run_app(args.run, [&args](fv::gui::App& app) { prepare_screen(app, args); });
}
