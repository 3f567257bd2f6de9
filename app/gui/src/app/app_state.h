#pragma once
// What every view shares: the vault folder, the Session (null while locked),
// the worker for long jobs, the idle clock and requests to change screen or
// lock. The App applies requests between frames, so a view never destroys
// itself or the Session in the middle of drawing.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "fieldvault/core/session.h"
#include "fieldvault/core/worker.h"
#include "fieldvault/model/kdf_params.h"
#include "models/settings.h"
#include "app/ui_probe.h"

namespace fv::gui {

enum class Screen {
    Welcome,
    Create,
    Unlock,
    ReportList,
    ReportEditor,
    Settings,
    Contacts,
    Export,
    Import,
    Audit,
    Timeline,
};

// Monotonic seconds; tests inject a fake one to simulate idle time.
using Clock = std::function<double()>;
Clock steady_clock_seconds();

struct AppOptions {
    std::filesystem::path vault_dir;
    KdfParams kdf = KdfParams::moderate();  // for a new vault
    Settings settings;                                      // as loaded (or defaults)
    std::filesystem::path settings_file;                    // empty = not saved
    Clock clock;                                            // empty = steady clock
};

class AppState {
public:
    explicit AppState(AppOptions options);
    ~AppState();
    AppState(const AppState&) = delete;
    AppState& operator=(const AppState&) = delete;

    const std::filesystem::path& vault_dir() const { return options_.vault_dir; }
    // Another vault folder (first run: "open an existing vault"); only while locked.
    // Remembered in the settings (the current folder only, no history).
    void set_vault_dir(std::filesystem::path dir);
    // The settings file (core's places; it moves when a plain name is chosen at setup).
    const std::filesystem::path& settings_file() const { return options_.settings_file; }
    void use_settings_file(std::filesystem::path file) { options_.settings_file = std::move(file); }
    const KdfParams& kdf() const { return options_.kdf; }
    double now() const { return options_.clock(); }

    double auto_lock_seconds() const { return options_.settings.auto_lock_seconds; }
    // Where the last file was attached from: the file picker starts there next
    // time (kept in memory only, for as long as the program runs).
    const std::filesystem::path& last_attach_folder() const noexcept { return last_attach_folder_; }
    void set_last_attach_folder(std::filesystem::path folder) { last_attach_folder_ = std::move(folder); }
    void set_auto_lock_seconds(double seconds);
    const Settings& settings() const { return options_.settings; }
    // Stores and saves the settings; a font or theme change is picked up by
    // the frame loop (take_appearance_change) between frames.
    void update_settings(const Settings& settings);
    bool take_appearance_change() { return std::exchange(appearance_changed_, false); }
    const std::string& settings_error() const { return settings_error_; }

    core::Worker& worker() { return *worker_; }
    // A long job is queued or running: views that read the vault wait.
    bool busy() const { return !worker_->idle(); }

    bool unlocked() const { return session_ != nullptr; }
    // Only while unlocked and no job is using the vault; null otherwise.
    core::Session* session();
    // For a job about to be submitted to the worker (which then owns access
    // until it finishes); null while locked.
    core::Session* session_for_job() { return session_.get(); }
    void set_session(std::unique_ptr<core::Session> session);

    // The demo vault (fictional sample reports) is the current folder: the
    // header says so and its unlock screen shows the public demo passphrase.
    bool demo() const { return demo_; }
    // The note that Uyghur and Tibetan letters cannot be drawn joined here is
    // shown once per run, until the person closes it.
    bool shaping_note_closed() const { return shaping_note_closed_; }
    void close_shaping_note() { shaping_note_closed_ = true; }
    // Makes the demo folder current for this run only (not remembered in the
    // settings) with its session, opened on the worker.
    void enter_demo(std::filesystem::path dir, std::unique_ptr<core::Session> session);
    // Back to the folder that was current before the demo (only while locked).
    void leave_demo();
    // Destroys the Session (closing the database and wiping its key).
    void drop_session() noexcept;

    // Requests, applied by the App after the frame.
    // discard_unsaved: the user already agreed to lose unsaved edits (the App
    // otherwise asks the editor to confirm before leaving it).
    void go_to(Screen screen, bool discard_unsaved = false) {
        requested_screen_ = screen;
        discard_unsaved_ = discard_unsaved;
    }
    // Opens writing kept by autosave (core::DraftService, by its key) in the editor.
    void restore_kept_draft(std::string key) {
        restore_draft_ = std::move(key);
        requested_screen_ = Screen::ReportEditor;
    }
    std::optional<std::string> take_restore_draft() { return std::exchange(restore_draft_, std::nullopt); }
    void open_report(std::int64_t id) {
        requested_report_ = id;
        requested_screen_ = Screen::ReportEditor;
    }
    void request_lock() { lock_requested_ = true; }
    void request_quick_exit() { quick_exit_requested_ = true; }

    std::optional<Screen> take_requested_screen();
    std::optional<std::int64_t> take_requested_report();
    bool take_lock_request();
    bool take_quick_exit_request() { return std::exchange(quick_exit_requested_, false); }
    bool take_discard_unsaved() { return std::exchange(discard_unsaved_, false); }

    UiProbe& probe() { return probe_; }

private:
    AppOptions options_;
    std::unique_ptr<core::Session> session_;
    std::unique_ptr<core::Worker> worker_;
    std::optional<Screen> requested_screen_;
    std::optional<std::int64_t> requested_report_;
    std::optional<std::string> restore_draft_;
    std::filesystem::path last_attach_folder_;
    bool lock_requested_ = false;
    bool discard_unsaved_ = false;
    bool quick_exit_requested_ = false;
    bool demo_ = false;
    bool shaping_note_closed_ = false;
    std::filesystem::path folder_before_demo_;
    bool appearance_changed_ = false;
    std::string settings_error_;
    UiProbe probe_;
};

}  // namespace fv::gui
