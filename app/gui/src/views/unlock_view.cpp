#include "views/unlock_view.h"

#include <imgui.h>

#include "fieldvault/core/demo_vault.h"
#include "fieldvault/model/error.h"
#include "fieldvault/core/passphrase_strength.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

struct UnlockResult {
    std::unique_ptr<core::Session> session;
};

}  // namespace

// The calm message for a key or passphrase that did not open the vault;
// other errors (a damaged header, a typo the checksum caught, an older
// database) say what they are.
std::string UnlockView::describe_unlock_failure(const core::JobOutcome& outcome, const char* wrong) {
    try {
        std::rethrow_exception(outcome.error);
    } catch (const fv::Error& e) {
        rollback_refused_ = e.kind() == ErrorKind::Rollback;
    } catch (...) {
    }
    return describe_error_or_wrong_key(outcome.error, wrong);
}

// After a refusal for an older database: what it means, and the way on if the
// person put the older copy back themselves or has no newer one.
void UnlockView::draw_rollback_choice(AppState& state, bool recovery) {
    if (!rollback_refused_) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
    ImGui::TextWrapped("%s", core::tr("The vault did not open because its reports and log are older than the last "
                                      "state it recorded. Someone may have put back an older copy to remove newer "
                                      "reports."));
    ImGui::PopStyleColor();
    draw_notice(core::tr("If you have the newer copy of vault.db, close Fieldvault and put it back. If you put the "
                         "older copy back yourself, or have no newer one, you can open the vault as it is: the newer "
                         "entries are then given up, and this choice is written in the audit log."));
    const bool typed = recovery ? !recovery_key_.empty() : !passphrase_.empty();
    ImGui::BeginDisabled(state.busy() || !typed);
    const bool open_anyway = ImGui::Button(core::tr("Open this older copy anyway"));
    state.probe().item("unlock.accept_rollback");
    ImGui::EndDisabled();
    if (!typed)
        draw_notice(recovery ? core::tr("Type the recovery key again first.")
                             : core::tr("Type the passphrase again first."));
    if (open_anyway) {
        if (recovery) {
            submit_recovery_key(state, true);
        } else {
            submit(state, true);
        }
    }
}

UnlockView::UnlockView() = default;
UnlockView::~UnlockView() { clear(); }

void UnlockView::on_show(AppState& /*state*/) { focus_ = true; }

void UnlockView::draw_content(AppState& state) {
    begin_centered_column("##unlock", 30.0f);
    switch (mode_) {
        case Mode::Passphrase: draw_passphrase(state); break;
        case Mode::RecoveryKey: draw_recovery_key(state); break;
        case Mode::NewPassphrase: draw_new_passphrase(state); break;
    }
    if (state.busy()) draw_busy_indicator(state, false);
    draw_error(error_);
    end_centered_column();
}

void UnlockView::draw_passphrase(AppState& state) {
    draw_heading(core::tr("The vault is locked"));
    draw_notice(core::tr_args("Vault folder: {1}", {display_path(state.vault_dir())}));
    if (state.demo()) {
        draw_notice(core::tr_args("This is the demo vault. Its passphrase is public: {1}", {core::kDemoPassphrase}));
        if (ImGui::Button(core::tr("Leave the demo"))) {
            passphrase_.wipe();
            state.leave_demo();
            const bool exists = core::Session::vault_exists(state.vault_dir());
            state.go_to(exists ? Screen::Unlock : Screen::Welcome);
        }
        state.probe().item("unlock.leave_demo");
    }
    ImGui::Spacing();

    const bool busy = state.busy();
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted(core::tr("Passphrase"));
    if (focus_ && !busy) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
    }
    const bool enter = passphrase_.draw("##unlock_passphrase", -1.0f);
    state.probe().item("unlock.passphrase");
    ImGui::BeginDisabled(passphrase_.empty());
    const bool clicked = ImGui::Button(core::tr("Unlock"));
    state.probe().item("unlock.submit");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Use recovery key instead"))) {
        passphrase_.wipe();
        error_.clear();
        rollback_refused_ = false;
        mode_ = Mode::RecoveryKey;
        focus_ = true;
    }
    state.probe().item("unlock.use_recovery");
    ImGui::EndDisabled();
    if ((clicked || enter) && !busy && !passphrase_.empty()) submit(state);
    draw_rollback_choice(state, false);
}

void UnlockView::draw_recovery_key(AppState& state) {
    draw_heading(core::tr("Unlock with the recovery key"));
    draw_notice(core::tr("Type the recovery key you wrote down when the vault was created. "
                         "You will then choose a new passphrase."));
    ImGui::Spacing();
    const bool busy = state.busy();
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted(core::tr("Recovery key"));
    if (focus_ && !busy) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
    }
    const bool enter = recovery_key_.draw("##recovery_key", -1.0f);
    state.probe().item("unlock.recovery_key");
    ImGui::BeginDisabled(recovery_key_.empty());
    const bool clicked = ImGui::Button(core::tr("Unlock with recovery key"));
    state.probe().item("unlock.recovery_submit");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Back to passphrase"))) {
        recovery_key_.wipe();
        error_.clear();
        rollback_refused_ = false;
        mode_ = Mode::Passphrase;
        focus_ = true;
    }
    state.probe().item("unlock.back");
    ImGui::EndDisabled();
    if ((clicked || enter) && !busy && !recovery_key_.empty()) submit_recovery_key(state);
    draw_rollback_choice(state, true);
}

