#pragma once
// Phrase lists from which benchmark reports are composed: the shapes of
// transnational-repression accounts (who, when, through what, what they
// demanded, what followed), in Simplified Chinese and in English. Invented
// text only; no real cases.
#include <span>
#include <string_view>

namespace fv::bench::words {

struct Lists {
    std::span<const std::string_view> times;
    std::span<const std::string_view> actors;
    std::span<const std::string_view> actions;
    std::span<const std::string_view> demands;
    std::span<const std::string_view> aftermath;
    std::span<const std::string_view> titles;
    std::span<const std::string_view> relatives;
    std::span<const std::string_view> places;
};

const Lists& chinese();
const Lists& english();

std::span<const std::string_view> cities();            // host cities (English names)
std::span<const std::string_view> chinese_surnames();
std::span<const std::string_view> chinese_given_names();

// The rare term: in 1 Chinese report in 500, so about 1 report in 1,000 overall.
inline constexpr std::string_view kRareChinese = "乌鲁木齐";
inline constexpr std::string_view kRareChineseSentence = "他们还提到了我在乌鲁木齐的舅舅，说他的情况取决于我的态度。";
inline constexpr std::string_view kRareEnglishSentence =
    "They also mentioned my uncle in Urumqi and said his situation depends on my attitude.";

}  // namespace fv::bench::words
