#include "views/settings_view.h"

#include <imgui.h>

#include <array>
#include <cmath>
#include <memory>

#include "views/editor_widgets.h"
#include "views/exchange_widgets.h"
#include "fieldvault/model/error.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/passphrase_strength.h"
#include "platform/fonts.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

struct AutoLockChoice {
    const char* code;  // probe key suffix
    const char* label;  // English; shown through tr()
    double seconds;
};
constexpr std::array kAutoLockChoices = {
    AutoLockChoice{"60", FV_N_("1 minute"), 60.0},     AutoLockChoice{"120", FV_N_("2 minutes"), 120.0},
    AutoLockChoice{"300", FV_N_("5 minutes"), 300.0},  AutoLockChoice{"600", FV_N_("10 minutes"), 600.0},
    AutoLockChoice{"900", FV_N_("15 minutes"), 900.0}, AutoLockChoice{"1800", FV_N_("30 minutes"), 1800.0},
    AutoLockChoice{"0", FV_N_("Never"), 0.0},
};

std::string auto_lock_label(double seconds) {
    for (const auto& choice : kAutoLockChoices)
        if (choice.seconds == seconds) return core::tr(choice.label);
    const auto whole = static_cast<unsigned long>(std::llround(std::max(0.0, seconds)));
    return core::trn_args("{n} second", "{n} seconds", whole);
}

constexpr int kFontStep = 10;

// What a damage finding means, in words for anyone (the database's own
// message is under "Technical details"). Database messages are one sentence
// however many pages they name.
std::string describe_damage(const core::CheckFinding& f) {
    using Kind = core::CheckFindingKind;
    switch (f.kind) {
        case Kind::AttachmentDamaged:
            return core::tr_args("The evidence file \"{1}\" of report {2} is damaged: it is no longer what was "
                                 "stored.",
                                 {f.attachment_name, std::to_string(f.report_id)});
        case Kind::AttachmentMissing:
            return core::tr_args("The evidence file \"{1}\" of report {2} is missing from the vault folder.",
                                 {f.attachment_name, std::to_string(f.report_id)});
        case Kind::AttachmentsUnreadable:
            return core::tr("The list of evidence files could not be read.");
        case Kind::DatabaseDamaged:
            return core::tr("Part of the database that holds your reports is damaged. Some reports or their "
                            "history may not open.");
        case Kind::AuditChainBroken:
            return core::tr_args("The record of changes was altered at entry {1}: someone or something has "
                                 "changed the history of this vault.",
                                 {std::to_string(f.audit_seq)});
        case Kind::AuditUnreadable:
            return core::tr("The record of changes could not be read.");
        case Kind::FreshnessFailed:
            return core::tr("The vault's record of its last state does not match its reports: an older copy of "
                            "the vault's reports may have been put back, or that record was changed.");
        case Kind::UnreferencedFile:
            break;
    }
    return {};
}

// What the picker shows for a setting: the language's own name, or "Same as
// this computer" with the system's language named in its own script.
std::string language_choice_name(const std::string& code) {
    auto name_of = [](const std::string& c) -> std::string {
        for (const auto& language : core::languages())
            if (language.code == c) return language.name;
        return c;
    };
    if (code.empty())
        return core::tr_args("Same as this computer ({1})", {name_of(system_language_at_start())});
    return name_of(code);
}

}  // namespace

bool draw_language_picker(AppState& state, const char* id, const std::string& probe_key) {
    Settings settings = state.settings();
    const std::string preview = language_choice_name(settings.language);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    const bool open = ImGui::BeginCombo(id, preview.c_str());
    state.probe().item(probe_key.c_str());
    std::optional<std::string> chosen;
    if (open) {
        if (ImGui::Selectable(language_choice_name({}).c_str(), settings.language.empty())) chosen = std::string();
        if (state.probe().enabled()) state.probe().item((probe_key + "=system").c_str());
        for (const auto& language : core::languages()) {
            if (ImGui::Selectable(language.name.c_str(), settings.language == language.code)) chosen = language.code;
            if (state.probe().enabled()) state.probe().item((probe_key + "=" + language.code).c_str());
        }
        ImGui::EndCombo();
    }
    if (!chosen || *chosen == settings.language) return false;
    choose_language(state, *chosen);
    return true;
}

