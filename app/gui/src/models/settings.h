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
std::optional<ThemeKind> theme_from_code(const std::string& code);

}  // namespace fv::gui
