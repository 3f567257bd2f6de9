#include "unlock_view.h"

#include <imgui.h>

#include "fieldvault/crypto/error.h"

namespace fv::gui {
namespace {

struct UnlockResult {
    std::unique_ptr<core::Session> session;
};

}  // namespace

void UnlockView::on_show(AppState& /*state*/) { focus_ = true; }

void UnlockView::draw_content(AppState& state) {
    begin_centered_column("##unlock", 30.0f);
    const float width = -1.0f;
    draw_heading("The vault is locked");
    draw_notice("Vault folder: " + display_path(state.vault_dir()));
    ImGui::Spacing();

    const bool busy = state.busy();
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted("Passphrase");
    if (focus_ && !busy) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
    }
    const bool enter = passphrase_.draw("##unlock_passphrase", width);
    state.probe().item("unlock.passphrase");
    ImGui::BeginDisabled(passphrase_.empty());
    const bool clicked = ImGui::Button("Unlock");
    state.probe().item("unlock.submit");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if ((clicked || enter) && !busy && !passphrase_.empty()) submit(state);

    if (busy) draw_busy_indicator(state, false);
    draw_error(error_);
    end_centered_column();
}

void UnlockView::submit(AppState& state) {
    error_.clear();
    if (passphrase_.empty()) return;
    auto secret = std::make_shared<crypto::SecretBuffer>(passphrase_.take_copy());
    passphrase_.wipe();
    auto result = std::make_shared<UnlockResult>();
    const auto dir = state.vault_dir();
    state.worker().submit(
        "Opening the vault",
        [secret, result, dir](core::JobContext&) {
            result->session = core::Session::open(dir, *secret);
            secret->wipe();
        },
        [this, &state, result](const core::JobOutcome& outcome) {
            focus_ = true;
            if (outcome.cancelled) return;  // locked or closed meanwhile: the session dies with result
            if (!outcome.ok()) {
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const fv::Error& e) {
                    error_ = e.kind() == ErrorKind::Unlock ? kWrongPassphrase : describe_error(outcome.error);
                } catch (...) {
                    error_ = describe_error(outcome.error);
                }
                return;
            }
            state.set_session(std::move(result->session));
            state.go_to(Screen::ReportList);
        });
}

void UnlockView::clear() noexcept {
    passphrase_.wipe();
    error_.clear();  // a lock starts from a clean screen
}

}  // namespace fv::gui
