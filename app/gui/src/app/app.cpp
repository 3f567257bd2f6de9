#include "app/app.h"

#include <imgui.h>

#include "platform/glyph_cache.h"
#include "platform/ui_setup.h"
#include "platform/wiping_allocator.h"

namespace fv::gui {

App::App(AppOptions options) : state_(std::move(options)) {
    bool exists = false;
    try {
        exists = core::Session::vault_exists(state_.vault_dir());
    } catch (...) {
        exists = false;  // unreadable folder: the create screen will say why
    }
    screen_ = exists ? Screen::Unlock : Screen::Welcome;
    last_activity_ = state_.now();
    view_for(screen_).on_show(state_);
}

App::~App() {
    // Jobs may hold the Session; stop them before any view or the Session goes.
    state_.worker().cancel_all();
    state_.worker().wait_until_idle();
    lock();
}

View& App::view_for(Screen screen) noexcept {
    switch (screen) {
        case Screen::Welcome: return welcome_;
        case Screen::Create: return create_;
        case Screen::Unlock: return unlock_;
        case Screen::ReportList: return list_;
        case Screen::ReportEditor: return editor_;
        case Screen::Settings: return settings_;
        case Screen::Contacts: return contacts_;
        case Screen::Export: return export_;
        case Screen::Import: return import_;
        case Screen::Audit: return audit_;
        case Screen::Timeline: return timeline_;
    }
    return unlock_;
}

void App::frame() {
    state_.probe().begin_frame();
    state_.worker().poll();
    track_activity();
    keyboard_frame_start();  // Enter presses buttons; keys show the focus

    const double idle_limit = state_.auto_lock_seconds();
    // A vault opened with the recovery key, waiting for its new passphrase, is open too.
    const bool open = state_.unlocked() || unlock_.mode() == UnlockView::Mode::NewPassphrase;
    if (open && idle_limit > 0.0 && state_.now() - last_activity_ >= idle_limit) lock();
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && io.KeyShift && ImGui::IsKeyPressed(kKeyQ, false)) {
        quick_exit();
        return;  // nothing more is drawn: the window closes
    }
    if (state_.unlocked() && io.KeyCtrl && ImGui::IsKeyPressed(kKeyL, false)) lock();

    if (!dropped_.empty()) {
        auto paths = std::move(dropped_);
        dropped_.clear();
        view_for(screen_).files_dropped(state_, paths);
    }
    view_for(screen_).draw(state_);
    draw_keyboard_focus();
    // Typed or pasted characters the atlas lacks are added between frames.
    glyphs::note_active_input();
    apply_requests();
}

void App::files_dropped(std::vector<std::filesystem::path> paths) {
    for (auto& path : paths) dropped_.push_back(std::move(path));
    last_activity_ = state_.now();
}

void App::track_activity() {
    const ImGuiIO& io = ImGui::GetIO();
    bool active = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f ||
                  io.MouseWheelH != 0.0f || io.InputQueueCharacters.Size > 0;
    for (const bool down : io.MouseDown) active = active || down;
    for (const bool down : io.KeysDown) active = active || down;
    // A long job (a large file being stored) is the user's work in progress.
    active_ = active || state_.busy() || editor_.evidence().sound_in_use();  // listening or recording too
    if (active_) last_activity_ = state_.now();
}

void App::apply_requests() {
    if (state_.take_quick_exit_request()) {
        quick_exit();
        return;
    }
    if (state_.take_lock_request()) {
        lock();
        return;
    }
    if (const auto id = state_.take_requested_report()) editor_.load(state_, *id);
    if (const auto key = state_.take_restore_draft()) editor_.restore_kept(state_, *key);
    const bool discard = state_.take_discard_unsaved();
    if (const auto screen = state_.take_requested_screen()) {
        // Leaving the editor with unsaved edits asks first (lock and quick
        // exit never ask: they discard).
        if (screen_ == Screen::ReportEditor && *screen != Screen::ReportEditor && !discard && editor_.dirty()) {
            editor_.ask_before_leaving(*screen);
        } else {
            navigate(*screen);
        }
    }
}

void App::navigate(Screen screen) {
    if ((screen == Screen::ReportList || screen == Screen::ReportEditor || screen == Screen::Settings ||
         screen == Screen::Timeline) &&
        !state_.unlocked())
        screen = Screen::Unlock;
    if ((screen == Screen::Contacts || screen == Screen::Export || screen == Screen::Import ||
         screen == Screen::Audit) &&
        !state_.unlocked())
        screen = Screen::Unlock;
    // Leaving the editor: its decrypted copy of the report is no longer needed.
    if (screen_ == Screen::ReportEditor && screen != Screen::ReportEditor) editor_.clear();
    screen_ = screen;
    view_for(screen_).on_show(state_);
}

void App::lock() noexcept {
    state_.worker().cancel_all();
    state_.worker().wait_until_idle();
    // Whatever is being written is kept inside the vault before it closes
    // (lock, idle lock, minimise, quick exit): offered back at the next unlock.
    editor_.keep_unsaved(state_, /*worker_drained=*/true);
    state_.drop_session();
    try {
        state_.worker().poll();  // completions of cancelled jobs: they see "cancelled" and stop
    } catch (...) {
    }
    welcome_.clear();
    create_.clear();
    unlock_.clear();
    list_.clear();
    editor_.clear();
    settings_.clear();
    contacts_.clear();
    export_.clear();
    import_.clear();
    audit_.clear();
    timeline_.clear();
    dropped_.clear();
    wipe_imgui_text_state();
    screen_ = Screen::Unlock;  // only an unlocked (hence existing) vault can be locked
    last_activity_ = state_.now();
    unlock_.on_show(state_);
}

void App::window_minimised() noexcept {
    if (state_.settings().lock_on_minimise && (state_.unlocked() || unlock_.holds_sensitive_data())) lock();
}

void App::quick_exit() noexcept {
    lock();
    close_requested_ = true;
}

bool App::holds_sensitive_data() const noexcept {
    return create_.holds_sensitive_data() || unlock_.holds_sensitive_data() || list_.holds_sensitive_data() ||
           editor_.holds_sensitive_data() || settings_.holds_sensitive_data() ||
           contacts_.holds_sensitive_data() || export_.holds_sensitive_data() || import_.holds_sensitive_data() ||
           audit_.holds_sensitive_data() || timeline_.holds_sensitive_data();
}

}  // namespace fv::gui