void choose_language(AppState& state, const std::string& code) {
    Settings settings = state.settings();
    settings.language = code;
    apply_language(code);  // from the next frame on
    follow_language();     // its characters and its CJK face in the next atlas
    state.update_settings(settings);
}

void SettingsView::on_show(AppState& state) {
    error_.clear();
    notice_.clear();
    if (check_job_ == 0) forget_check();  // a report from an earlier visit may be out of date
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
    section(core::tr("Recovery key and key header"));
    if (!key_status_ && !key_status_unreadable_) read_key_status(state);
    if (!key_status_) {
        draw_notice(core::tr("Not known right now."));
        state.probe().item("settings.key_status");
        return;
    }
    const auto& status = *key_status_;
    if (status.recovery_key_slot) {
        draw_notice(core::tr_args("A recovery key opens this vault if the passphrase is lost. It was shown once, "
                                  "when the vault was created ({1}); Fieldvault cannot show it again. Changing the "
                                  "passphrase does not change it.",
                                  {core::format_local_time(status.created_at)}));
    } else {
        draw_warning(core::tr("This vault has no recovery key: if the passphrase is lost, the vault cannot be "
                              "opened."));
    }
    state.probe().item("settings.key_status");
    draw_notice(status.passphrase_changed_at == 0
                    ? std::string(core::tr("The passphrase has not been changed since the vault was created."))
                    : core::tr_args("Passphrase last changed: {1}.", {core::format_local_time(status.passphrase_changed_at)}));
    if (status.header_copies_agree) {
        draw_notice(core::tr("Both copies of the key header are intact."));
    } else {
        draw_warning(core::tr("One copy of the key header is damaged or missing; it is rewritten at the next "
                              "unlock. Keep a backup of the vault folder."));
    }
}

void SettingsView::draw_content(AppState& state) {
    if (ImGui::Button(core::tr("< Reports"))) state.go_to(Screen::ReportList);
    state.probe().item("settings.back");
    begin_centered_column("##settings", 34.0f);
    draw_heading(core::tr("Settings"));
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
    ImGui::Spacing();
    ImGui::Separator();
    draw_vault_check(state);
    end_centered_column();
}

void SettingsView::draw_preferences(AppState& state) {
    Settings settings = state.settings();
    bool changed = false;
    const float em = ImGui::GetFontSize();

    // First: a person who cannot read the rest finds their language here.
    field_label(core::tr("Language"));
    draw_language_picker(state, "##language", "settings.language");
    settings = state.settings();  // a language chosen there is saved already

    field_label(core::tr("Lock when idle"));
    ImGui::SetNextItemWidth(em * 10.0f);
    const std::string current = auto_lock_label(settings.auto_lock_seconds);
    const bool open = ImGui::BeginCombo("##autolock", current.c_str());
    state.probe().item("settings.autolock");
    if (open) {
        for (const auto& choice : kAutoLockChoices) {
            if (ImGui::Selectable(core::tr(choice.label), choice.seconds == settings.auto_lock_seconds)) {
                settings.auto_lock_seconds = choice.seconds;
                changed = true;
            }
            if (state.probe().enabled()) state.probe().item((std::string("settings.autolock=") + choice.code).c_str());
        }
        ImGui::EndCombo();
    }

    field_label("");
    changed |= ImGui::Checkbox(core::tr("Lock when the window is minimised"), &settings.lock_on_minimise);
    state.probe().item("settings.minimise");

    field_label(core::tr("Text size"));
    ImGui::BeginDisabled(settings.font_percent <= kMinFontPercent);
    if (ImGui::Button(core::tr("Smaller"))) {
        settings.font_percent = std::max(kMinFontPercent, settings.font_percent - kFontStep);
        changed = true;
    }
    state.probe().item("settings.font_smaller");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d%%", settings.font_percent);  // i18n: not text
    ImGui::SameLine();
    ImGui::BeginDisabled(settings.font_percent >= kMaxFontPercent);
    if (ImGui::Button(core::tr("Larger"))) {
        settings.font_percent = std::min(kMaxFontPercent, settings.font_percent + kFontStep);
        changed = true;
    }
    state.probe().item("settings.font_larger");
    ImGui::EndDisabled();

    field_label(core::tr("Theme"));
    struct ThemeChoice {
        ThemeKind kind;
        const char* label;
    };
    const std::array themes = {ThemeChoice{ThemeKind::Light, FV_N_("Light")},
                               ThemeChoice{ThemeKind::Dark, FV_N_("Dark")},
                               ThemeChoice{ThemeKind::HighContrast, FV_N_("High contrast")}};
    for (std::size_t i = 0; i < themes.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(core::tr(themes[i].label), settings.theme == themes[i].kind)) {
            settings.theme = themes[i].kind;
            changed = true;
        }
        state.probe().item((std::string("settings.theme.") + theme_code(themes[i].kind)).c_str());
    }
    if (changed) state.update_settings(settings);
    draw_error(state.settings_error());
}

