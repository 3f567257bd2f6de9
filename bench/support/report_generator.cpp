#include "report_generator.h"

#include <array>
#include <string>
#include <string_view>

#include "report_words.h"

namespace fv::bench {

namespace {

using sv = std::string_view;

constexpr std::array kCountries{sv{"CA"}, sv{"CA"}, sv{"US"}, sv{"GB"}, sv{"AU"}, sv{"AU"},
                                sv{"FR"}, sv{"DE"}, sv{"NL"}, sv{"JP"}, sv{"NZ"}, sv{"IE"}};  // of words::cities()
constexpr std::array kTactics{sv{"harassment"}, sv{"surveillance"}, sv{"digital_attack"}, sv{"physical_intimidation"},
                              sv{"coerced_return"}, sv{"coercion_by_proxy"}, sv{"asset_freezing"}, sv{"legal_abuse"},
                              sv{"smear_campaign"}, sv{"mobility_controls"}};
constexpr std::array kChannels{sv{"phone"}, sv{"wechat"}, sv{"whatsapp"}, sv{"telegram"}, sv{"email"},
                               sv{"social"}, sv{"in_person"}, sv{"intermediary"}, sv{"relatives"}};
constexpr std::array kAffiliations{sv{"police"}, sv{"state_security"}, sv{"embassy"}, sv{"service_station"},
                                   sv{"community_association"}, sv{"private_investigator"}, sv{"unknown"}};
constexpr std::array kDemands{sv{"return_home"}, sv{"stop_activism"}, sv{"inform_on_others"}, sv{"delete_posts"},
                              sv{"attend_meeting"}};
constexpr std::array kImpacts{sv{"physical"}, sv{"psychological"}, sv{"financial"}, sv{"immigration"},
                              sv{"self_censorship"}};
constexpr std::array kRisks{sv{""}, sv{"low"}, sv{"medium"}, sv{"high"}, sv{"critical"}};
constexpr std::array kPrecisions{sv{"exact"}, sv{"day"}, sv{"month"}, sv{"approximate"}};
constexpr std::array kHomeRegions{sv{"四川成都"}, sv{"新疆喀什"}, sv{"广东深圳"}, sv{"福建福州"},
                                  sv{"湖北武汉"}, sv{"西藏拉萨"}, sv{"上海"}, sv{"北京"}};

constexpr double kRareChance = 0.002;  // of a Chinese report mentioning words::kRareChinese

// Indices of one sentence, shared by the original and its translation (the
// Chinese and English lists are aligned entry by entry).
struct Sentence {
    std::size_t time, actor, action, demand, place, aftermath;
    bool with_place, with_aftermath;
};

void append_chinese(std::string& out, const Sentence& s) {
    const auto& w = words::chinese();
    out += w.times[s.time];
    out += "，";
    out += w.actors[s.actor];
    if (s.with_place) {
        out += "在";
        out += w.places[s.place];
    }
    out += w.actions[s.action];
    out += "，";
    out += w.demands[s.demand];
    out += "。";
    if (s.with_aftermath) out += w.aftermath[s.aftermath];
}

void append_english(std::string& out, const Sentence& s) {
    const auto& w = words::english();
    if (!out.empty()) out += ' ';
    out += w.times[s.time];
    out += ", ";
    out += w.actors[s.actor];
    out += ' ';
    out += w.actions[s.action];
    if (s.with_place) {
        out += ' ';
        out += w.places[s.place];
    }
    out += ' ';
    out += w.demands[s.demand];
    out += '.';
    if (s.with_aftermath) {
        out += ' ';
        out += w.aftermath[s.aftermath];
    }
}

template <std::size_t N>
std::vector<std::string> some_codes(const std::array<sv, N>& codes, std::size_t count, std::mt19937_64& rng) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& code = codes[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
        bool seen = false;
        for (const auto& c : out) seen = seen || c == code;
        if (!seen) out.emplace_back(code);
    }
    return out;
}

std::string digits(std::mt19937_64& rng, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += static_cast<char>('0' + std::uniform_int_distribution<int>(0, 9)(rng));
    return out;
}

}  // namespace

std::size_t ReportGenerator::pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
bool ReportGenerator::chance(double p) { return std::bernoulli_distribution(p)(rng_); }

