// fieldvault: the desktop app. Arguments:
//   --vault DIR          the vault folder (default: as fieldvault-cli)
//   --auto-lock SECONDS  lock after this long without input (default 300; 0 = never)
//   --screenshot FILE    render a few frames of --screen to a PNG and exit
//   --screen NAME        welcome | create | unlock | list | report | settings | timeline (list, report,
//                        settings and timeline read
//                        the passphrase from the first line of standard input)
//   --screen contacts | export | import | audit  (the exchange screens; passphrase from stdin too)
//   --screen evidence    the report editor on the first report with a picture attached, its
//                        evidence panel showing the picture's preview (passphrase from stdin too)
//   --bundle FILE        with --screen import: the bundle to verify and show
//   --timing             print the time from launch to the first frame drawn
#include <sys/prctl.h>
#include <sys/resource.h>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <string>

#include "app.h"
#include "content_wipe.h"
#include "fonts.h"
#include "gl_texture_backend.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "platform_window.h"
#include "stdin_passphrase.h"
#include "ui_setup.h"
#include "view.h"
#include "wiping_allocator.h"

namespace {

struct Arguments {
    std::optional<std::filesystem::path> vault;
    std::optional<std::filesystem::path> screenshot;
    std::string screen;
    std::optional<std::filesystem::path> bundle;
    std::optional<double> auto_lock;
    bool timing = false;
};

// Launch time, for --timing (launch to first frame on screen).
const auto g_launch = std::chrono::steady_clock::now();

void print_timing(const char* what) {
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_launch).count();
    std::fprintf(stderr, "fieldvault: %s after %.0f ms\n", what, ms);
}

[[noreturn]] void usage(const char* problem) {
    if (problem != nullptr) std::fprintf(stderr, "fieldvault: %s\n", problem);
    std::fprintf(stderr,
                 "usage: fieldvault [--vault DIR] [--auto-lock SECONDS] [--timing]\n"
                 "                  [--screenshot FILE --screen welcome|create|unlock|list|report|settings|timeline]\n"
                 "                  [--screenshot FILE --screen contacts|export|import|audit [--bundle FILE]]\n"
                 "                  [--screenshot FILE --screen evidence]\n");
    std::exit(problem != nullptr ? 2 : 0);
}

bool is_exchange_screen(const std::string& screen) {
    return screen == "contacts" || screen == "export" || screen == "import" || screen == "audit";
}

Arguments parse(int argc, char** argv) {
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
            return argv[++i];
        };
        if (arg == "--vault") {
            args.vault = value();
        } else if (arg == "--screenshot") {
            args.screenshot = value();
        } else if (arg == "--screen") {
            args.screen = value();
            if (args.screen != "welcome" && args.screen != "create" && args.screen != "unlock" &&
                args.screen != "list" && args.screen != "report" && args.screen != "settings" &&
                !is_exchange_screen(args.screen) && args.screen != "timeline" && args.screen != "evidence")
                usage("--screen takes welcome, create, unlock, list, report, settings, timeline, contacts, export, import, "
                      "audit or evidence");
        } else if (arg == "--bundle") {
            args.bundle = value();
        } else if (arg == "--auto-lock") {
            const std::string text = value();
            char* end = nullptr;
            const double seconds = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0' || seconds < 0) usage("--auto-lock takes a number of seconds");
            args.auto_lock = seconds;
        } else if (arg == "--timing") {
            args.timing = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(nullptr);
        } else {
            usage(("unknown argument " + arg).c_str());
        }
    }
    return args;
}

// No core dumps and no ptrace attach by other processes of this user: an
// unlocked vault's key is in this process's memory.
void harden_process() {
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
}

// The editor on the first report with a picture attached, scrolled to its
// evidence files, with the picture's preview being decrypted on the worker.
void show_evidence_preview(fv::gui::App& app) {
    auto& state = app.state();
    fv::core::ReportService reports(*state.session());
    for (const auto& summary : reports.list()) {
        auto detail = reports.get(summary.id);
        const auto picture = std::find_if(detail.attachments.begin(), detail.attachments.end(), [](const auto& a) {
            return a.media_type.rfind("image/", 0) == 0;
        });
        auto attachment = picture != detail.attachments.end() ? std::optional(*picture) : std::nullopt;
        fv::gui::wipe_detail(detail);
        if (!attachment) continue;
        auto& editor = app.report_editor_view();
        editor.load(state, summary.id);
        app.navigate(fv::gui::Screen::ReportEditor);
        editor.evidence().preview(state, *attachment);
        editor.scroll_to_evidence();
        fv::gui::wipe_string(attachment->name);
        return;
    }
    throw fv::Error(fv::ErrorKind::Usage, "--screen evidence needs a report with a picture attached");
}

