#include "views/people_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <utility>

#include "fieldvault/core/i18n.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"
#include "views/view.h"

namespace fv::gui {
namespace {

constexpr const char* kKinds[] = {"person", "organisation", "place", "other"};

std::string joined_aliases(const core::Entity& e) {
    std::string out;
    for (std::size_t i = 1; i < e.aliases.size(); ++i) out += (out.empty() ? "" : ", ") + e.aliases[i];
    return out;
}

}  // namespace

const char* entity_kind_label(const std::string& kind) {
    if (kind == "person") return core::tr("a person");
    if (kind == "organisation") return core::tr("an organisation or group");
    if (kind == "place") return core::tr("a place");
    return core::tr("something else");
}

void PeoplePanel::load(core::Session& session, std::int64_t report_id) {
    clear();
    report_id_ = report_id;
    if (report_id == 0) return;
    try {
        core::EntityService entities(session);
        linked_ = entities.of_report(report_id);
        known_ = entities.list();
    } catch (...) {
        error_ = describe_error(std::current_exception());
    }
}

const core::Entity* PeoplePanel::find(std::int64_t entity_id) const {
    const auto it = std::find_if(known_.begin(), known_.end(), [&](const auto& e) { return e.id == entity_id; });
    return it == known_.end() ? nullptr : &*it;
}

bool PeoplePanel::change(AppState& state, const std::function<void(core::EntityService&)>& work) {
    error_.clear();
    core::Session* session = state.session();
    if (session == nullptr || report_id_ == 0) return false;
    try {
        core::EntityService entities(*session);
        work(entities);
        linked_ = entities.of_report(report_id_);
        known_ = entities.list();
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

bool PeoplePanel::link(AppState& state, std::int64_t entity_id) {
    const auto* entity = find(entity_id);
    if (entity == nullptr) return false;
    const auto name = entity->name;
    return change(state, [&](core::EntityService& entities) { entities.link(name, report_id_); });
}

bool PeoplePanel::unlink(AppState& state, std::int64_t entity_id) {
    const auto* entity = find(entity_id);
    if (entity == nullptr) return false;
    const auto name = entity->name;
    return change(state, [&](core::EntityService& entities) { entities.unlink(name, report_id_); });
}

bool PeoplePanel::create_and_link(AppState& state, const std::string& name, const std::string& kind) {
    return change(state, [&](core::EntityService& entities) {
        const auto made = entities.create(name, kind);
        entities.link(made.name, report_id_);
    });
}

bool PeoplePanel::add_name(AppState& state, std::int64_t entity_id, const std::string& alias) {
    const auto* entity = find(entity_id);
    if (entity == nullptr) return false;
    const auto name = entity->name;
    return change(state, [&](core::EntityService& entities) { entities.add_alias(name, alias); });
}

void PeoplePanel::draw(AppState& state) {
    if (report_id_ == 0) return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(core::tr("People and groups in this report"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextWrapped("%s", core::tr("(your own records; never sent in a bundle)"));
    ImGui::PopStyleColor();
    if (linked_.empty())
        ImGui::TextDisabled("%s", core::tr("None yet. An officer or a \"service station\" named here can be added."));
    std::int64_t to_unlink = 0;
    for (const auto& e : linked_) {
        ImGui::PushID(static_cast<int>(e.id));
        glyphs::note(e.name);
        const auto others = joined_aliases(e);
        glyphs::note(others);
        ImGui::Bullet();
        ImGui::TextUnformatted(e.name.c_str());
        ImGui::SameLine();
        const std::string kind = entity_kind_label(e.kind);
        ImGui::TextDisabled("%s", others.empty() ? kind.c_str()
                                                 : core::tr_args("{1}; also called {2}", {kind, others}).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(core::tr("Another name..."))) {
            wipe_string(name_);
            alias_for_ = e.id;
            open_alias_ = true;
        }
        if (state.probe().enabled()) state.probe().item(("people.alias=" + std::to_string(e.id)).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(core::tr("Not in this report"))) to_unlink = e.id;  // after the loop: it reloads linked_
        if (state.probe().enabled()) state.probe().item(("people.unlink=" + std::to_string(e.id)).c_str());
        ImGui::PopID();
    }

    if (to_unlink != 0) unlink(state, to_unlink);

    const auto* picked = find(pick_);
    if (picked == nullptr) pick_ = 0;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    const bool open = ImGui::BeginCombo("##people_pick", picked != nullptr ? picked->name.c_str() : core::tr("Someone already named..."));
    state.probe().item("people.pick");
    if (open) {
        for (const auto& e : known_) {
            const bool already = std::any_of(linked_.begin(), linked_.end(), [&](const auto& l) { return l.id == e.id; });
            if (already) continue;
            ImGui::PushID(static_cast<int>(e.id));
            glyphs::note(e.name);
            if (ImGui::Selectable(e.name.c_str(), e.id == pick_)) pick_ = e.id;
            if (state.probe().enabled()) state.probe().item(("people.pick=" + std::to_string(e.id)).c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(pick_ == 0);
    if (ImGui::Button(core::tr("Add to this report")) && link(state, pick_)) pick_ = 0;
    state.probe().item("people.add");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Someone new..."))) {
        wipe_string(name_);
        kind_ = "person";
        open_new_ = true;
    }
    state.probe().item("people.new");
    draw_error(error_);
    draw_popups(state);
    ImGui::Separator();
}

void PeoplePanel::draw_popups(AppState& state) {
    // One translated title for OpenPopup and BeginPopupModal; the id after ### never changes.
    const std::string new_title = std::string(core::tr("Someone new")) + "###people_new";
    const std::string alias_title = std::string(core::tr("Another name")) + "###people_alias";
    if (open_new_) ImGui::OpenPopup(new_title.c_str());
    if (open_alias_) ImGui::OpenPopup(alias_title.c_str());
    const bool focus = open_new_ || open_alias_;
    open_new_ = open_alias_ = false;
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const float em = ImGui::GetFontSize();

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(new_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(core::tr("Their name, as it is written in the report (any language):"));
        if (focus) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(em * 20.0f);
        const bool enter = ImGui::InputText("##people_name", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
        state.probe().item("people.name");
        glyphs::note(name_);
        ImGui::TextUnformatted(core::tr("This is"));
        for (const char* kind : kKinds) {
            ImGui::SameLine();
            if (ImGui::RadioButton((std::string(entity_kind_label(kind)) + "###" + kind).c_str(), kind_ == kind))
                kind_ = kind;
            if (state.probe().enabled()) state.probe().item((std::string("people.kind=") + kind).c_str());
        }
        ImGui::TextDisabled("%s", core::tr("Other names and spellings can be added afterwards."));
        if (ImGui::Button(core::tr("Add to this report")) || enter) {
            create_and_link(state, name_, kind_);
            wipe_string(name_);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("people.create");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Cancel")) || escape) {
            wipe_string(name_);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(alias_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const auto* entity = find(alias_for_);
        ImGui::TextUnformatted(core::tr_args("Another name or spelling for \"{1}\":",
                                             {entity != nullptr ? entity->name : std::string()})
                                   .c_str());
        ImGui::TextDisabled(
            "%s", core::tr("For example Officer Wang for 王警官. Reports using any of the names are found."));
        if (focus) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(em * 20.0f);
        const bool enter = ImGui::InputText("##people_alias", &name_, ImGuiInputTextFlags_EnterReturnsTrue);
        state.probe().item("people.alias_name");
        glyphs::note(name_);
        if (ImGui::Button(core::tr("Save")) || enter) {
            add_name(state, alias_for_, name_);
            wipe_string(name_);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("people.alias_save");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Cancel")) || escape) {
            wipe_string(name_);
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void PeoplePanel::clear() noexcept {
    report_id_ = 0;
    for (auto* list : {&linked_, &known_}) {
        for (auto& e : *list) {
            wipe_string(e.name);
            for (auto& alias : e.aliases) wipe_string(alias);
        }
        list->clear();
    }
    pick_ = alias_for_ = 0;
    wipe_string(name_);
    kind_ = "person";
    open_new_ = open_alias_ = false;
    wipe_string(error_);
}

bool PeoplePanel::holds_sensitive_data() const noexcept {
    return report_id_ != 0 || !linked_.empty() || !known_.empty() || pick_ != 0 || alias_for_ != 0 ||
           !name_.empty() || !error_.empty();
}

}  // namespace fv::gui
