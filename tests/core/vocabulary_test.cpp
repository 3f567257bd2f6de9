#include <gtest/gtest.h>

#include <set>
#include <string>

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
    EXPECT_EQ(label(Vocabulary::Tactic, "coerced_return"), "Coerced return (\"persuade to return\")");
    EXPECT_EQ(label(Vocabulary::Channel, "no_such_code"), "no_such_code");
}
