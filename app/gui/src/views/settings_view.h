#pragma once
// Settings: the language, auto-lock, lock on minimise, font size, theme, change passphrase,
// make new keys, the status of the vault's keys (recovery key, key-header
// copies), and the whole-vault check (core::VaultCheckService, on the worker).
#include <optional>
#include <string>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/vault_check.h"
#include "fieldvault/core/vault_status.h"
#include "fieldvault/core/worker.h"

#include "views/passphrase_field.h"
#include "views/rekey_panel.h"
#include "views/view.h"

namespace fv::gui {

// The language picker of Settings and of the first screen: "Same as this
// computer" and each language in its own script (core::languages()). A choice
// applies from the next frame and is saved. `id`: the combo's ImGui id
// ("##language"); `probe_key`: its probe key, the choices are probe_key=system,
// probe_key=en, probe_key=zh_CN... Returns true when a language was chosen.
bool draw_language_picker(AppState& state, const char* id, const std::string& probe_key);
// What choosing `code` ("" = the system's) in the picker does.
void choose_language(AppState& state, const std::string& code);

class SettingsView final : public View {
public:
    static constexpr const char* kWrongCurrent = FV_N_("The current passphrase is not right.");

    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    // What "Change passphrase" does (on the worker).
    void change_passphrase(AppState& state);
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }
    // Read when the screen is shown and after a passphrase change; empty while locked.
    const std::optional<core::VaultKeyStatus>& key_status() const noexcept { return key_status_; }
    RekeyPanel& rekey_panel() noexcept { return rekey_; }

    // What "Check the vault" does (on the worker); the report stays until the
    // screen is shown again or the vault locks.
    void start_check(AppState& state);
    bool check_running() const noexcept { return check_job_ != 0; }
    const std::optional<core::VaultCheckReport>& check_report() const noexcept { return check_report_; }
    // Why the last check has no report (stopped, or could not run); empty otherwise.
    const std::string& check_message() const noexcept { return check_message_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_preferences(AppState& state);
    void draw_change_passphrase(AppState& state);
    void draw_key_status(AppState& state);
    void read_key_status(AppState& state);
    void draw_vault_check(AppState& state);
    void draw_check_running(AppState& state);
    void draw_check_report(AppState& state);
    void forget_check() noexcept;

    PassphraseField current_;
    PassphraseField new_;
    PassphraseField confirmation_;
    RekeyPanel rekey_;
    std::string error_;
    std::string notice_;
    std::optional<core::VaultKeyStatus> key_status_;
    bool key_status_unreadable_ = false;
    core::JobId check_job_ = 0;
    bool check_cancel_asked_ = false;
    std::uint64_t check_generation_ = 0;  // a completion from before clear() is dropped
    std::optional<core::VaultCheckReport> check_report_;  // holds attachment names: vault data
    std::string check_message_;
};

}  // namespace fv::gui
