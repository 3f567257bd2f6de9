#include "fieldvault/core/i18n.h"

#include <libintl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <system_error>

// glibc's and libintl's counter of loaded catalogues: raising it makes gettext
// look messages up again after $LANGUAGE changed (the gettext manual's way).
extern "C" int _nl_msg_cat_cntr;

namespace fv::core {
namespace {

constexpr const char* kDomain = "fieldvault";
std::mutex g_mutex;
std::string g_language = "en";
bool g_bound = false;

std::filesystem::path program_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

bool has_catalogues(const std::filesystem::path& dir) {
    std::error_code ec;
    for (const auto* code : {"zh_CN", "zh_TW"})
        if (std::filesystem::exists(dir / code / "LC_MESSAGES" / "fieldvault.mo", ec)) return true;
    return false;
}

std::filesystem::path locale_dir() {
    if (const char* env = std::getenv("FIELDVAULT_LOCALEDIR"); env != nullptr && *env != '\0') return env;
    const auto here = program_dir();
    if (!here.empty()) {
        for (const auto& candidate : {here / "locale", here.parent_path() / "share" / "locale"})
            if (has_catalogues(candidate)) return candidate;
    }
#ifdef FIELDVAULT_BUILD_LOCALEDIR
    return FIELDVAULT_BUILD_LOCALEDIR;
#else
    return here.parent_path() / "share" / "locale";
#endif
}

// gettext chooses by $LANGUAGE only when the message locale is not "C"; the
// system may have no Chinese locale installed at all, so C.UTF-8 (built into
// glibc) stands in. Only LC_MESSAGES changes: numbers, dates and character
// classes keep the "C" rules; bind_textdomain_codeset gives UTF-8 regardless.
void use_message_locale() {
    const char* now = std::setlocale(LC_MESSAGES, "");
    if (now == nullptr || std::string_view(now) == "C" || std::string_view(now) == "POSIX")
        std::setlocale(LC_MESSAGES, "C.UTF-8");
}

// $LANGUAGE as the program found it: apply() sets it to choose the catalogue,
// so the system's own choice is read once, before the first change.
const std::optional<std::string>& language_env_at_start() {
    static const std::optional<std::string> value = [] {
        const char* v = std::getenv("LANGUAGE");
        return v == nullptr ? std::optional<std::string>() : std::optional<std::string>(v);
    }();
    return value;
}

void apply(const std::string& code) {
    (void)language_env_at_start();  // read before it is changed below
    g_language = code.empty() ? std::string("en") : code;
    // English is the source text: an empty catalogue list falls through to it.
    ::setenv("LANGUAGE", g_language == "en" ? "en" : g_language.c_str(), 1);
    ++_nl_msg_cat_cntr;  // forget the translations already looked up
}

std::string replace_args(std::string text, std::initializer_list<std::string_view> args, const std::string* n) {
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            const auto close = text.find('}', i);
            if (close != std::string::npos) {
                const auto key = std::string_view(text).substr(i + 1, close - i - 1);
                if (key == "n" && n != nullptr) {
                    out += *n;
                    i = close;
                    continue;
                }
                if (!key.empty() && key.size() <= 2 &&
                    std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                    const auto index = static_cast<std::size_t>(std::stoi(std::string(key)));
                    if (index >= 1 && index <= args.size()) {
                        out += *(args.begin() + (index - 1));
                        i = close;
                        continue;
                    }
                }
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

const std::vector<Language>& languages() {
    static const std::vector<Language> all{{"en", "English"}, {"zh_CN", "简体中文"}, {"zh_TW", "繁體中文"}};
    return all;
}

std::string normalise_language(std::string_view code) {
    std::string c;
    for (const char ch : code) {
        if (ch == '.' || ch == '@') break;  // zh_CN.UTF-8, sr@latin
        c += ch == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    if (c.empty()) return {};
    if (c == "en" || c.rfind("en_", 0) == 0) return "en";
    if (c == "zh_tw" || c == "zh_hk" || c == "zh_mo" || c.rfind("zh_hant", 0) == 0) return "zh_TW";
    if (c == "zh" || c.rfind("zh_", 0) == 0) return "zh_CN";
    return {};
}

std::string language_from_environment(std::string_view language_list, std::string_view lc_all,
                                      std::string_view lc_messages, std::string_view lang) {
    // $LANGUAGE is a list ("zh_TW:zh_CN:en"): its first known entry counts.
    std::string_view rest = language_list;
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        const auto found = normalise_language(rest.substr(0, colon));
        if (!found.empty()) return found;
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    for (const auto value : {lc_all, lc_messages, lang}) {
        if (value.empty()) continue;
        const auto found = normalise_language(value);
        return found.empty() ? std::string("en") : found;
    }
    return "en";
}

std::string system_language() {
    const auto env = [](const char* name) {
        const char* v = std::getenv(name);
        return std::string_view(v == nullptr ? "" : v);
    };
    const auto& language = language_env_at_start();
    return language_from_environment(language ? std::string_view(*language) : std::string_view(), env("LC_ALL"),
                                     env("LC_MESSAGES"), env("LANG"));
}

void init_translations(std::string_view language) {
    std::lock_guard lock(g_mutex);
    const auto code = normalise_language(language);
    const auto chosen = code.empty() ? system_language() : code;
    if (!g_bound) {
        use_message_locale();
        bindtextdomain(kDomain, locale_dir().c_str());
        bind_textdomain_codeset(kDomain, "UTF-8");
        g_bound = true;
    }
    apply(chosen);
}

void set_language(std::string_view language) {
    {
        std::lock_guard lock(g_mutex);
        if (g_bound) {
            const auto code = normalise_language(language);
            apply(code.empty() ? system_language() : code);
            return;
        }
    }
    init_translations(language);
}

std::string current_language() {
    std::lock_guard lock(g_mutex);
    return g_language;
}

const char* tr(const char* msgid) noexcept { return dgettext(kDomain, msgid); }

const char* trn(const char* singular, const char* plural, unsigned long n) noexcept {
    return dngettext(kDomain, singular, plural, n);
}

std::string tr_args(const char* msgid, std::initializer_list<std::string_view> args) {
    return replace_args(tr(msgid), args, nullptr);
}

std::string trn_args(const char* singular, const char* plural, unsigned long n,
                     std::initializer_list<std::string_view> args) {
    const auto count = std::to_string(n);
    return replace_args(trn(singular, plural, n), args, &count);
}

}  // namespace fv::core