void SettingsView::draw_change_passphrase(AppState& state) {
    section(core::tr("Change passphrase"));
    const bool busy = state.busy();
    ImGui::BeginDisabled(busy || !state.unlocked());
    ImGui::TextUnformatted(core::tr("Current passphrase"));
    current_.draw("##current", -1.0f);
    state.probe().item("settings.current");
    ImGui::TextUnformatted(core::tr("New passphrase"));
    new_.draw("##new", -1.0f);
    state.probe().item("settings.new");
    const auto strength = core::passphrase_strength(new_.text());
    draw_notice(core::strength_hint(strength));
    ImGui::TextUnformatted(core::tr("New passphrase again"));
    const bool enter = confirmation_.draw("##again", -1.0f);
    state.probe().item("settings.again");
    const bool ready = !current_.empty() && equal_passphrases(new_, confirmation_) && strength != core::Strength::Empty &&
                       strength != core::Strength::TooShort;
    ImGui::BeginDisabled(!ready);
    const bool clicked = ImGui::Button(core::tr("Change passphrase"));
    state.probe().item("settings.change");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if ((clicked || (enter && ready)) && !busy) change_passphrase(state);
    if (busy && check_job_ == 0) draw_busy_indicator(state, false);  // the check shows its own
    draw_error(error_);
    draw_notice(notice_);
}

void SettingsView::change_passphrase(AppState& state) {
    error_.clear();
    notice_.clear();
    if (!equal_passphrases(new_, confirmation_)) {
        error_ = core::tr("The two new passphrases are not the same.");
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
        core::tr("Changing the passphrase"),
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
                error_ = describe_error_or_wrong_key(outcome.error, core::tr(kWrongCurrent));
                return;
            }
            notice_ = core::tr("The passphrase was changed. The recovery key still works.");
            read_key_status(state);
        });
}

void SettingsView::forget_check() noexcept {
    if (check_report_) {
        for (auto& f : check_report_->findings) {
            wipe_string(f.attachment_name);
            wipe_string(f.file_name);
            wipe_string(f.message);
        }
    }
    check_report_.reset();
    check_message_.clear();
}

void SettingsView::start_check(AppState& state) {
    core::Session* session = state.session_for_job();
    if (session == nullptr || state.busy() || check_job_ != 0) return;
    forget_check();
    auto report = std::make_shared<core::VaultCheckReport>();
    check_cancel_asked_ = false;
    check_job_ = state.worker().submit(
        core::tr("Checking the vault"),
        [session, report](core::JobContext& job) {
            *report = core::VaultCheckService(*session).run(
                [&job](std::uint64_t done, std::uint64_t total) { job.set_progress(done, total); },
                [&job] { return job.cancelled(); });
        },
        [this, report, generation = check_generation_](const core::JobOutcome& outcome) {
            if (generation != check_generation_) return;
            check_job_ = 0;
            if (outcome.ok()) {
                check_report_ = std::move(*report);
            } else if (outcome.cancelled) {
                check_message_ = core::tr("The check was stopped before the end. It changed nothing.");
            } else {
                check_message_ = core::tr_args("The check could not run: {1}", {describe_error(outcome.error)});
            }
        });
}

