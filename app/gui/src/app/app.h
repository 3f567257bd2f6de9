#pragma once
// The app: owns the shared state (Session, worker) and one view per screen,
// and runs one frame at a time. Knows nothing of GLFW or OpenGL, so headless
// tests drive exactly this class with ImGui alone.
#include <filesystem>
#include <vector>

#include "app/app_state.h"
#include "views/audit_view.h"
#include "views/contacts_view.h"
#include "views/create_view.h"
#include "views/export_view.h"
#include "views/import_view.h"
#include "views/report_editor_view.h"
#include "views/report_list_view.h"
#include "views/settings_view.h"
#include "views/timeline_view.h"
#include "views/unlock_view.h"
#include "views/welcome_view.h"

namespace fv::gui {

// GLFW's key code for L (GLFW key codes are ASCII for letters); the GLFW
// backend indexes io.KeysDown by GLFW key codes.
inline constexpr int kKeyL = 76;
inline constexpr int kKeyQ = 81;

class App {
public:
    explicit App(AppOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Everything the app does in one frame; call between ImGui::NewFrame()
    // and ImGui::Render().
    void frame();
    // Files dropped on the window; handed to the current view next frame.
    void files_dropped(std::vector<std::filesystem::path> paths);
    // Destroys the Session and clears every decrypted string the views hold.
    void lock() noexcept;
    // Quick exit: lock at once (unsaved edits are discarded, no dialog) and
    // ask the window to close.
    void quick_exit() noexcept;
    bool close_requested() const noexcept { return close_requested_; }
    void navigate(Screen screen);

    Screen screen() const noexcept { return screen_; }
    AppState& state() noexcept { return state_; }
    WelcomeView& welcome_view() noexcept { return welcome_; }
    CreateView& create_view() noexcept { return create_; }
    UnlockView& unlock_view() noexcept { return unlock_; }
    ReportListView& report_list_view() noexcept { return list_; }
    ReportEditorView& report_editor_view() noexcept { return editor_; }
    SettingsView& settings_view() noexcept { return settings_; }
    ContactsView& contacts_view() noexcept { return contacts_; }
    ExportView& export_view() noexcept { return export_; }
    ImportView& import_view() noexcept { return import_; }
    AuditView& audit_view() noexcept { return audit_; }
    TimelineView& timeline_view() noexcept { return timeline_; }
    // The window was minimised: locks if the settings say so.
    void window_minimised() noexcept;
    // True if any view still holds decrypted data or typed text.
    bool holds_sensitive_data() const noexcept;
    // The last frame saw input or the worker is busy: keep drawing frames.
    bool wants_frames() const noexcept { return active_; }

private:
    View& view_for(Screen screen) noexcept;
    void track_activity();
    void apply_requests();

    AppState state_;
    WelcomeView welcome_;
    CreateView create_;
    UnlockView unlock_;
    ReportListView list_;
    ReportEditorView editor_;
    SettingsView settings_;
    ContactsView contacts_;
    ExportView export_;
    ImportView import_;
    AuditView audit_;
    TimelineView timeline_;
    Screen screen_ = Screen::Unlock;
    double last_activity_ = 0.0;
    bool active_ = true;
    bool close_requested_ = false;
    std::vector<std::filesystem::path> dropped_;
};

}  // namespace fv::gui
