#include "fts_text.h"

#include <cstdint>
#include <vector>

namespace fv::storage::detail {

namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at `pos`; returns kInvalid (and advances one byte)
// for anything malformed, overlong or a surrogate.
char32_t next_code_point(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<std::uint8_t>(s[pos]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (b0 < 0x80) {
        ++pos;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1Fu;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0Fu;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07u;
    } else {
        ++pos;
        return kInvalid;
    }
    if (pos + len > s.size()) {
        ++pos;
        return kInvalid;
    }
    for (std::size_t i = 1; i < len; ++i) {
        const auto b = static_cast<std::uint8_t>(s[pos + i]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return kInvalid;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalid;
    }
    pos += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Scripts written without spaces between words (or, for Hangul, where
// substring search is expected): Han, Hiragana, Katakana, Bopomofo, Hangul.
bool is_cjk(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x11FF) ||    // Hangul Jamo
           (cp >= 0x3040 && cp <= 0x30FF) ||    // Hiragana, Katakana
           (cp >= 0x3100 && cp <= 0x318F) ||    // Bopomofo, Hangul compatibility Jamo
           (cp >= 0x31F0 && cp <= 0x31FF) ||    // Katakana phonetic extensions
           (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
           (cp >= 0xAC00 && cp <= 0xD7AF) ||    // Hangul syllables
           (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
           (cp >= 0x20000 && cp <= 0x2FA1F);    // CJK extensions B..F, compatibility supplement
}

// Separators we strip ourselves so a query never becomes an empty phrase.
bool is_separator(char32_t cp) {
    if (cp == kInvalid) return true;
    if (cp < 0x80) {
        const bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
        return !alnum;  // all ASCII punctuation, including FTS syntax: " * - ( ) ^ :
    }
    return (cp >= 0x80 && cp <= 0xBF) ||      // Latin-1 controls, punctuation, symbols
           (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation
           (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation
           (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
           (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
           (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);  // fullwidth punctuation
}

enum class Kind { Separator, Cjk, Word };

struct Segment {
    Kind kind;
    std::vector<char32_t> chars;
};

// Splits text into runs of CJK characters, runs of other word characters and separators.
std::vector<Segment> segments(std::string_view text) {
    std::vector<Segment> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = next_code_point(text, pos);
        const Kind kind = is_separator(cp) ? Kind::Separator : is_cjk(cp) ? Kind::Cjk : Kind::Word;
        if (kind == Kind::Separator) {
            if (!out.empty() && out.back().kind != Kind::Separator) out.push_back({Kind::Separator, {}});
            continue;
        }
        if (out.empty() || out.back().kind != kind) out.push_back({kind, {}});
        out.back().chars.push_back(cp);
    }
    return out;
}

std::string bigrams(const std::vector<char32_t>& run) {
    std::string out;
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
        if (!out.empty()) out += ' ';
        append_utf8(out, run[i]);
        append_utf8(out, run[i + 1]);
    }
    return out;
}

}  // namespace

std::string fts_index_text(std::string_view text) {
    std::string out;
    for (const auto& seg : segments(text)) {
        if (seg.kind == Kind::Separator) continue;
        if (!out.empty()) out += ' ';
        if (seg.kind == Kind::Word) {
            for (char32_t cp : seg.chars) append_utf8(out, cp);
            continue;
        }
        // Bigrams first, then single characters: a phrase of consecutive
        // bigrams matches any substring of two or more characters of the run.
        const std::string pairs = bigrams(seg.chars);
        if (!pairs.empty()) out += pairs + ' ';
        for (std::size_t i = 0; i < seg.chars.size(); ++i) {
            if (i > 0) out += ' ';
            append_utf8(out, seg.chars[i]);
        }
    }
    return out;
}

std::string fts_match_query(std::string_view query) {
    std::string out;
    auto add_phrase = [&out](const std::string& phrase) {
        if (phrase.empty()) return;
        if (!out.empty()) out += ' ';
        out += '"' + phrase + '"';
    };
    for (const auto& seg : segments(query)) {
        if (seg.kind == Kind::Separator) continue;
        if (seg.kind == Kind::Word) {
            std::string word;
            for (char32_t cp : seg.chars) append_utf8(word, cp);
            add_phrase(word);
        } else if (seg.chars.size() == 1) {
            std::string single;
            append_utf8(single, seg.chars[0]);
            add_phrase(single);
        } else {
            add_phrase(bigrams(seg.chars));
        }
    }
    return out;
}

}  // namespace fv::storage::detail
