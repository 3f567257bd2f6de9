#pragma once
// Contacts: this vault's identity card (to give to others), the people and
// organisations it exchanges bundles with, adding one from a pasted card,
// verifying one by comparing fingerprints, and removing one (with a confirm).
// Reads are a few rows, done on the frame thread between worker jobs.
#include <string>
#include <vector>

#include "fieldvault/core/contacts.h"
#include "fieldvault/core/identity_service.h"
#include "views/sources_panel.h"
#include "views/view.h"

namespace fv::gui {

class ContactsView final : public View {
public:
    void on_show(AppState& state) override;
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;

    // What the buttons do.
    bool add_contact(AppState& state);
    bool verify_contact(AppState& state, const std::string& name);
    bool remove_contact(AppState& state, const std::string& name);

    const std::vector<core::Contact>& contacts() const noexcept { return contacts_; }
    const core::OwnIdentity& own() const noexcept { return own_; }
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }
    SourcesPanel& sources() noexcept { return sources_; }

protected:
    void draw_content(AppState& state) override;

private:
    void reload(AppState& state);
    void draw_identity(AppState& state);
    void draw_add(AppState& state);
    void draw_list(AppState& state);
    void draw_modals(AppState& state);
    void forget_loaded() noexcept;

    core::OwnIdentity own_;
    std::vector<core::Contact> contacts_;
    SourcesPanel sources_;  // who sent reports: rename, the same person as
    std::string name_;  // typed: the new contact's name
    std::string card_;  // typed or pasted: the new contact's card
    std::string error_;
    std::string notice_;
    std::string verifying_;  // contact whose fingerprint is being compared
    std::string removing_;   // contact waiting for the remove confirmation
    bool open_verify_ = false;
    bool open_remove_ = false;
    bool needs_reload_ = true;
};

}  // namespace fv::gui
