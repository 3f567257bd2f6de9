#include "platform/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <vector>

#include "platform/glyph_cache.h"

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
// CJK punctuation and full-width forms: the CJK font's base before any
// ideograph has been seen.
constexpr ImWchar kCjkPunctuationRanges[] = {0x3000, 0x303F, 0xFF00, 0xFFEF, 0};

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

// The font files' bytes, read once: the CJK collection is ~19 MB, and the
// atlas is rebuilt whenever a new character appears. The atlas borrows them
// (FontDataOwnedByAtlas = false), so they live as long as the process.
void* font_bytes(const std::string& path, int& size) {
    static std::map<std::string, std::vector<char>> files;
    auto it = files.find(path);
    if (it == files.end()) {
        std::vector<char> bytes;
        std::error_code ec;
        const auto size_on_disk = std::filesystem::file_size(path, ec);
        std::ifstream in(path, std::ios::binary);
        if (!ec && in && size_on_disk < 0x7fffffff) {
            bytes.resize(static_cast<std::size_t>(size_on_disk));
            if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) bytes.clear();
        }
        it = files.emplace(path, std::move(bytes)).first;
    }
    if (it->second.empty() || it->second.size() > 0x7fffffff) return nullptr;
    size = static_cast<int>(it->second.size());
    return it->second.data();
}

ImFont* add_font(ImGuiIO& io, const FontFace& face, float size_pixels, ImFontConfig& config, const ImWchar* ranges) {
    int size = 0;
    void* bytes = font_bytes(face.path, size);
    if (bytes == nullptr) return nullptr;
    config.FontDataOwnedByAtlas = false;
    return io.Fonts->AddFontFromMemoryTTF(bytes, size, size_pixels, &config, ranges);
}

}  // namespace

const FontChoice& cached_fonts() {
    static const FontChoice choice = find_fonts();
    return choice;
}

FontChoice find_fonts() {
    FontChoice choice;
    if (FcInit() == FcFalse) return choice;
    choice.latin = match("sans-serif:lang=en", 0x0041);       // 'A'
    choice.cjk = match("Noto Sans CJK SC:lang=zh-cn", 0x4E2D);  // '中'
    return choice;
}

FontLoadResult load_fonts(ImGuiIO& io, const FontChoice& choice, float size_pixels) {
    FontLoadResult loaded;
    if (choice.latin) {
        ImFontConfig config;
        config.FontNo = choice.latin->index;
        config.OversampleH = 2;
        loaded.latin_loaded =
            add_font(io, *choice.latin, size_pixels, config, glyphs::ranges_with_noted(kLatinRanges)) != nullptr;
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
        // The unlock screen is all Latin: the common Chinese set (~0.1 s to
        // build) waits until the first Chinese character is shown or typed.
        const ImWchar* base = glyphs::ideographs_seen() ? io.Fonts->GetGlyphRangesChineseSimplifiedCommon()
                                                        : kCjkPunctuationRanges;
        const ImWchar* ranges = glyphs::ranges_with_noted(base);
        loaded.cjk_loaded = add_font(io, *choice.cjk, size_pixels * kCjkScale, config, ranges) != nullptr;
    }
    return loaded;
}

}  // namespace fv::gui
