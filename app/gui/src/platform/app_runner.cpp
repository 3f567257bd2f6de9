#include "platform/app_runner.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

#include "fieldvault/core/places.h"
#include "fieldvault/core/user_message.h"
#include "fieldvault/model/error.h"
#include "platform/fonts.h"
#include "platform/gl_texture_backend.h"
#include "platform/platform_window.h"
#include "platform/ui_setup.h"
#include "platform/wiping_allocator.h"

namespace fv::gui {
namespace {

// Launch time, for --timing (launch to first frame on screen).
const auto g_launch = std::chrono::steady_clock::now();

void print_timing(const char* what) {
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_launch).count();
    std::fprintf(stderr, "fieldvault: %s after %.0f ms\n", what, ms);
}

AppOptions app_options(const RunOptions& run) {
    AppOptions options;
    options.settings_file = default_settings_file();
    options.settings = load_settings(options.settings_file);
    if (run.vault) {
        options.vault_dir = *run.vault;
    } else if (!core::current_places().portable &&  // portable: the stick's own vault, wherever it is mounted
               !options.settings.vault_dir.empty() && core::Session::vault_exists(options.settings.vault_dir)) {
        options.vault_dir = options.settings.vault_dir;  // opened on an earlier run
    } else {
        options.vault_dir = core::Session::default_vault_dir();
    }
    options.kdf = core::kdf_params_for_new_keys();
    if (run.auto_lock) options.settings.auto_lock_seconds = *run.auto_lock;
    return options;
}

// One frame drawn (not read back).
void screenshot_frame(PlatformWindow& window, App& app) {
    window.begin_frame(false);
    app.frame();
    window.end_frame(true);
    if (rebuild_glyphs_if_needed()) window.reload_font_texture();
}

// A few frames let ImGui settle layout (auto-sized windows, tables). `keys`
// (GLFW key codes, as the GLFW backend fills io.KeysDown) are pressed first,
// one after another, as a person at the keyboard would: the picture then
// shows where the keyboard focus is.
int write_screenshot(PlatformWindow& window, App& app, const std::filesystem::path& file,
                     const std::vector<int>& keys) {
    ImGuiIO& io = ImGui::GetIO();
    screenshot_frame(window, app);
    for (const int key : keys) {
        if (key < 0 || key >= static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) continue;
        const auto index = static_cast<std::size_t>(key);
        io.KeysDown[index] = true;
        screenshot_frame(window, app);
        io.KeysDown[index] = false;
        screenshot_frame(window, app);
        screenshot_frame(window, app);
    }
    constexpr int kFrames = 6;
    for (int frame = 0; frame < kFrames; ++frame) {
        // A screen's work on the worker (the list's query, a preview being
        // drawn) is finished before each frame, so the picture never depends
        // on how loaded the machine is.
        app.state().worker().wait_until_idle();
        window.begin_frame(false);
        app.frame();
        window.end_frame(frame + 1 < kFrames);
        // Characters first seen in this frame are drawn by the next ones.
        if (rebuild_glyphs_if_needed()) window.reload_font_texture();
    }
    if (window.write_png(file)) return 0;
    std::fprintf(stderr, "fieldvault: could not write %s\n", file.c_str());
    return 1;
}

// Where things live (core's places), decided before any library starts:
// portable mode points the libraries' caches into the portable folder.
void settle_places(const RunOptions& run) {
    core::PlaceOptions place_options = core::place_options();
    place_options.portable = place_options.portable || run.portable;
    if (!run.plain_name.empty()) place_options.plain_name = run.plain_name;
    const auto places = core::resolve_places(place_options);
    place_options.plain_name = places.plain_name;  // the marker's, in portable mode
    core::set_place_options(place_options);
    core::confine_to_portable_folder(places);
}

// The window title follows the plain name (chosen at setup, or before).
std::string window_title() {
    const auto name = core::place_options().plain_name;
    return name.empty() ? std::string(core::kAppTitle) : name;
}

void frame_loop(PlatformWindow& window, App& app, bool timing) {
    int quiet_frames = 0;
    std::string title = window_title();
    while (!window.should_close()) {
        if (auto now = window_title(); now != title) {
            title = std::move(now);
            window.set_title(title);
        }
        // Sleep in the event wait only after a few frames without input,
        // so ImGui's reactions to a click are drawn before we wait.
        window.begin_frame(quiet_frames > 3);
        app.frame();
        auto dropped = window.take_dropped_files();
        if (!dropped.empty()) app.files_dropped(std::move(dropped));
        window.end_frame(true);
        if (timing) {
            print_timing("first frame");
            timing = false;
        }
        if (app.close_requested()) window.request_close();
        if (window.take_minimised()) app.window_minimised();
        if (app.state().take_appearance_change()) {
            const auto& settings = app.state().settings();
            apply_appearance(window.content_scale(), settings.font_percent, settings.theme);
            window.reload_font_texture();
        }
        if (rebuild_glyphs_if_needed()) {
            window.reload_font_texture();
            quiet_frames = 0;  // draw the new glyphs now, not at the next event
            continue;
        }
        quiet_frames = app.wants_frames() ? 0 : quiet_frames + 1;
    }
}

int run_unguarded(const RunOptions& run, const PrepareApp& prepare) {
    settle_places(run);
    const AppOptions options = app_options(run);
    const int font_percent = options.settings.font_percent;
    const auto theme = options.settings.theme;

    install_wiping_allocator();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    int status = 0;
    {
        PlatformWindow window(1180, 760, true, window_title());
        if (run.timing) {
            print_timing("window and GL context ready");
            (void)cached_fonts();
            print_timing("fonts found (fontconfig)");
        }
        configure_imgui(window.content_scale(), font_percent, theme);
        if (run.timing) {
            print_timing("fonts read and added");
            ImGui::GetIO().Fonts->Build();  // otherwise built inside the first frame
            print_timing("font atlas built");
        }
        GlTextureBackend textures;  // image previews; outlives the app
        set_texture_backend(&textures);
        App app(options);
        if (prepare) prepare(app);
        if (run.screenshot) {
            status = write_screenshot(window, app, *run.screenshot, run.keys);
        } else {
            frame_loop(window, app, run.timing);
        }
        app.lock();
    }
    ImGui::DestroyContext();
    return status;
}

}  // namespace

int run_app(RunOptions options, const PrepareApp& prepare) {
    try {
        return run_unguarded(options, prepare);
    } catch (const Error& e) {
        std::fprintf(stderr, "fieldvault: %s\n", fv::core::user_message(e).c_str());
        switch (e.kind()) {
            case ErrorKind::Unlock: return 3;
            case ErrorKind::Integrity: return 4;
            case ErrorKind::Usage: return 2;
            case ErrorKind::Rollback: return 5;
            default: return 1;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fieldvault: %s\n", e.what());
        return 1;
    }
}

}  // namespace fv::gui
