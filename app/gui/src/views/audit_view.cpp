#include "views/audit_view.h"

#include <imgui.h>

#include <algorithm>
#include <memory>

#include "fieldvault/core/i18n.h"
#include "views/exchange_widgets.h"
#include "platform/theme.h"
#include "platform/ui_setup.h"

namespace fv::gui {
namespace {

void wipe_entries(std::vector<core::AuditEntry>& entries) noexcept {
    for (auto& e : entries) {
        wipe_string(e.action);
        wipe_string(e.subject);
        wipe_string(e.detail);
    }
    entries.clear();
}

// What each action code of the log means, in plain words (the code itself
// shows on hover; a code not listed here is shown as it is).
struct ActionName {
    const char* code;
    const char* label;
};
constexpr ActionName kActions[] = {
    {"create_vault", FV_N_("Vault created")},
    {"change_passphrase", FV_N_("Passphrase changed")},
    {"rekey", FV_N_("New keys made")},
    {"accept_rollback", FV_N_("Older copy opened on purpose")},
    {"report_create", FV_N_("Report written")},
    {"report_edit", FV_N_("Report changed")},
    {"report_finalize", FV_N_("Report marked final")},
    {"report_delete", FV_N_("Draft report deleted")},
    {"report_move", FV_N_("Report moved to a case")},
    {"report_case_add", FV_N_("Report added to a case")},
    {"report_case_remove", FV_N_("Report taken out of a case")},
    {"report_receive", FV_N_("Report received")},
    {"report_receive_revision", FV_N_("New version of a report received")},
    {"report_receive_identical", FV_N_("Same report received again")},
    {"case_create", FV_N_("Case created")},
    {"case_rename", FV_N_("Case renamed")},
    {"attach", FV_N_("File attached")},
    {"attachment_remove", FV_N_("Attached file removed")},
    {"attachment_caption", FV_N_("File caption changed")},
    {"extract", FV_N_("Copy of a file saved outside")},
    {"annotate", FV_N_("Notes on a report saved")},
    {"entity_create", FV_N_("Person or group added")},
    {"entity_alias", FV_N_("Other name added")},
    {"entity_link", FV_N_("Person or group linked to a report")},
    {"entity_unlink", FV_N_("Person or group unlinked from a report")},
    {"contact_add", FV_N_("Contact added")},
    {"contact_verify", FV_N_("Contact verified")},
    {"contact_rename", FV_N_("Contact renamed")},
    {"contact_remove", FV_N_("Contact removed")},
    {"source_merge", FV_N_("Sender marked as the same person")},
    {"export", FV_N_("Bundle sent out")},
    {"import", FV_N_("Bundle imported")},
    {"legal_export", FV_N_("Court record written")},
};

const char* action_label(const std::string& code) {
    for (const auto& action : kActions)
        if (code == action.code) return core::tr(action.label);
    return code.c_str();
}

// "report:12" -> "Report 12" in the person's language; other subjects as they are.
std::string subject_label(const std::string& subject) {
    struct Kind {
        const char* prefix;
        const char* label;
    };
    static constexpr Kind kKinds[] = {
        {"report:", FV_N_("Report {1}")},         {"case:", FV_N_("Case {1}")},
        {"contact:", FV_N_("Contact {1}")},       {"entity:", FV_N_("Person or group {1}")},
        {"attachment:", FV_N_("File {1}")},       {"bundle:", FV_N_("Bundle {1}")},
    };
    if (subject == "vault") return core::tr("The vault");
    if (subject == "identity") return core::tr("Your identity");
    for (const auto& kind : kKinds) {
        const std::string prefix = kind.prefix;
        if (subject.size() <= prefix.size() || subject.compare(0, prefix.size(), prefix) != 0) continue;
        std::string id = subject.substr(prefix.size());
        // A bundle id is 32 hex digits: its start is enough to tell bundles apart here.
        if (id.size() > 12) id = id.substr(0, 12) + "...";
        return core::tr_args(kind.label, {id});
    }
    return subject;
}

float widest_action_label() {
    float widest = ImGui::CalcTextSize("report_finalize").x;
    for (const auto& action : kActions) widest = std::max(widest, ImGui::CalcTextSize(core::tr(action.label)).x);
    return widest;
}

struct AuditResult {
    std::vector<core::AuditEntry> entries;
    core::AuditVerification verification;
    ~AuditResult() { wipe_entries(entries); }
};

}  // namespace

void AuditView::on_show(AppState& /*state*/) { needs_refresh_ = true; }

void AuditView::refresh(AppState& state) {
    needs_refresh_ = false;
    core::Session* session = state.session_for_job();
    if (session == nullptr || loading_) return;
    loading_ = true;
    auto result = std::make_shared<AuditResult>();
    state.worker().submit(
        core::tr("Reading and checking the audit log"),
        [session, result](core::JobContext&) {
            core::AuditService audit(*session);
            result->entries = audit.entries();
            result->verification = audit.verify();
        },
        [this, result, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            loading_ = false;
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            error_.clear();
            std::swap(entries_, result->entries);
            verification_ = result->verification;
        });
}

void AuditView::draw_content(AppState& state) {
    if (needs_refresh_) refresh(state);
    draw_heading(core::tr("Audit log"));
    draw_notice(core::tr("Everything done in this vault, in order. Each entry is tied to the one before it, so if "
                         "anyone changes or removes an entry later, the check below shows it. What your reports say "
                         "is never written here."));
    ImGui::BeginDisabled(loading_ || state.busy());
    if (ImGui::Button(core::tr("Check again"))) refresh(state);
    state.probe().item("audit.refresh");
    ImGui::EndDisabled();
    ImGui::SameLine();
    draw_status();
    draw_error(error_);
    draw_table(state);
}

void AuditView::draw_status() {
    ImGui::AlignTextToFramePadding();
    if (loading_ && !verification_) {
        draw_notice(core::tr("Checking..."));
        return;
    }
    if (!verification_) return;
    if (verification_->ok) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
        ImGui::TextUnformatted(core::trn_args("The log is whole: {n} entry checked, nothing changed.",
                                              "The log is whole: all {n} entries checked, nothing changed.",
                                              verification_->entries)
                                   .c_str());
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, theme::error());
        if (verification_->first_bad_seq)
            ImGui::TextUnformatted(
                core::tr_args("The log was changed after it was written, at entry {1}.",
                              {std::to_string(*verification_->first_bad_seq)})
                    .c_str());
        else
            ImGui::TextUnformatted(core::tr("The log does not check out: it was changed after it was written."));
    }
    ImGui::PopStyleColor();
}

