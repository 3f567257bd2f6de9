#include "views/settings_view.h"

#include <imgui.h>

#include <array>
#include <cstdio>

#include "views/editor_widgets.h"
#include "views/exchange_widgets.h"
#include "fieldvault/model/error.h"
#include "fieldvault/core/passphrase_strength.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

struct AutoLockChoice {
    const char* code;  // probe key suffix
    const char* label;
    double seconds;
};
constexpr std::array kAutoLockChoices = {
    AutoLockChoice{"60", "1 minute", 60.0},     AutoLockChoice{"120", "2 minutes", 120.0},
    AutoLockChoice{"300", "5 minutes", 300.0},  AutoLockChoice{"600", "10 minutes", 600.0},
    AutoLockChoice{"900", "15 minutes", 900.0}, AutoLockChoice{"1800", "30 minutes", 1800.0},
    AutoLockChoice{"0", "Never", 0.0},
};

std::string auto_lock_label(double seconds) {
    for (const auto& choice : kAutoLockChoices)
        if (choice.seconds == seconds) return choice.label;
    char text[32];
    std::snprintf(text, sizeof text, "%.0f seconds", seconds);
    return text;
}

constexpr int kFontStep = 10;

}  // namespace

void SettingsView::on_show(AppState& state) {
    error_.clear();
    notice_.clear();
    read_key_status(state);
}

void SettingsView::read_key_status(AppState& state) {
    key_status_.reset();
    key_status_unreadable_ = false;
    core::Session* session = state.session();
    if (session == nullptr) return;  // locked, or a job holds the vault: read when it is free
    try {
        key_status_ = core::vault_key_status(*session);
    } catch (...) {
        key_status_unreadable_ = true;  // shown as unknown, not retried every frame
    }
}

void SettingsView::draw_key_status(AppState& state) {
    section("Recovery key and key header");
    if (!key_status_ && !key_status_unreadable_) read_key_status(state);
    if (!key_status_) {
        draw_notice("Not known right now.");
        state.probe().item("settings.key_status");
        return;
    }
    const auto& status = *key_status_;
    if (status.recovery_key_slot) {
        draw_notice("A recovery key opens this vault if the passphrase is lost. It was shown once, when the vault "
                    "was created (" + format_utc(status.created_at) + "); Fieldvault cannot show it again. "
                    "Changing the passphrase does not change it.");
    } else {
        draw_warning("This vault has no recovery key: if the passphrase is lost, the vault cannot be opened.");
    }
    state.probe().item("settings.key_status");
    draw_notice(status.passphrase_changed_at == 0
                    ? std::string("The passphrase has not been changed since the vault was created.")
                    : "Passphrase last changed: " + format_utc(status.passphrase_changed_at) + ".");
    if (status.header_copies_agree) {
        draw_notice("Both copies of the key header are intact.");
    } else {
        draw_warning("One copy of the key header is damaged or missing; it is rewritten at the next unlock. "
                     "Keep a backup of the vault folder.");
    }
}

void SettingsView::draw_content(AppState& state) {
    if (ImGui::Button("< Reports")) state.go_to(Screen::ReportList);
    state.probe().item("settings.back");
    begin_centered_column("##settings", 34.0f);
    draw_heading("Settings");
    draw_preferences(state);
    ImGui::Spacing();
    ImGui::Separator();
    draw_change_passphrase(state);
    ImGui::Spacing();
    ImGui::Separator();
    rekey_.draw(state);
    ImGui::Spacing();
    ImGui::Separator();
    draw_key_status(state);
    end_centered_column();
}

