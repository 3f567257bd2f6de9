// The wrapping editor's model (models/wrapped_text.h): UTF-8 units, line
// breaking (Latin words, CJK with kinsoku, long words, hard newlines), caret
// moves, editing and undo. No ImGui: widths come from a fixed function.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "models/wrapped_text.h"

namespace fv::gui::text {
namespace {

// One unit wide for narrow characters, two for CJK and emoji (as a font would roughly).
float test_advance(char32_t c) { return breaks_anywhere(c) ? 2.0f : (c < 0x20 ? 0.0f : 1.0f); }
const Advance kAdvance = test_advance;

std::vector<std::string> line_texts(std::string_view text, float width) {
    const Layout layout(text, width, kAdvance);
    std::vector<std::string> out;
    for (const auto& line : layout.lines()) out.emplace_back(text.substr(line.begin, line.end - line.begin));
    return out;
}

// Every boundary of the text, by walking forward.
std::vector<std::size_t> boundaries(std::string_view text) {
    std::vector<std::size_t> out{0};
    for (std::size_t pos = 0; pos < text.size();) {
        pos = next(text, pos);
        out.push_back(pos);
    }
    return out;
}

// What every layout must keep: lines in order, covering the text, on
// boundaries, within the width (but a lone wide character, and hanging
// spaces), no closing punctuation first, no opening punctuation last.
// (An emergency break inside a word longer than the line may put punctuation
// first: kinsoku is checked where the words fit, check_kinsoku.)
void expect_sound_layout(std::string_view text, float width, bool check_kinsoku = true) {
    SCOPED_TRACE(::testing::Message() << "width " << width << " text " << text.substr(0, 40));
    const Layout layout(text, width, kAdvance);
    const auto& lines = layout.lines();
    ASSERT_FALSE(lines.empty());
    const auto bounds = boundaries(text);
    const auto on_boundary = [&](std::size_t p) { return std::find(bounds.begin(), bounds.end(), p) != bounds.end(); };
    EXPECT_EQ(lines.front().begin, 0u);
    EXPECT_EQ(lines.back().end, text.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        EXPECT_LE(l.begin, l.end);
        EXPECT_TRUE(on_boundary(l.begin)) << "line " << i;
        EXPECT_TRUE(on_boundary(l.end)) << "line " << i;
        if (i + 1 < lines.size()) {
            EXPECT_EQ(l.next, lines[i + 1].begin);
        }
        if (l.hard && i + 1 < lines.size()) {
            EXPECT_EQ(text[l.end], '\n');
        }
        std::size_t visible_end = l.end;
        while (visible_end > l.begin && is_space(decode(text, prev(text, visible_end)).code_point))
            visible_end = prev(text, visible_end);  // hanging spaces
        const bool single_unit = next(text, l.begin) >= visible_end;
        if (!single_unit) {
            EXPECT_LE(layout.line_width(i), width) << "line " << i;
        }
        if (check_kinsoku && !l.hard && l.end > l.begin && i + 1 < lines.size()) {
            const char32_t first_next = decode(text, lines[i + 1].begin).code_point;
            const char32_t last = decode(text, prev(text, l.end)).code_point;
            EXPECT_FALSE(no_line_start(first_next) && !single_unit) << "line " << i + 1 << " starts with closing punctuation";
            EXPECT_FALSE(no_line_end(last) && !single_unit) << "line " << i << " ends with opening punctuation";
        }
    }
}

TEST(WrappedTextUtf8, DecodesOneToFourBytes) {
    EXPECT_EQ(decode("a", 0).code_point, U'a');
    EXPECT_EQ(decode("é", 0).length, 2u);
    const Unit zhong = decode("中", 0);
    EXPECT_TRUE(zhong.valid);
    EXPECT_EQ(zhong.code_point, U'中');
    EXPECT_EQ(zhong.length, 3u);
    const Unit emoji = decode("😀", 0);
    EXPECT_EQ(emoji.code_point, char32_t{0x1F600});
    EXPECT_EQ(emoji.length, 4u);
}

TEST(WrappedTextUtf8, InvalidBytesAreSingleUnits) {
    const std::string_view bads[] = {"\xFF", "\xC0\x80", "\xE0\x80\x80", "\xED\xA0\x80",
                                     "\xF4\x90\x80\x80", "\xE4\xB8", "\x80", "\xF0\x9F\x98"};
    for (const std::string_view bad : bads) {
        const Unit unit = decode(bad, 0);
        EXPECT_FALSE(unit.valid) << bad.size();
        EXPECT_EQ(unit.length, 1u);
        EXPECT_EQ(unit.code_point, char32_t{0xFFFD});
    }
    EXPECT_FALSE(decode("", 0).valid);  // past the end: no read
}

TEST(WrappedTextUtf8, BackwardStepsMatchForwardSteps) {
    const std::string texts[] = {
        "abc", "中文mixed English 😀!", "\xE4\xB8\xAD\xE4\xB8", "\xC3\xA9\xA9\xA9", "\xFF\xFE中\x80\x80文",
        "\xF0\x9F\x98\x80\xF0\x9F\x98", std::string("a\0b", 3), "\xE4\xB8\xAD\xAD\xAD\xAD"};
    for (const auto& text : texts) {
        const auto forward = boundaries(text);
        std::vector<std::size_t> backward;
        backward.push_back(text.size());
        for (std::size_t pos = text.size(); pos > 0;) {
            pos = prev(text, pos);
            backward.push_back(pos);
        }
        std::reverse(backward.begin(), backward.end());
        EXPECT_EQ(forward, backward) << text;
        // floor_boundary: every byte maps onto the boundary at or before it.
        for (std::size_t pos = 0; pos <= text.size(); ++pos) {
            const std::size_t floor = floor_boundary(text, pos);
            EXPECT_LE(floor, pos);
            EXPECT_NE(std::find(forward.begin(), forward.end(), floor), forward.end()) << text << " @" << pos;
        }
    }
    EXPECT_EQ(next("", 0), 0u);
    EXPECT_EQ(prev("", 0), 0u);
    EXPECT_EQ(floor_boundary("中", 1), 0u);
    EXPECT_EQ(floor_boundary("中", 2), 0u);
    EXPECT_EQ(floor_boundary("中", 99), 3u);
}

TEST(WrappedTextUtf8, ValidCopyReplacesInvalidBytes) {
    EXPECT_EQ(valid_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(valid_utf8("中\xE4\xB8"), "中\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(valid_utf8("😀"), "😀");
    std::string out;
    append_utf8(out, 0xD800);  // a surrogate is not a character
    EXPECT_EQ(out, "\xEF\xBF\xBD");
}

TEST(WrappedTextLayout, EmptyTextIsOneEmptyLine) {
    const Layout layout("", 10.0f, kAdvance);
    ASSERT_EQ(layout.lines().size(), 1u);
    EXPECT_EQ(layout.lines()[0].begin, 0u);
    EXPECT_EQ(layout.lines()[0].end, 0u);
    EXPECT_EQ(layout.line_of(0), 0u);
    EXPECT_EQ(layout.pos_at(0, 5.0f), 0u);
}

TEST(WrappedTextLayout, LatinWordsBreakAtSpaces) {
    EXPECT_EQ(line_texts("hello world foo", 8.0f), (std::vector<std::string>{"hello ", "world ", "foo"}));
    EXPECT_EQ(line_texts("hello world", 11.0f), (std::vector<std::string>{"hello world"}));
    // Spaces hang at the end of a line instead of starting the next one.
    EXPECT_EQ(line_texts("ab    cd", 3.0f), (std::vector<std::string>{"ab    ", "cd"}));
    // Cyrillic and Arabic script break at spaces too, never inside a word.
    EXPECT_EQ(line_texts("мама дома", 6.0f), (std::vector<std::string>{"мама ", "дома"}));
    EXPECT_EQ(line_texts("مرحبا بالعالم", 8.0f), (std::vector<std::string>{"مرحبا ", "بالعالم"}));
}

TEST(WrappedTextLayout, HardNewlinesAreKept) {
    EXPECT_EQ(line_texts("a\nb\n\nc\n", 80.0f), (std::vector<std::string>{"a", "b", "", "c", ""}));
    const Layout layout("a\nb", 80.0f, kAdvance);
    EXPECT_TRUE(layout.lines()[0].hard);
    EXPECT_EQ(layout.lines()[0].next, 2u);
}

TEST(WrappedTextLayout, AWordLongerThanTheLineBreaksAnywhere) {
    EXPECT_EQ(line_texts("abcdefghij", 4.0f), (std::vector<std::string>{"abcd", "efgh", "ij"}));
    EXPECT_EQ(line_texts("go abcdefghij", 4.0f), (std::vector<std::string>{"go ", "abcd", "efgh", "ij"}));
    const std::string enormous(20000, 'x');
    const Layout layout(enormous, 50.0f, kAdvance);
    EXPECT_EQ(layout.lines().size(), 400u);
    expect_sound_layout(enormous, 50.0f);
    // Narrower than one character: one per line, and always progress.
    EXPECT_EQ(line_texts("中文", 0.5f), (std::vector<std::string>{"中", "文"}));
    EXPECT_EQ(line_texts("ab", 0.0f), (std::vector<std::string>{"a", "b"}));
}

TEST(WrappedTextLayout, ChineseBreaksBetweenAnyTwoCharacters) {
    EXPECT_EQ(line_texts("我的母亲在上海被约谈", 8.0f),
              (std::vector<std::string>{"我的母亲", "在上海被", "约谈"}));
}

TEST(WrappedTextLayout, ClosingPunctuationNeverStartsALine) {
    // "。" would start the second line: "亲" goes down with it.
    EXPECT_EQ(line_texts("我的母亲。他们", 8.0f), (std::vector<std::string>{"我的母", "亲。他们"}));
    EXPECT_EQ(line_texts("警察来，说要", 6.0f), (std::vector<std::string>{"警察", "来，说", "要"}));
}

TEST(WrappedTextLayout, OpeningPunctuationNeverEndsALine) {
    // "「" would end the first line: it goes down with "母".
    EXPECT_EQ(line_texts("我的「母亲」", 6.0f), (std::vector<std::string>{"我的", "「母", "亲」"}));
    expect_sound_layout("他说：『你回国吧。』【通知】（警察）", 7.0f);
}

TEST(WrappedTextLayout, MixedChineseAndEnglish) {
    // A break is allowed where Chinese meets English, but not inside "Toronto".
    EXPECT_EQ(line_texts("我在Toronto见到", 10.0f), (std::vector<std::string>{"我在", "Toronto见", "到"}));
    const std::string text = "我的母亲在上海被 state security 约谈了三次，他们说 she must stop posting on WeChat。";
    for (float width : {3.0f, 5.0f}) expect_sound_layout(text, width, /*check_kinsoku=*/false);
    for (float width : {9.0f, 13.0f, 40.0f}) expect_sound_layout(text, width);
}

TEST(WrappedTextLayout, EmojiAreNeverSplit) {
    const std::string text = "😀😀😀ok😀";
    EXPECT_EQ(line_texts(text, 4.0f), (std::vector<std::string>{"😀😀", "😀ok", "😀"}));
    expect_sound_layout(text, 1.0f);
}

TEST(WrappedTextLayout, InvalidUtf8NeitherCrashesNorSplitsACodePoint) {
    const std::string text = "中\xE4\xB8 abc \xFF\xFE文字\x80\xF0\x9F\x98\x80\xC0";
    for (float width : {0.0f, 1.0f, 2.0f, 3.0f, 5.0f, 100.0f}) expect_sound_layout(text, width, false);
    const Layout layout(text, 100.0f, kAdvance);
    // Each invalid byte counts as one replacement character.
    EXPECT_FLOAT_EQ(layout.x_of(0, 5), 2.0f + 1.0f + 1.0f);
}

TEST(WrappedTextLayout, PositionsAndCaretLines) {
    const std::string text = "hello world foo";
    const Layout layout(text, 8.0f, kAdvance);  // "hello " | "world " | "foo"
    EXPECT_EQ(layout.line_of(0), 0u);
    EXPECT_EQ(layout.line_of(6), 1u);        // at a soft break: the next line
    EXPECT_EQ(layout.line_of(6, true), 0u);  // after End: this line's end
    EXPECT_FLOAT_EQ(layout.x_of(1, 8), 2.0f);
    EXPECT_EQ(layout.pos_at(1, 2.4f), 8u);
    EXPECT_EQ(layout.pos_at(1, 2.6f), 9u);
    bool at_end = false;
    EXPECT_EQ(layout.pos_at(0, 50.0f, &at_end), 6u);
    EXPECT_TRUE(at_end);
    EXPECT_EQ(layout.pos_at(2, 50.0f, &at_end), text.size());
    EXPECT_FALSE(at_end);  // the last line
    EXPECT_FLOAT_EQ(layout.line_width(0), 5.0f);  // the hanging space not counted
}

// --- the editor ---------------------------------------------------------------

TEST(WrappedTextEditor, LeftAndRightStepWholeCodePoints) {
    std::string text = "a中😀\xFF" "b";
    Editor editor;
    editor.sync(text);
    std::vector<std::size_t> seen;
    for (int i = 0; i < 7; ++i) {
        editor.right(text, false);
        seen.push_back(editor.caret().pos);
    }
    EXPECT_EQ(seen, (std::vector<std::size_t>{1, 4, 8, 9, 10, 10, 10}));
    editor.left(text, false);
    EXPECT_EQ(editor.caret().pos, 9u);
    editor.left(text, false);
    EXPECT_EQ(editor.caret().pos, 8u);
    editor.left(text, false);
    EXPECT_EQ(editor.caret().pos, 4u);
}

TEST(WrappedTextEditor, ShiftSelectsAndArrowsCollapse) {
    std::string text = "你好世界";
    Editor editor;
    editor.sync(text);
    editor.right(text, true);
    editor.right(text, true);
    EXPECT_EQ(editor.selected(text), "你好");
    editor.right(text, false);  // collapses to the selection's end
    EXPECT_EQ(editor.caret().pos, 6u);
    EXPECT_FALSE(editor.caret().has_selection());
    editor.select_all(text);
    EXPECT_EQ(editor.selected(text), text);
    editor.left(text, false);
    EXPECT_EQ(editor.caret().pos, 0u);
}

TEST(WrappedTextEditor, TypingInsertsAtTheCaretInOrder) {
    std::string text = "我的在上海";
    Editor editor;
    editor.sync(text);
    editor.set_caret(text, 6);  // after 的
    // An input method commits several characters at once.
    ASSERT_TRUE(editor.insert(text, "母亲"));
    EXPECT_EQ(text, "我的母亲在上海");
    EXPECT_EQ(editor.caret().pos, 12u);
    ASSERT_TRUE(editor.insert(text, "x"));
    EXPECT_EQ(text, "我的母亲x在上海");
}

TEST(WrappedTextEditor, InsertReplacesTheSelectionAndCleansInput) {
    std::string text = "hello world";
    Editor editor;
    editor.sync(text);
    editor.set_caret(text, 6);
    editor.set_caret(text, 11, true);
    ASSERT_TRUE(editor.insert(text, "多伦多"));
    EXPECT_EQ(text, "hello 多伦多");
    editor.insert(text, "\r\nA\rB\x01\x1B");
    EXPECT_EQ(text, "hello 多伦多\nA\nB");
    editor.insert(text, "\xFF");
    EXPECT_EQ(text, "hello 多伦多\nA\nB\xEF\xBF\xBD");
    EXPECT_FALSE(editor.insert(text, "\x02"));  // nothing left to insert
    // A caret set inside a code point lands on its start.
    editor.set_caret(text, 7);
    EXPECT_EQ(editor.caret().pos, 6u);
}

TEST(WrappedTextEditor, BackspaceAndDeleteRemoveOneCodePoint) {
    std::string text = "a中😀b";
    Editor editor;
    editor.sync(text);
    editor.text_end(text, false);
    editor.left(text, false);  // before b
    ASSERT_TRUE(editor.backspace(text));
    EXPECT_EQ(text, "a中b");
    ASSERT_TRUE(editor.backspace(text));
    EXPECT_EQ(text, "ab");
    ASSERT_TRUE(editor.erase_forward(text));
    EXPECT_EQ(text, "a");
    EXPECT_FALSE(editor.erase_forward(text));
    editor.text_start(text, false);
    EXPECT_FALSE(editor.backspace(text));
    std::string bad = "x\xE4\xB8";  // an incomplete sequence: one byte at a time
    Editor other;
    other.sync(bad);
    other.text_end(bad, false);
    ASSERT_TRUE(other.backspace(bad));
    EXPECT_EQ(bad, "x\xE4");
}

TEST(WrappedTextEditor, UpAndDownKeepTheColumn) {
    std::string text = "abcdef\nab\nabcdef";
    Editor editor;
    editor.sync(text);
    const Layout layout(text, 80.0f, kAdvance);
    editor.set_caret(text, 5);
    editor.down(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 9u);  // end of "ab"
    editor.down(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 15u);  // column 5 again
    editor.down(text, layout, false);
    EXPECT_EQ(editor.caret().pos, text.size());  // past the last line: its end
    editor.up(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 9u);
    editor.up(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 5u);
    editor.up(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 0u);  // above the first line: its start
}

TEST(WrappedTextEditor, UpAndDownFollowWrappedLines) {
    std::string text = "我的母亲在上海被约谈";  // "我的母亲" | "在上海被" | "约谈"
    Editor editor;
    editor.sync(text);
    const Layout layout(text, 8.0f, kAdvance);
    editor.set_caret(text, 6);  // before 母, x = 4
    editor.down(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 18u);  // before 海
    editor.down(text, layout, true);
    EXPECT_EQ(editor.caret().pos, text.size());  // "约谈" is only 4 wide
    EXPECT_EQ(editor.selected(text), "海被约谈");
}

TEST(WrappedTextEditor, HomeAndEndOfTheVisualLine) {
    std::string text = "hello world foo";
    Editor editor;
    editor.sync(text);
    const Layout layout(text, 8.0f, kAdvance);  // "hello " | "world " | "foo"
    editor.set_caret(text, 8);
    editor.home(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 6u);
    editor.end(text, layout, false);
    EXPECT_EQ(editor.caret().pos, 12u);
    EXPECT_TRUE(editor.caret().at_line_end);
    EXPECT_EQ(layout.line_of(editor.caret().pos, editor.caret().at_line_end), 1u);  // still drawn on "world "
    editor.home(text, layout, true);
    EXPECT_EQ(editor.selected(text), "world ");
}

TEST(WrappedTextEditor, CtrlArrowsMoveByWord) {
    std::string text = "call me, 我的母亲在上海。ok";
    Editor editor;
    editor.sync(text);
    std::vector<std::string> stops;
    for (int i = 0; i < 7; ++i) {
        editor.word_right(text, false);
        stops.push_back(text.substr(0, editor.caret().pos));
    }
    EXPECT_EQ(stops, (std::vector<std::string>{"call", "call me", "call me,", "call me, 我的母亲在上海",
                                               "call me, 我的母亲在上海。", "call me, 我的母亲在上海。ok",
                                               "call me, 我的母亲在上海。ok"}));
    editor.word_left(text, false);
    EXPECT_EQ(text.substr(0, editor.caret().pos), "call me, 我的母亲在上海。");
    editor.word_left(text, false);
    editor.word_left(text, false);
    EXPECT_EQ(text.substr(0, editor.caret().pos), "call me, ");
    editor.select_word(text, 2);
    EXPECT_EQ(editor.selected(text), "call");
}

TEST(WrappedTextEditor, UndoAndRedo) {
    std::string text;
    Editor editor;
    editor.sync(text);
    for (const char* typed : {"h", "i", " ", "y", "o", "u"}) editor.insert(text, typed);
    EXPECT_EQ(text, "hi you");
    editor.backspace(text);
    EXPECT_EQ(text, "hi yo");
    ASSERT_TRUE(editor.undo(text));
    EXPECT_EQ(text, "hi you");
    ASSERT_TRUE(editor.undo(text));  // typed characters undo a word at a time
    EXPECT_EQ(text, "hi ");
    ASSERT_TRUE(editor.undo(text));
    EXPECT_EQ(text, "");
    EXPECT_FALSE(editor.undo(text));
    ASSERT_TRUE(editor.redo(text));
    EXPECT_EQ(text, "hi ");
    EXPECT_EQ(editor.caret().pos, 3u);
    editor.insert(text, "!");  // a new edit: nothing left to redo
    EXPECT_FALSE(editor.redo(text));
    EXPECT_EQ(text, "hi !");
}

TEST(WrappedTextEditor, UndoIsBoundedAndRestoresTheSelection) {
    std::string text = "abc";
    Editor editor;
    editor.sync(text);
    editor.select_all(text);
    editor.insert(text, "中");
    editor.undo(text);
    EXPECT_EQ(text, "abc");
    EXPECT_EQ(editor.selected(text), "abc");
    for (std::size_t i = 0; i < Editor::kMaxUndo + 20; ++i) editor.insert(text, "\n");
    EXPECT_EQ(editor.undo_steps(), Editor::kMaxUndo);
}

TEST(WrappedTextEditor, TextChangedElsewhereForgetsUndoAndKeepsTheCaretOnABoundary) {
    std::string text = "hello";
    Editor editor;
    editor.sync(text);
    editor.text_end(text, false);
    editor.insert(text, "!");
    text = "中";  // reloaded by the view
    editor.sync(text);
    EXPECT_EQ(editor.caret().pos, 3u);
    EXPECT_FALSE(editor.undo(text));
    EXPECT_EQ(text, "中");
    std::string other = "abcd";
    editor.sync(other);
    editor.set_caret(other, 2);
    other = "中文";  // the caret would be inside 中
    editor.sync(other);
    EXPECT_EQ(editor.caret().pos, 0u);
}

TEST(WrappedTextEditor, ResetWipesUndo) {
    std::string text;
    Editor editor;
    editor.sync(text);
    editor.insert(text, "secret");
    EXPECT_EQ(editor.undo_steps(), 1u);
    editor.reset();
    EXPECT_EQ(editor.undo_steps(), 0u);
    EXPECT_EQ(editor.caret().pos, 0u);
    std::string kept = "words";
    wipe(kept);
    EXPECT_TRUE(kept.empty());
}

// Random text (valid and invalid UTF-8 mixed) and random edits: no crash,
// every layout sound, the caret always on a boundary within the text, and
// undo brings back exactly what was there. Fixed seed: the same every run.
TEST(WrappedTextEditor, RandomBytesAndEditsKeepEveryInvariant) {
    std::mt19937 random(14);
    const std::vector<std::string> pieces = {"a", " ", "中", "。", "「", "😀", "\n", "é", "word", "\xFF",
                                             "\xE4\xB8", "\x80", "\xF0\x9F", "\r", "\t", "，", "\xED\xA0\x80"};
    const auto pick = [&](std::size_t count) {
        std::string out;
        for (std::size_t i = 0; i < count; ++i) out += pieces[random() % pieces.size()];
        return out;
    };
    for (int round = 0; round < 60; ++round) {
        std::string text = pick(random() % 40);
        const float width = static_cast<float>(random() % 12);
        expect_sound_layout(text, width, /*check_kinsoku=*/false);
        Editor editor;
        editor.sync(text);
        editor.set_caret(text, random() % (text.size() + 1));
        std::vector<std::string> history{text};
        for (int step = 0; step < 40; ++step) {
            const Layout layout(text, width, kAdvance);
            const bool select = random() % 3 == 0;
            bool changed = false;
            switch (random() % 12) {
                case 0: changed = editor.insert(text, pick(1 + random() % 3)); break;
                case 1: changed = editor.backspace(text); break;
                case 2: changed = editor.erase_forward(text); break;
                case 3: editor.left(text, select); break;
                case 4: editor.right(text, select); break;
                case 5: editor.up(text, layout, select); break;
                case 6: editor.down(text, layout, select); break;
                case 7: editor.home(text, layout, select); break;
                case 8: editor.end(text, layout, select); break;
                case 9: editor.word_left(text, select); break;
                case 10: editor.word_right(text, select); break;
                default: editor.select_word(text, random() % (text.size() + 1)); break;
            }
            if (changed) history.push_back(text);
            const auto bounds = boundaries(text);
            for (const std::size_t at : {editor.caret().pos, editor.caret().anchor}) {
                ASSERT_LE(at, text.size());
                ASSERT_NE(std::find(bounds.begin(), bounds.end(), at), bounds.end()) << "round " << round;
            }
        }
        // Undo walks back through every state, to the first.
        while (history.size() > 1 && editor.undo_steps() > 0) {
            ASSERT_TRUE(editor.undo(text));
            // Typed characters join one step: skip the states inside it.
            while (history.size() > 1 && history.back() != text) history.pop_back();
            ASSERT_EQ(history.back(), text) << "round " << round;
        }
        EXPECT_EQ(text, history.front()) << "round " << round;
    }
}

}  // namespace
}  // namespace fv::gui::text
