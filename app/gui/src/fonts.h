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

// Which Chinese characters go into the atlas. Full covers Traditional too
// (Hong Kong, Taiwan) and rarer characters such as 咖; it takes ~0.7 s to
// build. Common (~2,500 Simplified characters) builds in ~0.1 s.
enum class CjkCoverage { Full, Common };

// Adds the font(s) to io.Fonts at `size_pixels`, falling back to ImGui's
// built-in font if none is found. The caller builds the atlas.
FontLoadResult load_fonts(ImGuiIO& io, const FontChoice& choice, float size_pixels,
                          CjkCoverage coverage = CjkCoverage::Full);

}  // namespace fv::gui
