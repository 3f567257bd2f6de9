#include "models/revision_history.h"

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"

#include <imgui.h>

#include <array>
#include <ctime>

#include "views/view.h"

namespace fv::gui {
namespace {

using Content = core::ReportContent;

struct FieldDiff {
    const char* label;  // English (changed_fields() returns it); shown translated
    bool (*differs)(const Content&, const Content&);
};

// Every member of ReportContent, in the order of the form. A new member
// needs a line here (the unit test sets every field and counts the labels).
constexpr std::array kFields = {
    FieldDiff{FV_N_("Title"), [](const Content& a, const Content& b) { return a.title != b.title; }},
    FieldDiff{FV_N_("Occurred"),
              [](const Content& a, const Content& b) {
                  return a.occurred_start != b.occurred_start || a.occurred_end != b.occurred_end;
              }},
    FieldDiff{FV_N_("Date precision"), [](const Content& a, const Content& b) { return a.date_precision != b.date_precision; }},
    FieldDiff{FV_N_("Country"), [](const Content& a, const Content& b) { return a.host_country != b.host_country; }},
    FieldDiff{FV_N_("City"), [](const Content& a, const Content& b) { return a.host_city != b.host_city; }},
    FieldDiff{FV_N_("Place"), [](const Content& a, const Content& b) { return a.place != b.place; }},
    FieldDiff{FV_N_("Origin country"), [](const Content& a, const Content& b) { return a.origin_country != b.origin_country; }},
    FieldDiff{FV_N_("Tactics"), [](const Content& a, const Content& b) { return a.tactics != b.tactics; }},
    FieldDiff{FV_N_("Channels"), [](const Content& a, const Content& b) { return a.channels != b.channels; }},
    FieldDiff{FV_N_("Identifiers"), [](const Content& a, const Content& b) { return a.identifiers != b.identifiers; }},
    FieldDiff{FV_N_("Perpetrators"), [](const Content& a, const Content& b) { return a.perpetrators != b.perpetrators; }},
    FieldDiff{FV_N_("Demands"),
              [](const Content& a, const Content& b) {
                  return a.demands != b.demands || a.demands_detail != b.demands_detail;
              }},
    FieldDiff{FV_N_("Relatives pressured"), [](const Content& a, const Content& b) { return a.relatives != b.relatives; }},
    FieldDiff{FV_N_("Narrative"),
              [](const Content& a, const Content& b) {
                  return a.narrative != b.narrative || a.narrative_language != b.narrative_language;
              }},
    FieldDiff{FV_N_("Translation"),
              [](const Content& a, const Content& b) {
                  return a.translation != b.translation || a.translation_language != b.translation_language ||
                         a.translator != b.translator;
              }},
    FieldDiff{FV_N_("Witnesses"), [](const Content& a, const Content& b) { return a.witnesses != b.witnesses; }},
    FieldDiff{FV_N_("Impact"),
              [](const Content& a, const Content& b) {
                  return a.impacts != b.impacts || a.impact_detail != b.impact_detail;
              }},
    FieldDiff{FV_N_("Reported to"), [](const Content& a, const Content& b) { return a.reported_to != b.reported_to; }},
    FieldDiff{FV_N_("Risk level"), [](const Content& a, const Content& b) { return a.risk_level != b.risk_level; }},
    FieldDiff{FV_N_("Sensitivity"), [](const Content& a, const Content& b) { return a.sensitive_fields != b.sensitive_fields; }},
};

// The labels in the person's language, as a list.
std::string joined(const std::vector<std::string>& labels) {
    std::string text;
    for (const auto& label : labels) {
        if (!text.empty()) text += list_separator();
        text += core::tr(label.c_str());
    }
    return text;
}

}  // namespace

std::vector<std::string> changed_fields(const Content& before, const Content& after) {
    std::vector<std::string> labels;
    for (const auto& field : kFields)
        if (field.differs(before, after)) labels.emplace_back(field.label);
    return labels;
}


void draw_revision_history(AppState& state, const std::vector<core::RevisionRecord>& revisions) {
    if (revisions.empty()) {
        draw_notice(core::tr("Not saved yet."));
        return;
    }
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##revisions", 4, kFlags)) return;
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn(core::tr("No."), ImGuiTableColumnFlags_WidthFixed, em * 2.2f);
    ImGui::TableSetupColumn(core::tr("Saved"), ImGuiTableColumnFlags_WidthFixed, em * 7.5f);
    ImGui::TableSetupColumn(core::tr("Check code"), ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    ImGui::TableSetupColumn(core::tr("What changed"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (std::size_t i = revisions.size(); i-- > 0;) {
        const auto& revision = revisions[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(revision.number));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(core::format_local_time(revision.created_at).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(revision.content_sha256.substr(0, 8).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", core::tr_args("Check code (SHA-256): {1}", {revision.content_sha256}).c_str());
        ImGui::TableNextColumn();
        if (i == 0) {
            draw_notice(core::tr("First version"));
        } else {
            const auto labels = changed_fields(revisions[i - 1].content, revision.content);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(labels.empty() ? core::tr("No field changed") : joined(labels).c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::EndTable();
    state.probe().item("editor.revisions");
}

}  // namespace fv::gui