void SettingsView::draw_preferences(AppState& state) {
    Settings settings = state.settings();
    bool changed = false;
    const float em = ImGui::GetFontSize();

    field_label("Lock when idle");
    ImGui::SetNextItemWidth(em * 10.0f);
    const std::string current = auto_lock_label(settings.auto_lock_seconds);
    const bool open = ImGui::BeginCombo("##autolock", current.c_str());
    state.probe().item("settings.autolock");
    if (open) {
        for (const auto& choice : kAutoLockChoices) {
            if (ImGui::Selectable(choice.label, choice.seconds == settings.auto_lock_seconds)) {
                settings.auto_lock_seconds = choice.seconds;
                changed = true;
            }
            if (state.probe().enabled()) state.probe().item((std::string("settings.autolock=") + choice.code).c_str());
        }
        ImGui::EndCombo();
    }

    field_label("");
    changed |= ImGui::Checkbox("Lock when the window is minimised", &settings.lock_on_minimise);
    state.probe().item("settings.minimise");

    field_label("Text size");
    ImGui::BeginDisabled(settings.font_percent <= kMinFontPercent);
    if (ImGui::Button("Smaller")) {
        settings.font_percent = std::max(kMinFontPercent, settings.font_percent - kFontStep);
        changed = true;
    }
    state.probe().item("settings.font_smaller");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d%%", settings.font_percent);
    ImGui::SameLine();
    ImGui::BeginDisabled(settings.font_percent >= kMaxFontPercent);
    if (ImGui::Button("Larger")) {
        settings.font_percent = std::min(kMaxFontPercent, settings.font_percent + kFontStep);
        changed = true;
    }
    state.probe().item("settings.font_larger");
    ImGui::EndDisabled();

    field_label("Theme");
    struct ThemeChoice {
        ThemeKind kind;
        const char* label;
    };
    const std::array themes = {ThemeChoice{ThemeKind::Light, "Light"}, ThemeChoice{ThemeKind::Dark, "Dark"},
                               ThemeChoice{ThemeKind::HighContrast, "High contrast"}};
    for (std::size_t i = 0; i < themes.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(themes[i].label, settings.theme == themes[i].kind)) {
            settings.theme = themes[i].kind;
            changed = true;
        }
        state.probe().item((std::string("settings.theme.") + theme_code(themes[i].kind)).c_str());
    }
    if (changed) state.update_settings(settings);
    draw_error(state.settings_error());
}

void SettingsView::draw_change_passphrase(AppState& state) {
    section("Change passphrase");
    const bool busy = state.busy();
    ImGui::BeginDisabled(busy || !state.unlocked());
    ImGui::TextUnformatted("Current passphrase");
    current_.draw("##current", -1.0f);
    state.probe().item("settings.current");
    ImGui::TextUnformatted("New passphrase");
    new_.draw("##new", -1.0f);
    state.probe().item("settings.new");
    const auto strength = core::passphrase_strength(new_.text());
    draw_notice(core::strength_hint(strength));
    ImGui::TextUnformatted("New passphrase again");
    const bool enter = confirmation_.draw("##again", -1.0f);
    state.probe().item("settings.again");
    const bool ready = !current_.empty() && equal_passphrases(new_, confirmation_) && strength != core::Strength::Empty &&
                       strength != core::Strength::TooShort;
    ImGui::BeginDisabled(!ready);
    const bool clicked = ImGui::Button("Change passphrase");
    state.probe().item("settings.change");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if ((clicked || (enter && ready)) && !busy) change_passphrase(state);
    if (busy) draw_busy_indicator(state, false);
    draw_error(error_);
    draw_notice(notice_);
}

void SettingsView::change_passphrase(AppState& state) {
    error_.clear();
    notice_.clear();
    if (!equal_passphrases(new_, confirmation_)) {
        error_ = "The two new passphrases are not the same.";
        return;
    }
    const auto strength = core::passphrase_strength(new_.text());
    if (strength == core::Strength::Empty || strength == core::Strength::TooShort) {
        error_ = core::strength_hint(core::Strength::TooShort);
        return;
    }
    core::Session* session = state.session_for_job();
    if (session == nullptr || state.busy()) return;
    auto old_secret = std::make_shared<SecretBuffer>(current_.take_copy());
    auto new_secret = std::make_shared<SecretBuffer>(new_.take_copy());
    current_.wipe();
    new_.wipe();
    confirmation_.wipe();
    const auto dir = state.vault_dir();
    const auto kdf = state.kdf();
    state.worker().submit(
        "Changing the passphrase",
        [session, old_secret, new_secret, dir, kdf](core::JobContext&) {
            // Proves the current passphrase: it must open the vault by itself.
            core::Session::open(dir, *old_secret)->lock();
            old_secret->wipe();
            session->change_passphrase(*new_secret, kdf);
            new_secret->wipe();
        },
        [this, &state](const core::JobOutcome& outcome) {
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const fv::Error& e) {
                    error_ = e.kind() == ErrorKind::Unlock ? kWrongCurrent : describe_error(outcome.error);
                } catch (...) {
                    error_ = describe_error(outcome.error);
                }
                return;
            }
            notice_ = "The passphrase was changed. The recovery key still works.";
            read_key_status(state);
        });
}

void SettingsView::clear() noexcept {
    current_.wipe();
    new_.wipe();
    confirmation_.wipe();
    error_.clear();
    notice_.clear();
    key_status_.reset();
    key_status_unreadable_ = false;
    rekey_.clear();
}

bool SettingsView::holds_sensitive_data() const noexcept {
    return !current_.empty() || !new_.empty() || !confirmation_.empty() || rekey_.holds_sensitive_data();
}

}  // namespace fv::gui
