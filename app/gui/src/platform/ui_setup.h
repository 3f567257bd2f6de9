#pragma once
// ImGui settings shared by the app and the headless tests: no files written
// (no imgui.ini: it would record window layout on disk), theme, fonts.
#include <imgui.h>

#include <optional>

#include "models/settings.h"

namespace fv::gui {

inline constexpr float kBaseFontPixels = 17.0f;

// Call after ImGui::CreateContext(). Returns true if a CJK font was merged.
// The atlas starts with Latin and common Chinese and grows with the text
// shown (glyph_cache.h): rebuild_glyphs_if_needed() between frames.
bool configure_imgui(float scale, int font_percent = 100, ThemeKind theme = ThemeKind::Light);
// The same, again, after a settings change (font size, theme): clears and
// refills the font atlas, so call it between frames; the caller then builds
// the atlas (GetTexDataAsRGBA32) or re-uploads it to the GPU. Text stays
// crisp at every size because glyphs are rasterised at the new size rather
// than scaled (FontGlobalScale would blur them).
bool apply_appearance(float scale, int font_percent, ThemeKind theme);
// Between frames: if the views noted characters the atlas lacks, refills it
// at the current size (as apply_appearance does) and returns true; the caller
// then builds the atlas or re-uploads it to the GPU.
bool rebuild_glyphs_if_needed();

// Keyboard use (issue 14): the app works with the keyboard alone, and the
// person always sees where the keyboard is.
// - Tab / Shift+Tab: the next / previous text field; arrows: any widget;
//   Space or Enter: press the focused button (Enter too, not only Space as
//   ImGui 1.86 has it); Escape: leave a text field, close a dialog.
// - While the focus is hidden (after mouse use), the first arrow or Enter
//   only shows where it is: nothing moves or is pressed unseen.
// Call right after ImGui::NewFrame(), before the views draw.
void keyboard_frame_start();
// Call after the views drew, before ImGui::Render(): draws the focus ring, a
// thick frame in the theme's focus colour around the item the keyboard is on
// (and around the text field being typed into, however it was reached).
void draw_keyboard_focus();
// Where the focus ring is this frame (screen coordinates), if it is shown;
// `typing`: the focused item is a text field being typed into.
struct FocusRing {
    ImVec2 min;
    ImVec2 max;
    bool typing = false;
};
std::optional<FocusRing> keyboard_focus();
// Right after a BeginTable() that scrolls (ImGuiTableFlags_ScrollY/X: the
// table is then a window of its own): Tab and the arrows reach its rows and
// fields from the rest of the screen, as with ImGuiWindowFlags_NavFlattened on
// a child window (BeginTable takes no window flags in ImGui 1.86).
void keyboard_flatten_table();

}  // namespace fv::gui
