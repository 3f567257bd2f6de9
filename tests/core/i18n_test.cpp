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
    const auto keep = [](const char* name) {
        const char* v = std::getenv(name);
        return v == nullptr ? std::string("\\x01") : std::string(v);
    };
    const auto language = keep("LANGUAGE"), lc_all = keep("LC_ALL"), lang = keep("LANG");
    ::unsetenv("LC_ALL");
    ::unsetenv("LC_MESSAGES");
    ::setenv("LANGUAGE", "fr:zh_TW:en", 1);
    EXPECT_EQ(system_language(), "zh_TW");
    ::unsetenv("LANGUAGE");
    ::setenv("LANG", "zh_CN.UTF-8", 1);
    EXPECT_EQ(system_language(), "zh_CN");
    ::setenv("LANG", "de_DE.UTF-8", 1);
    EXPECT_EQ(system_language(), "en");
    for (const auto& [name, value] : {std::pair{"LANGUAGE", language}, {"LC_ALL", lc_all}, {"LANG", lang}}) {
        if (value == "\\x01")
            ::unsetenv(name);
        else
            ::setenv(name, value.c_str(), 1);
    }
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
