#include <gtest/gtest.h>

#include <set>
#include <string>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/vocabulary.h"

using namespace fv::core;

TEST(Vocabulary, EveryVocabularyHasUniqueNonEmptyCodesAndLabels) {
    for (auto v : {Vocabulary::Tactic, Vocabulary::Channel, Vocabulary::Affiliation, Vocabulary::Demand,
                   Vocabulary::Impact, Vocabulary::RiskLevel, Vocabulary::DatePrecision, Vocabulary::Status,
                   Vocabulary::SensitiveField}) {
        std::set<std::string> codes;
        ASSERT_FALSE(entries(v).empty()) << vocabulary_name(v);
        for (const auto& e : entries(v)) {
            EXPECT_FALSE(e.code.empty());
            EXPECT_FALSE(e.label.empty());
            EXPECT_TRUE(codes.insert(std::string(e.code)).second) << "duplicate code " << e.code;
            EXPECT_EQ(e.code.find(' '), std::string_view::npos) << "codes are identifiers: " << e.code;
        }
    }
}

TEST(Vocabulary, TacticsCoverTheArchitectureTypology) {
    for (const char* code : {"harassment", "surveillance", "digital_attack", "physical_intimidation",
                             "attempted_kidnapping", "coerced_return", "coercion_by_proxy", "asset_freezing",
                             "legal_abuse", "smear_campaign", "mobility_controls", "other"})
        EXPECT_TRUE(is_known_code(Vocabulary::Tactic, code)) << code;
    EXPECT_FALSE(is_known_code(Vocabulary::Tactic, "Harassment"));
    EXPECT_FALSE(is_known_code(Vocabulary::Tactic, ""));
}

TEST(Vocabulary, LabelFallsBackToTheCode) {
    EXPECT_EQ(label(Vocabulary::Tactic, "coerced_return"), "Pressure to go back");
    EXPECT_EQ(label(Vocabulary::Channel, "no_such_code"), "no_such_code");
    EXPECT_EQ(display_label(Vocabulary::Channel, "no_such_code"), "no_such_code");
    EXPECT_EQ(display_hint(Vocabulary::Tactic, "no_such_code"), "");
}

// Plain words, not the jargon of reports about repression (issue 14).
TEST(Vocabulary, LabelsArePlainWords) {
    EXPECT_EQ(label(Vocabulary::Tactic, "coercion_by_proxy"), "Pressure through family");
    EXPECT_EQ(label(Vocabulary::SensitiveField, "perpetrators"), "Who did it");
    for (auto v : {Vocabulary::Tactic, Vocabulary::Channel, Vocabulary::Affiliation, Vocabulary::Demand,
                   Vocabulary::Impact, Vocabulary::SensitiveField}) {
        for (const auto& e : entries(v)) {
            const std::string text(e.label);
            for (const char* jargon : {"coercion", "proxy", "perpetrator", "intermediary", "Interpol", "smear"})
                EXPECT_EQ(text.find(jargon), std::string::npos) << e.code << ": " << text;
        }
    }
}

TEST(Vocabulary, EveryTacticHasAOneSentenceHint) {
    for (const auto& e : entries(Vocabulary::Tactic)) {
        const std::string text(e.hint);
        ASSERT_FALSE(text.empty()) << e.code;
        EXPECT_EQ(text.back(), '.') << e.code;
        EXPECT_EQ(text.find(". "), std::string::npos) << "one sentence: " << text;
        EXPECT_LT(text.size(), 140u) << "one line: " << text;
        EXPECT_EQ(hint(Vocabulary::Tactic, e.code), e.hint);
    }
    EXPECT_TRUE(hint(Vocabulary::Channel, "phone").empty());
}

// The faces show the label in the person's language; the code never changes.
TEST(Vocabulary, DisplayLabelsAreTranslated) {
    init_translations("zh_CN");
    EXPECT_EQ(display_label(Vocabulary::Tactic, "coercion_by_proxy"), "通过家人施压");
    EXPECT_NE(display_hint(Vocabulary::Tactic, "coercion_by_proxy"),
              std::string(hint(Vocabulary::Tactic, "coercion_by_proxy")));
    EXPECT_EQ(label(Vocabulary::Tactic, "coercion_by_proxy"), "Pressure through family");  // English stays
    set_language("zh_TW");
    EXPECT_EQ(display_label(Vocabulary::SensitiveField, "perpetrators"), "是誰做的");
    set_language("en");
    EXPECT_EQ(display_label(Vocabulary::Tactic, "coercion_by_proxy"), "Pressure through family");
    EXPECT_STREQ(display_hint(entries(Vocabulary::Channel)[0]), "");
}
