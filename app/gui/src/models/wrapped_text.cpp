#include "models/wrapped_text.h"

#include <algorithm>

namespace fv::gui::text {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool in(char32_t c, char32_t first, char32_t last) noexcept { return c >= first && c <= last; }

bool one_of(char32_t c, std::u32string_view set) noexcept { return set.find(c) != std::u32string_view::npos; }

}  // namespace

std::uint64_t fingerprint(std::string_view text) noexcept {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const char ch : text) {
        hash ^= static_cast<unsigned char>(ch);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

namespace {

// What line breaking needs of a character, worked out once per character
// (the common ones, ASCII letters and CJK ideographs, without searching the
// punctuation lists).
struct Traits {
    bool space = false;
    bool anywhere = false;
    bool no_start = false;
    bool no_end = false;
};

Traits traits(char32_t c) noexcept {
    if (in(c, 'a', 'z') || in(c, 'A', 'Z') || in(c, '0', '9')) return {};
    if (in(c, 0x4E00, 0x9FFF)) return {false, true, false, false};
    return {is_space(c), breaks_anywhere(c), no_line_start(c), no_line_end(c)};
}

// May a line break between a character with `before`'s traits and one with `after`'s?
bool break_allowed(const Traits& before, const Traits& after) noexcept {
    if (after.space || after.no_start || before.no_end) return false;
    if (before.space) return true;
    return before.anywhere || after.anywhere;
}

float advance_of(const Advance& advance, const Unit& unit) {
    return advance(unit.valid ? unit.code_point : kReplacement);
}

}  // namespace

void wipe(std::string& text) noexcept {
    volatile char* p = text.data();
    for (std::size_t i = 0; i < text.size(); ++i) p[i] = 0;
    text.clear();
}

// --- UTF-8 -------------------------------------------------------------------

Unit decode(std::string_view text, std::size_t pos) noexcept {
    const Unit invalid{kReplacement, 1, false};
    if (pos >= text.size()) return invalid;
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) return Unit{lead, 1, true};
    std::size_t length = 0;
    char32_t c = 0;
    char32_t least = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1Fu;
        least = 0x80;
    } else if ((lead & 0xF0u) == 0xE0u) {
        length = 3;
        c = lead & 0x0Fu;
        least = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07u;
        least = 0x10000;
    } else {
        return invalid;
    }
    if (text.size() - pos < length) return invalid;
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & 0xC0u) != 0x80u) return invalid;
        c = (c << 6) | (byte & 0x3Fu);
    }
    if (c < least || c > 0x10FFFF || in(c, 0xD800, 0xDFFF)) return invalid;
    return Unit{c, length, true};
}

std::size_t next(std::string_view text, std::size_t pos) noexcept {
    if (pos >= text.size()) return text.size();
    return pos + decode(text, pos).length;
}

std::size_t prev(std::string_view text, std::size_t pos) noexcept {
    if (pos == 0) return 0;
    if (pos > text.size()) return text.size();
    // A valid sequence of 2..4 bytes ending at pos, else the single byte before it.
    for (std::size_t length = 2; length <= 4 && length <= pos; ++length) {
        const Unit unit = decode(text, pos - length);
        if (unit.valid && unit.length == length) return pos - length;
    }
    return pos - 1;
}

std::size_t floor_boundary(std::string_view text, std::size_t pos) noexcept {
    if (pos >= text.size()) return text.size();
    // Inside a valid sequence: its start; otherwise a unit starts at pos.
    for (std::size_t back = 1; back <= 3 && back <= pos; ++back) {
        const Unit unit = decode(text, pos - back);
        if (unit.valid && unit.length > back) return pos - back;
    }
    return pos;
}

void append_utf8(std::string& out, char32_t c) {
    if (c > 0x10FFFF || in(c, 0xD800, 0xDFFF)) c = kReplacement;
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0u | (c >> 6)));
        out.push_back(static_cast<char>(0x80u | (c & 0x3Fu)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0u | (c >> 12)));
        out.push_back(static_cast<char>(0x80u | ((c >> 6) & 0x3Fu)));
        out.push_back(static_cast<char>(0x80u | (c & 0x3Fu)));
    } else {
        out.push_back(static_cast<char>(0xF0u | (c >> 18)));
        out.push_back(static_cast<char>(0x80u | ((c >> 12) & 0x3Fu)));
        out.push_back(static_cast<char>(0x80u | ((c >> 6) & 0x3Fu)));
        out.push_back(static_cast<char>(0x80u | (c & 0x3Fu)));
    }
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const Unit unit = decode(text, pos);
        if (unit.valid) {
            out.append(text.substr(pos, unit.length));
        } else {
            append_utf8(out, kReplacement);
        }
        pos += unit.length;
    }
    return out;
}

