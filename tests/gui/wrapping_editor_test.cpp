// The wrapping text editor (views/wrapping_editor.h) in the real report form,
// driven headless: a long Chinese narrative wraps inside the field and comes
// back identical after save and reopen; clicking places the caret; keys,
// clipboard, undo, Tab and typed input-method text behave.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cfloat>
#include <string>
#include <utility>
#include <vector>

#include "fieldvault/core/annotations.h"
#include "fieldvault/core/reports.h"
#include "headless_ui.h"
#include "platform/fonts.h"
#include "platform/glyph_cache.h"
#include "views/wrapping_editor.h"

namespace fv::gui::test {
namespace {

// GLFW key codes for the keys these tests press (the GLFW backend maps them so).
constexpr int kKeyEscape = 256;
constexpr int kKeyRight = 262;
constexpr int kKeyLeft = 263;
constexpr int kKeyDown = 264;
constexpr int kKeyUp = 265;
constexpr int kKeyHome = 268;
constexpr int kKeyEnd = 269;
constexpr int kKeyDelete = 261;
constexpr int kKeyA = 65;
constexpr int kKeyV = 86;
constexpr int kKeyX = 88;
constexpr int kKeyZ = 90;

// About 600 characters of an account, with punctuation that must not start or end a line.
std::string long_chinese_paragraph() {
    std::string text;
    for (int i = 0; i < 8; ++i)
        text += "今年三月，两名自称是上海市公安局的人到我母亲家里，要求她打电话劝我回国，"
                "并说如果我继续在网上发表文章，「家里人会有麻烦」。她很害怕，第二天就给我打了电话。";
    return text;
}

const std::string kEnglish =
    "Two men who said they were from the Shanghai police came to my mother's flat in March and told her to call "
    "me and persuade me to come home; they said that if I kept writing online, the family would be in trouble.";

class WrappingEditor : public ::testing::Test {
protected:
    void SetUp() override {
        if (!find_fonts().cjk) GTEST_SKIP() << "fonts-noto-cjk is not installed";
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_Escape] = kKeyEscape;
        io.KeyMap[ImGuiKey_RightArrow] = kKeyRight;
        io.KeyMap[ImGuiKey_LeftArrow] = kKeyLeft;
        io.KeyMap[ImGuiKey_DownArrow] = kKeyDown;
        io.KeyMap[ImGuiKey_UpArrow] = kKeyUp;
        io.KeyMap[ImGuiKey_Home] = kKeyHome;
        io.KeyMap[ImGuiKey_End] = kKeyEnd;
        io.KeyMap[ImGuiKey_Delete] = kKeyDelete;
        io.KeyMap[ImGuiKey_A] = kKeyA;
        io.KeyMap[ImGuiKey_V] = kKeyV;
        io.KeyMap[ImGuiKey_X] = kKeyX;
        io.KeyMap[ImGuiKey_Z] = kKeyZ;
        ui_->click("list.new");
        ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
        ui_->click("editor.title");
        ui_->type("Police at my mother's flat");
    }

    const std::string& narrative() { return ui_->app().report_editor_view().draft().narrative; }

    // A click at a point (not a widget's centre); frames first so it is not a double-click.
    void click_at(ImVec2 pos) {
        ui_->frames(30);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = pos;
        ui_->frame();
        io.MouseDown[0] = true;
        ui_->frame();
        io.MouseDown[0] = false;
        ui_->frame();
    }

