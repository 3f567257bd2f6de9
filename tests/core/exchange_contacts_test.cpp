// ContactService: add (card parsing, duplicates), list, verify, remove, and
// record_source for an unknown signer.
#include <gtest/gtest.h>

#include "contact_records.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/identity.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"
#include "test_vault.h"

namespace fv::test {
namespace {

TEST(ExchangeContacts, AddListVerifyRemove) {
    TestVault v;
    core::ContactService contacts(*v.session);
    const auto other = crypto::IdentityKeys::generate();
    const auto added = contacts.add("Safeguard 组织", other.pub.card());
    EXPECT_EQ(added.fingerprint, other.pub.fingerprint());
    EXPECT_FALSE(added.verified);

    auto list = contacts.list();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].name, "Safeguard 组织");
    EXPECT_EQ(list[0].card, other.pub.card());

    contacts.verify("Safeguard 组织");
    EXPECT_TRUE(contacts.get("Safeguard 组织").verified);
    ASSERT_TRUE(contacts.find_by_card(other.pub.card()).has_value());

    contacts.remove("Safeguard 组织");
    EXPECT_TRUE(contacts.list().empty());
    EXPECT_FALSE(contacts.find_by_card(other.pub.card()).has_value());

    const auto log = storage::AuditLog(v.session->db()).entries();
    std::vector<std::string> actions;
    for (const auto& e : log) actions.push_back(e.action);
    EXPECT_NE(std::find(actions.begin(), actions.end(), "contact_add"), actions.end());
    EXPECT_NE(std::find(actions.begin(), actions.end(), "contact_verify"), actions.end());
    EXPECT_NE(std::find(actions.begin(), actions.end(), "contact_remove"), actions.end());
}

TEST(ExchangeContacts, RefusesBadCardsNamesAndDuplicates) {
    TestVault v;
    core::ContactService contacts(*v.session);
    const auto card = crypto::IdentityKeys::generate().pub.card();
    std::string typo = card;
    typo[10] = typo[10] == 'a' ? 'b' : 'a';

    EXPECT_EQ(kind_of([&] { contacts.add("x", "not a card"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { contacts.add("x", typo); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { contacts.add("", card); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { contacts.add("bad\nname", card); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { contacts.add(std::string("\xff\xfe"), card); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { contacts.add("me", v.created.card); }), ErrorKind::Invalid);
    EXPECT_TRUE(contacts.list().empty());

    contacts.add("org", card);
    EXPECT_EQ(kind_of([&] { contacts.add("org", crypto::IdentityKeys::generate().pub.card()); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { contacts.add("org again", card); }), ErrorKind::Invalid);
    EXPECT_EQ(contacts.list().size(), 1u);

    EXPECT_EQ(kind_of([&] { contacts.verify("nobody"); }), ErrorKind::NotFound);
    EXPECT_EQ(kind_of([&] { contacts.remove("nobody"); }), ErrorKind::NotFound);
}

TEST(ExchangeContacts, UnknownSignerIsRecordedUnverifiedOnce) {
    TestVault v;
    auto& db = v.session->db();
    const auto signer = crypto::IdentityKeys::generate();
    storage::Transaction tx(db);
    const auto first = core::record_source(db, signer.pub, 100);
    const auto again = core::record_source(db, signer.pub, 200);
    tx.commit();
    EXPECT_FALSE(first.verified);
    EXPECT_EQ(first.id, again.id);
    EXPECT_EQ(first.name.rfind("source-", 0), 0u);
    EXPECT_EQ(first.fingerprint, signer.pub.fingerprint());
    EXPECT_EQ(core::ContactService(*v.session).list().size(), 1u);
}

}  // namespace
}  // namespace fv::test
