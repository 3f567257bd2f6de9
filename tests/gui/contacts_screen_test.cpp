// Contacts screen: own card, add from a pasted card (bad ones refused
// calmly), verify by comparing fingerprints, remove with a confirmation.
#include <gtest/gtest.h>

#include "exchange_test_support.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/identity_service.h"

namespace fv::gui::test {
namespace {

class GuiContacts : public ::testing::Test {
protected:
    void SetUp() override {
        peer_ = make_peer_vault(dir_.path() / "peer", "Peer");
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
    }

    std::vector<core::Contact> stored() { return core::ContactService(ui_->session()).list(); }

    TempDir dir_;
    core::CreatedVault peer_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiContacts, ShowsOwnCardAndFingerprint) {
    ui_->click("nav.contacts");
    ASSERT_EQ(ui_->app().screen(), Screen::Contacts);
    const auto own = core::IdentityService(ui_->session()).own();
    EXPECT_EQ(ui_->app().contacts_view().own().card, own.card);
    EXPECT_EQ(ui_->app().contacts_view().own().fingerprint, own.fingerprint);
    EXPECT_TRUE(ui_->drawn("contacts.own_card"));
    ui_->click("contacts.copy");
    EXPECT_STREQ(ImGui::GetClipboardText(), own.card.c_str());
}

TEST_F(GuiContacts, AddsAContactFromAPastedCard) {
    add_contact_through_ui(*ui_, "Rotterdam group", "  " + peer_.card + "\n");
    EXPECT_TRUE(ui_->app().contacts_view().error().empty()) << ui_->app().contacts_view().error();
    const auto contacts = stored();
    ASSERT_EQ(contacts.size(), 1u);
    EXPECT_EQ(contacts[0].name, "Rotterdam group");
    EXPECT_EQ(contacts[0].fingerprint, peer_.fingerprint);
    EXPECT_FALSE(contacts[0].verified);
    ui_->frame();
    ASSERT_EQ(ui_->app().contacts_view().contacts().size(), 1u);
    EXPECT_TRUE(ui_->drawn("contacts.0.verify"));
}

TEST_F(GuiContacts, CardWithATypoIsRefusedCalmly) {
    std::string card = peer_.card;
    // Cards are read in any case, so the typo must change the letter itself
    // (turning 'a' into 'A' was no typo: the test failed one run in 32).
    card[card.size() - 3] = card[card.size() - 3] == 'a' ? 'b' : 'a';
    add_contact_through_ui(*ui_, "Typo", card);
    const auto& error = ui_->app().contacts_view().error();
    EXPECT_EQ(error.rfind("Not added: ", 0), 0u) << error;
    EXPECT_EQ(error.find('\n'), std::string::npos);  // one line
    EXPECT_TRUE(stored().empty());
}

TEST_F(GuiContacts, DuplicateNameIsRefused) {
    add_contact_through_ui(*ui_, "Peer", peer_.card);
    ASSERT_EQ(stored().size(), 1u);
    const auto other = make_peer_vault(dir_.path() / "other", "Other");
    add_contact_through_ui(*ui_, "Peer", other.card);
    EXPECT_NE(ui_->app().contacts_view().error().find("already exists"), std::string::npos)
        << ui_->app().contacts_view().error();
    EXPECT_EQ(stored().size(), 1u);
}

TEST_F(GuiContacts, VerifyShowsBothFingerprintsThenTheyMatch) {
    add_contact_through_ui(*ui_, "Peer", peer_.card);
    ui_->click("contacts.0.verify");
    ASSERT_TRUE(ui_->drawn("contacts.verify_confirm"));
    // "Not now" leaves it unverified.
    ui_->click("contacts.verify_cancel");
    EXPECT_FALSE(stored()[0].verified);
    ui_->click("contacts.0.verify");
    ui_->click("contacts.verify_confirm");
    EXPECT_TRUE(stored()[0].verified);
    ui_->frame();
    EXPECT_FALSE(ui_->drawn("contacts.0.verify"));  // nothing left to verify
}

TEST_F(GuiContacts, RemoveAsksFirst) {
    add_contact_through_ui(*ui_, "Peer", peer_.card);
    ui_->click("contacts.0.remove");
    ui_->click("contacts.remove_cancel");
    EXPECT_EQ(stored().size(), 1u);
    ui_->click("contacts.0.remove");
    ui_->click("contacts.remove_confirm");
    EXPECT_TRUE(stored().empty());
}

TEST_F(GuiContacts, LockClearsTheScreen) {
    add_contact_through_ui(*ui_, "Peer", peer_.card);
    ui_->click("contacts.name");
    ui_->type("half typed");
    ASSERT_TRUE(ui_->app().contacts_view().holds_sensitive_data());
    ui_->click("lock");
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().contacts_view().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

}  // namespace
}  // namespace fv::gui::test
