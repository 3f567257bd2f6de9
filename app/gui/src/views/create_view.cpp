#include "views/create_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/recovery_key_check.h"
#include "fieldvault/model/error.h"
#include "fieldvault/core/passphrase_strength.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

// What the worker hands back: filled on the worker, read in the frame loop
// after the job is done (the Worker's completion ordering makes that safe).
struct CreateResult {
    SecretBuffer recovery_key;
    std::string fingerprint;
    std::unique_ptr<core::Session> session;
};

ImVec4 strength_colour(core::Strength strength) {
    switch (strength) {
        case core::Strength::Strong: return ImVec4(0.10f, 0.50f, 0.20f, 1.0f);
        case core::Strength::Fair: return theme::accent();
        case core::Strength::Weak:
        case core::Strength::TooShort: return theme::warning();
        case core::Strength::Empty: break;
    }
    return theme::muted();
}

}  // namespace

void CreateView::draw_content(AppState& state) {
    begin_centered_column("##create", 40.0f);
    if (showing_recovery_key()) {
        draw_recovery_key(state);
    } else {
        draw_form(state);
    }
    end_centered_column();
}

void CreateView::draw_form(AppState& state) {
    const float width = -1.0f;
    draw_heading(core::tr("Create your vault"));
    draw_notice(core::tr("Everything you record is kept encrypted in one folder on this computer. "
                         "Only your passphrase (or the recovery key you will see next) opens it."));
    draw_notice(core::tr_args("Vault folder: {1}", {display_path(state.vault_dir())}));
    ImGui::Spacing();

    const bool busy = state.busy();
    ImGui::BeginDisabled(busy);
    ImGui::TextWrapped("%s", core::tr("Your name or a nickname (optional, shown to people you share with)"));
    ImGui::SetNextItemWidth(width);
    // The first field is ready for typing when the screen appears (keyboard users too).
    if (ImGui::IsWindowAppearing() && !busy) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("##name", &name_);
    state.probe().item("create.name");

    ImGui::TextUnformatted(core::tr("Passphrase"));
    passphrase_.draw("##passphrase", width);
    state.probe().item("create.passphrase");
    const auto strength = core::passphrase_strength(passphrase_.text());
    ImGui::PushStyleColor(ImGuiCol_Text, strength_colour(strength));
    ImGui::TextUnformatted(core::strength_hint(strength));
    ImGui::PopStyleColor();

    ImGui::TextUnformatted(core::tr("Passphrase again"));
    const bool enter = confirmation_.draw("##confirmation", width);
    state.probe().item("create.confirmation");
    const bool matches = equal_passphrases(passphrase_, confirmation_);
    if (!confirmation_.empty()) {
        if (matches) {
            draw_notice(core::tr("The two passphrases match."));
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextUnformatted(core::tr("The two passphrases do not match yet."));
            ImGui::PopStyleColor();
        }
    }
    ImGui::Spacing();
    const bool ready = matches && strength != core::Strength::Empty && strength != core::Strength::TooShort;
    ImGui::BeginDisabled(!ready);
    const bool clicked = ImGui::Button(core::tr("Create vault"));
    state.probe().item("create.submit");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Back"))) state.go_to(Screen::Welcome);
    state.probe().item("create.back");
    ImGui::EndDisabled();
    if ((clicked || (enter && ready)) && !busy) submit(state);

    if (busy) draw_busy_indicator(state, false);
    draw_error(error_);
}

