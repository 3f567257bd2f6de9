#include "views/editor_widgets.h"

#include <imgui_stdlib.h>

#include <algorithm>

#include "fieldvault/core/i18n.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

std::string text_of(std::string_view view) { return std::string(view); }

}  // namespace

std::string label_text(std::string_view label) {
    const std::string english(label);
    return core::tr(english.c_str());  // copied while `english` lives (tr may return it)
}

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

void section(const char* title) {
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();  // lines up with a toggle drawn after it
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(title);
    ImGui::PopStyleColor();
}

float sensitive_toggle_width() {
    return ImGui::CalcTextSize(core::tr("Sensitive")).x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
           ImGui::GetStyle().ItemSpacing.x;
}

void sensitive_toggle(AppState& state, std::vector<std::string>& sensitive, const char* code) {
    ImGui::SameLine();
    bool on = has_code(sensitive, code);
    ImGui::PushID(code);
    if (ImGui::Checkbox(core::tr("Sensitive"), &on)) set_code(sensitive, code, on);
    if (state.probe().enabled()) state.probe().item(("sensitive." + std::string(code)).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", core::tr("Sensitive fields leave the vault only if you choose so when exporting."));
    ImGui::PopID();
}

void text_row(AppState& state, const char* label, const char* key, std::string& value, bool leave_room,
              const char* hint) {
    field_label(label);
    ImGui::SetNextItemWidth(leave_room ? -sensitive_toggle_width() : -1.0f);
    ImGui::PushID(key != nullptr ? key : label);  // two "Details" fields must not share an id
    ImGui::InputTextWithHint("##value", hint, &value);
    ImGui::PopID();
    if (key != nullptr) state.probe().item(key);
}

void vocabulary_combo(AppState& state, const std::string& key, core::Vocabulary vocabulary, std::string& value,
                      const char* none_label) {
    const std::string preview =
        value.empty() && none_label != nullptr ? std::string(none_label) : label_text(core::label(vocabulary, value));
    const std::string id = "##" + key;
    const bool open = ImGui::BeginCombo(id.c_str(), preview.c_str());
    state.probe().item(key.c_str());
    if (!open) return;
    if (none_label != nullptr && ImGui::Selectable(none_label, value.empty())) value.clear();
    for (const auto& entry : core::entries(vocabulary)) {
        const std::string label = label_text(entry.label);
        if (ImGui::Selectable(label.c_str(), value == entry.code)) value = text_of(entry.code);
        if (state.probe().enabled()) state.probe().item((key + "=" + text_of(entry.code)).c_str());
    }
    ImGui::EndCombo();
}

// Labels wrap (some tactics have long names) and toggle the box when
// clicked, like a checkbox's own label.
void code_checkboxes(AppState& state, const char* name, core::Vocabulary vocabulary,
                     std::vector<std::string>& codes, int columns) {
    const std::string table_id = std::string("##") + name;
    if (!ImGui::BeginTable(table_id.c_str(), columns, ImGuiTableFlags_SizingStretchSame)) return;
    for (const auto& entry : core::entries(vocabulary)) {
        ImGui::TableNextColumn();
        const std::string code = text_of(entry.code);
        bool on = has_code(codes, code);
        ImGui::PushID(code.c_str());
        bool changed = ImGui::Checkbox("##box", &on);
        // Over the box, or the keyboard on it (ImGui then counts it as hovered).
        const bool box_hovered = ImGui::IsItemHovered();
        if (state.probe().enabled()) state.probe().item((std::string(name) + "." + code).c_str());
        ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label_text(entry.label).c_str());
        ImGui::PopTextWrapPos();
        // The one-line hint (tactics have one) on hover over the box or its
        // words, and while the keyboard is on the box.
        if (const char* hint = core::display_hint(entry); *hint != '\0' && (ImGui::IsItemHovered() || box_hovered))
            ImGui::SetTooltip("%s", hint);
        if (ImGui::IsItemClicked()) {
            on = !on;
            changed = true;
        }
        if (changed) set_code(codes, code, on);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

bool row_heading(AppState& state, const std::string& key, const char* noun, std::size_t index) {
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::Text("%s %zu", noun, index + 1);
    ImGui::PopStyleColor();
    const char* remove = core::tr("Remove");
    const float width = ImGui::CalcTextSize(remove).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    // Right-aligned in the current cell (GetContentRegionMax is the window's).
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
    const bool clicked = ImGui::Button(remove);
    if (state.probe().enabled()) state.probe().item((key + "." + std::to_string(index) + ".remove").c_str());
    return clicked;
}

void add_row_button(AppState& state, const std::string& key, const char* label, bool& clicked) {
    clicked = ImGui::Button(label);
    state.probe().item((key + ".add").c_str());
}

}  // namespace fv::gui
