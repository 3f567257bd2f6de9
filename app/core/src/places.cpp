#include "fieldvault/core/places.h"
#include "fieldvault/core/i18n.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <system_error>

#include "fieldvault/model/error.h"

#ifndef FIELDVAULT_VERSION
#define FIELDVAULT_VERSION "0.0.0"
#endif

namespace fv::core {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kDesktopId = "org.fieldvault.Fieldvault.desktop";

std::mutex g_options_mutex;
PlaceOptions g_options;  // guarded by g_options_mutex (set once at start in practice)

// An absolute folder from an XDG variable (relative ones are ignored, as the
// XDG spec says), else HOME/fallback.
std::optional<fs::path> base_dir(const EnvLookup& env, std::string_view xdg, std::string_view fallback) {
    if (auto value = env(xdg); value && !value->empty() && value->front() == '/') return fs::path(*value);
    if (auto home = env("HOME"); home && !home->empty()) return fs::path(*home) / fs::path(std::string(fallback));
    return std::nullopt;
}

// The marker's first line, trimmed: a plain name chosen earlier, or "".
std::string marker_name(const fs::path& root) {
    std::ifstream in(root / std::string(kPortableMarkerName), std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line)) return {};
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (!plain_name_problem(line).empty()) return {};  // a damaged marker: no disguise, still portable
    return line;
}

// Written whole, then renamed, mode 0600.
void write_small_file(const fs::path& file, const std::string& text) {
    auto temp = file;
    temp += ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) throw Error(ErrorKind::Io, tr_args("could not write {1}", {file.string()}));
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            ::close(fd);
            ::unlink(temp.c_str());
            throw Error(ErrorKind::Io, tr_args("could not write {1}", {file.string()}));
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (!synced || (fs::rename(temp, file, ec), ec)) {
        fs::remove(temp, ec);
        throw Error(ErrorKind::Io, tr_args("could not write {1}", {file.string()}));
    }
}

void set_env(const char* name, const fs::path& value) { ::setenv(name, value.c_str(), 1); }

}  // namespace

std::string_view program_version() { return FIELDVAULT_VERSION; }

std::optional<std::string> process_env(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
}

fs::path running_program_dir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    return exe.parent_path();
}

bool portable_marker_present(const fs::path& program_dir) {
    if (program_dir.empty()) return false;
    std::error_code ec;
    return fs::is_regular_file(program_dir / std::string(kPortableMarkerName), ec);
}

std::string plain_name_slug(std::string_view name) {
    std::string slug;
    bool dash = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80) {  // letters of other scripts are kept as they are
            if (dash && !slug.empty()) slug += '-';
            dash = false;
            slug += static_cast<char>(c);
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !slug.empty()) slug += '-';
            dash = false;
            slug += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            if (dash && !slug.empty()) slug += '-';
            dash = false;
            slug += static_cast<char>(c - 'A' + 'a');
        } else {
            dash = true;
        }
    }
    return slug;
}

std::string plain_name_problem(std::string_view name) {
    if (name.empty()) return tr("Type a name.");
    if (name.size() > kMaxPlainNameBytes) return tr("That name is too long: use a short, ordinary word.");
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) return tr("That name has a character that cannot be used.");
    }
    if (plain_name_slug(name).empty()) return tr("Use at least one letter or digit.");
    std::string lower = plain_name_slug(name);
    if (lower.find("fieldvault") != std::string::npos) return tr("Choose a name that does not say Fieldvault.");
    return {};
}

Places resolve_places(const PlaceOptions& options, const EnvLookup& env) {
    Places places;
    const fs::path program_dir = options.program_dir.empty() ? running_program_dir() : options.program_dir;
    places.portable = options.portable || portable_marker_present(program_dir);
    places.plain_name = options.plain_name;
    if (places.portable && places.plain_name.empty()) places.plain_name = marker_name(program_dir);
    if (!places.plain_name.empty() && !plain_name_problem(places.plain_name).empty())
        throw Error(ErrorKind::Usage, tr_args("that plain name cannot be used: {1}", {plain_name_problem(places.plain_name)}));
    const std::string slug = plain_name_slug(places.plain_name);
    places.title = places.plain_name.empty() ? std::string(kAppTitle) : places.plain_name;

    if (places.portable) {
        if (program_dir.empty())
            throw Error(ErrorKind::Usage, tr("portable mode: the program's own folder cannot be found"));
        places.root = program_dir;
        places.vault_dir = program_dir / (slug.empty() ? "vault" : slug);
        places.demo_dir = program_dir / (slug.empty() ? "demo" : slug + "-sample");
        places.settings_file = program_dir / "settings.json";
        places.cache_dir = program_dir / "cache";
        return places;
    }
    const auto data = base_dir(env, "XDG_DATA_HOME", ".local/share");
    const auto config = base_dir(env, "XDG_CONFIG_HOME", ".config");
    // No home folder: no default places (empty paths; Session::default_vault_dir
    // then asks for --vault). No config folder: settings are not kept.
    if (!data) return places;
    if (slug.empty()) {
        places.vault_dir = *data / "fieldvault" / "vault";
        places.demo_dir = *data / "fieldvault" / "demo";
        if (config) places.settings_file = *config / "fieldvault" / "settings.json";
    } else {
        places.vault_dir = *data / slug;
        places.demo_dir = *data / (slug + "-sample");
        if (config) places.settings_file = *config / slug / "settings.json";
    }
    return places;
}

