#include "views/contacts_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "fieldvault/core/i18n.h"
#include "views/exchange_widgets.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"
#include "platform/ui_setup.h"

namespace fv::gui {
namespace {

// Popup titles in the person's language; "###" keeps their IDs the same in
// every language (OpenPopup and BeginPopupModal must agree).
std::string verify_popup() { return std::string(core::tr("Compare fingerprints")) + "###verify_contact"; }
std::string remove_popup() { return std::string(core::tr("Remove contact")) + "###remove_contact"; }

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
        error_ = core::tr("The vault is busy; try again in a moment.");
        return false;
    }
    try {
        const auto added = core::ContactService(*session).add(name_, trimmed(card_));
        notice_ = core::tr_args("Added {1}. Compare fingerprints with them, then press \"Verify...\".", {added.name});
        wipe_string(name_);
        wipe_string(card_);
        needs_reload_ = true;
        return true;
    } catch (...) {
        error_ = core::tr_args("Not added: {1}", {describe_error(std::current_exception())});
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
        notice_ = core::tr_args("{1} is verified.", {name});
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
        notice_ = core::tr_args("{1} was removed.", {name});
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
    if (!ImGui::BeginChild("##contacts_body", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_NavFlattened)) {
        ImGui::EndChild();
        return;
    }
    draw_heading(core::tr("Contacts"));
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
    ImGui::TextUnformatted(core::tr("Your identity card"));
    draw_notice(core::tr("Give this line to the people who will send you bundles. It holds no secret."));
    if (!own_.name.empty()) draw_labelled(core::tr("Name:"), own_.name);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextWrapped("%s", core::tr("Your fingerprint (read it to them to compare):"));
    ImGui::PopStyleColor();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    draw_large_text(own_.fingerprint);
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", own_.card.c_str());
    state.probe().item("contacts.own_card");
    if (ImGui::Button(core::tr("Copy card"))) {
        ImGui::SetClipboardText(own_.card.c_str());
        notice_ = core::tr("Your card is copied: paste it into a message to them.");
    }
    state.probe().item("contacts.copy");
}

void ContactsView::draw_add(AppState& state) {
    ImGui::TextUnformatted(core::tr("Add a contact"));
    draw_notice(core::tr("Paste the card they gave you and choose a name you will recognise."));
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter = ImGui::InputTextWithHint("##contact_name", core::tr("Name, e.g. Rotterdam support group"),
                                                &name_, ImGuiInputTextFlags_EnterReturnsTrue);
    state.probe().item("contacts.name");
    ImGui::InputTextMultiline("##contact_card", &card_,
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.0f + ImGui::GetStyle().FramePadding.y * 2.0f));
    state.probe().item("contacts.card");
    if (card_.empty()) {
        // InputTextMultiline has no hint in 1.86: say what goes there below it.
        draw_notice(core::tr("Paste their card above: it starts with fvid1-"));
    }
    const bool ready = !name_.empty() && !card_.empty();
    ImGui::BeginDisabled(!ready || state.busy());
    const bool clicked = ImGui::Button(core::tr("Add contact"));
    state.probe().item("contacts.add");
    ImGui::EndDisabled();
    if ((clicked || enter) && ready && !state.busy()) add_contact(state);
}

void ContactsView::draw_list(AppState& state) {
    ImGui::Separator();
    ImGui::TextUnformatted(core::tr("People and groups you exchange with"));
    if (contacts_.empty()) {
        draw_notice(core::tr("No contacts yet."));
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
    keyboard_flatten_table();  // Tab and the arrows reach its buttons
    const char* verified_label = core::tr("Verified");
    const char* not_verified_label = core::tr("Not verified");
    const char* verify_label = core::tr("Verify...");
    const char* remove_label = core::tr("Remove...");
    ImGui::TableSetupColumn(core::tr("Name"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    const auto& style = ImGui::GetStyle();
    const float pad = style.CellPadding.x * 2.0f;
    ImGui::TableSetupColumn(core::tr("Fingerprint"), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("00000 00000 00000 00000 00000 00000").x + pad);
    ImGui::TableSetupColumn(core::tr("Status"), ImGuiTableColumnFlags_WidthFixed,
                            std::max(ImGui::CalcTextSize(not_verified_label).x, ImGui::CalcTextSize(verified_label).x) +
                                pad);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(verify_label).x + ImGui::CalcTextSize(remove_label).x +
                                style.FramePadding.x * 4.0f + style.ItemSpacing.x + pad);
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
            ImGui::TextUnformatted(verified_label);
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextUnformatted(not_verified_label);
        }
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        const std::string key = "contacts." + std::to_string(i);
        if (!c.verified) {
            if (ImGui::SmallButton(verify_label)) {
                verifying_ = c.name;
                open_verify_ = true;
            }
            if (state.probe().enabled()) state.probe().item((key + ".verify").c_str());
            ImGui::SameLine();
        }
        if (ImGui::SmallButton(remove_label)) {
            removing_ = c.name;
            open_remove_ = true;
        }
        if (state.probe().enabled()) state.probe().item((key + ".remove").c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ContactsView::draw_modals(AppState& state) {
    const std::string verify_title = verify_popup();
    const std::string remove_title = remove_popup();
    if (std::exchange(open_verify_, false)) ImGui::OpenPopup(verify_title.c_str());
    if (std::exchange(open_remove_, false)) ImGui::OpenPopup(remove_title.c_str());
    const float wrap = ImGui::GetFontSize() * 34.0f;
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(verify_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const auto found = std::find_if(contacts_.begin(), contacts_.end(),
                                        [&](const core::Contact& c) { return c.name == verifying_; });
        if (found == contacts_.end()) {
            ImGui::CloseCurrentPopup();
        } else {
            ImGui::PushTextWrapPos(wrap);
            ImGui::TextUnformatted(core::tr_args("Ask {1} to read their fingerprint to you, in person or on a call "
                                                 "where you know their voice. Do not compare it by the same way "
                                                 "the card came to you.",
                                                 {found->name})
                                       .c_str());
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            ImGui::TextUnformatted(core::tr("Their fingerprint, as stored here:"));
            ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
            draw_large_text(found->fingerprint);
            ImGui::PopStyleColor();
            ImGui::TextUnformatted(core::tr("Yours, to read to them:"));
            draw_large_text(own_.fingerprint);
            ImGui::Spacing();
            ImGui::TextUnformatted(core::tr("Only if every group of digits is the same:"));
            if (ImGui::Button(core::tr("They match"))) {
                verify_contact(state, found->name);
                ImGui::CloseCurrentPopup();
            }
            state.probe().item("contacts.verify_confirm");
            ImGui::SameLine();
            if (ImGui::Button(core::tr("Not now")) || escape) ImGui::CloseCurrentPopup();
            ImGui::SetItemDefaultFocus();  // the keyboard starts on the safe answer
            state.probe().item("contacts.verify_cancel");
        }
        ImGui::EndPopup();
    }

    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(remove_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(wrap);
        ImGui::TextUnformatted(core::tr_args("Remove {1} from your contacts?", {removing_}).c_str());
        ImGui::TextUnformatted(
            core::tr("Bundles already sent to them stay readable by them; reports they sent stay here."));
        ImGui::PopTextWrapPos();
        if (ImGui::Button(core::tr("Remove contact"))) {
            remove_contact(state, removing_);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("contacts.remove_confirm");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Keep")) || escape) ImGui::CloseCurrentPopup();
        ImGui::SetItemDefaultFocus();  // the keyboard starts on the safe answer
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