// --- character classes ---------------------------------------------------------

bool breaks_anywhere(char32_t c) noexcept {
    return in(c, 0x1100, 0x11FF) ||   // Hangul Jamo
           in(c, 0x2E80, 0x303F) ||   // CJK radicals, symbols and punctuation
           in(c, 0x3040, 0x31FF) ||   // kana, bopomofo, Hangul compatibility jamo
           in(c, 0x3200, 0x4DBF) ||   // enclosed CJK, extension A
           in(c, 0x4E00, 0x9FFF) ||   // CJK unified ideographs
           in(c, 0xA960, 0xA97F) ||   // Hangul Jamo extended
           in(c, 0xAC00, 0xD7AF) ||   // Hangul syllables
           in(c, 0xF900, 0xFAFF) ||   // compatibility ideographs
           in(c, 0xFE30, 0xFE4F) ||   // CJK compatibility forms
           in(c, 0xFF00, 0xFFEF) ||   // full-width forms
           in(c, 0x2600, 0x27BF) ||   // symbols and dingbats (emoji)
           in(c, 0x1F000, 0x1FAFF) || // emoji
           in(c, 0x20000, 0x3FFFF);   // ideographs, extensions B..
}

bool no_line_start(char32_t c) noexcept {
    return one_of(c, U",.;:!?)]}%'\"\u2019\u201D\u2026\u2025\u00BB"
                     U"\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF01\uFF09\uFF3D\uFF5D\u3009\u300B\u300D\u300F"
                     U"\u3011\u3015\u3017\u3019\u301B\uFF63\u30FB\u30FC\u3005\u309D\u309E\u30FD\u30FE"
                     U"\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308E"
                     U"\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7\u30EE\u30F5\u30F6");
}

bool no_line_end(char32_t c) noexcept {
    return one_of(c, U"([{\u2018\u201C\u00AB"
                     U"\uFF08\uFF3B\uFF5B\u3008\u300A\u300C\u300E\u3010\u3014\u3016\u3018\u301A\uFF62");
}

bool is_space(char32_t c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || in(c, 0x2000, 0x200A) || c == 0x205F;
}

WordClass word_class(char32_t c) noexcept {
    if (is_space(c) || c == '\n') return WordClass::Space;
    if (c < 0x80) {
        const bool letter = in(c, 'a', 'z') || in(c, 'A', 'Z') || in(c, '0', '9') || c == '_';
        return letter ? WordClass::Letters : WordClass::Punctuation;
    }
    if (no_line_start(c) || no_line_end(c) || in(c, 0x3000, 0x303F) || in(c, 0xFF01, 0xFF0F) ||
        in(c, 0xFF1A, 0xFF20) || in(c, 0xFF3B, 0xFF40) || in(c, 0xFF5B, 0xFF65) || in(c, 0x2010, 0x205E) ||
        in(c, 0x00A1, 0x00BF) || c == 0x00D7 || c == 0x00F7)
        return WordClass::Punctuation;
    if (breaks_anywhere(c)) return WordClass::Ideographs;
    return WordClass::Letters;  // Latin with accents, Cyrillic, Arabic script, ...
}

// --- layout --------------------------------------------------------------------

