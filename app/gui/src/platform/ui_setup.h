#pragma once
// ImGui settings shared by the app and the headless tests: no files written
// (no imgui.ini: it would record window layout on disk), theme, fonts.
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

}  // namespace fv::gui