void CreateView::submit(AppState& state) {
    error_.clear();
    if (!equal_passphrases(passphrase_, confirmation_)) {
        error_ = core::tr("The two passphrases are not the same.");
        return;
    }
    const auto strength = core::passphrase_strength(passphrase_.text());
    if (strength == core::Strength::Empty || strength == core::Strength::TooShort) {
        error_ = core::strength_hint(core::Strength::TooShort);
        return;
    }
    if (core::Session::vault_exists(state.vault_dir())) {
        error_ = core::tr_args("There is already a vault in {1}.", {display_path(state.vault_dir())});
        return;
    }
    auto secret = std::make_shared<SecretBuffer>(passphrase_.take_copy());
    passphrase_.wipe();
    confirmation_.wipe();

    auto result = std::make_shared<CreateResult>();
    const auto dir = state.vault_dir();
    const auto kdf = state.kdf();
    const std::string name = name_;
    state.worker().submit(
        core::tr("Creating the vault (this takes a few seconds)"),
        [secret, result, dir, kdf, name](core::JobContext&) {
            auto created = core::Session::create(dir, *secret, name, kdf);
            result->recovery_key = SecretBuffer::from_string(created.recovery_key);
            wipe_string(created.recovery_key);
            result->fingerprint = created.fingerprint;
            result->session = core::Session::open(dir, *secret);
            secret->wipe();
        },
        [this, &state, result](const core::JobOutcome& outcome) {
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            recovery_key_ = std::move(result->recovery_key);
            fingerprint_ = std::move(result->fingerprint);
            written_down_ = false;
            state.set_session(std::move(result->session));
        });
}

void CreateView::draw_recovery_key(AppState& state) {
    draw_heading(core::tr("Your vault is ready. This is its recovery key."));
    draw_notice(core::tr("It opens the vault if you forget your passphrase. It is shown only this once: "
                         "write it on paper and keep the paper somewhere safe, away from this computer."));
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyle().Colors[ImGuiCol_FrameBg]);
    const float height = ImGui::GetTextLineHeightWithSpacing() * 2.0f + ImGui::GetStyle().WindowPadding.y * 2.0f;
    ImGui::BeginChild("##recovery", ImVec2(-1.0f, height), true);
    const bool appearing = ImGui::IsWindowAppearing();  // the key's box is new: the screen just changed
    const auto key = recovery_key_.reveal_text();
    ImGui::TextWrapped("%.*s", static_cast<int>(key.size()), key.data());
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (!fingerprint_.empty()) draw_notice(core::tr_args("Your identity fingerprint: {1}", {fingerprint_}));
    ImGui::Spacing();
    if (appearing) ImGui::SetKeyboardFocusHere();  // the keyboard starts on the next step
    ImGui::Checkbox(core::tr("I have written it down"), &written_down_);
    state.probe().item("create.written_down");
    if (written_down_) {
        // Typed back from the paper, so a slip of the pen is found now, not on
        // the day the passphrase is forgotten.
        ImGui::TextUnformatted(core::tr("Now type the recovery key from your paper:"));
        retyped_key_.draw("##retyped_key", -1.0f);
        state.probe().item("create.retyped_key");
        if (!retyped_key_.empty() && !retyped_key_matches() &&
            retyped_key_.text().size() + 2 >= recovery_key_.size()) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextWrapped("%s", core::tr("This is not the same key yet. Compare it with the screen, group by group."));
            ImGui::PopStyleColor();
        }
    }
    ImGui::BeginDisabled(!written_down_ || !retyped_key_matches());
    if (ImGui::Button(core::tr("Continue"))) acknowledge(state);
    state.probe().item("create.continue");
    ImGui::EndDisabled();
}

bool CreateView::retyped_key_matches() const noexcept {
    return !recovery_key_.empty() && core::recovery_key_matches(recovery_key_.reveal_text(), retyped_key_.text());
}

void CreateView::acknowledge(AppState& state) {
    if (!written_down_ || !retyped_key_matches()) return;
    retyped_key_.wipe();
    recovery_key_.wipe();
    recovery_key_ = SecretBuffer();
    written_down_ = false;
    state.go_to(state.unlocked() ? Screen::ReportList : Screen::Unlock);
}

void CreateView::clear() noexcept {
    passphrase_.wipe();
    confirmation_.wipe();
    retyped_key_.wipe();
    recovery_key_.wipe();
    recovery_key_ = SecretBuffer();
    written_down_ = false;
    wipe_string(name_);
    error_.clear();
}

bool CreateView::holds_sensitive_data() const noexcept {
    return !passphrase_.empty() || !confirmation_.empty() || !recovery_key_.empty() || !retyped_key_.empty() ||
           !name_.empty();
}

}  // namespace fv::gui