Layout::Layout(std::string_view text, float width, const Advance& advance) : text_(text), advance_(advance) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t begin = 0;
    float x = 0.0f;
    std::size_t brk = kNone;  // last break opportunity on this line
    float x_brk = 0.0f;       // x there
    Traits before;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const Unit unit = decode(text, pos);
        const char32_t c = unit.valid ? unit.code_point : kReplacement;
        const Traits now = traits(c);
        if (c == '\n') {
            lines_.push_back({begin, pos, pos + 1, true});
            begin = pos + 1;
            pos = begin;
            x = 0.0f;
            brk = kNone;
            continue;
        }
        if (pos > begin && break_allowed(before, now)) {
            brk = pos;
            x_brk = x;
        }
        const float w = advance_of(advance_, unit);
        if (x + w > width && pos > begin && !now.space) {
            if (brk != kNone && brk > begin) {
                lines_.push_back({begin, brk, brk, false});
                begin = brk;
                x -= x_brk;
            }
            if (x + w > width && pos > begin) {  // no opportunity (a long word): break right here
                lines_.push_back({begin, pos, pos, false});
                begin = pos;
                x = 0.0f;
            }
            brk = kNone;
        }
        x += w;
        before = now;
        pos += unit.length;
    }
    lines_.push_back({begin, text.size(), text.size(), true});
}

void Layout::rebind(std::string_view text) noexcept { text_ = text; }

std::size_t Layout::line_of(std::size_t pos, bool at_line_end) const noexcept {
    // The last line beginning at or before pos.
    const auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                                     [](std::size_t p, const VisualLine& line) { return p < line.begin; });
    std::size_t index = it == lines_.begin() ? 0 : static_cast<std::size_t>(it - lines_.begin()) - 1;
    if (at_line_end && index > 0 && lines_[index].begin == pos && !lines_[index - 1].hard &&
        lines_[index - 1].end == pos)
        --index;
    return index;
}

float Layout::x_of(std::size_t line, std::size_t pos) const {
    if (line >= lines_.size()) return 0.0f;
    const VisualLine& l = lines_[line];
    const std::size_t stop = std::min(pos, l.end);
    float x = 0.0f;
    for (std::size_t p = l.begin; p < stop;) {
        const Unit unit = decode(text_, p);
        x += advance_of(advance_, unit);
        p += unit.length;
    }
    return x;
}

std::size_t Layout::pos_at(std::size_t line, float x, bool* at_line_end) const {
    if (at_line_end != nullptr) *at_line_end = false;
    if (line >= lines_.size()) return text_.size();
    const VisualLine& l = lines_[line];
    float left = 0.0f;
    for (std::size_t p = l.begin; p < l.end;) {
        const Unit unit = decode(text_, p);
        const float w = advance_of(advance_, unit);
        if (x < left + w * 0.5f) return p;
        left += w;
        p += unit.length;
    }
    if (at_line_end != nullptr) *at_line_end = !l.hard;
    return l.end;
}

float Layout::line_width(std::size_t line) const {
    if (line >= lines_.size()) return 0.0f;
    const VisualLine& l = lines_[line];
    float x = 0.0f;
    float visible = 0.0f;
    for (std::size_t p = l.begin; p < l.end;) {
        const Unit unit = decode(text_, p);
        x += advance_of(advance_, unit);
        if (!is_space(unit.code_point)) visible = x;
        p += unit.length;
    }
    return visible;
}

// --- the editor ------------------------------------------------------------------

Editor::~Editor() { reset(); }

void Editor::wipe(Step& step) noexcept {
    text::wipe(step.removed);
    text::wipe(step.inserted);
}

void Editor::drop_redo() noexcept {
    for (auto& step : redo_) wipe(step);
    redo_.clear();
}

void Editor::reset() noexcept {
    for (auto& step : undo_) wipe(step);
    undo_.clear();
    drop_redo();
    caret_ = Caret{};
    desired_x_ = -1.0f;
    known_ = false;
}

void Editor::note_text(std::string_view text) noexcept {
    known_size_ = text.size();
    known_hash_ = fingerprint(text);
    known_ = true;
}

void Editor::sync(std::string_view text) {
    if (known_ && known_size_ == text.size() && known_hash_ == fingerprint(text)) return;
    if (known_) {  // changed elsewhere (reloaded, restored): undo would corrupt it
        for (auto& step : undo_) wipe(step);
        undo_.clear();
        drop_redo();
    }
    caret_.pos = floor_boundary(text, std::min(caret_.pos, text.size()));
    caret_.anchor = floor_boundary(text, std::min(caret_.anchor, text.size()));
    caret_.at_line_end = false;
    note_text(text);
}

void Editor::moved(std::size_t pos, bool select, bool at_line_end) {
    caret_.pos = pos;
    if (!select) caret_.anchor = pos;
    caret_.at_line_end = at_line_end;
}

