#pragma once
// The model of the wrapping text editor (views/wrapping_editor.h), with no
// ImGui in it: UTF-8 text held by the caller (the view's own std::string),
// the caret and selection as byte offsets on code-point boundaries, line
// breaking for a given width, caret moves, editing and undo.
//
// Invalid UTF-8 is never split or "repaired" in place: each byte that does
// not start a valid sequence is a unit of its own (shown as U+FFFD), so the
// caret steps over it and Backspace removes that one byte. Text inserted
// (typed, pasted) is made valid first.
//
// Line breaking, kept short: hard newlines always break; Latin, Cyrillic,
// Arabic-script... words break at spaces (which hang at the line's end);
// between two Chinese/Japanese/Korean characters (or emoji) a break is allowed
// anywhere, except before closing punctuation (。，、！？）」』】...) and after
// opening punctuation (「『（【...), the usual kinsoku rules; a word longer
// than the line breaks anywhere.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fv::gui::text {

// --- UTF-8 units -----------------------------------------------------------
struct Unit {
    char32_t code_point = 0;  // U+FFFD for an invalid byte
    std::size_t length = 1;   // bytes (1 for an invalid byte)
    bool valid = true;
};
// The unit starting at byte `pos` (pos < text.size()).
Unit decode(std::string_view text, std::size_t pos) noexcept;
// The boundary after / before `pos` (itself a boundary); clamped at the ends.
std::size_t next(std::string_view text, std::size_t pos) noexcept;
std::size_t prev(std::string_view text, std::size_t pos) noexcept;
// The largest boundary <= pos (pos past the end gives text.size()).
std::size_t floor_boundary(std::string_view text, std::size_t pos) noexcept;
// `text` with every invalid byte replaced by U+FFFD.
std::string valid_utf8(std::string_view text);
void append_utf8(std::string& out, char32_t code_point);

// --- character classes (line breaking, word moves) -------------------------
// Chinese/Japanese/Korean letters, their punctuation and full-width forms,
// emoji: a line may break between two of these.
bool breaks_anywhere(char32_t c) noexcept;
bool no_line_start(char32_t c) noexcept;  // closing punctuation
bool no_line_end(char32_t c) noexcept;    // opening punctuation
bool is_space(char32_t c) noexcept;       // not a newline
// For ctrl+left/right a word is a run of one class: letters and digits of
// alphabetic scripts, or Chinese/Japanese/Korean letters (a run of them is one
// word: there is no dictionary here), or punctuation; spaces separate words.
enum class WordClass { Space, Letters, Ideographs, Punctuation };
WordClass word_class(char32_t c) noexcept;

// --- layout ----------------------------------------------------------------
// Advance width of one code point (the font's).
using Advance = std::function<float(char32_t)>;

struct VisualLine {
    std::size_t begin = 0;  // first byte
    std::size_t end = 0;    // one past the last byte shown (a hard newline excluded)
    std::size_t next = 0;   // where the next line begins (end + 1 after a newline)
    bool hard = false;      // ends with a newline (or is the last line)
};

class Layout {
public:
    Layout() = default;
    // Lines of `text` no wider than `width` (except a single character wider
    // than the line, and spaces hanging at a line's end). Always one line at least.
    Layout(std::string_view text, float width, const Advance& advance);

    const std::vector<VisualLine>& lines() const { return lines_; }
    // The same text at another address (a cached layout, the string moved):
    // the caller vouches that the bytes are unchanged (see fingerprint()).
    void rebind(std::string_view text) noexcept;
    // The line the caret at `pos` is drawn on. At a soft break the caret is at
    // the start of the next line, unless `at_line_end` (after End).
    std::size_t line_of(std::size_t pos, bool at_line_end = false) const noexcept;
    // x of the boundary `pos` on line `line` (from the line's start).
    float x_of(std::size_t line, std::size_t pos) const;
    // The boundary on `line` nearest to `x`. `at_line_end` is set when that is
    // the end of a soft-wrapped line (so the caret stays on this line).
    std::size_t pos_at(std::size_t line, float x, bool* at_line_end = nullptr) const;
    // Width of a line's visible text (hanging spaces excluded).
    float line_width(std::size_t line) const;

private:
    std::string_view text_;  // valid while the caller's text is unchanged
    Advance advance_;
    std::vector<VisualLine> lines_;
};

