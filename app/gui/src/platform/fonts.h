#pragma once
// Fonts found through fontconfig (never fixed paths): a Latin sans-serif and
// Noto Sans CJK SC, merged into one ImGui font so Chinese renders in any field.
#include <optional>
#include <string>

struct ImGuiIO;

namespace fv::gui {

struct FontFace {
    std::string path;
    int index = 0;  // face within a .ttc collection (fontconfig's FC_INDEX)
};

struct FontChoice {
    std::optional<FontFace> latin;
    std::optional<FontFace> cjk;  // only if the match really covers Chinese
};

FontChoice find_fonts();

struct FontLoadResult {
    bool latin_loaded = false;
    bool cjk_loaded = false;
};

// find_fonts() once per process: fontconfig's matching is not free, and the
// installed fonts do not change while the app runs.
const FontChoice& cached_fonts();

// Adds the font(s) to io.Fonts at `size_pixels`, falling back to ImGui's
// built-in font if none is found. The glyphs: Latin, the common Simplified
// Chinese set (~2,500 characters, ~0.1 s to build; the full set took ~0.7 s)
// and every character noted in glyph_cache.h so far, so Traditional and
// rarer characters such as 咖 are added as they appear. The caller builds
// the atlas.
FontLoadResult load_fonts(ImGuiIO& io, const FontChoice& choice, float size_pixels);

}  // namespace fv::gui