void Editor::set_caret(std::string_view text, std::size_t pos, bool select, bool at_line_end) {
    desired_x_ = -1.0f;
    moved(floor_boundary(text, std::min(pos, text.size())), select, at_line_end);
}

void Editor::select_all(std::string_view text) {
    desired_x_ = -1.0f;
    caret_.anchor = 0;
    caret_.pos = text.size();
    caret_.at_line_end = false;
}

void Editor::select_word(std::string_view text, std::size_t pos) {
    desired_x_ = -1.0f;
    pos = floor_boundary(text, std::min(pos, text.size()));
    if (text.empty()) return moved(0, false);
    // At the end of the text or of a line: the word before.
    std::size_t at = pos;
    if (at == text.size() || (decode(text, at).code_point == '\n' && at > 0)) at = prev(text, at);
    const WordClass word = word_class(decode(text, at).code_point);
    std::size_t begin = at;
    while (begin > 0 && word_class(decode(text, prev(text, begin)).code_point) == word) begin = prev(text, begin);
    std::size_t end = next(text, at);
    while (end < text.size() && word_class(decode(text, end).code_point) == word) end = next(text, end);
    caret_.anchor = begin;
    caret_.pos = end;
    caret_.at_line_end = false;
}

void Editor::left(std::string_view text, bool select) {
    desired_x_ = -1.0f;
    if (caret_.has_selection() && !select) return moved(caret_.sel_begin(), false);
    moved(prev(text, caret_.pos), select);
}

void Editor::right(std::string_view text, bool select) {
    desired_x_ = -1.0f;
    if (caret_.has_selection() && !select) return moved(caret_.sel_end(), false);
    moved(next(text, caret_.pos), select);
}

void Editor::word_left(std::string_view text, bool select) {
    desired_x_ = -1.0f;
    std::size_t pos = caret_.pos;
    auto class_before = [&](std::size_t p) { return word_class(decode(text, prev(text, p)).code_point); };
    while (pos > 0 && class_before(pos) == WordClass::Space) pos = prev(text, pos);
    if (pos > 0) {
        const WordClass word = class_before(pos);
        while (pos > 0 && class_before(pos) == word) pos = prev(text, pos);
    }
    moved(pos, select);
}

void Editor::word_right(std::string_view text, bool select) {
    desired_x_ = -1.0f;
    std::size_t pos = caret_.pos;
    auto class_at = [&](std::size_t p) { return word_class(decode(text, p).code_point); };
    while (pos < text.size() && class_at(pos) == WordClass::Space) pos = next(text, pos);
    if (pos < text.size()) {
        const WordClass word = class_at(pos);
        while (pos < text.size() && class_at(pos) == word) pos = next(text, pos);
    }
    moved(pos, select);
}

void Editor::up(std::string_view, const Layout& layout, bool select) {
    const std::size_t line = layout.line_of(caret_.pos, caret_.at_line_end);
    if (desired_x_ < 0.0f) desired_x_ = layout.x_of(line, caret_.pos);
    if (line == 0) return moved(0, select);
    bool at_end = false;
    const std::size_t pos = layout.pos_at(line - 1, desired_x_, &at_end);
    moved(pos, select, at_end);
}

void Editor::down(std::string_view text, const Layout& layout, bool select) {
    const std::size_t line = layout.line_of(caret_.pos, caret_.at_line_end);
    if (desired_x_ < 0.0f) desired_x_ = layout.x_of(line, caret_.pos);
    if (line + 1 >= layout.lines().size()) return moved(text.size(), select);
    bool at_end = false;
    const std::size_t pos = layout.pos_at(line + 1, desired_x_, &at_end);
    moved(pos, select, at_end);
}

void Editor::home(std::string_view, const Layout& layout, bool select) {
    desired_x_ = -1.0f;
    const std::size_t line = layout.line_of(caret_.pos, caret_.at_line_end);
    moved(layout.lines()[line].begin, select);
}

void Editor::end(std::string_view, const Layout& layout, bool select) {
    desired_x_ = -1.0f;
    const std::size_t line = layout.line_of(caret_.pos, caret_.at_line_end);
    const VisualLine& l = layout.lines()[line];
    moved(l.end, select, !l.hard);
}

