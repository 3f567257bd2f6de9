#include "report_editor_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/vocabulary.h"
#include "theme.h"

namespace fv::gui {
namespace {

constexpr float kLabelEm = 7.5f;  // width of the label column, in font sizes

std::string text_of(std::string_view view) { return std::string(view); }

bool has_code(const std::vector<std::string>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

void set_code(std::vector<std::string>& codes, std::string_view code, bool on) {
    const auto it = std::find(codes.begin(), codes.end(), code);
    if (on && it == codes.end()) codes.emplace_back(code);
    if (!on && it != codes.end()) codes.erase(it);
}

void field_label(const char* label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * kLabelEm);
}

// The small "Sensitive" toggle drawn after a field; its width is reserved by
// the field before it.
float sensitive_toggle_width() {
    return ImGui::CalcTextSize("Sensitive").x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
           ImGui::GetStyle().ItemSpacing.x;
}

void sensitive_toggle(std::vector<std::string>& sensitive, const char* code) {
    ImGui::SameLine();
    bool on = has_code(sensitive, code);
    ImGui::PushID(code);
    if (ImGui::Checkbox("Sensitive", &on)) set_code(sensitive, code, on);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Sensitive fields leave the vault only if you choose so when exporting.");
    ImGui::PopID();
}

// A labelled one-line field; `leave_room` keeps space for a sensitive toggle after it.
void text_row(const char* label, const char* id, std::string& value, bool leave_room = false) {
    field_label(label);
    ImGui::SetNextItemWidth(leave_room ? -sensitive_toggle_width() : -1.0f);
    ImGui::InputText(id, &value);
}

void vocabulary_combo(const char* id, core::Vocabulary vocabulary, std::string& value, const char* none_label) {
    const std::string preview = value.empty() ? std::string(none_label) : text_of(core::label(vocabulary, value));
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (none_label != nullptr && ImGui::Selectable(none_label, value.empty())) value.clear();
        for (const auto& entry : core::entries(vocabulary)) {
            const std::string label = text_of(entry.label);
            if (ImGui::Selectable(label.c_str(), value == entry.code)) value = text_of(entry.code);
        }
        ImGui::EndCombo();
    }
}

// Checkboxes for a multi-select vocabulary, in `columns` columns. Labels wrap
// (some tactics have long names) and toggle the box when clicked, like a
// checkbox's own label.
void code_checkboxes(AppState& state, const char* id, core::Vocabulary vocabulary, std::vector<std::string>& codes,
                     int columns) {
    if (!ImGui::BeginTable(id, columns, ImGuiTableFlags_SizingStretchSame)) return;
    for (const auto& entry : core::entries(vocabulary)) {
        ImGui::TableNextColumn();
        const std::string code = text_of(entry.code);
        bool on = has_code(codes, code);
        ImGui::PushID(code.c_str());
        bool changed = ImGui::Checkbox("##box", &on);
        const std::string probe = std::string(id + 2) + "." + code;  // id is "##name"
        state.probe().item(probe.c_str());
        ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(entry.label.data(), entry.label.data() + entry.label.size());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemClicked()) {
            on = !on;
            changed = true;
        }
        if (changed) set_code(codes, code, on);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void section(const char* title) {
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();  // lines up with a toggle drawn after it
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
}

void wipe_identifiers(std::vector<storage::Identifier>& identifiers) noexcept {
    for (auto& identifier : identifiers) {
        wipe_string(identifier.channel);
        wipe_string(identifier.value);
    }
    identifiers.clear();
}

void wipe_codes(std::vector<std::string>& codes) noexcept {
    for (auto& code : codes) wipe_string(code);
    codes.clear();
}

void wipe_detail(core::ReportDetail& detail) noexcept {
    wipe_content(detail.report.content);
    wipe_string(detail.case_name);
    for (auto& attachment : detail.attachments) {
        wipe_string(attachment.name);
        wipe_string(attachment.media_type);
        wipe_string(attachment.sha256);
    }
    detail.attachments.clear();
    for (auto& revision : detail.revisions) wipe_content(revision.content);
    detail.revisions.clear();
}

}  // namespace

void wipe_content(core::ReportContent& content) noexcept {
    for (std::string* text :
         {&content.title, &content.occurred_start, &content.occurred_end, &content.date_precision,
          &content.host_country, &content.host_city, &content.place, &content.origin_country,
          &content.demands_detail, &content.narrative, &content.narrative_language, &content.translation,
          &content.translation_language, &content.translator, &content.impact_detail, &content.risk_level})
        wipe_string(*text);
    wipe_codes(content.tactics);
    wipe_codes(content.channels);
    wipe_codes(content.demands);
    wipe_codes(content.impacts);
    wipe_codes(content.sensitive_fields);
    wipe_identifiers(content.identifiers);
    for (auto& p : content.perpetrators) {
        wipe_string(p.affiliation);
        wipe_string(p.names);
        wipe_string(p.description);
    }
    content.perpetrators.clear();
    for (auto& r : content.relatives) {
        for (std::string* text : {&r.relationship, &r.location, &r.what_happened, &r.by_whom, &r.how_known})
            wipe_string(*text);
    }
    content.relatives.clear();
    for (auto& w : content.witnesses) {
        wipe_string(w.name);
        wipe_string(w.contact);
        wipe_string(w.statement);
    }
    content.witnesses.clear();
    for (auto& r : content.reported_to) {
        for (std::string* text : {&r.authority, &r.date, &r.reference, &r.outcome}) wipe_string(*text);
    }
    content.reported_to.clear();
    content = core::ReportContent{};
}

void ReportEditorView::forget_loaded() noexcept {
    if (detail_) wipe_detail(*detail_);
    detail_.reset();
}

void ReportEditorView::load(AppState& state, std::int64_t report_id) {
    wipe_content(draft_);
    wipe_string(case_name_);
    wipe_string(attach_path_);
    forget_loaded();
    error_.clear();
    notice_.clear();
    confirm_finalize_ = confirm_discard_ = false;
    report_id_ = report_id;
    needs_reload_ = report_id != 0;
    if (needs_reload_) reload(state);
}

void ReportEditorView::reload(AppState& state) {
    core::Session* session = state.session();
    if (session == nullptr || report_id_ == 0) return;
    needs_reload_ = false;
    try {
        auto fresh = core::ReportService(*session).get(report_id_);
        forget_loaded();
        wipe_content(draft_);
        wipe_string(case_name_);
        detail_ = std::move(fresh);
        draft_ = detail_->report.content;
        case_name_ = detail_->case_name;
    } catch (...) {
        error_ = describe_error(std::current_exception());
    }
}

bool ReportEditorView::dirty() const {
    if (!detail_) return !(draft_ == core::ReportContent{}) || !case_name_.empty();
    return !(draft_ == detail_->report.content) || case_name_ != detail_->case_name;
}

bool ReportEditorView::save(AppState& state) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session();
    if (session == nullptr) {
        error_ = "The vault is busy; try again in a moment.";
        return false;
    }
    try {
        core::ReportService reports(*session);
        if (report_id_ == 0) {
            report_id_ = reports.create(draft_, case_name_);
        } else {
            reports.edit(report_id_, draft_, std::string_view(case_name_));
        }
        reload(state);
        notice_ = detail_ ? "Saved as revision " + std::to_string(detail_->report.revision) + "." : "Saved.";
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

bool ReportEditorView::finalize(AppState& state) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session();
    if (session == nullptr || report_id_ == 0) return false;
    try {
        core::ReportService(*session).finalize(report_id_);
        reload(state);
        notice_ = "The report is final.";
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

void ReportEditorView::attach(AppState& state, const std::filesystem::path& file) {
    error_.clear();
    notice_.clear();
    if (report_id_ == 0) {
        error_ = "Save the report first, then attach files to it.";
        return;
    }
    if (detail_ && detail_->report.status == "final") {
        error_ = "This report is final: no more files can be attached.";
        return;
    }
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    const auto id = report_id_;
    state.worker().submit(
        "Storing the file in the vault",
        [session, id, file](core::JobContext& context) {
            core::AttachmentService(*session).attach(id, file, [&context](std::uint64_t done, std::uint64_t total) {
                context.set_progress(done, total);
                context.throw_if_cancelled();  // unwinds out of the store; its transaction rolls back
            });
        },
        [this, id](const core::JobOutcome& outcome) {
            if (outcome.cancelled) {
                notice_ = "Attaching was cancelled.";
                return;
            }
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            if (id == report_id_) {
                notice_ = "File attached.";
                needs_reload_ = true;
            }
        });
}

void ReportEditorView::files_dropped(AppState& state, const std::vector<std::filesystem::path>& paths) {
    for (const auto& path : paths) attach(state, path);
}

void ReportEditorView::draw_content(AppState& state) {
    if (needs_reload_) reload(state);
    draw_header(state);
    if (state.busy()) draw_busy_indicator(state, true);
    draw_error(error_);
    draw_notice(notice_);

    const bool final_report = detail_ && detail_->report.status == "final";
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("##form", 2, kFlags)) {
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(final_report);
        draw_left_column(state);
        ImGui::EndDisabled();
        ImGui::TableNextColumn();
        draw_right_column(state);
        ImGui::EndTable();
    }
    draw_modals(state);
}

void ReportEditorView::draw_header(AppState& state) {
    if (ImGui::Button("< Reports")) {
        if (dirty()) {
            confirm_discard_ = true;
        } else {
            state.go_to(Screen::ReportList);
        }
    }
    state.probe().item("editor.back");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (detail_) {
        const auto status = core::label(core::Vocabulary::Status, detail_->report.status);
        ImGui::Text("Report %lld  |  %.*s  |  revision %lld", static_cast<long long>(report_id_),
                    static_cast<int>(status.size()), status.data(), static_cast<long long>(detail_->report.revision));
    } else {
        ImGui::TextUnformatted("New report");
    }
    if (dirty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
        ImGui::TextUnformatted("(unsaved changes)");
        ImGui::PopStyleColor();
    }

    const bool final_report = detail_ && detail_->report.status == "final";
    if (final_report) return;
    const auto& style = ImGui::GetStyle();
    const float save_w = ImGui::CalcTextSize("Save").x + style.FramePadding.x * 2.0f;
    const float final_w = ImGui::CalcTextSize("Finalise...").x + style.FramePadding.x * 2.0f;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - save_w - final_w - style.ItemSpacing.x);
    const bool busy = state.busy();
    ImGui::BeginDisabled(busy || !dirty());
    if (ImGui::Button("Save")) save(state);
    state.probe().item("editor.save");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(busy || report_id_ == 0 || dirty());
    if (ImGui::Button("Finalise...")) confirm_finalize_ = true;
    state.probe().item("editor.finalize");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && dirty())
        ImGui::SetTooltip("Save your changes first.");
    ImGui::EndDisabled();
}

