#include "views/contacts_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "views/exchange_widgets.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

constexpr const char* kVerifyPopup = "Compare fingerprints";
constexpr const char* kRemovePopup = "Remove contact";

void wipe_contact(core::Contact& c) noexcept {
    wipe_string(c.name);
    wipe_string(c.card);
    wipe_string(c.fingerprint);
}

// Cards are pasted with line breaks or spaces around them: keep the card only.
std::string trimmed(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
    }
    return out;
}

}  // namespace

void ContactsView::on_show(AppState& /*state*/) {
    needs_reload_ = true;
    wipe_string(error_);
    wipe_string(notice_);
}

void ContactsView::forget_loaded() noexcept {
    wipe_string(own_.name);
    wipe_string(own_.card);
    wipe_string(own_.fingerprint);
    for (auto& c : contacts_) wipe_contact(c);
    contacts_.clear();
}

void ContactsView::reload(AppState& state) {
    core::Session* session = state.session();
    if (session == nullptr) return;  // a job holds the vault: try next frame
    needs_reload_ = false;
    try {
        auto own = core::IdentityService(*session).own();
        auto contacts = core::ContactService(*session).list();
        forget_loaded();
        own_ = std::move(own);
        contacts_ = std::move(contacts);
        sources_.load(*session);
        glyphs::note(own_.name);
        for (const auto& c : contacts_) glyphs::note(c.name);
    } catch (...) {
        error_ = describe_error(std::current_exception());
    }
}

bool ContactsView::add_contact(AppState& state) {
    wipe_string(error_);
    wipe_string(notice_);
    core::Session* session = state.session();
    if (session == nullptr) {
        error_ = "The vault is busy; try again in a moment.";
        return false;
    }
    try {
        const auto added = core::ContactService(*session).add(name_, trimmed(card_));
        notice_ = "Added " + added.name + ". Compare fingerprints with them, then press \"Verify...\".";
        wipe_string(name_);
        wipe_string(card_);
        needs_reload_ = true;
        return true;
    } catch (...) {
        error_ = "Not added: " + describe_error(std::current_exception());
        return false;
    }
}

