#pragma once
// The built-in file browser: a modal to choose a file (to attach) or a folder
// (to extract into). Starts in the home folder, with shortcuts to removable
// media; hidden files off unless asked; folders first. Keyboard: arrows move,
// Enter opens or chooses, Backspace goes up, Escape closes. It lists the file
// system only (DirectoryListing), never anything from the vault.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "models/directory_listing.h"

namespace fv::gui {

class FileBrowser {
public:
    enum class Mode { File, Folder };

    // Opens on the next draw(), in `start` (the home folder if empty).
    void open(Mode mode, std::string title, const std::filesystem::path& start = {});
    // Draws the modal while open; returns the chosen path once (then closes).
    std::optional<std::filesystem::path> draw(AppState& state);
    void close() noexcept;
    bool is_open() const noexcept { return open_ || opening_; }

    void navigate(const std::filesystem::path& folder);
    Mode mode() const noexcept { return mode_; }
    const DirectoryListing& listing() const noexcept { return listing_; }
    bool show_hidden() const noexcept { return show_hidden_; }

private:
    void reload();
    void draw_sidebar(AppState& state);
    // Returns a chosen path when a file is activated (File mode).
    std::optional<std::filesystem::path> draw_entries(AppState& state);

    Mode mode_ = Mode::File;
    std::string title_;
    bool opening_ = false;
    bool open_ = false;
    bool show_hidden_ = false;
    DirectoryListing listing_;
    std::vector<FolderShortcut> shortcuts_;
    std::optional<std::size_t> selected_;
    std::string goto_text_;  // a folder typed by the user (a path, not vault data)
};

}  // namespace fv::gui