void Editor::text_start(std::string_view, bool select) {
    desired_x_ = -1.0f;
    moved(0, select);
}

void Editor::text_end(std::string_view text, bool select) {
    desired_x_ = -1.0f;
    moved(text.size(), select);
}

bool Editor::replace(std::string& text, std::size_t begin, std::size_t end, std::string_view with, bool typing) {
    if (begin == end && with.empty()) return false;
    Step* last = undo_.empty() ? nullptr : &undo_.back();
    const bool join = typing && redo_.empty() && last != nullptr && last->typing && last->removed.empty() &&
                      begin == end && last->pos + last->inserted.size() == begin &&
                      last->inserted.size() < 256 && !last->inserted.empty() &&
                      !is_space(decode(last->inserted, prev(last->inserted, last->inserted.size())).code_point);
    if (join) {
        last->inserted.append(with);
    } else {
        Step step;
        step.pos = begin;
        step.removed.assign(text, begin, end - begin);
        step.inserted.assign(with);
        step.before = caret_;
        step.typing = typing;
        undo_.push_back(std::move(step));
        if (undo_.size() > kMaxUndo) {
            wipe(undo_.front());
            undo_.erase(undo_.begin());
        }
    }
    drop_redo();
    // Replaced in place: the old bytes are overwritten or moved within the
    // string, and a reallocation's old block goes through the wiping delete.
    text.replace(begin, end - begin, with);
    desired_x_ = -1.0f;
    moved(begin + with.size(), false);
    note_text(text);
    return true;
}

bool Editor::insert(std::string& text, std::string_view utf8) {
    // Valid UTF-8 only; \r\n and \r become \n; other control characters are dropped.
    std::string clean;
    std::string valid = valid_utf8(utf8);
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const char ch = valid[i];
        if (ch == '\r') {
            clean.push_back('\n');
            if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
        } else if (static_cast<unsigned char>(ch) >= 0x20 || ch == '\n' || ch == '\t') {
            clean.push_back(ch);
        }
    }
    text::wipe(valid);
    if (clean.empty() && !caret_.has_selection()) return false;
    const bool typing = !caret_.has_selection() && decode(clean, 0).length == clean.size() && clean != "\n";
    const bool changed = replace(text, caret_.sel_begin(), caret_.sel_end(), clean, typing);
    text::wipe(clean);
    return changed;
}

bool Editor::erase_selection(std::string& text) {
    if (!caret_.has_selection()) return false;
    return replace(text, caret_.sel_begin(), caret_.sel_end(), {}, false);
}

bool Editor::backspace(std::string& text) {
    if (caret_.has_selection()) return erase_selection(text);
    if (caret_.pos == 0) return false;
    return replace(text, prev(text, caret_.pos), caret_.pos, {}, false);
}

bool Editor::erase_forward(std::string& text) {
    if (caret_.has_selection()) return erase_selection(text);
    if (caret_.pos >= text.size()) return false;
    return replace(text, caret_.pos, next(text, caret_.pos), {}, false);
}

std::string Editor::selected(std::string_view text) const {
    const std::size_t begin = std::min(caret_.sel_begin(), text.size());
    const std::size_t end = std::min(caret_.sel_end(), text.size());
    return std::string(text.substr(begin, end - begin));
}

bool Editor::undo(std::string& text) {
    if (undo_.empty()) return false;
    Step step = std::move(undo_.back());
    undo_.pop_back();
    if (step.pos + step.inserted.size() > text.size()) {  // cannot be: sync() forgets undo on outside changes
        wipe(step);
        return false;
    }
    text.replace(step.pos, step.inserted.size(), step.removed);
    caret_ = step.before;
    desired_x_ = -1.0f;
    redo_.push_back(std::move(step));
    note_text(text);
    return true;
}

bool Editor::redo(std::string& text) {
    if (redo_.empty()) return false;
    Step step = std::move(redo_.back());
    redo_.pop_back();
    if (step.pos + step.removed.size() > text.size()) {
        wipe(step);
        return false;
    }
    text.replace(step.pos, step.removed.size(), step.inserted);
    moved(step.pos + step.inserted.size(), false);
    desired_x_ = -1.0f;
    undo_.push_back(std::move(step));
    note_text(text);
    return true;
}

}  // namespace fv::gui::text
