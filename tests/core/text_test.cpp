#include <gtest/gtest.h>

#include "fieldvault/core/text.h"

using fv::core::is_valid_iso8601;
using fv::core::is_valid_utf8;

TEST(Utf8, AcceptsAsciiLatinAndChinese) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("héllo"));
    EXPECT_TRUE(is_valid_utf8("中国警察找我父母"));
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
}

TEST(Utf8, RejectsMalformedSequences) {
    EXPECT_FALSE(is_valid_utf8("\xFF"));
    EXPECT_FALSE(is_valid_utf8("abc\x80"));           // lone continuation
    EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
    EXPECT_FALSE(is_valid_utf8("\xE4\xB8"));          // truncated 3-byte
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong 3-byte
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST(Iso8601, AcceptsDatesAtEachPrecision) {
    for (const char* s : {"2026", "2026-03", "2026-03-14", "2026-03-14T18:30", "2026-03-14 18:30",
                          "2026-03-14T18:30:05", "2026-03-14T18:30Z", "2026-03-14T18:30:05+08:00", "2024-02-29"})
        EXPECT_TRUE(is_valid_iso8601(s)) << s;
}

TEST(Iso8601, RejectsInvalidDates) {
    for (const char* s : {"", "26", "2026-13", "2026-00", "2026-02-30", "2025-02-29", "2026-03-14T24:00",
                          "2026-03-14T18:60", "2026-03-14T18:30+8", "2026/03/14", "14.03.2026", "2026-03-14x",
                          "yesterday", "2026-03-14T18:30:05+08:00junk"})
        EXPECT_FALSE(is_valid_iso8601(s)) << s;
}

// Entity names are found as whole words where a script spaces its words, and
// anywhere in Chinese and Tibetan, which do not.
TEST(WholeName, LatinNamesNeedWordEdgesChineseNamesDoNot) {
    using fv::core::contains_whole_name;
    EXPECT_TRUE(contains_whole_name("officer wang called", "wang"));
    EXPECT_TRUE(contains_whole_name("wang", "wang"));
    EXPECT_TRUE(contains_whole_name("it was officer wang's car", "officer wang"));
    EXPECT_TRUE(contains_whole_name("wang先生又来了", "wang"));
    EXPECT_TRUE(contains_whole_name("(wang)", "wang"));
    EXPECT_FALSE(contains_whole_name("we met at wangfujing", "wang"));
    EXPECT_FALSE(contains_whole_name("swang", "wang"));
    EXPECT_TRUE(contains_whole_name("swang, then wang.", "wang"));  // a later whole occurrence counts
    EXPECT_FALSE(contains_whole_name("müllerwang", "wang"));       // ü is a letter
    EXPECT_TRUE(contains_whole_name("王警官又打电话给我母亲", "王警官"));
    EXPECT_TRUE(contains_whole_name("我见到王警官了", "王警官"));
    // Uyghur (Arabic script, spaced): ئەخمەت is not found inside a longer word.
    EXPECT_TRUE(contains_whole_name("ساقچى ئەخمەت كەلدى", "ئەخمەت"));
    EXPECT_FALSE(contains_whole_name("ساقچى ئەخمەتجان كەلدى", "ئەخمەت"));
    EXPECT_TRUE(contains_whole_name("ئەخمەت، كەلدى", "ئەخمەت"));  // Arabic comma ends a word
    EXPECT_TRUE(contains_whole_name("བཀྲ་ཤིས་ཡོང་།", "བཀྲ་ཤིས"));  // Tibetan: anywhere
    EXPECT_FALSE(contains_whole_name("anything", ""));
    EXPECT_FALSE(contains_whole_name("", "wang"));
    EXPECT_FALSE(contains_whole_name("\xff\xfe wan", "wang"));  // broken UTF-8 is read safely
    EXPECT_TRUE(contains_whole_name("\xffwang", "wang"));
}

TEST(ComplexShaping, UyghurAndTibetanAreFoundChineseAndLatinAreNot) {
    using fv::core::needs_complex_shaping;
    EXPECT_TRUE(needs_complex_shaping("ساقچى كەلدى"));
    EXPECT_TRUE(needs_complex_shaping("mixed ئەخمەت text"));
    EXPECT_TRUE(needs_complex_shaping("བཀྲ་ཤིས"));
    EXPECT_FALSE(needs_complex_shaping("王警官 Officer Wang, Ünal"));
    EXPECT_FALSE(needs_complex_shaping(""));
    EXPECT_FALSE(needs_complex_shaping("\xd8"));  // a cut sequence is not a letter
}