    // Every line drawn in the field fits its width, measured by ImGui's own text measure.
    void expect_lines_fit(const std::string& key, const std::string& text) {
        const auto layout = last_layout(key);
        ASSERT_TRUE(layout.has_value()) << key;
        EXPECT_LE(layout->text_origin.x + layout->wrap_width, layout->frame_max.x) << key;
        EXPECT_GE(layout->text_origin.x, layout->frame_min.x) << key;
        ImFont* font = ImGui::GetFont();
        const float size = ImGui::GetFontSize();
        for (const auto& line : layout->lines) {
            std::size_t end = line.end;
            while (end > line.begin && text[end - 1] == ' ') --end;  // spaces hang at a line's end
            const float width = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + line.begin, text.data() + end).x;
            EXPECT_LE(width, layout->wrap_width + 0.5f) << key << ": " << text.substr(line.begin, end - line.begin);
        }
    }

    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(WrappingEditor, LongChineseNarrativeWrapsAndComesBackIdentical) {
    const std::string paragraph = long_chinese_paragraph();
    ui_->click("editor.narrative");
    ui_->type(paragraph);
    ui_->press(kKeyEnter);  // a hard newline, then a second paragraph
    ui_->type(kEnglish);
    const std::string typed = paragraph + "\n" + kEnglish;
    ASSERT_EQ(narrative(), typed);
    ui_->frames(2);
    const auto layout = last_layout("editor.narrative");
    ASSERT_TRUE(layout.has_value());
    EXPECT_GT(layout->lines.size(), 10u);  // wrapped: one line per field width, not one per paragraph
    expect_lines_fit("editor.narrative", typed);

    ui_->click("editor.save");
    const auto id = ui_->app().report_editor_view().report_id();
    ASSERT_NE(id, 0) << ui_->app().report_editor_view().error();
    ui_->click("editor.back");
    ui_->settle();
    ui_->click("list.row0");
    ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
    EXPECT_EQ(narrative(), typed);
    EXPECT_EQ(core::ReportService(ui_->session()).get(id).report.content.narrative, typed);
    ui_->frames(2);
    expect_lines_fit("editor.narrative", typed);
}

TEST_F(WrappingEditor, ClickingPlacesTheCaret) {
    ui_->click("editor.narrative");
    ui_->type("警察来了");
    ui_->press(kKeyEnter);
    ui_->type("second line");
    const auto layout = last_layout("editor.narrative");
    ASSERT_TRUE(layout.has_value());
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float two = font->CalcTextSizeA(size, FLT_MAX, 0.0f, "警察").x;
    const float one_more = font->CalcTextSizeA(size, FLT_MAX, 0.0f, "来").x;
    // Just after 察 (a third into 来): the caret goes between 察 and 来.
    click_at(ImVec2(layout->text_origin.x + two + one_more * 0.3f, layout->text_origin.y + size * 0.5f));
    ASSERT_TRUE(active_caret().has_value());
    EXPECT_EQ(active_caret()->pos, std::string("警察").size());
    ui_->type("们");
    EXPECT_EQ(narrative(), "警察们来了\nsecond line");
    // Past the end of the second line: the end of the text.
    click_at(ImVec2(layout->frame_max.x - 30.0f, layout->text_origin.y + size * 1.5f));
    ASSERT_TRUE(active_caret().has_value());
    EXPECT_EQ(active_caret()->pos, narrative().size());
    // A click outside stops editing; typing then goes nowhere.
    ui_->click("editor.title");
    EXPECT_FALSE(active_caret().has_value());
}

TEST_F(WrappingEditor, KeysMoveSelectCutPasteAndUndo) {
    ui_->click("editor.narrative");
    ui_->type("我的母亲在上海");
    ui_->press(kKeyHome, /*ctrl=*/true);
    ui_->press(kKeyRight);
    ui_->press(kKeyRight);
    EXPECT_EQ(active_caret()->pos, 6u);
    ui_->press(kKeyEnd, false, /*shift=*/true);  // select to the end
    ui_->press(kKeyX, /*ctrl=*/true);           // cut
    EXPECT_EQ(narrative(), "我的");
    ui_->press(kKeyV, true);                     // paste back
    ui_->press(kKeyV, true);                     // and once more
    EXPECT_EQ(narrative(), "我的母亲在上海母亲在上海");
    ui_->press(kKeyZ, true);  // undo the second paste
    EXPECT_EQ(narrative(), "我的母亲在上海");
    ui_->press(kKeyLeft);
    ui_->press(kKeyBackspace);
    EXPECT_EQ(narrative(), "我的母亲在海");
    ui_->press(kKeyHome);
    ui_->press(kKeyDelete);
    EXPECT_EQ(narrative(), "的母亲在海");
    ui_->press(kKeyA, true);
    ui_->type("新");  // typing replaces the selection
    EXPECT_EQ(narrative(), "新");
    // Up and down keep the column across lines; Escape stops editing.
    ui_->press(kKeyEnter);
    ui_->type("abc");
    ui_->press(kKeyUp);
    EXPECT_EQ(active_caret()->pos, std::string("新").size());
    ui_->press(kKeyDown);
    EXPECT_EQ(active_caret()->pos, narrative().size());
    ui_->press(kKeyEscape);
    EXPECT_FALSE(active_caret().has_value());
}

TEST_F(WrappingEditor, InputMethodTextOfOneFrameIsInsertedAtTheCaretInOrder) {
    ui_->click("editor.narrative");
    ui_->type("我的在上海");
    ui_->press(kKeyHome, true);
    ui_->press(kKeyRight);
    ui_->press(kKeyRight);
    EXPECT_TRUE(ImGui::GetIO().WantTextInput);  // the platform may show its input method
    // What fcitx/ibus commit arrives through GLFW as characters, several in one frame.
    ImGui::GetIO().AddInputCharactersUTF8("母亲");
    ImGui::GetIO().AddInputCharactersUTF8("，");
    ui_->frame();
    EXPECT_EQ(narrative(), "我的母亲，在上海");
    EXPECT_EQ(active_caret()->pos, std::string("我的母亲，").size());
}

TEST_F(WrappingEditor, TabMovesFocusInsteadOfInserting) {
    ui_->click("editor.narrative");
    ui_->type("abc");
    ui_->press(kKeyTab);
    ui_->frames(2);
    EXPECT_FALSE(active_caret().has_value());
    ui_->type("zh");  // now in the next field: the narrative's language
    EXPECT_EQ(narrative(), "abc");
    EXPECT_EQ(ui_->app().report_editor_view().draft().narrative_language, "zh");
    ui_->press(kKeyTab, false, /*shift=*/true);  // back into the narrative, at its end
    ui_->frames(2);
    ASSERT_TRUE(active_caret().has_value());
    ui_->type("d");
    EXPECT_EQ(narrative(), "abcd");
}

TEST_F(WrappingEditor, TabReachesTheNarrativeWithTheFocusRingAndTyping) {
    // From the title by Tab alone (the keyboard's own ring, platform/ui_setup.h).
    ui_->press_until_focused(kKeyTab, "editor.narrative", 40);
    EXPECT_TRUE(ui_->typing()) << ui_->focus_text();
    ASSERT_TRUE(active_caret().has_value());
    ui_->type("键盘");
    EXPECT_EQ(narrative(), "键盘");
    ui_->press(kKeyEscape);  // leaves the field; the ring stays on it
    EXPECT_FALSE(active_caret().has_value());
    EXPECT_TRUE(ui_->focused("editor.narrative")) << ui_->focus_text();
    EXPECT_FALSE(ui_->typing());
    ui_->press(kKeyEnter);  // Enter on the ringed field starts typing again, inserting nothing
    ui_->frames(2);
    ASSERT_TRUE(active_caret().has_value()) << ui_->focus_text();
    ui_->type("输入");
    EXPECT_EQ(narrative(), "键盘输入");
}

TEST_F(WrappingEditor, LockingWhileTypingWipesTheFieldsUndo) {
    constexpr int kKeyL = 76;
    ui_->click("editor.narrative");
    ui_->type("我母亲的电话号码");
    EXPECT_FALSE(wrapping_editor_idle());  // caret and undo kept while typing
    ui_->press(kKeyL, /*ctrl=*/true);
    ASSERT_EQ(ui_->app().screen(), Screen::Unlock);
    ui_->frames(2);
    EXPECT_TRUE(wrapping_editor_idle());
    EXPECT_FALSE(active_caret().has_value());
}

TEST_F(WrappingEditor, TypedCharactersReachTheFontAtlasInTheSameFrame) {
    // Rare characters not in the atlas yet (the noted set is the process's:
    // earlier tests in the same run may have added some).
    const std::pair<ImWchar, const char*> candidates[] = {
        {0x9F98, "龘"}, {0x5496, "咖"}, {0x5F67, "彧"}, {0x71CA, "燊"}, {0x752F, "甯"}, {0x982B, "頫"}};
    std::vector<ImWchar> rare;
    std::string typed;
    for (const auto& [c, utf8] : candidates) {
        if (rare.size() < 2 && ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(c) == nullptr) {
            rare.push_back(c);
            typed += utf8;
        }
    }
    if (rare.empty()) GTEST_SKIP() << "every candidate character is in the atlas already";
    ui_->click("editor.narrative");
    ui_->type(typed);  // one frame: the atlas is rebuilt right after it, as for InputText
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (ImWchar c : rare) EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << std::hex << c;
}

TEST_F(WrappingEditor, NotesAndTranslationWrapToo) {
    ui_->click("editor.save");
    ASSERT_NE(ui_->app().report_editor_view().report_id(), 0);
    const std::string notes = long_chinese_paragraph();
    ui_->scroll_into_view("annotation.notes");
    ui_->click("annotation.notes");
    ui_->type(notes);
    ui_->scroll_into_view("annotation.translation");
    ui_->click("annotation.translation");
    ui_->type(kEnglish);
    ui_->frames(2);
    for (const char* key : {"annotation.notes", "annotation.translation"}) {
        const auto layout = last_layout(key);
        ASSERT_TRUE(layout.has_value()) << key;
        EXPECT_GT(layout->lines.size(), 1u) << key;
    }
    expect_lines_fit("annotation.notes", notes);
    expect_lines_fit("annotation.translation", kEnglish);
    ui_->click("annotation.save");
    const auto id = ui_->app().report_editor_view().report_id();
    const auto saved = core::AnnotationService(ui_->session()).current(id);
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->annotation.notes, notes);
    EXPECT_EQ(saved->annotation.translation, kEnglish);
}