model::ReportContent ReportGenerator::next(bool chinese) {
    const auto& zh = words::chinese();
    const auto& en = words::english();
    model::ReportContent c;

    const std::size_t city = pick(words::cities().size());
    const std::size_t title = pick(zh.titles.size());
    const std::size_t relative = pick(zh.relatives.size());
    c.host_city = words::cities()[city];
    c.host_country = kCountries[city];
    c.origin_country = "CN";

    // When: 2019..2025, at the precision a witness could give.
    const auto year = 2019 + static_cast<int>(pick(7));
    const auto month = 1 + static_cast<int>(pick(12));
    const auto day = 1 + static_cast<int>(pick(28));
    c.date_precision = kPrecisions[pick(kPrecisions.size())];
    const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    c.occurred_start = std::to_string(year) + "-" + two(month);
    if (c.date_precision != "month") c.occurred_start += "-" + two(day);

    // Narrative: 2 to 7 sentences, original and (sometimes) translation in step.
    const std::size_t sentences = 2 + pick(6);
    const bool translated = chinese && chance(1.0 / 3.0);
    std::string narrative;
    std::string translation;
    std::size_t first_place = 0;
    for (std::size_t i = 0; i < sentences; ++i) {
        const Sentence s{pick(zh.times.size()),   pick(zh.actors.size()), pick(zh.actions.size()),
                         pick(zh.demands.size()), pick(zh.places.size()), pick(zh.aftermath.size()),
                         chance(0.3),             chance(0.5)};
        if (i == 0) first_place = s.place;
        if (chinese) {
            append_chinese(narrative, s);
            if (translated) append_english(translation, s);
        } else {
            append_english(narrative, s);
        }
    }
    if (chinese && chance(kRareChance)) {
        narrative += words::kRareChineseSentence;
        if (translated) translation += std::string(" ") + std::string(words::kRareEnglishSentence);
        ++rare_count_;
    }

    if (chinese) {
        c.title = std::string(zh.titles[title]) + "（" + std::string(zh.relatives[relative]) + "）";
        c.place = zh.places[first_place];
        c.narrative_language = "zh-Hans";
        if (translated) {
            c.translation = std::move(translation);
            c.translation_language = "en";
            c.translator = "volunteer " + digits(rng_, 2);
        }
    } else {
        c.title = std::string(en.titles[title]) + " (" + std::string(c.host_city) + ")";
        c.place = en.places[first_place];
        c.narrative_language = "en";
    }
    c.narrative = std::move(narrative);

    c.tactics = some_codes(kTactics, 1 + pick(3), rng_);
    c.channels = some_codes(kChannels, 1 + pick(2), rng_);
    c.demands = some_codes(kDemands, pick(3), rng_);
    c.impacts = some_codes(kImpacts, pick(3), rng_);
    c.risk_level = kRisks[pick(kRisks.size())];

    for (std::size_t i = 0, n = pick(3); i < n; ++i) {
        if (chance(0.5)) {
            c.identifiers.push_back({"phone", "+86 13" + digits(rng_, 1) + " " + digits(rng_, 4) + " " + digits(rng_, 4)});
        } else {
            c.identifiers.push_back({"wechat", "wxid_" + digits(rng_, 10)});
        }
    }
    for (std::size_t i = 0, n = pick(3); i < n; ++i) {
        const std::string name = std::string(words::chinese_surnames()[pick(words::chinese_surnames().size())]) +
                                 std::string(words::chinese_given_names()[pick(words::chinese_given_names().size())]);
        const auto& actors = chinese ? zh.actors : en.actors;
        c.perpetrators.push_back({std::string(kAffiliations[pick(kAffiliations.size())]), name,
                                  std::string(actors[pick(actors.size())])});
    }
    if (chance(0.4)) {
        const auto& lang = chinese ? zh : en;
        c.relatives.push_back({std::string(lang.relatives[relative]), std::string(kHomeRegions[pick(kHomeRegions.size())]),
                               std::string(lang.actions[pick(lang.actions.size())]),
                               std::string(lang.actors[pick(lang.actors.size())]), chinese ? "电话" : "phone call"});
        c.sensitive_fields = {"relatives"};
    }
    if (chance(0.2)) c.witnesses.push_back({"W" + digits(rng_, 3), "", chinese ? "看到了全过程" : "saw it happen"});
    if (chance(0.15)) {
        c.reported_to.push_back({chinese ? "当地警察" : "local police", std::to_string(year) + "-12-01",
                                 "R-" + digits(rng_, 6), chinese ? "已立案" : "file opened"});
    }
    return c;
}

}  // namespace fv::bench
