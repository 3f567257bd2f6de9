#pragma once
// Settings: auto-lock, lock on minimise, font size, theme, change passphrase,
// make new keys, and the status of the vault's keys (recovery key, key-header copies).
#include <optional>
#include <string>

#include "fieldvault/core/vault_status.h"

#include "views/passphrase_field.h"
#include "views/rekey_panel.h"
#include "views/view.h"

namespace fv::gui {

class SettingsView final : public View {
public:
    static constexpr const char* kWrongCurrent = "The current passphrase is not right.";

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

protected:
    void draw_content(AppState& state) override;

private:
    void draw_preferences(AppState& state);
    void draw_change_passphrase(AppState& state);
    void draw_key_status(AppState& state);
    void read_key_status(AppState& state);

    PassphraseField current_;
    PassphraseField new_;
    PassphraseField confirmation_;
    RekeyPanel rekey_;
    std::string error_;
    std::string notice_;
    std::optional<core::VaultKeyStatus> key_status_;
    bool key_status_unreadable_ = false;
};

}  // namespace fv::gui