// --- the editor ------------------------------------------------------------
struct Caret {
    std::size_t pos = 0;     // where typing goes
    std::size_t anchor = 0;  // the other end of the selection (== pos: none)
    bool at_line_end = false;
    bool has_selection() const { return pos != anchor; }
    std::size_t sel_begin() const { return pos < anchor ? pos : anchor; }
    std::size_t sel_end() const { return pos < anchor ? anchor : pos; }
};

// Caret, selection and undo over a text the caller keeps. The text is passed
// to every call and changed only through insert/erase here; a text changed
// elsewhere is noticed by sync() (the caret is clamped, undo forgotten).
// What undo keeps is wiped when dropped.
class Editor {
public:
    Editor() = default;
    ~Editor();
    Editor(const Editor&) = delete;
    Editor& operator=(const Editor&) = delete;

    const Caret& caret() const { return caret_; }
    // Puts the caret at the boundary at or before `pos` (clears the selection
    // unless `select`).
    void set_caret(std::string_view text, std::size_t pos, bool select = false, bool at_line_end = false);
    void select_all(std::string_view text);
    // Selects the word (a run of one WordClass) at `pos` (double-click).
    void select_word(std::string_view text, std::size_t pos);
    // Call once per frame before using the editor: if `text` is not what the
    // last edit left, the caret is clamped onto a boundary and undo forgotten.
    void sync(std::string_view text);

    // Moves; `select` extends the selection (shift held).
    void left(std::string_view text, bool select);
    void right(std::string_view text, bool select);
    void word_left(std::string_view text, bool select);
    void word_right(std::string_view text, bool select);
    void up(std::string_view text, const Layout& layout, bool select);
    void down(std::string_view text, const Layout& layout, bool select);
    void home(std::string_view text, const Layout& layout, bool select);
    void end(std::string_view text, const Layout& layout, bool select);
    void text_start(std::string_view text, bool select);
    void text_end(std::string_view text, bool select);

    // Edits: replace the selection. Each returns true if the text changed.
    bool insert(std::string& text, std::string_view utf8);
    bool backspace(std::string& text);
    bool erase_forward(std::string& text);
    bool erase_selection(std::string& text);
    std::string selected(std::string_view text) const;
    bool undo(std::string& text);
    bool redo(std::string& text);
    std::size_t undo_steps() const { return undo_.size(); }

    // Forgets undo (wiped) and puts the caret at the start.
    void reset() noexcept;
    static constexpr std::size_t kMaxUndo = 100;

private:
    struct Step {
        std::size_t pos = 0;
        std::string removed;
        std::string inserted;
        Caret before;
        bool typing = false;  // consecutive typed characters join one step
    };
    bool replace(std::string& text, std::size_t begin, std::size_t end, std::string_view with, bool typing);
    void moved(std::size_t pos, bool select, bool at_line_end = false);
    void note_text(std::string_view text) noexcept;
    static void wipe(Step& step) noexcept;
    void drop_redo() noexcept;

    Caret caret_;
    float desired_x_ = -1.0f;  // kept across up/down moves
    std::vector<Step> undo_;
    std::vector<Step> redo_;
    std::size_t known_size_ = 0;
    std::uint64_t known_hash_ = 0;
    bool known_ = false;
};

// A 64-bit FNV-1a hash of the bytes: notices a text changed elsewhere.
std::uint64_t fingerprint(std::string_view text) noexcept;

// Zeroes a string's bytes (then clears it).
void wipe(std::string& text) noexcept;

}  // namespace fv::gui::text