void set_place_options(PlaceOptions options) {
    std::lock_guard lock(g_options_mutex);
    g_options = std::move(options);
}

PlaceOptions place_options() {
    std::lock_guard lock(g_options_mutex);
    return g_options;
}

Places current_places() {
    PlaceOptions options;
    {
        std::lock_guard lock(g_options_mutex);
        options = g_options;
    }
    return resolve_places(options);
}

void confine_to_portable_folder(const Places& places) {
    if (!places.portable) return;
    const auto cache = places.cache_dir;
    const auto tmp = cache / "tmp";
    ::mkdir(cache.c_str(), 0700);
    ::mkdir(tmp.c_str(), 0700);
    // fontconfig writes its cache under $XDG_CACHE_HOME/fontconfig; other
    // libraries look at the rest. HOME is left alone: the file browser starts
    // there, and nothing the programs use writes into it once these are set.
    set_env("XDG_CACHE_HOME", cache);
    set_env("XDG_CONFIG_HOME", cache / "config");
    set_env("XDG_DATA_HOME", cache / "data");
    set_env("XDG_STATE_HOME", cache / "state");
    set_env("TMPDIR", tmp);
    ::setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
    ::setenv("MESA_GLSL_CACHE_DISABLE", "true", 1);
}

fs::path desktop_entry_file(const EnvLookup& env) {
    const auto data = base_dir(env, "XDG_DATA_HOME", ".local/share");
    if (!data) throw Error(ErrorKind::Io, tr("no home folder for the menu entry"));
    return *data / "applications" / std::string(kDesktopId);
}

std::string plain_desktop_entry(std::string_view name, const fs::path& program) {
    // Desktop entry Exec quoting: the program path and the name in double
    // quotes, with \, ", ` and $ escaped.
    auto quote = [](std::string_view text) {
        std::string out = "\"";
        for (const char c : text) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    };
    std::string exec = quote(program.string()) + " --as " + quote(name);
    // In a desktop entry's value, a backslash must itself be escaped.
    std::string escaped;
    for (const char c : exec) {
        if (c == '\\') escaped += '\\';
        escaped += c;
    }
    return "[Desktop Entry]\n"
           "Type=Application\n"
           "Name=" + std::string(name) + "\n"
           "Exec=" + escaped + "\n"
           "Icon=accessories-text-editor\n"
           "Terminal=false\n"
           "Categories=Office;\n";
}

void choose_plain_name(std::string_view name, const EnvLookup& env) {
    if (const auto problem = plain_name_problem(name); !problem.empty()) throw Error(ErrorKind::Invalid, problem);
    PlaceOptions options = place_options();
    const auto places = resolve_places(options, env);
    if (places.portable) {
        write_small_file(places.root / std::string(kPortableMarkerName), std::string(name) + "\n");
    } else {
        const auto entry = desktop_entry_file(env);
        std::error_code ec;
        fs::create_directories(entry.parent_path(), ec);
        const fs::path program_dir = options.program_dir.empty() ? running_program_dir() : options.program_dir;
        write_small_file(entry, plain_desktop_entry(name, program_dir / "fieldvault"));
    }
    options.plain_name = std::string(name);
    set_place_options(std::move(options));
}

std::string neutral_export_file_name(std::time_t when) {
    std::tm local{};
    ::localtime_r(&when, &local);
    std::array<char, 32> text{};
    const auto n = std::strftime(text.data(), text.size(), "%Y-%m-%d", &local);
    return std::string(text.data(), n) + ".bin";
}

}  // namespace fv::core
