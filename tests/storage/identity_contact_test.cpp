#include <gtest/gtest.h>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/identity.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

TEST(IdentityRepository, StoresOnceAndReturnsTheKeys) {
    auto db = test::memory_database();
    IdentityRepository identity(*db);
    EXPECT_FALSE(identity.get());
    EXPECT_FALSE(identity.keys());
    const auto keys = crypto::IdentityKeys::generate();
    const IdentityRecord record{"Field office", keys.pub.card(), 1234};
    identity.store(record, keys.signing_secret.reveal(), keys.encryption_secret.reveal());

    const auto stored = identity.get();
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, "Field office");
    EXPECT_EQ(stored->public_card, keys.pub.card());
    EXPECT_EQ(stored->created_at, 1234);
    const auto loaded = identity.keys();
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->pub, keys.pub);
    EXPECT_TRUE(loaded->signing_secret.equals(keys.signing_secret));
    EXPECT_TRUE(loaded->encryption_secret.equals(keys.encryption_secret));

    const auto other = crypto::IdentityKeys::generate();
    EXPECT_THROW(identity.store({"again", other.pub.card(), 1}, other.signing_secret.reveal(),
                                other.encryption_secret.reveal()),
                 Error);
}

TEST(IdentityRepository, RefusesBadInput) {
    auto db = test::memory_database();
    IdentityRepository identity(*db);
    const auto keys = crypto::IdentityKeys::generate();
    EXPECT_THROW(identity.store({"n", "fvid1-garbage", 1}, keys.signing_secret.reveal(), keys.encryption_secret.reveal()),
                 Error);
    EXPECT_THROW(identity.store({"n", keys.pub.card(), 1}, keys.encryption_secret.reveal(), keys.encryption_secret.reveal()),
                 Error);
    EXPECT_FALSE(identity.get());
}

TEST(IdentityRepository, CorruptedStoredKeysAreIntegrity) {
    auto db = test::memory_database();
    IdentityRepository identity(*db);
    const auto keys = crypto::IdentityKeys::generate();
    identity.store({"n", keys.pub.card(), 1}, keys.signing_secret.reveal(), keys.encryption_secret.reveal());
    db->exec("UPDATE identity SET encryption_secret = x'00'");
    try {
        identity.keys();
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
    }
}

TEST(IdentityRepository, CardNotMatchingStoredKeysIsIntegrity) {
    auto db = test::memory_database();
    IdentityRepository identity(*db);
    const auto keys = crypto::IdentityKeys::generate();
    const auto other = crypto::IdentityKeys::generate();
    identity.store({"n", keys.pub.card(), 1}, keys.signing_secret.reveal(), keys.encryption_secret.reveal());
    db->prepare("UPDATE identity SET card = ?").bind(1, other.pub.card()).run();
    EXPECT_THROW(identity.keys(), Error);
}

TEST(ContactRepository, AddFindVerifyRemove) {
    auto db = test::memory_database();
    ContactRepository contacts(*db);
    const auto card = crypto::IdentityKeys::generate().pub;
    const auto id = contacts.add({0, "Ana", card.card(), card.fingerprint(), false, 50});
    const auto found = contacts.find_by_name("Ana");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->card, card.card());
    EXPECT_EQ(found->fingerprint, card.fingerprint());
    EXPECT_FALSE(found->verified);
    EXPECT_EQ(found->created_at, 50);
    contacts.set_verified(id, true);
    EXPECT_TRUE(contacts.find_by_name("Ana")->verified);
    EXPECT_THROW(contacts.add({0, "Ana", card.card(), card.fingerprint(), false, 51}), Error);
    contacts.add({0, "Bo", card.card(), card.fingerprint(), false, 52});
    const auto all = contacts.list();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "Ana");
    contacts.remove(id);
    EXPECT_FALSE(contacts.find_by_name("Ana"));
    for (auto action : {+[](ContactRepository& c) { c.remove(999); }, +[](ContactRepository& c) { c.set_verified(999, true); }}) {
        try {
            action(contacts);
            ADD_FAILURE();
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        }
    }
}

}  // namespace
}  // namespace fv::storage
