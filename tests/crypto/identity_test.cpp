#include "fieldvault/crypto/identity.h"
#include "fieldvault/crypto/ed25519_subgroup.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "expect_error.h"
#include "fieldvault/crypto/encoding.h"

namespace fv::crypto {
namespace {

using fv::test::expect_error;

constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

// Deterministic keys so that the exhaustive typo test checks the same card every run.
PublicIdentity identity_from_seed(std::uint8_t seed_byte) {
    std::array<std::uint8_t, 32> seed{};
    seed.fill(seed_byte);
    PublicIdentity id;
    std::array<std::uint8_t, crypto_sign_SECRETKEYBYTES> sign_secret{};
    std::array<std::uint8_t, crypto_box_SECRETKEYBYTES> box_secret{};
    EXPECT_EQ(crypto_sign_seed_keypair(id.signing_key.data(), sign_secret.data(), seed.data()), 0);
    EXPECT_EQ(crypto_box_seed_keypair(id.encryption_key.data(), box_secret.data(), seed.data()), 0);
    return id;
}

PublicKey key_from_hex(std::string_view hex) {
    const auto bytes = from_hex(hex);
    PublicKey key{};
    EXPECT_EQ(bytes.size(), key.size());
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

// An independent reading of docs/identity-card.md, to pin the format.
std::string reference_card(const PublicIdentity& id) {
    std::vector<std::uint8_t> payload(id.signing_key.begin(), id.signing_key.end());
    payload.insert(payload.end(), id.encryption_key.begin(), id.encryption_key.end());
    std::array<std::uint8_t, 32> digest{};
    const std::string_view context = "fieldvault card v1";
    crypto_generichash(digest.data(), digest.size(), payload.data(), payload.size(),
                       reinterpret_cast<const unsigned char*>(context.data()), context.size());
    payload.insert(payload.end(), digest.begin(), digest.begin() + 4);
    std::string bits;
    for (const auto byte : payload) {
        for (int i = 7; i >= 0; --i) {
            bits.push_back(((byte >> i) & 1) != 0 ? '1' : '0');
        }
    }
    while (bits.size() % 5 != 0) {
        bits.push_back('0');
    }
    std::string out = "fvid1-";
    for (std::size_t i = 0; i < bits.size(); i += 5) {
        out.push_back(kAlphabet[std::stoul(bits.substr(i, 5), nullptr, 2)]);
    }
    return out;
}

std::string reference_fingerprint(const PublicIdentity& id) {
    const std::string_view context = "fieldvault fingerprint v1";
    std::vector<std::uint8_t> input(context.begin(), context.end());
    input.insert(input.end(), id.signing_key.begin(), id.signing_key.end());
    input.insert(input.end(), id.encryption_key.begin(), id.encryption_key.end());
    std::array<std::uint8_t, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), input.data(), input.size(), nullptr, 0);
    std::string out;
    for (std::size_t g = 0; g < 6; ++g) {
        std::uint64_t chunk = 0;
        for (std::size_t i = 0; i < 5; ++i) {
            chunk = chunk * 256 + digest[g * 5 + i];
        }
        char group[6];
        std::snprintf(group, sizeof group, "%05u", static_cast<unsigned>(chunk % 100000));
        out += (g == 0 ? "" : " ") + std::string(group);
    }
    return out;
}

TEST(IdentityKeys, GenerateGivesMatchingPairs) {
    const auto keys = IdentityKeys::generate();
    ASSERT_EQ(keys.signing_secret.size(), 64u);
    ASSERT_EQ(keys.encryption_secret.size(), 32u);
    PublicKey derived{};
    ASSERT_EQ(crypto_sign_ed25519_sk_to_pk(derived.data(), keys.signing_secret.reveal().data()), 0);
    EXPECT_EQ(derived, keys.pub.signing_key);
    ASSERT_EQ(crypto_scalarmult_base(derived.data(), keys.encryption_secret.reveal().data()), 0);
    EXPECT_EQ(derived, keys.pub.encryption_key);
    EXPECT_NE(IdentityKeys::generate().pub, keys.pub);
}

TEST(IdentityCard, RoundTrip) {
    for (int i = 0; i < 20; ++i) {
        const auto id = IdentityKeys::generate().pub;
        const auto card = id.card();
        EXPECT_EQ(PublicIdentity::parse_card(card), id);
    }
}

TEST(IdentityCard, FormatMatchesTheSpec) {
    const auto id = identity_from_seed(1);
    const auto card = id.card();
    EXPECT_EQ(card, reference_card(id));
    EXPECT_EQ(card.size(), 6u + 109u);
    EXPECT_EQ(card.rfind("fvid1-", 0), 0u);
    for (const char c : card.substr(6)) {
        EXPECT_NE(kAlphabet.find(c), std::string_view::npos) << c;
    }
}

// The vector published in docs/identity-card.md (checked there with Python's hashlib alone).
TEST(IdentityCard, MatchesThePublishedVector) {
    const auto id = identity_from_seed(1);
    EXPECT_EQ(to_hex(id.signing_key), "8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
    EXPECT_EQ(to_hex(id.encryption_key), "1b1b58dd50ea14b60da17b790cd02754d970c9bab864ebb3c0f3016fe51d3f57");
    EXPECT_EQ(id.card(),
              "fvid1-rkeohxlubhyzl7ks3mwtzos5olfgocn7dwkbeg7toseadnapn5obwg2y3viouffwbwqxw6im2atvjwlqzg5lqzhlwpapgalp4uot"
              "6v33n6xp4");
    EXPECT_EQ(id.fingerprint(), "93701 70663 63166 32472 68935 85508");
}

TEST(IdentityCard, ParsesUpperCaseAndSurroundingWhitespace) {
    const auto id = identity_from_seed(2);
    std::string upper = id.card();
    for (auto& c : upper) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    EXPECT_EQ(PublicIdentity::parse_card(upper), id);
    EXPECT_EQ(PublicIdentity::parse_card("  \t" + id.card() + "\r\n"), id);
}

TEST(IdentityCard, RejectsWrongPrefix) {
    const auto body = identity_from_seed(3).card().substr(6);
    for (const std::string prefix : {"fvid2-", "fvid1_", "fvid1", "vid1-", "age1-", ""}) {
        const auto message = expect_error([&] { (void)PublicIdentity::parse_card(prefix + body); }, ErrorKind::Invalid);
        EXPECT_NE(message.find("fvid1-"), std::string::npos) << message;
    }
    expect_error([] { (void)PublicIdentity::parse_card(""); }, ErrorKind::Invalid);
    expect_error([] { (void)PublicIdentity::parse_card("   "); }, ErrorKind::Invalid);
}

TEST(IdentityCard, RejectsWrongLength) {
    const auto card = identity_from_seed(4).card();
    for (const std::string& bad : {card.substr(0, card.size() - 1), card + "a", card.substr(0, 6), card + card,
                                  card.substr(0, 60) + " " + card.substr(60)}) {
        const auto message = expect_error([&] { (void)PublicIdentity::parse_card(bad); }, ErrorKind::Invalid);
        EXPECT_NE(message.find("length"), std::string::npos) << message;
    }
}

TEST(IdentityCard, RejectsBadCharacters) {
    const auto card = identity_from_seed(5).card();
    for (const char bad : {'0', '1', '8', '9', '=', '-', ' ', '!', '\0', '\xc3'}) {
        auto tampered = card;
        tampered[20] = bad;
        const auto message = expect_error([&] { (void)PublicIdentity::parse_card(tampered); }, ErrorKind::Invalid);
        EXPECT_NE(message.find("bad character at position 21"), std::string::npos) << message;
    }
}

TEST(IdentityCard, EverySingleCharacterSubstitutionIsCaught) {
    const auto card = identity_from_seed(6).card();
    std::size_t tried = 0;
    for (std::size_t pos = 6; pos < card.size(); ++pos) {
        for (const char c : kAlphabet) {
            if (c == card[pos]) {
                continue;
            }
            auto typo = card;
            typo[pos] = c;
            const auto message = expect_error([&] { (void)PublicIdentity::parse_card(typo); }, ErrorKind::Invalid);
            EXPECT_NE(message.find("checksum mismatch: the card has a typo"), std::string::npos)
                << "position " << pos << ": " << message;
            ++tried;
        }
    }
    EXPECT_EQ(tried, 109u * 31u);
}

TEST(IdentityCard, RejectsAdjacentTransposition) {
    const auto card = identity_from_seed(7).card();
    for (std::size_t pos = 6; pos + 1 < card.size(); ++pos) {
        if (card[pos] == card[pos + 1]) {
            continue;
        }
        auto swapped = card;
        std::swap(swapped[pos], swapped[pos + 1]);
        expect_error([&] { (void)PublicIdentity::parse_card(swapped); }, ErrorKind::Invalid);
    }
}

// Small-order X25519 points (and non-canonical spellings of them): a card with
// a correct checksum around any of them must still be refused.
TEST(IdentityCard, RejectsLowOrderEncryptionKeys) {
    const auto good = identity_from_seed(8);
    for (const std::string_view hex : {
             "0000000000000000000000000000000000000000000000000000000000000000",  // 0
             "0100000000000000000000000000000000000000000000000000000000000000",  // 1
             "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",  // order 8
             "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",  // order 8
             "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p - 1 (order 2)
             "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p (= 0)
             "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // p + 1 (= 1)
             "0000000000000000000000000000000000000000000000000000000000000080",  // 0 with the top bit
         }) {
        PublicIdentity crafted = good;
        crafted.encryption_key = key_from_hex(hex);
        const auto message =
            expect_error([&] { (void)PublicIdentity::parse_card(crafted.card()); }, ErrorKind::Invalid);
        EXPECT_NE(message.find("X25519"), std::string::npos) << hex << ": " << message;
    }
}

TEST(IdentityCard, RejectsNonCanonicalEncryptionKey) {
    // X25519 ignores the top bit, so setting it would give a second card for the same key.
    PublicIdentity crafted = identity_from_seed(9);
    crafted.encryption_key[31] = static_cast<std::uint8_t>(crafted.encryption_key[31] | 0x80u);
    const auto message = expect_error([&] { (void)PublicIdentity::parse_card(crafted.card()); }, ErrorKind::Invalid);
    EXPECT_NE(message.find("X25519"), std::string::npos) << message;
}

TEST(IdentityCard, RejectsInvalidSigningKeys) {
    const auto good = identity_from_seed(10);
    for (const std::string_view hex : {
             "0000000000000000000000000000000000000000000000000000000000000000",  // small order
             "0100000000000000000000000000000000000000000000000000000000000000",  // the neutral element
             "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
             "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
             "0200000000000000000000000000000000000000000000000000000000000000",  // y = 2 is not on the curve
             "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p, non-canonical
         }) {
        PublicIdentity crafted = good;
        crafted.signing_key = key_from_hex(hex);
        const auto message =
            expect_error([&] { (void)PublicIdentity::parse_card(crafted.card()); }, ErrorKind::Invalid);
        EXPECT_NE(message.find("Ed25519"), std::string::npos) << hex << ": " << message;
    }
}

TEST(IdentityCard, RejectsMixedOrderSigningKey) {
    // A valid key plus a point of order 8: on the curve, but outside the main subgroup.
    const auto good = identity_from_seed(11);
    const auto order8 = key_from_hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");
    PublicIdentity crafted = good;
    ASSERT_EQ(crypto_core_ed25519_add(crafted.signing_key.data(), good.signing_key.data(), order8.data()), 0);
    ASSERT_NE(crafted.signing_key, good.signing_key);
    const auto message = expect_error([&] { (void)PublicIdentity::parse_card(crafted.card()); }, ErrorKind::Invalid);
    EXPECT_NE(message.find("Ed25519"), std::string::npos) << message;
}

// CVE-2025-69277 class: a valid key plus the point of order 2, (0, -1). On the
// curve and of large order, but outside the prime-order subgroup; libsodium's
// own check accepted such points before its December 2025 fix. Refused by our
// subgroup check whatever libsodium is linked.
TEST(IdentityCard, RejectsSigningKeyWithAnOrderTwoComponent) {
    const auto good = identity_from_seed(12);
    const auto order2 = key_from_hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    PublicIdentity crafted = good;
    ASSERT_EQ(crypto_core_ed25519_add(crafted.signing_key.data(), good.signing_key.data(), order2.data()), 0);
    ASSERT_NE(crafted.signing_key, good.signing_key);
    const auto message = expect_error([&] { (void)PublicIdentity::parse_card(crafted.card()); }, ErrorKind::Invalid);
    EXPECT_NE(message.find("Ed25519"), std::string::npos) << message;
    // The good key itself still passes the added check.
    EXPECT_NO_THROW((void)PublicIdentity::parse_card(good.card()));
}

// Our own subgroup check, called directly: it must refuse the order-2 key by
// itself, whatever the linked libsodium's point validation says (Debian 12's
// patched 1.0.18 refuses it too, so the card test above alone cannot tell
// which of the two checks did).
TEST(IdentityCard, OwnSubgroupCheckRefusesAnOrderTwoComponentOnItsOwn) {
    const auto order2 = key_from_hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    EXPECT_FALSE(is_in_prime_order_subgroup(order2));
    for (int seed = 1; seed <= 8; ++seed) {
        const auto good = identity_from_seed(static_cast<std::uint8_t>(seed));
        EXPECT_TRUE(is_in_prime_order_subgroup(good.signing_key)) << seed;
        PublicKey crafted{};
        ASSERT_EQ(crypto_core_ed25519_add(crafted.data(), good.signing_key.data(), order2.data()), 0);
        EXPECT_FALSE(is_in_prime_order_subgroup(crafted)) << seed;
    }
}

TEST(Fingerprint, HasSixGroupsOfFiveDigits) {
    const std::regex format("^[0-9]{5}( [0-9]{5}){5}$");
    for (int i = 0; i < 20; ++i) {
        const auto fingerprint = IdentityKeys::generate().pub.fingerprint();
        EXPECT_TRUE(std::regex_match(fingerprint, format)) << fingerprint;
    }
}

TEST(Fingerprint, MatchesTheSpecAndIsStable) {
    const auto id = identity_from_seed(12);
    EXPECT_EQ(id.fingerprint(), reference_fingerprint(id));
    EXPECT_EQ(id.fingerprint(), identity_from_seed(12).fingerprint());
    EXPECT_EQ(PublicIdentity::parse_card(id.card()).fingerprint(), id.fingerprint());
}

TEST(Fingerprint, DiffersWhenEitherKeyDiffers) {
    const auto a = identity_from_seed(13);
    const auto b = identity_from_seed(14);
    PublicIdentity mixed_signing = a;
    mixed_signing.signing_key = b.signing_key;
    PublicIdentity mixed_encryption = a;
    mixed_encryption.encryption_key = b.encryption_key;
    PublicIdentity swapped{a.encryption_key, a.signing_key};
    EXPECT_NE(a.fingerprint(), b.fingerprint());
    EXPECT_NE(a.fingerprint(), mixed_signing.fingerprint());
    EXPECT_NE(a.fingerprint(), mixed_encryption.fingerprint());
    EXPECT_NE(a.fingerprint(), swapped.fingerprint());
}

}  // namespace
}  // namespace fv::crypto
