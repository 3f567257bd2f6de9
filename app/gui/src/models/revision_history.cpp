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
    const char* name;   // what changed_fields() returns (stable, for tests and logs)
    const char* label;  // what the person sees, as the report form calls it (translated when shown)
    bool (*differs)(const Content&, const Content&);
};

// Every member of ReportContent, in the order of the form. A new member
// needs a line here (the unit test sets every field and counts the labels).
constexpr std::array kFields = {
    FieldDiff{"Title", FV_N_("Title"), [](const Content& a, const Content& b) { return a.title != b.title; }},
    FieldDiff{"Occurred", FV_N_("When"),
              [](const Content& a, const Content& b) {
                  return a.occurred_start != b.occurred_start || a.occurred_end != b.occurred_end;
              }},
    FieldDiff{"Date precision", FV_N_("How exact the date is"), [](const Content& a, const Content& b) { return a.date_precision != b.date_precision; }},
    FieldDiff{"Country", FV_N_("Country"), [](const Content& a, const Content& b) { return a.host_country != b.host_country; }},
    FieldDiff{"City", FV_N_("City"), [](const Content& a, const Content& b) { return a.host_city != b.host_city; }},
    FieldDiff{"Place", FV_N_("Place"), [](const Content& a, const Content& b) { return a.place != b.place; }},
    FieldDiff{"Origin country", FV_N_("Home country"), [](const Content& a, const Content& b) { return a.origin_country != b.origin_country; }},
    FieldDiff{"Tactics", FV_N_("What they did"), [](const Content& a, const Content& b) { return a.tactics != b.tactics; }},
    FieldDiff{"Channels", FV_N_("How they got in touch"), [](const Content& a, const Content& b) { return a.channels != b.channels; }},
    FieldDiff{"Identifiers", FV_N_("Numbers, accounts and addresses used"), [](const Content& a, const Content& b) { return a.identifiers != b.identifiers; }},
    FieldDiff{"Perpetrators", FV_N_("Who did it"), [](const Content& a, const Content& b) { return a.perpetrators != b.perpetrators; }},
    FieldDiff{"Demands", FV_N_("What they demanded"),
              [](const Content& a, const Content& b) {
                  return a.demands != b.demands || a.demands_detail != b.demands_detail;
              }},
    FieldDiff{"Relatives pressured", FV_N_("Relatives pressured"), [](const Content& a, const Content& b) { return a.relatives != b.relatives; }},
    FieldDiff{"Narrative", FV_N_("Account, in the words of the person"),
              [](const Content& a, const Content& b) {
                  return a.narrative != b.narrative || a.narrative_language != b.narrative_language;
              }},
    FieldDiff{"Translation", FV_N_("Translation"),
              [](const Content& a, const Content& b) {
                  return a.translation != b.translation || a.translation_language != b.translation_language ||
                         a.translator != b.translator;
              }},
    FieldDiff{"Witnesses", FV_N_("Witnesses"), [](const Content& a, const Content& b) { return a.witnesses != b.witnesses; }},
    FieldDiff{"Impact", FV_N_("Harm done"),
              [](const Content& a, const Content& b) {
                  return a.impacts != b.impacts || a.impact_detail != b.impact_detail;
              }},
    FieldDiff{"Reported to", FV_N_("Reported to"), [](const Content& a, const Content& b) { return a.reported_to != b.reported_to; }},
    FieldDiff{"Risk level", FV_N_("Risk now"), [](const Content& a, const Content& b) { return a.risk_level != b.risk_level; }},
    FieldDiff{"Sensitivity", FV_N_("What is marked sensitive"), [](const Content& a, const Content& b) { return a.sensitive_fields != b.sensitive_fields; }},
};

// The changed fields as the form calls them, in the person's language, as a list ("" if none).
std::string changed_labels(const Content& before, const Content& after) {
    std::string text;
    for (const auto& field : kFields) {
        if (!field.differs(before, after)) continue;
        if (!text.empty()) text += list_separator();
        text += core::tr(field.label);
    }
    return text;
}

}  // namespace

std::vector<std::string> changed_fields(const Content& before, const Content& after) {
    std::vector<std::string> labels;
    for (const auto& field : kFields)
        if (field.differs(before, after)) labels.emplace_back(field.name);
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
            const auto labels = changed_labels(revisions[i - 1].content, revision.content);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(labels.empty() ? core::tr("No field changed") : labels.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::EndTable();
    state.probe().item("editor.revisions");
}

}  // namespace fv::gui
