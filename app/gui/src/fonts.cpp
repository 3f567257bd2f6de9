#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <filesystem>
#include <memory>

namespace fv::gui {
namespace {

// Ideographs look small next to Latin letters at the same ImGui size (ImGui
// sizes by ascent + descent, and CJK fonts have tall ones); this scale was
// chosen by looking at screenshots of mixed text.
constexpr float kCjkScale = 1.3f;

// Latin with accents, Greek, Cyrillic, general punctuation (dashes, quotes,
// ellipsis), currency signs and arrows: what names and places need.
constexpr ImWchar kLatinRanges[] = {0x0020, 0x024F, 0x0370, 0x04FF, 0x2000, 0x206F,
                                    0x20A0, 0x20CF, 0x2190, 0x21FF, 0};

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;

// Best match for a fontconfig pattern string; `must_have` is a code point the
// font must cover (fontconfig always returns *some* font).
std::optional<FontFace> match(const char* pattern_text, FcChar32 must_have) {
    Pattern pattern(FcNameParse(reinterpret_cast<const FcChar8*>(pattern_text)));
    if (!pattern) return std::nullopt;
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern found(FcFontMatch(nullptr, pattern.get(), &result));
    if (!found || result != FcResultMatch) return std::nullopt;

    FcChar8* file = nullptr;
    if (FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch || file == nullptr) return std::nullopt;
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(found.get(), FC_CHARSET, 0, &charset) != FcResultMatch || charset == nullptr ||
        !FcCharSetHasChar(charset, must_have))
        return std::nullopt;
    int index = 0;
    FcPatternGetInteger(found.get(), FC_INDEX, 0, &index);
    FontFace face{reinterpret_cast<const char*>(file), index};
    // ImGui reads TrueType/OpenType only (not Type 1 or bitmap fonts).
    const auto ext = std::filesystem::path(face.path).extension().string();
    if (ext != ".ttf" && ext != ".otf" && ext != ".ttc" && ext != ".TTF" && ext != ".OTF" && ext != ".TTC")
        return std::nullopt;
    return face;
}

}  // namespace

FontChoice find_fonts() {
    FontChoice choice;
    if (FcInit() == FcFalse) return choice;
    choice.latin = match("sans-serif:lang=en", 0x0041);       // 'A'
    choice.cjk = match("Noto Sans CJK SC:lang=zh-cn", 0x4E2D);  // '中'
    return choice;
}

FontLoadResult load_fonts(ImGuiIO& io, const FontChoice& choice, float size_pixels, CjkCoverage coverage) {
    FontLoadResult loaded;
    if (choice.latin) {
        ImFontConfig config;
        config.FontNo = choice.latin->index;
        config.OversampleH = 2;
        loaded.latin_loaded =
            io.Fonts->AddFontFromFileTTF(choice.latin->path.c_str(), size_pixels, &config,
                                         kLatinRanges) != nullptr;
    }
    if (!loaded.latin_loaded) {
        ImFontConfig config;
        config.SizePixels = size_pixels;
        io.Fonts->AddFontDefault(&config);
    }
    if (choice.cjk) {
        ImFontConfig config;
        config.MergeMode = true;
        config.FontNo = choice.cjk->index;
        config.OversampleH = 1;  // the CJK atlas is large; horizontal oversampling doubles it
        config.PixelSnapH = true;
        const ImWchar* ranges = coverage == CjkCoverage::Full ? io.Fonts->GetGlyphRangesChineseFull()
                                                              : io.Fonts->GetGlyphRangesChineseSimplifiedCommon();
        loaded.cjk_loaded =
            io.Fonts->AddFontFromFileTTF(choice.cjk->path.c_str(), size_pixels * kCjkScale, &config, ranges) != nullptr;
    }
    return loaded;
}

}  // namespace fv::gui