TEST_F(WrappingEditor, AFinalReportsNarrativeCannotBeEdited) {
    ui_->click("editor.narrative");
    ui_->type("as it was");
    ui_->click("editor.save");
    ui_->click("editor.finalize");
    ui_->click("editor.finalize_confirm");
    ui_->settle();
    ui_->click("editor.narrative");
    EXPECT_FALSE(active_caret().has_value());
    ui_->type("more");
    EXPECT_EQ(narrative(), "as it was");
}

// The widget alone in a bare ImGui window (no app): read-only mode, mouse
// selection, scrolling that keeps the caret in view, the hint.
class WrappingEditorAlone : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800.0f, 600.0f);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.KeyMap[ImGuiKey_A] = kKeyA;
        io.KeyMap[ImGuiKey_C] = 67;
        io.KeyMap[ImGuiKey_End] = kKeyEnd;
        io.KeyMap[ImGuiKey_Backspace] = kKeyBackspace;
        io.KeyMap[ImGuiKey_Enter] = kKeyEnter;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->AddFontDefault();
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowSize(ImVec2(400.0f, 400.0f));
        ImGui::Begin("alone", nullptr, ImGuiWindowFlags_NoDecoration);
        options_.record_as = "alone";
        changed_ = wrapping_editor("##text", text_, options_) || changed_;
        ImGui::End();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    void mouse(ImVec2 pos, bool down) {
        ImGui::GetIO().MousePos = pos;
        ImGui::GetIO().MouseDown[0] = down;
        frame();
    }
    void press(int key, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frame();
    }
    WrappingEditorLayout layout() { return last_layout("alone").value(); }
    ImVec2 inside() {
        const auto l = layout();
        return ImVec2(l.text_origin.x + 2.0f, l.frame_min.y + 8.0f);
    }

    std::string text_;
    WrappingEditorOptions options_;
    bool changed_ = false;
};

