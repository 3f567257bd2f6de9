#pragma once
// The person's language, through gettext (text domain "fieldvault", po/*.po,
// the format translators know). Both faces call init_translations() once at
// start; every user-visible string goes through tr() (or trn(), tr_args()),
// which xgettext finds: see po/README.md for the keywords.
//
// Languages: English (the source text), Simplified Chinese (zh_CN) and
// Traditional Chinese (zh_TW). The choice is kept by the faces (the desktop
// app's Settings, the CLI's --language or $LANGUAGE/$LANG); "" follows the
// system's locale. Nothing here depends on the system having the locale
// installed: the messages are looked up by language code only.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace fv::core {

struct Language {
    std::string code;  // "en", "zh_CN", "zh_TW"
    std::string name;  // in its own language: "English", "简体中文", "繁體中文"
};

// The languages the programs offer, English first.
const std::vector<Language>& languages();

// Where the .mo files are: $FIELDVAULT_LOCALEDIR, else beside the program
// (PROGRAM_DIR/locale, PROGRAM_DIR/../share/locale), else the build tree.
// `language`: a code of languages(), or "" for the system's choice.
void init_translations(std::string_view language = {});
// Switches the language while running (takes effect from the next frame).
void set_language(std::string_view language);
// The language in use: a code of languages() ("en" when nothing matched).
std::string current_language();
// The code the system asks for ($LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG),
// mapped onto languages(): zh_TW/zh_HK/zh_MO/zh_Hant -> zh_TW, other zh -> zh_CN.
// $LANGUAGE as it was when the program started (choosing a language changes it).
std::string system_language();
// The same choice from given values ("" = unset), for tests and callers that know them.
std::string language_from_environment(std::string_view language_list, std::string_view lc_all,
                                      std::string_view lc_messages, std::string_view lang);
// A code of languages() for any spelling ("zh-Hans", "zh_CN.UTF-8", "EN"); "" if none.
std::string normalise_language(std::string_view code);

// The translation of `msgid` (itself when there is none). Valid for the
// whole run: gettext keeps its strings.
const char* tr(const char* msgid) noexcept;
// Singular or plural by `n`, in the language's own plural rule.
const char* trn(const char* singular, const char* plural, unsigned long n) noexcept;
// The translation with {1}, {2}... replaced by `args` in order of number, so
// that a translation can put them where its grammar wants them.
std::string tr_args(const char* msgid, std::initializer_list<std::string_view> args);
// As tr_args, for a count: trn's choice, {n} is the number.
std::string trn_args(const char* singular, const char* plural, unsigned long n,
                     std::initializer_list<std::string_view> args = {});
// Marks a string for extraction where it is translated later (tables of labels).
#define FV_N_(text) text

}  // namespace fv::core
