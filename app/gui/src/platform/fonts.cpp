#include "platform/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>
#include <libintl.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "fieldvault/core/i18n.h"
#include "models/settings.h"
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

// Every translated string of a .mo catalogue (GNU format: magic, count,
// offsets of the original and translation tables; either byte order).
std::vector<std::string> catalogue_translations(const std::filesystem::path& file) {
    std::vector<std::string> out;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size < 28 || size > (64u << 20)) return out;
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return out;
    auto word = [&bytes](std::size_t at, bool swap) -> std::uint32_t {
        if (at + 4 > bytes.size()) return 0;
        std::uint32_t v = 0;
        std::memcpy(&v, bytes.data() + at, 4);
        return swap ? __builtin_bswap32(v) : v;
    };
    const std::uint32_t magic = word(0, false);
    if (magic != 0x950412deu && magic != 0xde120495u) return out;
    const bool swap = magic == 0xde120495u;
    const std::uint32_t count = word(8, swap);
    const std::uint32_t table = word(16, swap);
    if (count > 100000) return out;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t length = word(table + 8u * i, swap);
        const std::uint32_t offset = word(table + 8u * i + 4u, swap);
        if (offset >= bytes.size() || length > bytes.size() - offset) continue;
        out.emplace_back(bytes.data() + offset, length);  // plural forms: NUL-separated, skipped by note()
    }
    return out;
}

}  // namespace

CjkVariant cjk_variant_for(std::string_view language) {
    if (language == "zh_TW") return CjkVariant::Traditional;
    if (language == "zh_CN") return CjkVariant::Simplified;
    return system_language_at_start() == "zh_TW" ? CjkVariant::Traditional : CjkVariant::Simplified;
}

const FontChoice& cached_fonts() {
    static const FontChoice simplified = find_fonts(CjkVariant::Simplified);
    if (cjk_variant_for(core::current_language()) == CjkVariant::Simplified) return simplified;
    static const FontChoice traditional = find_fonts(CjkVariant::Traditional);
    return traditional;
}

FontChoice find_fonts(CjkVariant variant) {
    FontChoice choice;
    if (FcInit() == FcFalse) return choice;
    choice.latin = match("sans-serif:lang=en", 0x0041);  // 'A'
    // Noto's SC and TC faces draw the same characters with each region's
    // shapes; fontconfig's lang= picks a comparable face where Noto is absent.
    choice.cjk = variant == CjkVariant::Traditional ? match("Noto Sans CJK TC:lang=zh-tw", 0x4E2D)  // '中'
                                                    : match("Noto Sans CJK SC:lang=zh-cn", 0x4E2D);
    if (!choice.cjk) choice.cjk = match(variant == CjkVariant::Traditional ? ":lang=zh-tw" : ":lang=zh-cn", 0x4E2D);
    return choice;
}

namespace {

std::vector<std::string> current_translations() {
    const auto language = core::current_language();
    if (language == "en") return {};
    const char* dir = bindtextdomain("fieldvault", nullptr);
    if (dir == nullptr) return {};
    return catalogue_translations(std::filesystem::path(dir) / language / "LC_MESSAGES" / "fieldvault.mo");
}

}  // namespace

std::u32string missing_translation_glyphs() {
    std::u32string missing;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (atlas == nullptr || atlas->Fonts.Size == 0) return missing;
    const ImFont* font = atlas->Fonts[0];
    std::set<char32_t> seen;
    for (const auto& text : current_translations()) {
        for (std::size_t i = 0; i < text.size();) {
            const auto b = static_cast<unsigned char>(text[i]);
            const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            char32_t c = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
            for (std::size_t k = 1; k < n && i + k < text.size(); ++k)
                c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
            i += n;
            if (c < 0x20 || c > 0xFFFF || !seen.insert(c).second) continue;
            if (font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) missing += c;
        }
    }
    return missing;
}

void follow_language() {
    static std::set<std::string> done;
    // The language names of the pickers, in their own scripts, in every language.
    for (const auto& language : core::languages()) glyphs::note(language.name);
    const auto language = core::current_language();
    if (language != "en" && done.insert(language).second) {
        for (const auto& text : current_translations()) glyphs::note(text);
    }
    // The rebuild these notes ask for loads the language's face (cached_fonts()).
    // Known limit: switching back to a language whose characters are all in
    // the atlas already keeps the other face until the next rebuild (a new
    // character, a text size change or the next start).
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
