#pragma once
// ImGui settings shared by the app and the headless tests: no files written
// (no imgui.ini: it would record window layout on disk), theme, fonts.
namespace fv::gui {

inline constexpr float kBaseFontPixels = 17.0f;

// Call after ImGui::CreateContext(). Returns true if a CJK font was merged.
bool configure_imgui(float scale);

}  // namespace fv::gui
