#include "views/file_browser.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "fieldvault/core/i18n.h"
#include "platform/glyph_cache.h"
#include "views/view.h"

namespace fv::gui {
namespace fs = std::filesystem;

void FileBrowser::open(Mode mode, std::string title, const fs::path& start) {
    mode_ = mode;
    title_ = std::move(title);
    opening_ = true;
    shortcuts_ = folder_shortcuts(home_folder(), default_media_roots(current_user_name()));
    navigate(start.empty() ? home_folder() : start);
}

void FileBrowser::close() noexcept {
    // Closed from outside (lock): ImGui drops the popup once it is no longer drawn.
    open_ = opening_ = false;
    listing_ = DirectoryListing{};
    shortcuts_.clear();
    selected_.reset();
    goto_text_.clear();
}

void FileBrowser::navigate(const fs::path& folder) {
    std::error_code ec;
    auto absolute = fs::absolute(folder, ec);
    listing_ = list_directory(ec ? folder : absolute.lexically_normal(), show_hidden_);
    selected_.reset();
    for (const auto& entry : listing_.entries) glyphs::note(entry.display_name);
}

void FileBrowser::reload() { navigate(listing_.folder); }

std::optional<fs::path> FileBrowser::draw(AppState& state) {
    if (!open_ && !opening_) return std::nullopt;
    const std::string popup = title_ + "###file_browser";
    if (opening_) {
        ImGui::OpenPopup(popup.c_str());
        opening_ = false;
        open_ = true;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.75f, viewport->WorkSize.y * 0.75f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        open_ = false;
        return std::nullopt;
    }
    std::optional<fs::path> chosen;
    bool cancel = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

    // Current folder and the way up.
    if (ImGui::Button((std::string(core::tr("Up")) + "###up").c_str()) ||
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false) && !ImGui::GetIO().WantTextInput)) {
        navigate(listing_.folder.has_parent_path() ? listing_.folder.parent_path() : listing_.folder);
    }
    state.probe().item("browser.up");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    const std::string where = display_path(listing_.folder);
    glyphs::note(where);
    ImGui::TextUnformatted(where.c_str());

    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22.0f);
    if (ImGui::InputTextWithHint("##goto", core::tr("Go to folder: type a path, then Enter"), &goto_text_,
                                 ImGuiInputTextFlags_EnterReturnsTrue) &&
        !goto_text_.empty()) {
        fs::path target(goto_text_);
        if (!goto_text_.empty() && goto_text_.front() == '~') target = home_folder() / goto_text_.substr(goto_text_.size() > 1 ? 2 : 1);
        navigate(target);
        goto_text_.clear();
    }
    state.probe().item("browser.goto");
    ImGui::SameLine();
    if (ImGui::Checkbox(core::tr("Show hidden files"), &show_hidden_)) reload();
    state.probe().item("browser.hidden");

    const float footer = ImGui::GetFrameHeightWithSpacing() * 1.6f;
    // NavFlattened: the arrows move between the places, the files and the buttons (issue 14).
    ImGui::BeginChild("##sidebar", ImVec2(ImGui::GetFontSize() * 11.0f, -footer), true, ImGuiWindowFlags_NavFlattened);
    draw_sidebar(state);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##entries", ImVec2(0.0f, -footer), true, ImGuiWindowFlags_NavFlattened);
    if (auto file = draw_entries(state)) chosen = std::move(file);
    ImGui::EndChild();

    // Footer: what will be chosen, and the buttons.
    const bool folder_mode = mode_ == Mode::Folder;
    const bool file_selected = selected_ && *selected_ < listing_.entries.size() &&
                               !listing_.entries[*selected_].is_directory;
    const bool can_choose = folder_mode ? listing_.error.empty() : file_selected;
    ImGui::BeginDisabled(!can_choose);
    if (ImGui::Button(folder_mode ? core::tr("Choose this folder") : core::tr("Attach this file"))) {
        chosen = folder_mode ? listing_.folder : listing_.folder / listing_.entries[*selected_].name;
    }
    state.probe().item("browser.choose");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Cancel"))) cancel = true;
    state.probe().item("browser.cancel");
    ImGui::SameLine();
    draw_notice(folder_mode ? core::tr("A copy is written into the folder shown above.")
                            : core::tr("Only the file's name is kept in the vault, never its folder."));

    if (chosen || cancel) {
        ImGui::CloseCurrentPopup();
        close();
    }
    ImGui::EndPopup();
    return chosen;
}

void FileBrowser::draw_sidebar(AppState& state) {
    ImGui::TextDisabled("%s", core::tr("Places"));
    for (std::size_t i = 0; i < shortcuts_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(shortcuts_[i].label.c_str(), shortcuts_[i].path == listing_.folder))
            navigate(shortcuts_[i].path);
        if (state.probe().enabled()) state.probe().item(("browser.shortcut." + std::to_string(i)).c_str());
        ImGui::PopID();
    }
    if (shortcuts_.size() <= 1) draw_notice(core::tr("No USB stick or other removable drive is plugged in."));
}

std::optional<fs::path> FileBrowser::draw_entries(AppState& state) {
    if (!listing_.error.empty()) {
        draw_error(listing_.error);
        return std::nullopt;
    }
    if (listing_.entries.empty()) {
        draw_notice(show_hidden_ ? core::tr("This folder is empty.") : core::tr("Nothing here (hidden files are not shown)."));
        return std::nullopt;
    }
    std::optional<fs::path> chosen;
    std::optional<fs::path> enter;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(listing_.entries.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto i = static_cast<std::size_t>(row);
            const auto& entry = listing_.entries[i];
            const std::string label = entry.is_directory ? core::tr_args("[folder]  {1}", {entry.display_name})
                                                         : entry.display_name;
            ImGui::PushID(row);
            const bool is_selected = selected_ == i;
            // Folders open on one click (or Enter); files are selected, and
            // a double click or Enter on the selected file chooses it.
            if (ImGui::Selectable(label.c_str(), is_selected, ImGuiSelectableFlags_AllowDoubleClick)) {
                if (entry.is_directory) {
                    enter = listing_.folder / entry.name;
                } else if (mode_ == Mode::File) {
                    // Pressed with no click: by the keyboard (Enter or Space on the focused row).
                    const bool by_keyboard = !ImGui::IsMouseReleased(0) && !ImGui::IsMouseClicked(0);
                    if (is_selected && (ImGui::IsMouseDoubleClicked(0) || by_keyboard))
                        chosen = listing_.folder / entry.name;
                    selected_ = i;
                }
            }
            if (state.probe().enabled()) state.probe().item(("browser.entry." + entry.name).c_str());
            if (!entry.is_directory) {
                ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::GetFontSize() * 5.0f);
                ImGui::TextDisabled("%s", human_size(entry.size).c_str());
            }
            ImGui::PopID();
        }
    }
    if (enter) navigate(*enter);
    return chosen;
}

}  // namespace fv::gui
