#include "app/app_state.h"

#include <chrono>
#include <cstdlib>
#include <cstring>

#include "fieldvault/core/i18n.h"

namespace fv::gui {

Clock steady_clock_seconds() {
    return [] {
        using namespace std::chrono;
        return duration<double>(steady_clock::now().time_since_epoch()).count();
    };
}

AppState::AppState(AppOptions options) : options_(std::move(options)), worker_(std::make_unique<core::Worker>()) {
    if (!options_.clock) options_.clock = steady_clock_seconds();
}

AppState::~AppState() {
    // Stop jobs (which may use the Session) before the Session goes.
    worker_.reset();
    drop_session();
}

void AppState::set_auto_lock_seconds(double seconds) {
    auto settings = options_.settings;
    settings.auto_lock_seconds = seconds < 0 ? 0 : seconds;
    update_settings(settings);
}

void AppState::update_settings(const Settings& settings) {
    if (settings.font_percent != options_.settings.font_percent || settings.theme != options_.settings.theme)
        appearance_changed_ = true;
    options_.settings = settings;
    settings_error_.clear();
    if (options_.settings_file.empty()) return;
    try {
        save_settings(options_.settings_file, options_.settings);
    } catch (const std::exception& e) {
        settings_error_ = core::tr_args("Your settings could not be saved: {1}", {e.what()});
    }
}

void AppState::set_vault_dir(std::filesystem::path dir) {
    if (unlocked()) return;
    options_.vault_dir = std::move(dir);
    auto settings = options_.settings;
    settings.vault_dir = std::filesystem::absolute(options_.vault_dir).string();
    update_settings(settings);
}

core::Session* AppState::session() {
    if (!session_ || busy()) return nullptr;
    return session_.get();
}

void AppState::set_session(std::unique_ptr<core::Session> session) { session_ = std::move(session); }

void AppState::enter_demo(std::filesystem::path dir, std::unique_ptr<core::Session> session) {
    if (unlocked()) return;
    if (!demo_) folder_before_demo_ = options_.vault_dir;
    options_.vault_dir = std::move(dir);
    demo_ = true;
    session_ = std::move(session);
}

void AppState::leave_demo() {
    if (!demo_ || unlocked()) return;
    options_.vault_dir = folder_before_demo_;
    demo_ = false;
}

void AppState::drop_session() noexcept {
    if (session_) session_->lock();
    session_.reset();
}

std::optional<Screen> AppState::take_requested_screen() {
    auto screen = requested_screen_;
    requested_screen_.reset();
    return screen;
}

std::optional<std::int64_t> AppState::take_requested_report() {
    auto id = requested_report_;
    requested_report_.reset();
    return id;
}

bool AppState::take_lock_request() {
    const bool requested = lock_requested_;
    lock_requested_ = false;
    return requested;
}

}  // namespace fv::gui
