#include "views/case_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <utility>

#include "fieldvault/core/cases.h"
#include "fieldvault/core/i18n.h"
#include "platform/glyph_cache.h"
#include "views/view.h"

namespace fv::gui {
namespace {

const core::CaseRecord* find_case(const std::vector<core::CaseRecord>& cases, std::int64_t id) {
    const auto it = std::find_if(cases.begin(), cases.end(), [id](const auto& c) { return c.id == id; });
    return it == cases.end() ? nullptr : &*it;
}

}  // namespace

void CasePanel::draw(AppState& state, const std::vector<core::CaseRecord>& cases, std::int64_t filter_case_id,
                     const Changed& changed) {
    const bool busy = state.busy();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(core::tr("Cases"));
    ImGui::SameLine();
    ImGui::BeginDisabled(busy);
    if (ImGui::Button(core::tr("New case..."))) {
        wipe_string(name_);
        open_new_ = true;
    }
    state.probe().item("cases.new");
    ImGui::SameLine();
    const auto* filtered = find_case(cases, filter_case_id);
    ImGui::BeginDisabled(filtered == nullptr);
    if (ImGui::Button(core::tr("Rename case...")) && filtered != nullptr) {
        wipe_string(name_);
        rename_case_ = filtered->id;
        open_rename_ = true;
    }
    state.probe().item("cases.rename");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && filtered == nullptr)
        ImGui::SetTooltip("%s", core::tr("Choose a case in the Case filter first."));
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Checkbox((std::string(core::tr("Select reports to put in cases")) + "###selecting").c_str(), &selecting_) && !selecting_) selected_.clear();
    state.probe().item("cases.selecting");
    if (selecting_) {
        ImGui::SameLine();
        ImGui::TextUnformatted(core::tr_args("{1} selected, case:", {std::to_string(selected_.size())}).c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
        const auto* target = find_case(cases, target_case_);
        if (target == nullptr) target_case_ = 0;
        const char* no_case = core::tr("No case");
        const bool open = ImGui::BeginCombo("##move_target", target != nullptr ? target->name.c_str() : no_case);
        state.probe().item("cases.target");
        if (open) {
            if (ImGui::Selectable(no_case, target_case_ == 0)) target_case_ = 0;
            for (const auto& c : cases) {
                ImGui::PushID(static_cast<int>(c.id));
                if (ImGui::Selectable(c.name.c_str(), c.id == target_case_)) target_case_ = c.id;
                if (state.probe().enabled()) state.probe().item(("cases.target=" + std::to_string(c.id)).c_str());
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(selected_.empty());
        if (ImGui::Button(target_case_ == 0 ? core::tr("Take out of every case") : core::tr("Move (this case only)")))
            move(state, target_case_, changed);
        state.probe().item("cases.move");
        ImGui::BeginDisabled(target_case_ == 0);
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Also put in this case"))) add(state, target_case_, changed);
        state.probe().item("cases.add");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", core::tr("A report can be in several cases. Its other cases stay."));
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Take out of this case"))) remove(state, target_case_, changed);
        state.probe().item("cases.remove");
        ImGui::EndDisabled();
        ImGui::EndDisabled();
    }
    ImGui::EndDisabled();
    draw_error(error_);
    draw_notice(notice_);
    draw_modals(state, cases, changed);
}

void CasePanel::draw_modals(AppState& state, const std::vector<core::CaseRecord>& cases, const Changed& changed) {
    // One translated title for OpenPopup and BeginPopupModal; the id after ### never changes.
    const std::string new_title = std::string(core::tr("New case")) + "###new_case";
    const std::string rename_title = std::string(core::tr("Rename case")) + "###rename_case";
    if (open_new_) ImGui::OpenPopup(new_title.c_str());
    if (open_rename_) ImGui::OpenPopup(rename_title.c_str());
    const bool focus = open_new_ || open_rename_;
    open_new_ = open_rename_ = false;
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    for (const bool renaming : {false, true}) {
        ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (!ImGui::BeginPopupModal(renaming ? rename_title.c_str() : new_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
            continue;
        if (renaming) {
            const auto* current = find_case(cases, rename_case_);
            ImGui::TextUnformatted(
                core::tr_args("Rename \"{1}\" to:", {current != nullptr ? current->name : std::string()}).c_str());
        } else {
            ImGui::TextUnformatted(core::tr("Name of the new case (for example, the person interviewed):"));
        }
        if (focus) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20.0f);
        const bool enter = ImGui::InputText("##case_name", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
        state.probe().item("cases.name");
        glyphs::note(name_);
        if (ImGui::Button(renaming ? core::tr("Rename") : core::tr("Create")) || enter) {
            if (renaming) {
                rename(state, rename_case_, std::exchange(name_, {}), changed);
            } else {
                create(state, std::exchange(name_, {}), changed);
            }
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("cases.confirm");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Cancel")) || escape) {
            wipe_string(name_);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void CasePanel::run(AppState& state, const char* label, std::function<void(core::Session&)> work, std::string done,
                    const Changed& changed) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    state.worker().submit(
        label, [session, work = std::move(work)](core::JobContext&) { work(*session); },
        [this, changed, done = std::move(done), generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;  // locked meanwhile
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            notice_ = done;
            if (changed) changed();
        });
}

void CasePanel::create(AppState& state, std::string name, const Changed& changed) {
    run(state, core::tr("Creating the case"),
        [name = std::move(name)](core::Session& session) mutable {
            core::CaseService(session).create(name);
            wipe_string(name);
        },
        core::tr("Case created."), changed);
}

void CasePanel::rename(AppState& state, std::int64_t case_id, std::string name, const Changed& changed) {
    run(state, core::tr("Renaming the case"),
        [case_id, name = std::move(name)](core::Session& session) mutable {
            core::CaseService(session).rename(case_id, name);
            wipe_string(name);
        },
        core::tr("Case renamed."), changed);
}

void CasePanel::move(AppState& state, std::int64_t case_id, const Changed& changed) {
    const auto count = selected_.size();
    run(state, core::tr("Moving reports"),
        [case_id, ids = selected_](core::Session& session) { core::CaseService(session).move_reports(ids, case_id); },
        core::trn_args("{n} report moved.", "{n} reports moved.", static_cast<unsigned long>(count)), changed);
    selected_.clear();
}

void CasePanel::add(AppState& state, std::int64_t case_id, const Changed& changed) {
    const auto count = selected_.size();
    run(state, core::tr("Putting reports in the case"),
        [case_id, ids = selected_](core::Session& session) { core::CaseService(session).add_reports(ids, case_id); },
        core::trn_args("{n} report is in this case now.", "{n} reports are in this case now.",
                       static_cast<unsigned long>(count)),
        changed);
    selected_.clear();
}

void CasePanel::remove(AppState& state, std::int64_t case_id, const Changed& changed) {
    run(state, core::tr("Taking reports out of the case"),
        [case_id, ids = selected_](core::Session& session) { core::CaseService(session).remove_reports(ids, case_id); },
        core::tr("Taken out of the case. Their other cases stay."), changed);
    selected_.clear();
}

bool CasePanel::is_selected(std::int64_t report_id) const noexcept {
    return std::find(selected_.begin(), selected_.end(), report_id) != selected_.end();
}

void CasePanel::toggle(std::int64_t report_id) {
    const auto it = std::find(selected_.begin(), selected_.end(), report_id);
    if (it == selected_.end()) {
        selected_.push_back(report_id);
    } else {
        selected_.erase(it);
    }
}

void CasePanel::clear() noexcept {
    selecting_ = false;
    selected_.clear();
    target_case_ = rename_case_ = 0;
    wipe_string(name_);
    open_new_ = open_rename_ = false;
    wipe_string(error_);
    wipe_string(notice_);
    ++generation_;
}

// Whatever clear() wipes that is data (the mode flags are not): the selected
// reports, the chosen cases, the name being typed and the messages.
bool CasePanel::holds_sensitive_data() const noexcept {
    return !selected_.empty() || target_case_ != 0 || rename_case_ != 0 || !name_.empty() || !error_.empty() ||
           !notice_.empty();
}

}  // namespace fv::gui