void UnlockView::draw_new_passphrase(AppState& state) {
    draw_heading(core::tr("Choose a new passphrase"));
    draw_notice(core::tr("The recovery key opened the vault. Choose a new passphrase now; "
                         "the old one will no longer work. The recovery key keeps working."));
    ImGui::Spacing();
    const bool busy = state.busy();
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted(core::tr("New passphrase"));
    new_passphrase_.draw("##new_passphrase", -1.0f);
    state.probe().item("unlock.new_passphrase");
    const auto strength = core::passphrase_strength(new_passphrase_.text());
    draw_notice(core::strength_hint(strength));
    ImGui::TextUnformatted(core::tr("New passphrase again"));
    const bool enter = new_confirmation_.draw("##new_confirmation", -1.0f);
    state.probe().item("unlock.new_confirmation");
    const bool matches = equal_passphrases(new_passphrase_, new_confirmation_);
    const bool ready = matches && strength != core::Strength::Empty && strength != core::Strength::TooShort;
    if (!new_confirmation_.empty() && !matches) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
        ImGui::TextUnformatted(core::tr("The two passphrases do not match yet."));
        ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(!ready);
    const bool clicked = ImGui::Button(core::tr("Set passphrase and open"));
    state.probe().item("unlock.new_submit");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if ((clicked || (enter && ready)) && !busy) submit_new_passphrase(state);
}

void UnlockView::submit(AppState& state, bool accept_rollback) {
    error_.clear();
    rollback_refused_ = false;
    if (passphrase_.empty()) return;
    auto secret = std::make_shared<SecretBuffer>(passphrase_.take_copy());
    passphrase_.wipe();
    auto result = std::make_shared<UnlockResult>();
    const auto dir = state.vault_dir();
    state.worker().submit(
        core::tr("Opening the vault"),
        [secret, result, dir, accept_rollback](core::JobContext&) {
            result->session = core::Session::open(dir, *secret, core::UnlockOptions{accept_rollback});
            secret->wipe();
        },
        [this, &state, result](const core::JobOutcome& outcome) {
            focus_ = true;
            if (outcome.cancelled) return;  // locked or closed meanwhile: the session dies with result
            if (!outcome.ok()) {
                error_ = describe_unlock_failure(outcome, kWrongPassphrase);
                return;
            }
            state.set_session(std::move(result->session));
            state.go_to(Screen::ReportList);
        });
}

void UnlockView::submit_recovery_key(AppState& state, bool accept_rollback) {
    error_.clear();
    rollback_refused_ = false;
    if (recovery_key_.empty()) return;
    auto key = std::make_shared<SecretBuffer>(recovery_key_.take_copy());
    recovery_key_.wipe();
    auto result = std::make_shared<UnlockResult>();
    const auto dir = state.vault_dir();
    state.worker().submit(
        core::tr("Opening the vault with the recovery key"),
        [key, result, dir, accept_rollback](core::JobContext&) {
            result->session =
                core::Session::open_with_recovery_key(dir, key->reveal_text(), core::UnlockOptions{accept_rollback});
            key->wipe();
        },
        [this, result](const core::JobOutcome& outcome) {
            focus_ = true;
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = describe_unlock_failure(outcome, kWrongRecoveryKey);
                return;
            }
            pending_session_ = std::move(result->session);
            mode_ = Mode::NewPassphrase;
        });
}

void UnlockView::submit_new_passphrase(AppState& state) {
    error_.clear();
    if (!pending_session_) return;
    if (!equal_passphrases(new_passphrase_, new_confirmation_)) {
        error_ = core::tr("The two passphrases are not the same.");
        return;
    }
    const auto strength = core::passphrase_strength(new_passphrase_.text());
    if (strength == core::Strength::Empty || strength == core::Strength::TooShort) {
        error_ = core::strength_hint(core::Strength::TooShort);
        return;
    }
    auto secret = std::make_shared<SecretBuffer>(new_passphrase_.take_copy());
    new_passphrase_.wipe();
    new_confirmation_.wipe();
    core::Session* session = pending_session_.get();
    const auto kdf = state.kdf();
    state.worker().submit(
        core::tr("Setting the new passphrase"),
        [secret, session, kdf](core::JobContext&) {
            session->change_passphrase(*secret, kdf);
            secret->wipe();
        },
        [this, &state](const core::JobOutcome& outcome) {
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            state.set_session(std::move(pending_session_));
            mode_ = Mode::Passphrase;
            state.go_to(Screen::ReportList);
        });
}

void UnlockView::clear() noexcept {
    passphrase_.wipe();
    recovery_key_.wipe();
    new_passphrase_.wipe();
    new_confirmation_.wipe();
    if (pending_session_) pending_session_->lock();
    pending_session_.reset();
    mode_ = Mode::Passphrase;
    error_.clear();  // a lock starts from a clean screen
    rollback_refused_ = false;
}

bool UnlockView::holds_sensitive_data() const noexcept {
    return !passphrase_.empty() || !recovery_key_.empty() || !new_passphrase_.empty() ||
           !new_confirmation_.empty() || pending_session_ != nullptr;
}

}  // namespace fv::gui
