#include "exchange_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/kdf.h"
#include "fieldvault/crypto/secret.h"

namespace fv::gui::test {

core::CreatedVault make_peer_vault(const std::filesystem::path& dir, const std::string& name) {
    return core::Session::create(dir, SecretBuffer::from_string(kPassphrase), name,
                                 KdfParams::interactive());
}

void add_contact_through_ui(HeadlessUi& ui, const std::string& name, const std::string& card) {
    if (ui.app().screen() != Screen::Contacts) ui.click("nav.contacts");
    ASSERT_EQ(ui.app().screen(), Screen::Contacts);
    ui.click("contacts.name");
    ui.type(name);
    ui.click("contacts.card");
    ui.type(card);  // what a paste delivers: the characters of the card
    ui.click("contacts.add");
}

std::int64_t add_report(core::Session& session, const std::string& title) {
    core::ReportContent content;
    content.title = title;
    content.narrative = "他们打电话给我母亲";
    content.place = "near the station";
    content.sensitive_fields = {"place"};
    return core::ReportService(session).create(content);
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace fv::gui::test
