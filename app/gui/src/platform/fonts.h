#pragma once
// Fonts found through fontconfig (never fixed paths): a Latin sans-serif and
// Noto Sans CJK SC or TC, merged into one ImGui font so Chinese renders in any
// field. The CJK face follows the language: Traditional Chinese glyph shapes
// for zh_TW (lang=zh-tw), Simplified for everything else (lang=zh-cn).
#include <optional>
#include <string>
#include <string_view>

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

enum class CjkVariant { Simplified, Traditional };

FontChoice find_fonts(CjkVariant variant = CjkVariant::Simplified);
// Traditional for zh_TW; for English, the system's own language decides.
CjkVariant cjk_variant_for(std::string_view language);

struct FontLoadResult {
    bool latin_loaded = false;
    bool cjk_loaded = false;
};

// find_fonts() once per process and variant (the current language's):
// fontconfig's matching is not free, and the installed fonts do not change
// while the app runs.
const FontChoice& cached_fonts();

// After the language was set or changed: notes every character of its
// translations (read from its .mo catalogue) so that the screens never show
// '?' for a word of the interface, and asks for an atlas rebuild, which
// loads the language's CJK face. Once per language; frame thread only.
void follow_language();
// The characters of the current language's translations that the current
// font atlas cannot draw (they would show as '?'); empty when all are there.
// For tests, after an atlas rebuild; BMP characters only (ImGui 1.86).
std::u32string missing_translation_glyphs();

// Adds the font(s) to io.Fonts at `size_pixels`, falling back to ImGui's
// built-in font if none is found. The glyphs: Latin, the common Simplified
// Chinese set (~2,500 characters, ~0.1 s to build; the full set took ~0.7 s)
// and every character noted in glyph_cache.h so far, so Traditional and
// rarer characters such as 咖 are added as they appear. The caller builds
// the atlas.
FontLoadResult load_fonts(ImGuiIO& io, const FontChoice& choice, float size_pixels);

}  // namespace fv::gui
