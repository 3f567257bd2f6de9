#include "views/exchange_widgets.h"

#include <imgui.h>

#include <cstdlib>
#include <ctime>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/vocabulary.h"
#include "platform/theme.h"

namespace fv::gui {

std::string format_utc(std::int64_t seconds) {
    if (seconds == 0) return "-";
    const auto iso = core::format_utc_time(seconds);  // "2026-03-14T09:30:00Z"
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string format_local_and_utc(std::int64_t seconds) {
    if (seconds == 0) return "-";
    const auto iso = core::format_utc_time(seconds);
    return core::format_local_time(seconds) + "  (" + iso.substr(11, 5) + " UTC)";  // i18n: not text
}

void draw_large_text(const std::string& text, float scale) {
    // One font is loaded; scaling it keeps the atlas small, and digits stay crisp enough.
    ImGui::SetWindowFontScale(scale);
    ImGui::TextUnformatted(text.c_str());
    ImGui::SetWindowFontScale(1.0f);
}

std::string sensitive_field_label(std::string_view code) {
    return core::display_label(core::Vocabulary::SensitiveField, code);
}

std::filesystem::path expand_home(const std::string& typed) {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return typed;
    if (typed == "~") return home;
    if (typed.rfind("~/", 0) == 0) return std::filesystem::path(home) / typed.substr(2);
    return typed;
}

void draw_warning(const std::string& message) {
    if (message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

void draw_labelled(const char* label, const std::string& value) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", value.c_str());
}

}  // namespace fv::gui