TEST_F(WrappingEditorAlone, ReadOnlySelectsAndCopiesButNeverChanges) {
    text_ = "kept as it is";
    options_.read_only = true;
    frames(2);
    mouse(inside(), true);
    mouse(inside(), false);
    ASSERT_TRUE(active_caret().has_value());
    EXPECT_FALSE(ImGui::GetIO().WantTextInput);  // no input method for a read-only field
    ImGui::GetIO().AddInputCharactersUTF8("x");
    frame();
    press(kKeyBackspace);
    press(kKeyEnter);
    EXPECT_EQ(text_, "kept as it is");
    EXPECT_FALSE(changed_);
    press(kKeyA, true);
    press(67, true);  // ctrl+C
    EXPECT_STREQ(ImGui::GetClipboardText(), "kept as it is");
}

TEST_F(WrappingEditorAlone, DraggingSelects) {
    text_ = "drag over these words";
    frames(2);
    const auto l = layout();
    const float y = l.text_origin.y + ImGui::GetFontSize() * 0.5f;
    mouse(ImVec2(l.text_origin.x + 0.5f, y), true);
    frames(2);
    mouse(ImVec2(l.text_origin.x + ImGui::CalcTextSize("drag over").x + 0.5f, y), true);
    mouse(ImVec2(l.text_origin.x + ImGui::CalcTextSize("drag over").x + 0.5f, y), false);
    ASSERT_TRUE(active_caret().has_value());
    EXPECT_EQ(active_caret()->sel_begin(), 0u);
    EXPECT_EQ(active_caret()->sel_end(), std::string("drag over").size());
    ImGui::GetIO().AddInputCharactersUTF8("X");
    frame();
    EXPECT_EQ(text_, "X these words");
    EXPECT_TRUE(changed_);
}

