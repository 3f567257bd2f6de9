#pragma once
// ImGui settings shared by the app and the headless tests: no files written
// (no imgui.ini: it would record window layout on disk), theme, fonts.
namespace fv::gui {

inline constexpr float kBaseFontPixels = 17.0f;

// Call after ImGui::CreateContext(). Returns true if a CJK font was merged.
// The app uses every Chinese character; tests that do not look at glyphs may
// ask for the common set, which builds several times faster.
bool configure_imgui(float scale, bool all_chinese_characters = true);

}  // namespace fv::gui
