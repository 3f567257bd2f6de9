// Languages through gettext: codes as systems spell them, placeholders a
// translation may move, and the Chinese catalogues found in the build tree.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "fieldvault/core/i18n.h"

namespace fv::core {
namespace {

TEST(Languages, CodesAsSystemsSpellThem) {
    EXPECT_EQ(normalise_language("zh_CN.UTF-8"), "zh_CN");
    EXPECT_EQ(normalise_language("zh-Hans"), "zh_CN");
    EXPECT_EQ(normalise_language("zh_SG"), "zh_CN");
    EXPECT_EQ(normalise_language("zh"), "zh_CN");
    EXPECT_EQ(normalise_language("zh_TW"), "zh_TW");
    EXPECT_EQ(normalise_language("zh_HK.UTF-8"), "zh_TW");
    EXPECT_EQ(normalise_language("zh-Hant-TW"), "zh_TW");
    EXPECT_EQ(normalise_language("EN_gb"), "en");
    EXPECT_EQ(normalise_language("fr_FR"), "");
    EXPECT_EQ(normalise_language(""), "");
    ASSERT_EQ(languages().size(), 3u);
    EXPECT_EQ(languages()[0].code, "en");
}

TEST(Languages, SystemChoiceFollowsLanguageThenLocaleVariables) {
    EXPECT_EQ(language_from_environment("fr:zh_TW:en", "", "", "zh_CN.UTF-8"), "zh_TW");
    EXPECT_EQ(language_from_environment("fr", "", "", "zh_CN.UTF-8"), "zh_CN");
    EXPECT_EQ(language_from_environment("", "", "", "zh_CN.UTF-8"), "zh_CN");
    EXPECT_EQ(language_from_environment("", "zh_HK.UTF-8", "", "en_US.UTF-8"), "zh_TW");
    EXPECT_EQ(language_from_environment("", "", "", "de_DE.UTF-8"), "en");
    EXPECT_EQ(language_from_environment("", "", "", ""), "en");
}

// Choosing a language sets $LANGUAGE for gettext; the system's choice is still
// what it was when the program started.
TEST(Languages, TheSystemsChoiceSurvivesChoosingAnother) {
    const auto before = system_language();
    init_translations("zh_TW");
    set_language("zh_CN");
    EXPECT_EQ(system_language(), before);
    set_language("");
    EXPECT_EQ(current_language(), before);
    set_language("en");
}

TEST(Translations, PlaceholdersGoWhereTheTranslationPutsThem) {
    init_translations("en");
    EXPECT_EQ(tr_args("Case {1} now holds {2} reports", {"Mei", "3"}), "Case Mei now holds 3 reports");
    EXPECT_EQ(tr_args("{2} before {1}", {"a", "b"}), "b before a");
    EXPECT_EQ(tr_args("{3} is missing, {x} is not a marker, {", {"a"}), "{3} is missing, {x} is not a marker, {");
    EXPECT_EQ(trn_args("{n} report", "{n} reports", 1), "1 report");
    EXPECT_EQ(trn_args("{n} report in {1}", "{n} reports in {1}", 4, {"Mei"}), "4 reports in Mei");
}

// The catalogues are compiled from po/ into the build tree; switching the
// language switches every later tr(), with no Chinese locale installed.
TEST(Translations, ChineseCataloguesAreUsedAndSwitchedAtRunTime) {
    init_translations("zh_CN");
    EXPECT_EQ(current_language(), "zh_CN");
    const std::string simplified = tr("Reports");
    EXPECT_NE(simplified, "Reports") << "po/zh_CN.po not compiled into the build tree?";
    set_language("zh_TW");
    EXPECT_EQ(current_language(), "zh_TW");
    const std::string traditional = tr("Reports");
    EXPECT_NE(traditional, "Reports");
    set_language("en");
    EXPECT_STREQ(tr("Reports"), "Reports");
    set_language("zh_CN");
    EXPECT_EQ(tr("Reports"), simplified);
    set_language("en");
}

}  // namespace
}  // namespace fv::core