int drawn_vertices() {
    int count = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i) count += data->CmdLists[i]->VtxBuffer.Size;
    return count;
}

TEST_F(WrappingEditorAlone, TheHintShowsWhileEmpty) {
    frames(2);
    const int bare = drawn_vertices();
    options_.hint = "write here";
    frames(2);
    const int with_hint = drawn_vertices();
    EXPECT_GE(with_hint, bare + 4 * 9);  // a quad per letter of "writehere"
    text_ = "x";
    frames(2);
    EXPECT_LT(drawn_vertices(), with_hint);  // one letter, no hint
}

TEST_F(WrappingEditorAlone, TheCaretStaysInView) {
    options_.lines = 3.0f;
    frames(2);
    EXPECT_EQ(layout().lines.size(), 1u);
    for (int i = 0; i < 40; ++i) text_ += "line " + std::to_string(i) + "\n";
    text_ += "the last line";
    frames(2);
    EXPECT_FLOAT_EQ(layout().text_origin.y, layout().frame_min.y + ImGui::GetStyle().FramePadding.y);  // at the top
    mouse(inside(), true);
    mouse(inside(), false);
    ASSERT_TRUE(active_caret().has_value());
    press(kKeyEnd, true);  // ctrl+End: the end of the text
    frames(2);
    ASSERT_TRUE(active_caret().has_value());
    EXPECT_EQ(active_caret()->pos, text_.size());
    const auto l = layout();
    const float line_h = ImGui::GetFontSize();
    const float caret_y = l.text_origin.y + static_cast<float>(l.lines.size() - 1) * line_h;
    EXPECT_GE(caret_y, l.frame_min.y);
    EXPECT_LE(caret_y + line_h, l.frame_max.y + 0.5f);
    EXPECT_LT(l.text_origin.y, l.frame_min.y);  // scrolled
}

}  // namespace
}  // namespace fv::gui::test