void AuditView::draw_table(AppState& state) {
    if (entries_.empty()) return;
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingStretchProp;
    // The details keep a readable width: at large text sizes the table scrolls sideways instead.
    const float inner_width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 70.0f);
    if (!ImGui::BeginTable("##audit", 5, kFlags, ImVec2(0.0f, 0.0f), inner_width)) return;
    keyboard_flatten_table();  // the arrows reach the rows from the filters above
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    // Widths from the longest text each column holds, so nothing is cut at any font size.
    const float pad = ImGui::GetStyle().CellPadding.x * 2.0f;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("00000").x + pad);
    ImGui::TableSetupColumn(core::tr("Time"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("2026-12-31 23:59  (23:59 UTC)").x + pad);
    ImGui::TableSetupColumn(core::tr("What was done"), ImGuiTableColumnFlags_WidthFixed,
                            widest_action_label() + pad);
    ImGui::TableSetupColumn(core::tr("On what"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(subject_label("bundle:" + std::string(32, '0')).c_str()).x + pad);
    ImGui::TableSetupColumn(core::tr("Details"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    const std::int64_t bad = verification_ && verification_->first_bad_seq ? *verification_->first_bad_seq : -1;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            // Newest first.
            const auto& e = entries_[entries_.size() - 1 - static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (e.seq == bad) {
                ImVec4 tint = theme::error();
                tint.w = 0.25f;
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(tint));
            }
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(e.seq));
            if (i == 0) state.probe().item("audit.row0");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_local_and_utc(e.at).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(action_label(e.action));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.action.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(subject_label(e.subject).c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.subject.c_str());
            ImGui::TableNextColumn();
            // One line per row (the clipper needs equal heights); the whole on hover.
            ImGui::TextUnformatted(e.detail.c_str());
            if (ImGui::IsItemHovered() && !e.detail.empty()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(em * 40.0f);
                ImGui::TextUnformatted(e.detail.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
    ImGui::EndTable();
}

void AuditView::clear() noexcept {
    wipe_entries(entries_);
    verification_.reset();
    error_.clear();
    needs_refresh_ = true;
    loading_ = false;
    ++generation_;
}

bool AuditView::holds_sensitive_data() const noexcept { return !entries_.empty(); }

}  // namespace fv::gui
