#include "models/settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/places.h"

namespace fv::gui {
namespace {

constexpr double kMaxAutoLockSeconds = 24.0 * 3600.0;

}  // namespace

const char* theme_code(ThemeKind theme) {
    switch (theme) {
        case ThemeKind::Light: return "light";
        case ThemeKind::Dark: return "dark";
        case ThemeKind::HighContrast: return "high_contrast";
    }
    return "light";
}

std::optional<ThemeKind> theme_from_code(const std::string& code) {
    for (auto theme : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast})
        if (code == theme_code(theme)) return theme;
    return std::nullopt;
}

const std::string& system_language_at_start() {
    static const std::string language = core::system_language();
    return language;
}

void remember_system_language() { (void)system_language_at_start(); }

void apply_language(const std::string& language) {
    const auto code = core::normalise_language(language);
    core::set_language(code.empty() ? system_language_at_start() : code);
}

// core's places decide (installed, plain name, or portable: beside the program).
std::filesystem::path default_settings_file() { return core::current_places().settings_file; }

Settings load_settings(const std::filesystem::path& file) {
    Settings settings;
    std::ifstream in(file, std::ios::binary);
    if (!in) return settings;
    // Parse without exceptions: a damaged file gives the defaults.
    const auto json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return settings;
    if (const auto it = json.find("auto_lock_seconds"); it != json.end() && it->is_number()) {
        const double seconds = it->get<double>();
        if (std::isfinite(seconds)) settings.auto_lock_seconds = std::clamp(seconds, 0.0, kMaxAutoLockSeconds);
    }
    if (const auto it = json.find("lock_on_minimise"); it != json.end() && it->is_boolean())
        settings.lock_on_minimise = it->get<bool>();
    if (const auto it = json.find("font_percent"); it != json.end() && it->is_number_integer())
        settings.font_percent = static_cast<int>(
            std::clamp<std::int64_t>(it->get<std::int64_t>(), kMinFontPercent, kMaxFontPercent));
    if (const auto it = json.find("theme"); it != json.end() && it->is_string())
        settings.theme = theme_from_code(it->get<std::string>()).value_or(ThemeKind::Light);
    if (const auto it = json.find("vault_dir"); it != json.end() && it->is_string()) {
        const auto dir = it->get<std::string>();
        if (dir.size() < 4096 && !dir.empty() && dir.front() == '/') settings.vault_dir = dir;
    }
    if (const auto it = json.find("language"); it != json.end() && it->is_string()) {
        const auto text = it->get<std::string>();
        if (text.size() < 64) settings.language = core::normalise_language(text);  // unknown: the system's
    }
    return settings;
}

void save_settings(const std::filesystem::path& file, const Settings& settings) {
    nlohmann::json json = {
        {"auto_lock_seconds", settings.auto_lock_seconds},
        {"lock_on_minimise", settings.lock_on_minimise},
        {"font_percent", settings.font_percent},
        {"theme", theme_code(settings.theme)},
    };
    if (!settings.vault_dir.empty()) json["vault_dir"] = settings.vault_dir;
    if (!settings.language.empty()) json["language"] = settings.language;  // absent: the system's
    std::filesystem::create_directories(file.parent_path());
    auto temp = file;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << json.dump(2) << '\n';
        out.flush();
        if (!out) throw std::runtime_error("could not write " + temp.string());
    }
    std::filesystem::rename(temp, file);
}

}  // namespace fv::gui
