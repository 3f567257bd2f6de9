#include "views/rekey_panel.h"

#include <imgui.h>

#include <memory>

#include "app/app_state.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/recovery_key_check.h"
#include "fieldvault/core/session.h"
#include "fieldvault/model/error.h"
#include "views/editor_widgets.h"
#include "views/exchange_widgets.h"
#include "views/view.h"

namespace fv::gui {

namespace {

constexpr const char* kWrongPassphrase = FV_N_("That is not the vault's passphrase.");

// The result crosses from the worker in a shared SecretBuffer.
struct RekeyResult {
    SecretBuffer recovery_key;
};

}  // namespace

void RekeyPanel::draw(AppState& state) {
    section(core::tr("Make new keys"));
    const auto* session = state.session();
    if (session != nullptr && session->unlock_report().with_recovery_key) {
        draw_warning(core::tr("You opened the vault with the recovery key. If someone else may have seen your old "
                              "passphrase or your recovery key, make new keys now."));
    }
    if (!recovery_key_.empty()) {
        draw_notice(core::tr("New keys are in place. This is your new recovery key. Write it down on paper now: it "
                             "is shown only this once, and the old one no longer works."));
        const auto key = recovery_key_.reveal_text();
        ImGui::TextUnformatted(key.data(), key.data() + key.size());
        state.probe().item("settings.rekey.recovery_key");
        ImGui::TextUnformatted(core::tr("Type it back from your paper:"));
        retyped_.draw("##rekey_retyped", -1.0f);
        state.probe().item("settings.rekey.retyped");
        const bool matches = core::recovery_key_matches(key, retyped_.text());
        ImGui::BeginDisabled(!matches);
        if (ImGui::Button(core::tr("I have written it down"))) {
            retyped_.wipe();
            recovery_key_.wipe();
        }
        state.probe().item("settings.rekey.done");
        ImGui::EndDisabled();
        return;
    }
    draw_notice(core::tr("This gives the vault a new secret key and a new recovery key. Your passphrase stays the "
                         "same. Afterwards, the old recovery key and old copies of the key file no longer open the "
                         "vault. Close any other Fieldvault window on this vault first."));
    const bool busy = state.busy();
    ImGui::BeginDisabled(busy || !state.unlocked());
    ImGui::TextUnformatted(core::tr("Passphrase"));
    const bool enter = passphrase_.draw("##rekey_passphrase", -1.0f);
    state.probe().item("settings.rekey.passphrase");
    ImGui::BeginDisabled(passphrase_.empty());
    const bool clicked = ImGui::Button(core::tr("Make new keys"));
    state.probe().item("settings.rekey.submit");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if ((clicked || enter) && !busy && !passphrase_.empty()) submit(state);
    draw_error(error_);
    draw_notice(notice_);
}

void RekeyPanel::submit(AppState& state) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session_for_job();
    if (session == nullptr || state.busy() || passphrase_.empty()) return;
    auto secret = std::make_shared<SecretBuffer>(passphrase_.take_copy());
    passphrase_.wipe();
    auto result = std::make_shared<RekeyResult>();
    const auto kdf = state.kdf();
    state.worker().submit(
        core::tr("Making new keys"),
        [session, secret, result, kdf](core::JobContext&) {
            auto text = session->rekey(*secret, kdf);
            secret->wipe();
            result->recovery_key = SecretBuffer::from_string(text);
            wipe_memory(text.data(), text.size());
        },
        [this, result](const core::JobOutcome& outcome) {
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = describe_error_or_wrong_key(outcome.error, kWrongPassphrase);
                return;
            }
            recovery_key_ = std::move(result->recovery_key);
        });
}

void RekeyPanel::clear() noexcept {
    passphrase_.wipe();
    retyped_.wipe();
    recovery_key_.wipe();
    error_.clear();
    notice_.clear();
}

}  // namespace fv::gui
