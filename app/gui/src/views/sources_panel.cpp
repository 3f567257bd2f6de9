#include "views/sources_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <utility>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"
#include "views/view.h"

namespace fv::gui {

void SourcesPanel::load(core::Session& session) {
    for (auto& s : sources_) wipe_string(s.name);
    sources_.clear();
    try {
        sources_ = core::SourceService(session).list();
        for (const auto& s : sources_) {
            glyphs::note(s.name);
            glyphs::note(s.says);
        }
    } catch (...) {
        error_ = describe_error(std::current_exception());
    }
}

bool SourcesPanel::change(AppState& state, const std::function<void(core::SourceService&)>& work, std::string done) {
    wipe_string(error_);
    wipe_string(notice_);
    core::Session* session = state.session();
    if (session == nullptr) {
        error_ = core::tr("The vault is busy; try again in a moment.");
        return false;
    }
    try {
        core::SourceService sources(*session);
        work(sources);
        notice_ = std::move(done);
        load(*session);
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

bool SourcesPanel::rename(AppState& state, const std::string& source, const std::string& new_name) {
    return change(state, [&](core::SourceService& s) { s.rename(source, new_name); },
                  core::tr("Renamed. Their reports show the new name."));
}

bool SourcesPanel::merge(AppState& state, const std::string& source, const std::string& into) {
    return change(state, [&](core::SourceService& s) { s.merge(source, into); },
                  core::tr_args("Done. Their reports are shown under {1} from now on.", {into}));
}

void SourcesPanel::draw(AppState& state, const std::vector<core::Contact>& contacts, const Changed& changed) {
    ImGui::Spacing();
    ImGui::TextUnformatted(core::tr("Who sent you reports"));
    draw_error(error_);
    draw_notice(notice_);
    if (sources_.empty()) {
        ImGui::TextDisabled("%s", core::tr("Nobody yet. Someone who sends you a bundle is listed here."));
        return;
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##sources", 5, kFlags)) {
        ImGui::TableSetupColumn(core::tr("Your name for them"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(core::tr("They say they are"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(core::tr("Reports"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(core::tr("Last bundle"), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < sources_.size(); ++i) {
            const auto& s = sources_[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.name.c_str());
            if (!s.verified) {
                ImGui::SameLine();
                ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
                ImGui::TextUnformatted(core::tr("(not verified)"));
                ImGui::PopStyleColor();
            }
            if (!s.merged_names.empty()) {
                std::string merged;
                for (const auto& m : s.merged_names) merged += (merged.empty() ? "" : list_separator()) + m;
                ImGui::TextDisabled("%s", core::tr_args("also called: {1}", {merged}).c_str());
            }
            ImGui::TableNextColumn();
            if (s.says.empty())
                ImGui::TextDisabled("%s", core::tr("(no name given)"));
            else
                ImGui::TextUnformatted(s.says.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%zu", s.report_ids.size());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::format_local_time(s.last_seen).c_str());
            ImGui::TableNextColumn();
            const std::string key = "sources." + std::to_string(i);
            if (ImGui::SmallButton(core::tr("Rename..."))) {
                acting_on_ = s.name;
                wipe_string(name_);
                hint_ = s.says.empty() ? std::string(core::tr("a name only you see"))
                                       : core::tr_args("they say: {1}", {s.says});
                open_rename_ = true;
            }
            if (state.probe().enabled()) state.probe().item((key + ".rename").c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(core::tr("Same person as..."))) {
                acting_on_ = s.name;
                wipe_string(into_);
                open_merge_ = true;
            }
            if (state.probe().enabled()) state.probe().item((key + ".merge").c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    draw_popups(state, contacts, changed);
}

void SourcesPanel::draw_popups(AppState& state, const std::vector<core::Contact>& contacts, const Changed& changed) {
    // Titles in the person's language; "###" keeps the popups' IDs the same in every language.
    const std::string rename_title = std::string(core::tr("Your name for them")) + "###rename_source";
    const std::string merge_title = std::string(core::tr("The same person as")) + "###merge_source";
    const char* kRename = rename_title.c_str();
    const char* kMerge = merge_title.c_str();
    if (std::exchange(open_rename_, false)) ImGui::OpenPopup(kRename);
    if (std::exchange(open_merge_, false)) ImGui::OpenPopup(kMerge);
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const float em = ImGui::GetFontSize();

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kRename, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(core::tr_args("Your name for \"{1}\":", {acting_on_}).c_str());
        ImGui::PushTextWrapPos(em * 28.0f);
        ImGui::TextDisabled("%s", core::tr("Only you see it. It does not prove they are who they say they are."));
        ImGui::PopTextWrapPos();
        ImGui::SetNextItemWidth(em * 20.0f);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();  // type at once
        const bool enter = ImGui::InputTextWithHint("##source_name", hint_.c_str(), &name_,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        state.probe().item("sources.name");
        glyphs::note(name_);
        if (ImGui::Button(core::tr("Rename")) || enter) {
            if (rename(state, acting_on_, name_) && changed) changed();
            wipe_string(name_);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("sources.rename_confirm");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Cancel")) || escape) {
            wipe_string(name_);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kMerge, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(core::tr_args("\"{1}\" is the same person as:", {acting_on_}).c_str());
        ImGui::PushTextWrapPos(em * 28.0f);
        ImGui::TextDisabled("%s", core::tr("For example someone you know who now uses a new key. Their reports are "
                                           "then shown under that contact. Be sure first: compare fingerprints if "
                                           "you can."));
        ImGui::PopTextWrapPos();
        ImGui::SetNextItemWidth(em * 20.0f);
        const bool open =
            ImGui::BeginCombo("##merge_into", into_.empty() ? core::tr("Choose a contact") : into_.c_str());
        state.probe().item("sources.into");
        if (open) {
            for (std::size_t i = 0; i < contacts.size(); ++i) {
                if (contacts[i].name == acting_on_) continue;
                if (ImGui::Selectable(contacts[i].name.c_str(), contacts[i].name == into_)) into_ = contacts[i].name;
                if (state.probe().enabled()) state.probe().item(("sources.into=" + std::to_string(i)).c_str());
            }
            ImGui::EndCombo();
        }
        ImGui::BeginDisabled(into_.empty());
        if (ImGui::Button(core::tr("Yes, the same person"))) {
            if (merge(state, acting_on_, into_) && changed) changed();
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("sources.merge_confirm");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Cancel")) || escape) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void SourcesPanel::clear() noexcept {
    for (auto& s : sources_) {
        wipe_string(s.name);
        wipe_string(s.says);
    }
    sources_.clear();
    wipe_string(acting_on_);
    wipe_string(hint_);
    wipe_string(name_);
    wipe_string(into_);
    open_rename_ = open_merge_ = false;
    wipe_string(error_);
    wipe_string(notice_);
}

bool SourcesPanel::holds_sensitive_data() const noexcept {
    return !sources_.empty() || !acting_on_.empty() || !name_.empty() || !into_.empty() || !error_.empty() ||
           !notice_.empty();
}

}  // namespace fv::gui
