#include "fieldvault/core/text.h"

#include <cstdint>
#include <utility>

#include "fieldvault/core/dates.h"

namespace fv::core {

bool is_valid_utf8(std::string_view text) noexcept {
    // Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<std::uint8_t>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (n - i <= extra) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<std::uint8_t>(text[i + k]);
            if ((cc & 0xC0u) != 0x80u) return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
        if (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
        i += extra + 1;
    }
    return true;
}

bool is_valid_iso8601(std::string_view s) noexcept { return parse_iso8601(s).has_value(); }

namespace {

// The code point starting at `at` (0xFFFD for a broken sequence) and its length.
std::pair<char32_t, std::size_t> code_point_at(std::string_view s, std::size_t at) noexcept {
    const auto b = static_cast<unsigned char>(s[at]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (at + len > s.size()) return {0xFFFD, 1};
    if (len == 1) return {b < 0x80 ? char32_t(b) : char32_t(0xFFFD), 1};
    auto cp = static_cast<char32_t>(b & (0x7Fu >> len));
    for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[at + i]) & 0x3Fu);
    return {cp, len};
}

// The code point that ends just before `end`.
char32_t code_point_before(std::string_view s, std::size_t end) noexcept {
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return code_point_at(s, start).first;
}

// A letter or digit of a script that puts spaces between words.
bool spaced_word_char(char32_t c) noexcept {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c == 0xD7 || c == 0xF7) return false;                      // × ÷
    if (c >= 0xC0 && c <= 0x24F) return true;                      // Latin-1 and Latin Extended
    if (c >= 0x370 && c <= 0x52F) return c != 0x37E && c != 0x387;  // Greek, Cyrillic
    if (c >= 0x5D0 && c <= 0x5EA) return true;                     // Hebrew letters
    if (c >= 0x600 && c <= 0x6FF)                                  // Arabic (Uyghur), less its punctuation
        return c != 0x60C && c != 0x61B && c != 0x61F && c != 0x6D4 && !(c >= 0x66A && c <= 0x66D);
    if ((c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) return true;
    if (c >= 0x1E00 && c <= 0x1FFF) return true;                   // Latin and Greek extended
    return false;
}

}  // namespace

bool contains_whole_name(std::string_view text, std::string_view name) noexcept {
    if (name.empty()) return false;
    const bool check_start = spaced_word_char(code_point_at(name, 0).first);
    const bool check_end = spaced_word_char(code_point_before(name, name.size()));
    for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if (check_start && at > 0 && spaced_word_char(code_point_before(text, at))) continue;
        if (check_end && end < text.size() && spaced_word_char(code_point_at(text, end).first)) continue;
        return true;
    }
    return false;
}

bool needs_complex_shaping(std::string_view text) noexcept {
    for (std::size_t at = 0; at < text.size();) {
        const auto [c, len] = code_point_at(text, at);
        at += len;
        if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) ||
            (c >= 0xFE70 && c <= 0xFEFC) || (c >= 0xF00 && c <= 0xFFF))
            return true;
    }
    return false;
}

}  // namespace fv::core
