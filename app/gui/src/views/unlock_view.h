#pragma once
// Unlock an existing vault with its passphrase, or with the recovery key; a
// recovery-key unlock then requires a new passphrase before the vault opens.
#include <memory>
#include <string>

#include "fieldvault/core/i18n.h"
#include "views/passphrase_field.h"
#include "views/view.h"

namespace fv::gui {

class UnlockView final : public View {
public:
    // The message for a passphrase that did not open the vault: calm, no blame.
    // English; describe_error_or_wrong_key() shows them translated.
    static constexpr const char* kWrongPassphrase = FV_N_("That passphrase did not open the vault.");
    static constexpr const char* kWrongRecoveryKey = FV_N_("That recovery key did not open the vault.");

    enum class Mode { Passphrase, RecoveryKey, NewPassphrase };

    UnlockView();
    ~UnlockView() override;
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    // What the Unlock buttons do; accept_rollback opens a database older than
    // the vault's record of its last state (after the person chose so).
    void submit(AppState& state, bool accept_rollback = false);
    void submit_recovery_key(AppState& state, bool accept_rollback = false);
    void submit_new_passphrase(AppState& state);
    Mode mode() const noexcept { return mode_; }
    const std::string& error() const noexcept { return error_; }
    bool rollback_refused() const noexcept { return rollback_refused_; }
    PassphraseField& passphrase() { return passphrase_; }

protected:
    void draw_content(AppState& state) override;

private:
    void draw_passphrase(AppState& state);
    void draw_recovery_key(AppState& state);
    void draw_new_passphrase(AppState& state);
    void draw_rollback_choice(AppState& state, bool recovery);
    std::string describe_unlock_failure(const core::JobOutcome& outcome, const char* wrong);

    PassphraseField passphrase_;
    PassphraseField recovery_key_{false};
    PassphraseField new_passphrase_;
    PassphraseField new_confirmation_;
    // Opened with the recovery key, kept here (not in AppState) until a new
    // passphrase is set: nothing else can use the vault before that.
    std::unique_ptr<core::Session> pending_session_;
    Mode mode_ = Mode::Passphrase;
    std::string error_;
    bool rollback_refused_ = false;  // the last try was refused: an older database
    bool focus_ = true;
};

}  // namespace fv::gui
