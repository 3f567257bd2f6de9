#pragma once
// Where Fieldvault keeps things: the one place that decides the vault folder,
// the demo vault's folder, the desktop app's settings file, and whether the
// programs run "portable" (from a folder such as a USB stick, writing nothing
// outside it). Both faces ask here; nothing else reads $XDG_* or $HOME to find
// the vault.
//
// Installed (the default):
//   vault     $XDG_DATA_HOME/fieldvault/vault   (else ~/.local/share/...)
//   demo      $XDG_DATA_HOME/fieldvault/demo
//   settings  $XDG_CONFIG_HOME/fieldvault/settings.json (else ~/.config/...)
// Installed with a plain name N chosen at setup (`--as N`, written into the
// user's menu entry), slug S = N in lower case, dashes for the rest:
//   vault $XDG_DATA_HOME/S, demo $XDG_DATA_HOME/S-sample,
//   settings $XDG_CONFIG_HOME/S/settings.json; window title N.
// Portable (`--portable`, or a file `fieldvault-portable` beside the program):
//   vault ROOT/vault (or ROOT/S), demo ROOT/demo (or ROOT/S-sample),
//   settings ROOT/settings.json, caches ROOT/cache; ROOT is the program's folder.
//   The marker file's first line, if any, is the plain name.
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace fv::core {

// The file whose presence beside the program turns portable mode on.
inline constexpr std::string_view kPortableMarkerName = "fieldvault-portable";
inline constexpr std::string_view kAppTitle = "Fieldvault";
// The longest plain name accepted (bytes).
inline constexpr std::size_t kMaxPlainNameBytes = 40;

// The version both programs print for --version.
std::string_view program_version();

// How the program was started: what main() learnt from its arguments.
struct PlaceOptions {
    bool portable = false;               // --portable
    std::string plain_name;              // --as NAME ("" = none, or the marker's)
    std::filesystem::path program_dir;   // empty = the running program's folder
};

struct Places {
    bool portable = false;
    std::filesystem::path root;          // portable: the folder everything stays in
    std::string title;                   // the window title: "Fieldvault" or the plain name
    std::string plain_name;              // "" when none was chosen
    std::filesystem::path vault_dir;
    std::filesystem::path demo_dir;
    std::filesystem::path settings_file;
    std::filesystem::path cache_dir;     // portable only: fonts' cache, temporary files
};

// Reads an environment variable; the default reads the process's environment.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;
std::optional<std::string> process_env(std::string_view name);

// The folder of the running program (/proc/self/exe), or "" if unknown.
std::filesystem::path running_program_dir();

// True if `program_dir` holds the portable marker file.
bool portable_marker_present(const std::filesystem::path& program_dir);

// The plain name as a folder name: lower case letters and digits (any
// language), dashes for the rest, no leading dot; "" if nothing is left.
std::string plain_name_slug(std::string_view name);
// Why a plain name cannot be used, in words for the person; "" if it can.
std::string plain_name_problem(std::string_view name);

// Decides every place for these options. With no home folder (and not
// portable) the folders are empty paths; throws fv::Error (Usage) for a plain
// name that cannot be used or a portable folder that cannot be found.
Places resolve_places(const PlaceOptions& options, const EnvLookup& env = process_env);

// The options this process was started with (set once by main(), before any
// thread starts), and the places they give now. Installed places follow the
// environment each time they are asked.
void set_place_options(PlaceOptions options);
PlaceOptions place_options();
Places current_places();

// Portable mode: makes the libraries the programs use keep whatever they
// cache inside the portable folder (fontconfig's font cache, Mesa's shader
// cache is switched off, XDG_* and TMPDIR point into ROOT/cache). Call at the
// start of main(), before any thread or library starts. Does nothing when not
// portable. Creates ROOT/cache and ROOT/cache/tmp (mode 0700).
void confine_to_portable_folder(const Places& places);

// Chooses a plain name (a disguise) for this computer: in portable mode it is
// written into the marker file; installed, into the user's menu entry
// (`desktop_entry_file`), which then replaces the "Fieldvault" entry in the
// menu and starts the app with `--as NAME`. Updates the process's options, so
// current_places() gives the new folders at once. Throws fv::Error (Invalid)
// for a name plain_name_problem refuses, (Io) if the file cannot be written.
void choose_plain_name(std::string_view name, const EnvLookup& env = process_env);

// The user's menu entry that overrides the installed one (same id):
// $XDG_DATA_HOME/applications/org.fieldvault.Fieldvault.desktop.
std::filesystem::path desktop_entry_file(const EnvLookup& env = process_env);
// Its text for a plain name: that name, a neutral icon, `--as NAME`.
std::string plain_desktop_entry(std::string_view name, const std::filesystem::path& program);

// A file name for an export that says nothing about what it holds:
// "YYYY-MM-DD.bin" for the local day of `when` (".bin" so its name does not
// say Fieldvault; importing reads the content, not the name).
std::string neutral_export_file_name(std::time_t when);

}  // namespace fv::core
