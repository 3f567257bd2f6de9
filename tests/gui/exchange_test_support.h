#pragma once
// Shared steps of the exchange screen tests: a second vault made through
// core (fast Argon2), and adding a contact through the Contacts screen.
#include <filesystem>
#include <string>

#include "fieldvault/core/session.h"
#include "headless_ui.h"

namespace fv::gui::test {

// A vault made directly through core with kPassphrase; its card and fingerprint.
core::CreatedVault make_peer_vault(const std::filesystem::path& dir, const std::string& name);
// Contacts screen: type name and card, click "Add contact".
void add_contact_through_ui(HeadlessUi& ui, const std::string& name, const std::string& card);
// A report of this vault through core; returns its id.
std::int64_t add_report(core::Session& session, const std::string& title);
std::string read_file(const std::filesystem::path& file);

}  // namespace fv::gui::test
