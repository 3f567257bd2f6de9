#pragma once
// What the built-in file browser shows: one folder's entries (folders first,
// sorted by name, hidden files only on request) and shortcuts to the home
// folder and removable media. Lists the file system only, never the vault.
// No ImGui, so the listing is tested directly.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fv::gui {

struct DirectoryEntry {
    std::string name;          // as on disk (joined to the folder to open it)
    std::string display_name;  // valid UTF-8 for the screen
    bool is_directory = false;
    std::uint64_t size = 0;    // files only
};

struct DirectoryListing {
    std::filesystem::path folder;
    std::vector<DirectoryEntry> entries;
    std::string error;  // a calm line if the folder cannot be read; entries empty
};

// Regular files and folders (symbolic links followed; sockets, devices and
// broken links left out). Never throws.
DirectoryListing list_directory(const std::filesystem::path& folder, bool show_hidden);

struct FolderShortcut {
    std::string label;
    std::filesystem::path path;
};

// Where removable media are mounted on Debian-like systems for `user`:
// /media/USER, /run/media/USER, and /media.
std::vector<std::filesystem::path> default_media_roots(const std::string& user);
// "Home" first, then each mounted volume (a sub-folder of an existing media
// root), without duplicates.
std::vector<FolderShortcut> folder_shortcuts(const std::filesystem::path& home,
                                             const std::vector<std::filesystem::path>& media_roots);
// $HOME, or the root folder if it is not set.
// Where "Extract a copy" starts: ~/Downloads, ~/Documents or ~/Desktop, the
// first that exists (~/Documents, made 0700, if none does); never the home
// folder itself, where a planted dot-file would take effect.
std::filesystem::path default_extract_folder();
std::filesystem::path home_folder();
std::string current_user_name();

}  // namespace fv::gui