void SettingsView::draw_vault_check(AppState& state) {
    section(core::tr("Check the vault"));
    draw_notice(core::tr("Reads everything in the vault (your reports, every evidence file and the record of "
                         "changes) to find anything damaged. It changes nothing. With many evidence files it can "
                         "take a while."));
    ImGui::BeginDisabled(state.busy() || !state.unlocked());
    if (ImGui::Button(core::tr("Check the vault now"))) start_check(state);
    state.probe().item("settings.check");
    ImGui::EndDisabled();
    if (check_job_ != 0) draw_check_running(state);
    if (!check_message_.empty()) draw_notice(check_message_);
    if (check_report_) draw_check_report(state);
}

void SettingsView::draw_check_running(AppState& state) {
    ImGui::TextUnformatted(core::tr("Checking the vault..."));
    draw_job_progress(state, check_job_, check_cancel_asked_, core::tr("Stop the check"), "settings.check_cancel");
}

void SettingsView::draw_check_report(AppState& state) {
    const auto& r = *check_report_;
    std::size_t unreferenced = 0;
    for (const auto& f : r.findings)
        if (f.kind == core::CheckFindingKind::UnreferencedFile) ++unreferenced;
    if (r.intact()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
        ImGui::TextWrapped("%s", core::tr("Your vault is in good health."));
        ImGui::PopStyleColor();
        draw_notice(core::tr("Everything in it was read and checked, and nothing is damaged."));
    } else {
        draw_warning(core::tr("Part of your vault is damaged."));
        draw_notice(core::tr("The check changed nothing and deleted nothing. This is what it found:"));
        bool database_said = false;
        for (const auto& f : r.findings) {
            if (!core::is_damage(f.kind)) continue;
            if (f.kind == core::CheckFindingKind::DatabaseDamaged) {
                if (database_said) continue;
                database_said = true;
            }
            ImGui::Bullet();
            ImGui::TextWrapped("%s", describe_damage(f).c_str());
        }
        draw_notice(core::tr("What to do now: do not delete the vault folder. If you have a backup copy of it, keep "
                             "that copy safe and do not overwrite it: it may still hold what is damaged here. Ask "
                             "someone you trust who knows computers to help you."));
    }
    state.probe().item("settings.check_result");
    draw_labelled(core::tr("Evidence files checked:"), std::to_string(r.attachments));
    draw_labelled(core::tr("Entries in the record of changes:"), std::to_string(r.audit_entries));
    if (!r.complete()) {
        draw_notice(core::tr("The vault folder was not searched for extra files, because another program was "
                             "using the vault. Check again later to look at them too."));
    }
    if (unreferenced > 0) {
        draw_notice(core::tr_args("Extra files in the vault folder that no report uses: {1}. They do no harm and "
                                  "were left as they are.",
                                  {std::to_string(unreferenced)}));
    }
    if (!r.findings.empty() && ImGui::TreeNode(core::tr("Technical details"))) {
        for (const auto& f : r.findings) {
            // Codes, ids and the program's own messages: for whoever helps.
            std::string line(core::check_finding_code(f.kind));
            if (f.attachment_id != 0) line += " #" + std::to_string(f.attachment_id);
            if (f.audit_seq != 0) line += " #" + std::to_string(f.audit_seq) + " " + f.audit_action;
            if (!f.file_name.empty()) line += " " + f.file_name;
            line += ": " + f.message;
            ImGui::TextWrapped("%s", line.c_str());
        }
        ImGui::TreePop();
    }
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
    ++check_generation_;
    check_job_ = 0;
    check_cancel_asked_ = false;
    forget_check();
}

bool SettingsView::holds_sensitive_data() const noexcept {
    return !current_.empty() || !new_.empty() || !confirmation_.empty() || rekey_.holds_sensitive_data() ||
           check_report_.has_value();
}

}  // namespace fv::gui