bool ContactsView::verify_contact(AppState& state, const std::string& name) {
    wipe_string(error_);
    wipe_string(notice_);
    core::Session* session = state.session();
    if (session == nullptr) return false;
    try {
        core::ContactService(*session).verify(name);
        notice_ = name + " is verified.";
        needs_reload_ = true;
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

bool ContactsView::remove_contact(AppState& state, const std::string& name) {
    wipe_string(error_);
    wipe_string(notice_);
    core::Session* session = state.session();
    if (session == nullptr) return false;
    try {
        core::ContactService(*session).remove(name);
        notice_ = name + " was removed.";
        needs_reload_ = true;
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

void ContactsView::draw_content(AppState& state) {
    if (needs_reload_) reload(state);
    glyphs::note(name_);
    if (!ImGui::BeginChild("##contacts_body")) {
        ImGui::EndChild();
        return;
    }
    draw_heading("Contacts");
    if (state.busy()) draw_busy_indicator(state, false);
    draw_error(error_);
    draw_notice(notice_);
    // Side by side when there is room; one above the other at large text sizes.
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV;
    if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 60.0f) {
        draw_identity(state);
        ImGui::Separator();
        draw_add(state);
    } else if (ImGui::BeginTable("##contacts_top", 2, kFlags)) {
        ImGui::TableNextColumn();
        draw_identity(state);
        ImGui::TableNextColumn();
        draw_add(state);
        ImGui::EndTable();
    }
    ImGui::Spacing();
    draw_list(state);
    draw_modals(state);
    ImGui::Separator();
    sources_.draw(state, contacts_, [this] { needs_reload_ = true; });
    ImGui::EndChild();
}

void ContactsView::draw_identity(AppState& state) {
    ImGui::TextUnformatted("Your identity card");
    draw_notice("Give this line to the people who will send you bundles. It holds no secret.");
    if (!own_.name.empty()) draw_labelled("Name:", own_.name);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextWrapped("Your fingerprint (read it to them to compare):");
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    draw_large_text(own_.fingerprint);
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", own_.card.c_str());
    state.probe().item("contacts.own_card");
    if (ImGui::Button("Copy card")) {
        ImGui::SetClipboardText(own_.card.c_str());
        notice_ = "Your card is on the clipboard.";
    }
    state.probe().item("contacts.copy");
}

void ContactsView::draw_add(AppState& state) {
    ImGui::TextUnformatted("Add a contact");
    draw_notice("Paste the card they gave you and choose a name you will recognise.");
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputTextWithHint("##contact_name", "Name, e.g. Rotterdam support group", &name_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    state.probe().item("contacts.name");
    ImGui::InputTextMultiline("##contact_card", &card_,
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.0f + ImGui::GetStyle().FramePadding.y * 2.0f));
    state.probe().item("contacts.card");
    if (card_.empty()) {
        // InputTextMultiline has no hint in 1.86: say what goes there below it.
        draw_notice("Their card starts with fvid1-");
    }
    const bool ready = !name_.empty() && !card_.empty();
    ImGui::BeginDisabled(!ready || state.busy());
    const bool clicked = ImGui::Button("Add contact");
    state.probe().item("contacts.add");
    ImGui::EndDisabled();
    if ((clicked || enter) && ready && !state.busy()) add_contact(state);
}

void ContactsView::draw_list(AppState& state) {
    ImGui::Separator();
    ImGui::TextUnformatted("People and groups you exchange with");
    if (contacts_.empty()) {
        draw_notice("No contacts yet.");
        return;
    }
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                       ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollX;
    // Names keep a readable width: at large text sizes the table scrolls sideways instead.
    const float inner_width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 50.0f);
    const float height = (ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2.0f) *
                             static_cast<float>(contacts_.size() + 1) +
                         ImGui::GetStyle().ScrollbarSize;
    if (!ImGui::BeginTable("##contacts", 4, kFlags, ImVec2(0.0f, height), inner_width)) return;
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    const auto& style = ImGui::GetStyle();
    const float pad = style.CellPadding.x * 2.0f;
    ImGui::TableSetupColumn("Fingerprint", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("00000 00000 00000 00000 00000 00000").x + pad);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Not verified").x + pad);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Verify...Remove...").x + style.FramePadding.x * 4.0f +
                                style.ItemSpacing.x + pad);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < contacts_.size(); ++i) {
        const auto& c = contacts_[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.fingerprint.c_str());
        ImGui::TableNextColumn();
        if (c.verified) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
            ImGui::TextUnformatted("Verified");
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextUnformatted("Not verified");
        }
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        const std::string key = "contacts." + std::to_string(i);
        if (!c.verified) {
            if (ImGui::SmallButton("Verify...")) {
                verifying_ = c.name;
                open_verify_ = true;
            }
            if (state.probe().enabled()) state.probe().item((key + ".verify").c_str());
            ImGui::SameLine();
        }
        if (ImGui::SmallButton("Remove...")) {
            removing_ = c.name;
            open_remove_ = true;
        }
        if (state.probe().enabled()) state.probe().item((key + ".remove").c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ContactsView::draw_modals(AppState& state) {
    if (std::exchange(open_verify_, false)) ImGui::OpenPopup(kVerifyPopup);
    if (std::exchange(open_remove_, false)) ImGui::OpenPopup(kRemovePopup);
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kVerifyPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const auto found = std::find_if(contacts_.begin(), contacts_.end(),
                                        [&](const core::Contact& c) { return c.name == verifying_; });
        if (found == contacts_.end()) {
            ImGui::CloseCurrentPopup();
        } else {
            ImGui::Text("Ask %s to read their fingerprint to you, in person or on a call", found->name.c_str());
            ImGui::TextUnformatted("where you know their voice. Do not compare over the channel the card came by.");
            ImGui::Spacing();
            ImGui::TextUnformatted("Their fingerprint, as stored here:");
            ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
            draw_large_text(found->fingerprint);
            ImGui::PopStyleColor();
            ImGui::TextUnformatted("Yours, to read to them:");
            draw_large_text(own_.fingerprint);
            ImGui::Spacing();
            ImGui::TextUnformatted("Only if every group of digits is the same:");
            if (ImGui::Button("They match")) {
                verify_contact(state, found->name);
                ImGui::CloseCurrentPopup();
            }
            state.probe().item("contacts.verify_confirm");
            ImGui::SameLine();
            if (ImGui::Button("Not now") || escape) ImGui::CloseCurrentPopup();
            state.probe().item("contacts.verify_cancel");
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kRemovePopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Remove %s from your contacts?", removing_.c_str());
        ImGui::TextUnformatted("Bundles already sent to them stay readable by them; reports they sent stay here.");
        if (ImGui::Button("Remove")) {
            remove_contact(state, removing_);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("contacts.remove_confirm");
        ImGui::SameLine();
        if (ImGui::Button("Keep") || escape) ImGui::CloseCurrentPopup();
        state.probe().item("contacts.remove_cancel");
        ImGui::EndPopup();
    }
}

void ContactsView::clear() noexcept {
    forget_loaded();
    wipe_string(name_);
    wipe_string(card_);
    wipe_string(verifying_);
    wipe_string(removing_);
    wipe_string(error_);
    wipe_string(notice_);
    open_verify_ = open_remove_ = false;
    sources_.clear();
    needs_reload_ = true;
}

bool ContactsView::holds_sensitive_data() const noexcept {
    return !contacts_.empty() || !own_.card.empty() || !name_.empty() || !card_.empty() || !verifying_.empty() ||
           !removing_.empty() || sources_.holds_sensitive_data();
}

}  // namespace fv::gui
