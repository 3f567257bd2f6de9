#pragma once
// The font atlas grows with the text on screen. Building every Chinese glyph
// up front (GetGlyphRangesChineseFull) took ~0.7 s of a ~1.8 s launch; the
// first atlas holds Latin and CJK punctuation (the unlock screen needs no
// more); the first ideograph shown adds the ~2,500 common Simplified
// characters, and any other character the views show or the user types is noted here.
// Between frames the app asks take_rebuild_request() and, if true, rebuilds
// the atlas (the same path as a text-size change) with the noted characters
// added, so they render from the next frame on.
//
// One set per process, like ImGui's own context. Frame thread only.
#include <imgui.h>

#include <string_view>
#include <vector>

namespace fv::gui::glyphs {

// Notes every character of `utf8` (invalid bytes are skipped). Cheap for
// text already covered (one bit test per character), so views may call it
// for what they draw each frame.
void note(std::string_view utf8) noexcept;
// The text of the InputText being edited (typed, pasted or dropped).
void note_active_input() noexcept;
// True once after a character outside the atlas was noted.
bool take_rebuild_request() noexcept;
// Ranges for the next atlas build: the base set `base` (zero-terminated
// ImGui ranges) plus every character noted so far. The result stays valid
// until the next call with the same `base`; ImGui keeps the pointer.
const ImWchar* ranges_with_noted(const ImWchar* base);
// True once a Chinese/Japanese/Korean ideograph was noted: from then on the
// fonts load the common Simplified set too, in one rebuild.
bool ideographs_seen() noexcept;
// How many characters were noted beyond the base sets (tests, timing).
std::size_t noted_count() noexcept;

}  // namespace fv::gui::glyphs
