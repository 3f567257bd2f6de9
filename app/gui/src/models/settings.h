#pragma once
// The app's non-secret preferences, kept in $XDG_CONFIG_HOME/fieldvault/settings.json
// (else ~/.config/fieldvault/settings.json; core/places.h decides, e.g. beside
// the program in portable mode). Never report content, never a
// passphrase, and no history of folders: only the current vault folder.
#include <filesystem>
#include <optional>
#include <string>

namespace fv::gui {

enum class ThemeKind { Light, Dark, HighContrast };

struct Settings {
    double auto_lock_seconds = 300.0;  // 0 = never
    bool lock_on_minimise = false;
    int font_percent = 100;            // 80..200
    ThemeKind theme = ThemeKind::Light;
    std::string vault_dir;             // empty = the default folder
    std::string language;              // a code of core::languages(); empty = the system's

    bool operator==(const Settings&) const = default;
};

inline constexpr int kMinFontPercent = 80;
inline constexpr int kMaxFontPercent = 200;

std::filesystem::path default_settings_file();
// Defaults for anything missing, unreadable or out of range (a damaged file
// must never stop the app from starting).
Settings load_settings(const std::filesystem::path& file);
// Written whole (temp file, then rename). Throws std::runtime_error on failure.
void save_settings(const std::filesystem::path& file, const Settings& settings);

const char* theme_code(ThemeKind theme);

// Puts `language` (Settings::language: a code, or "" for the system's) into
// effect through core::set_language. "" means the system's language as it was
// when the program started: core reads $LANGUAGE, which choosing a language
// itself sets, so the system's choice is remembered at the first call
// (main() calls remember_system_language() before anything else).
void apply_language(const std::string& language);
void remember_system_language();
// The system's language at start (a code of core::languages()).
const std::string& system_language_at_start();
std::optional<ThemeKind> theme_from_code(const std::string& code);

}  // namespace fv::gui