// Unlocks from stdin and shows the screen asked for (screenshot runs).
void prepare_screen(fv::gui::App& app, const std::string& screen,
                    const std::optional<std::filesystem::path>& bundle) {
    using fv::gui::Screen;
    if (screen == "welcome") {
        app.navigate(Screen::Welcome);
    } else if (screen == "create") {
        app.navigate(Screen::Create);
    } else if (screen == "unlock") {
        app.navigate(Screen::Unlock);
    } else if (screen == "list" || screen == "report" || screen == "settings" || screen == "timeline" ||
               is_exchange_screen(screen) || screen == "evidence") {
        auto passphrase = fv::gui::read_passphrase_from_stdin();
        if (!passphrase) throw fv::Error(fv::ErrorKind::Usage, "--screen " + screen + " reads the passphrase from standard input");
        auto& state = app.state();
        state.set_session(fv::core::Session::open(state.vault_dir(), *passphrase));
        passphrase->wipe();
        app.navigate(screen == "settings" ? Screen::Settings : Screen::ReportList);
        if (screen == "timeline") app.navigate(Screen::Timeline);
        if (screen == "report") {
            const auto reports = fv::core::ReportService(*state.session()).list();
            app.report_editor_view().load(state, reports.empty() ? 0 : reports.front().id);
            app.navigate(Screen::ReportEditor);
        }
        if (screen == "evidence") show_evidence_preview(app);
        if (screen == "contacts") app.navigate(Screen::Contacts);
        if (screen == "export") app.navigate(Screen::Export);
        if (screen == "audit") app.navigate(Screen::Audit);
        if (screen == "import") {
            app.navigate(Screen::Import);
            if (bundle) {
                app.import_view().set_path(fv::gui::display_path(std::filesystem::absolute(*bundle)));
                app.import_view().verify(state);
            }
        }
        // Jobs the screen starts (its first read, a verification) finish before the frames are drawn.
        state.worker().wait_until_idle();
    }
}

int run(Arguments args) {
    fv::gui::AppOptions options;
    options.settings_file = fv::gui::default_settings_file();
    options.settings = fv::gui::load_settings(options.settings_file);
    if (args.vault) {
        options.vault_dir = *args.vault;
    } else if (!options.settings.vault_dir.empty() && fv::core::Session::vault_exists(options.settings.vault_dir)) {
        options.vault_dir = options.settings.vault_dir;  // opened on an earlier run
    } else {
        options.vault_dir = fv::core::Session::default_vault_dir();
    }
    options.kdf = fv::core::kdf_params_for_new_keys();
    if (args.auto_lock) options.settings.auto_lock_seconds = *args.auto_lock;
    const int font_percent = options.settings.font_percent;
    const auto theme = options.settings.theme;

    fv::gui::install_wiping_allocator();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    int status = 0;
    {
        fv::gui::PlatformWindow window(1180, 760, true);
        if (args.timing) print_timing("window and GL context ready");
        if (args.timing) {
            (void)fv::gui::cached_fonts();
            print_timing("fonts found (fontconfig)");
        }
        fv::gui::configure_imgui(window.content_scale(), font_percent, theme);
        if (args.timing) {
            print_timing("fonts read and added");
            ImGui::GetIO().Fonts->Build();  // otherwise built inside the first frame
            print_timing("font atlas built");
        }
        fv::gui::GlTextureBackend textures;  // image previews; outlives the app
        fv::gui::set_texture_backend(&textures);
        fv::gui::App app(options);
        if (!args.screen.empty()) prepare_screen(app, args.screen, args.bundle);

        if (args.screenshot) {
            // A few frames let ImGui settle layout (auto-sized windows, tables).
            constexpr int kFrames = 6;
            for (int frame = 0; frame < kFrames; ++frame) {
                window.begin_frame(false);
                app.frame();
                window.end_frame(frame + 1 < kFrames);
                // Characters first seen in this frame are drawn by the next ones.
                if (fv::gui::rebuild_glyphs_if_needed()) window.reload_font_texture();
            }
            if (!window.write_png(*args.screenshot)) {
                std::fprintf(stderr, "fieldvault: could not write %s\n", args.screenshot->c_str());
                status = 1;
            }
        } else {
            int quiet_frames = 0;
            while (!window.should_close()) {
                // Sleep in the event wait only after a few frames without input,
                // so ImGui's reactions to a click are drawn before we wait.
                window.begin_frame(quiet_frames > 3);
                app.frame();
                auto dropped = window.take_dropped_files();
                if (!dropped.empty()) app.files_dropped(std::move(dropped));
                window.end_frame(true);
                if (args.timing) {
                    print_timing("first frame");
                    args.timing = false;
                }
                if (app.close_requested()) window.request_close();
                if (window.take_minimised()) app.window_minimised();
                if (app.state().take_appearance_change()) {
                    const auto& settings = app.state().settings();
                    fv::gui::apply_appearance(window.content_scale(), settings.font_percent, settings.theme);
                    window.reload_font_texture();
                }
                if (fv::gui::rebuild_glyphs_if_needed()) {
                    window.reload_font_texture();
                    quiet_frames = 0;  // draw the new glyphs now, not at the next event
                    continue;
                }
                quiet_frames = app.wants_frames() ? 0 : quiet_frames + 1;
            }
        }
        app.lock();
    }
    ImGui::DestroyContext();
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    harden_process();
    const Arguments args = parse(argc, argv);
    try {
        return run(args);
    } catch (const fv::Error& e) {
        std::fprintf(stderr, "fieldvault: %s\n", e.what());
        switch (e.kind()) {
            case fv::ErrorKind::Unlock: return 3;
            case fv::ErrorKind::Integrity: return 4;
            case fv::ErrorKind::Usage: return 2;
            default: return 1;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fieldvault: %s\n", e.what());
        return 1;
    }
}