void ReportEditorView::draw_left_column(AppState& state) {
    auto& c = draft_;
    section("What happened");
    text_row("Title", "##title", c.title, true);
    state.probe().item("editor.title");
    sensitive_toggle(c.sensitive_fields, "title");
    text_row("Case", "##case", case_name_);
    state.probe().item("editor.case");

    field_label("Occurred");
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##start", "2026-03-14", &c.occurred_start);
    state.probe().item("editor.occurred");
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##end", "(optional)", &c.occurred_end);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    vocabulary_combo("##precision", core::Vocabulary::DatePrecision, c.date_precision, nullptr);

    section("Where");
    text_row("Country", "##host_country", c.host_country);
    text_row("City", "##host_city", c.host_city, true);
    sensitive_toggle(c.sensitive_fields, "host_city");
    text_row("Place", "##place", c.place, true);
    sensitive_toggle(c.sensitive_fields, "place");
    text_row("From (origin)", "##origin", c.origin_country, true);
    sensitive_toggle(c.sensitive_fields, "origin_country");

    section("How");
    ImGui::TextUnformatted("Tactics");
    code_checkboxes(state, "##tactic", core::Vocabulary::Tactic, c.tactics, 2);
    ImGui::TextUnformatted("Channels");
    code_checkboxes(state, "##channel", core::Vocabulary::Channel, c.channels, 3);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Numbers, accounts and addresses used");
    sensitive_toggle(c.sensitive_fields, "identifiers");
    std::size_t remove = c.identifiers.size();
    for (std::size_t i = 0; i < c.identifiers.size(); ++i) {
        auto& identifier = c.identifiers[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetNextItemWidth(em * 9.0f);
        vocabulary_combo("##id_channel", core::Vocabulary::Channel, identifier.channel, "Channel");
        ImGui::SameLine();
        const float remove_w = ImGui::CalcTextSize("Remove").x + ImGui::GetStyle().FramePadding.x * 2.0f +
                               ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(-remove_w);
        ImGui::InputTextWithHint("##id_value", "+86 ..., @handle, https://...", &identifier.value);
        ImGui::SameLine();
        if (ImGui::Button("Remove")) remove = i;
        ImGui::PopID();
    }
    if (remove < c.identifiers.size()) {
        wipe_string(c.identifiers[remove].value);
        c.identifiers.erase(c.identifiers.begin() + static_cast<std::ptrdiff_t>(remove));
    }
    if (ImGui::Button("Add identifier")) c.identifiers.push_back({"phone", ""});

    section("Risk");
    field_label("Risk level");
    ImGui::SetNextItemWidth(em * 10.0f);
    vocabulary_combo("##risk", core::Vocabulary::RiskLevel, c.risk_level, "Not assessed");
}

void ReportEditorView::draw_right_column(AppState& state) {
    auto& c = draft_;
    const bool final_report = detail_ && detail_->report.status == "final";
    const float em = ImGui::GetFontSize();
    ImGui::BeginDisabled(final_report);
    section("Account, in the words of the person");
    sensitive_toggle(c.sensitive_fields, "narrative");
    ImGui::InputTextMultiline("##narrative", &c.narrative, ImVec2(-1.0f, em * 11.0f));
    state.probe().item("editor.narrative");
    field_label("Language");
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##narrative_language", "zh-Hans", &c.narrative_language);

    section("Translation");
    sensitive_toggle(c.sensitive_fields, "translation");
    ImGui::InputTextMultiline("##translation", &c.translation, ImVec2(-1.0f, em * 5.0f));
    field_label("Language");
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##translation_language", "en", &c.translation_language);
    ImGui::SameLine();
    ImGui::TextUnformatted("by");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##translator", "translator's name", &c.translator);
    ImGui::EndDisabled();

    draw_attachments(state);
}

void ReportEditorView::draw_attachments(AppState& state) {
    section("Evidence files");
    const bool final_report = detail_ && detail_->report.status == "final";
    if (report_id_ == 0) {
        draw_notice("Save the report first; then attach files here or drop them on the window.");
    } else if (!final_report) {
        const float button_w = ImGui::CalcTextSize("Attach").x + ImGui::GetStyle().FramePadding.x * 2.0f +
                               ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(-button_w);
        const bool enter = ImGui::InputTextWithHint("##attach_path", "/path/to/file (or drop files on the window)",
                                                    &attach_path_, ImGuiInputTextFlags_EnterReturnsTrue);
        state.probe().item("editor.attach_path");
        ImGui::SameLine();
        ImGui::BeginDisabled(attach_path_.empty() || state.busy());
        const bool clicked = ImGui::Button("Attach");
        state.probe().item("editor.attach");
        ImGui::EndDisabled();
        if ((clicked || enter) && !attach_path_.empty() && !state.busy()) {
            attach(state, std::filesystem::path(attach_path_));
            wipe_string(attach_path_);
        }
    }
    if (!detail_ || detail_->attachments.empty()) {
        if (report_id_ != 0) draw_notice("No files attached.");
        return;
    }
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##attachments", 3, kFlags)) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableSetupColumn("SHA-256", ImGuiTableColumnFlags_WidthFixed, em * 9.0f);
    ImGui::TableHeadersRow();
    for (const auto& attachment : detail_->attachments) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(attachment.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(human_size(attachment.size).c_str());
        ImGui::TableNextColumn();
        // The full hash is long; show its start and the whole on hover.
        const std::string short_hash = attachment.sha256.substr(0, 12) + "...";
        ImGui::TextUnformatted(short_hash.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("SHA-256 %s", attachment.sha256.c_str());
    }
    ImGui::EndTable();
}

void ReportEditorView::draw_modals(AppState& state) {
    if (confirm_finalize_) {
        ImGui::OpenPopup("Finalise report");
        confirm_finalize_ = false;
    }
    if (confirm_discard_) {
        ImGui::OpenPopup("Discard changes");
        confirm_discard_ = false;
    }
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Finalise report", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("A final report can no longer be edited, and no files can be added to it.");
        if (ImGui::Button("Finalise")) {
            finalize(state);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("editor.finalize_confirm");
        ImGui::SameLine();
        if (ImGui::Button("Keep as draft")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Discard changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("This report has changes that are not saved.");
        if (ImGui::Button("Discard them")) {
            ImGui::CloseCurrentPopup();
            state.go_to(Screen::ReportList);
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep editing")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void ReportEditorView::clear() noexcept {
    wipe_content(draft_);
    wipe_string(case_name_);
    wipe_string(attach_path_);
    forget_loaded();
    error_.clear();
    notice_.clear();
    report_id_ = 0;
    needs_reload_ = false;
    confirm_finalize_ = confirm_discard_ = false;
}

bool ReportEditorView::holds_sensitive_data() const noexcept {
    return !(draft_ == core::ReportContent{}) || !case_name_.empty() || !attach_path_.empty() || detail_.has_value() ||
           report_id_ != 0;
}

}  // namespace fv::gui
