#include "models/directory_listing.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/text.h"

namespace fv::gui {
namespace fs = std::filesystem;
namespace {

char fold(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive (ASCII) first, byte order to break ties: "b.txt" next to "B.txt".
bool name_less(const std::string& a, const std::string& b) noexcept {
    const auto folded = std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                                     [](char x, char y) { return fold(x) < fold(y); });
    const auto folded_reverse = std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end(),
                                                             [](char x, char y) { return fold(x) < fold(y); });
    if (folded != folded_reverse) return folded;
    return a < b;
}

// Invalid UTF-8 in a file name is shown as '?' per bad byte (the name on disk is kept).
std::string displayable(const std::string& name) {
    if (core::is_valid_utf8(name)) return name;
    std::string out;
    for (const char c : name) out.push_back((static_cast<unsigned char>(c) < 0x80u) ? c : '?');
    return out;
}

std::string describe(const std::error_code& ec) {
    if (ec == std::errc::permission_denied || ec == std::errc::operation_not_permitted)
        return core::tr("This folder cannot be opened: permission denied.");
    if (ec == std::errc::no_such_file_or_directory) return core::tr("This folder does not exist (any more).");
    if (ec == std::errc::not_a_directory) return core::tr("This is not a folder.");
    return core::tr_args("This folder cannot be read: {1}.", {ec.message()});
}

}  // namespace

DirectoryListing list_directory(const fs::path& folder, bool show_hidden) {
    DirectoryListing listing;
    listing.folder = folder;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
        listing.error = describe(ec);
        return listing;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        DirectoryEntry entry;
        entry.name = it->path().filename().string();
        if (!show_hidden && !entry.name.empty() && entry.name.front() == '.') continue;
        std::error_code status_ec;
        const auto status = it->status(status_ec);  // follows symbolic links
        if (status_ec) continue;                   // broken link
        if (fs::is_directory(status)) {
            entry.is_directory = true;
        } else if (fs::is_regular_file(status)) {
            std::error_code size_ec;
            const auto size = fs::file_size(it->path(), size_ec);
            entry.size = size_ec ? 0 : static_cast<std::uint64_t>(size);
        } else {
            continue;  // sockets, pipes, devices: nothing to attach
        }
        entry.display_name = displayable(entry.name);
        listing.entries.push_back(std::move(entry));
    }
    if (ec) {
        listing.entries.clear();
        listing.error = describe(ec);
        return listing;
    }
    std::sort(listing.entries.begin(), listing.entries.end(), [](const DirectoryEntry& a, const DirectoryEntry& b) {
        if (a.is_directory != b.is_directory) return a.is_directory;
        return name_less(a.name, b.name);
    });
    return listing;
}

std::vector<fs::path> default_media_roots(const std::string& user) {
    std::vector<fs::path> roots;
    if (!user.empty()) roots.push_back(fs::path("/media") / user);
    if (!user.empty()) roots.push_back(fs::path("/run/media") / user);
    roots.emplace_back("/media");
    return roots;
}

std::vector<FolderShortcut> folder_shortcuts(const fs::path& home, const std::vector<fs::path>& media_roots) {
    std::vector<FolderShortcut> shortcuts{{core::tr("Home"), home}};
    std::vector<fs::path> seen;
    for (const auto& root : media_roots) seen.push_back(root);  // a root is not a volume itself
    for (const auto& root : media_roots) {
        const auto listing = list_directory(root, false);
        for (const auto& entry : listing.entries) {
            if (!entry.is_directory) continue;
            const auto path = root / entry.name;
            if (std::find(seen.begin(), seen.end(), path) != seen.end()) continue;
            seen.push_back(path);
            shortcuts.push_back({core::tr_args("{1} (removable)", {entry.display_name}), path});
        }
    }
    return shortcuts;
}

fs::path home_folder() {
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0') return home;
    return "/";
}

fs::path default_extract_folder() {
    const fs::path home = home_folder();
    std::error_code ec;
    for (const char* name : {"Downloads", "Documents", "Desktop"}) {
        if (fs::is_directory(home / name, ec)) return home / name;
    }
    const auto documents = home / "Documents";
    if (fs::create_directory(documents, ec)) fs::permissions(documents, fs::perms::owner_all, ec);
    return documents;
}

std::string current_user_name() {
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
    if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_name != nullptr)
        return entry->pw_name;
    return {};
}

}  // namespace fv::gui
