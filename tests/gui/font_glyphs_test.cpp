// The font atlas starts with Latin and common Chinese and grows with the text
// the views show or the user types (glyph_cache.h): rarer and Traditional
// characters must render, not show as '?'.
#include <gtest/gtest.h>
#include <imgui.h>

#include "fieldvault/core/reports.h"
#include "platform/fonts.h"
#include "platform/glyph_cache.h"
#include "headless_ui.h"

namespace fv::gui::test {
namespace {

bool has_glyph(ImWchar c) { return ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(c) != nullptr; }

class FontGlyphs : public ::testing::Test {
protected:
    void SetUp() override {
        const auto choice = find_fonts();
        ASSERT_TRUE(choice.latin.has_value()) << "fontconfig found no scalable Latin font";
        if (!choice.cjk) GTEST_SKIP() << "fonts-noto-cjk is not installed";
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        ASSERT_TRUE(ui_->cjk_font_loaded());
        create_vault_through_ui(*ui_);
    }
    TempDir dir_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(FontGlyphs, LatinFromTheStartCommonChineseOnceAnIdeographIsShown) {
    for (ImWchar c : {ImWchar{'A'}, ImWchar{0x00E9}, ImWchar{0x3002}})  // A é 。
        EXPECT_TRUE(has_glyph(c)) << "missing U+" << std::hex << c;
    // In a process where no earlier test showed Chinese, the first atlas has none.
    if (!glyphs::ideographs_seen()) {
        EXPECT_FALSE(has_glyph(0x8B66));
    }
    core::ReportContent content;
    content.title = "中";
    core::ReportService(ui_->session()).create(content, "");
    ui_->app().report_list_view().refresh(ui_->app().state());
    ui_->settle();
    ui_->frames(2);
    EXPECT_TRUE(glyphs::ideographs_seen());
    // 中 was shown; 警 察 were not, but come with the common set.
    for (ImWchar c : {ImWchar{0x4E2D}, ImWchar{0x8B66}, ImWchar{0x5BDF}, ImWchar{'A'}})
        EXPECT_TRUE(has_glyph(c)) << "missing U+" << std::hex << c;
}

TEST_F(FontGlyphs, RareAndTraditionalCharactersInAListedTitleAreAdded) {
    // 咖 (not in the common set), 為 (Traditional), 龘 (rare): none is in the first atlas.
    const ImWchar rare[] = {0x5496, 0x70BA, 0x9F98};
    for (ImWchar c : rare) ASSERT_FALSE(has_glyph(c)) << "U+" << std::hex << c << " was already in the atlas";
    core::ReportContent content;
    content.title = "在咖啡館為我們拍照 龘";
    core::ReportService(ui_->session()).create(content, "");
    ui_->app().report_list_view().refresh(ui_->app().state());
    ui_->settle();
    ui_->frames(2);  // the first draws the row and notes the characters; the atlas is rebuilt after it
    for (ImWchar c : rare) EXPECT_TRUE(has_glyph(c)) << "missing U+" << std::hex << c;
    EXPECT_TRUE(has_glyph(0x4E2D));  // the base set is still there
}

TEST_F(FontGlyphs, TypedCharactersAreAdded) {
    const ImWchar typed[] = {0x9B31, 0x5C0B};  // 鬱 尋
    for (ImWchar c : typed) ASSERT_FALSE(has_glyph(c));
    ui_->click("list.search");
    ui_->type("鬱尋");
    ui_->frames(2);
    for (ImWchar c : typed) EXPECT_TRUE(has_glyph(c)) << "missing U+" << std::hex << c;
}

TEST(GlyphCache, EachCharacterIsNotedOnceAndInvalidBytesAreSafe) {
    (void)glyphs::take_rebuild_request();
    const auto before = glyphs::noted_count();
    glyphs::note("plain ASCII only");
    EXPECT_FALSE(glyphs::take_rebuild_request());
    // U+E123 is in no font: noted once, so it cannot cause a rebuild every frame.
    glyphs::note("\xEE\x84\xA3");
    EXPECT_TRUE(glyphs::take_rebuild_request());
    glyphs::note("\xEE\x84\xA3");
    EXPECT_FALSE(glyphs::take_rebuild_request());
    EXPECT_EQ(glyphs::noted_count(), before + 1);
    // Truncated and stray continuation bytes, and a 4-byte character ImWchar cannot hold.
    glyphs::note(std::string_view("\xE5\x92", 2));
    glyphs::note("\x80\xBF\xFF");
    glyphs::note("\xF0\x9F\x98\x80");
    (void)glyphs::take_rebuild_request();
    glyphs::note("\xE5\x92\x96");  // 咖, complete
    glyphs::note("\xE5\x92\x96");
    EXPECT_LE(glyphs::noted_count(), before + 3);  // U+E123, perhaps U+FFFD, 咖
}

}  // namespace
}  // namespace fv::gui::test
