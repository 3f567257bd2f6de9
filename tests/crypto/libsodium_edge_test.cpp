// Wycheproof-style edge cases for the two primitives whose misuse matters to us,
// run against the libsodium we link (1.0.18) and through our own wrappers:
//  - X25519 (bundle key wrapping, identity cards): every known small-order point,
//    including the non-canonical encodings (>= p, top bit set), makes
//    crypto_scalarmult fail; our card parser, make_stanza and open_stanza refuse
//    them, and the card parser refuses non-canonical encodings of good keys.
//  - Ed25519 (bundle signatures, identity cards): S >= L, small-order R or A
//    and non-canonical A are refused by crypto_sign_verify_detached and by
//    verify_signature, so no second signature exists for a signed bundle and no
//    key makes a forged signature verify for every message.
// The small-order lists are the ones libsodium and Wycheproof use (the 7 X25519
// encodings of points of order 1, 2, 4 and 8 incl. p - 1, p, p + 1, each also with
// the top bit set; the Ed25519 points of order 1, 2, 4 and 8 in both signs and
// their encodings above p).
#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "expect_error.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/identity.h"
#include "fieldvault/crypto/secret.h"

namespace {

using namespace fv::crypto;
using Point = std::array<std::uint8_t, 32>;

Point all_ff_but(std::uint8_t first, std::uint8_t last) {
    Point p{};
    p.fill(0xff);
    p[0] = first;
    p[31] = last;
    return p;
}

Point zeros_but(std::uint8_t first, std::uint8_t last) {
    Point p{};
    p[0] = first;
    p[31] = last;
    return p;
}

constexpr Point kX25519Order8a = {0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3,
                                  0xfa, 0xf1, 0x9f, 0xc4, 0x6a, 0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32,
                                  0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00};
constexpr Point kX25519Order8b = {0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1,
                                  0x55, 0x9c, 0x83, 0xef, 0x5b, 0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c,
                                  0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57};

// u-coordinates of small order, canonical and not.
std::vector<Point> x25519_small_order() {
    std::vector<Point> points = {
        zeros_but(0, 0),           // 0 (order 4)
        zeros_but(1, 0),           // 1 (order 1)
        kX25519Order8a,            // order 8
        kX25519Order8b,            // order 8
        all_ff_but(0xec, 0x7f),    // p - 1 (order 2)
        all_ff_but(0xed, 0x7f),    // p, non-canonical 0
        all_ff_but(0xee, 0x7f),    // p + 1, non-canonical 1
    };
    // The order-8 points with the top bit set.
    auto a = kX25519Order8a;
    a[31] |= 0x80;
    auto b = kX25519Order8b;
    b[31] |= 0x80;
    points.push_back(a);
    points.push_back(b);
    // 0 and 1 with the top bit set.
    points.push_back(zeros_but(0, 0x80));
    points.push_back(zeros_but(1, 0x80));
    return points;
}

constexpr Point kEd25519Order8a = {0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4,
                                   0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6,
                                   0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05};
constexpr Point kEd25519Order8b = {0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b,
                                   0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39,
                                   0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a};

// Ed25519 encodings of the 8 points of small order (both signs of x where it
// exists) and their non-canonical encodings (y >= p).
std::vector<Point> ed25519_small_order() {
    std::vector<Point> points;
    for (const Point& base : {zeros_but(1, 0),           // identity (order 1)
                              all_ff_but(0xec, 0x7f),    // y = -1 (order 2)
                              zeros_but(0, 0),           // y = 0 (order 4)
                              kEd25519Order8a, kEd25519Order8b,
                              all_ff_but(0xed, 0x7f),    // y = p (non-canonical 0)
                              all_ff_but(0xee, 0x7f)}) { // y = p + 1 (non-canonical 1)
        points.push_back(base);
        auto negated = base;
        negated[31] ^= 0x80;  // the sign bit of x
        points.push_back(negated);
    }
    return points;
}

// L = 2^252 + 27742317777372353535851937790883648493, little endian.
constexpr std::array<std::uint8_t, 32> kL = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                             0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                             0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// s + L over 256 bits (little endian); S < L < 2^253, so it never overflows.
void add_l(std::uint8_t* s) {
    unsigned carry = 0;
    for (std::size_t i = 0; i < 32; ++i) {
        const unsigned sum = static_cast<unsigned>(s[i]) + kL[i] + carry;
        s[i] = static_cast<std::uint8_t>(sum & 0xffu);
        carry = sum >> 8;
    }
}

std::string card_with(const PublicKey& signing, const PublicKey& encryption) {
    PublicIdentity id;
    id.signing_key = signing;
    id.encryption_key = encryption;
    return id.card();  // card() does not validate: it is how a hostile card is made
}

class LibsodiumEdge : public ::testing::Test {
protected:
    void SetUp() override { ensure_initialized(); }
};

TEST_F(LibsodiumEdge, ScalarmultFailsForEverySmallOrderPoint) {
    const auto points = x25519_small_order();
    for (int round = 0; round < 4; ++round) {
        std::array<std::uint8_t, 32> scalar{};
        randombytes_buf(scalar.data(), scalar.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            std::array<std::uint8_t, 32> out{};
            EXPECT_EQ(crypto_scalarmult(out.data(), scalar.data(), points[i].data()), -1) << "point " << i;
        }
    }
    // Control: the same call succeeds for a real public key.
    const auto real = IdentityKeys::generate();
    std::array<std::uint8_t, 32> scalar{};
    randombytes_buf(scalar.data(), scalar.size());
    std::array<std::uint8_t, 32> out{};
    EXPECT_EQ(crypto_scalarmult(out.data(), scalar.data(), real.pub.encryption_key.data()), 0);
}

TEST_F(LibsodiumEdge, CardParserRefusesSmallOrderAndNonCanonicalX25519) {
    const auto good = IdentityKeys::generate();
    ASSERT_EQ(PublicIdentity::parse_card(good.pub.card()), good.pub);  // control
    for (const auto& point : x25519_small_order()) {
        fv::test::expect_error([&] { PublicIdentity::parse_card(card_with(good.pub.signing_key, point)); },
                               fv::ErrorKind::Invalid);
    }
    // The top bit of an X25519 key is ignored by the library, so a good key with
    // it set is the same key under a second spelling: refused.
    auto spelled_twice = good.pub.encryption_key;
    spelled_twice[31] |= 0x80;
    std::array<std::uint8_t, 32> scalar{};
    randombytes_buf(scalar.data(), scalar.size());
    std::array<std::uint8_t, 32> a{}, b{};
    ASSERT_EQ(crypto_scalarmult(a.data(), scalar.data(), good.pub.encryption_key.data()), 0);
    ASSERT_EQ(crypto_scalarmult(b.data(), scalar.data(), spelled_twice.data()), 0);
    EXPECT_EQ(a, b) << "libsodium ignores the top bit (why our parser must refuse it)";
    fv::test::expect_error([&] { PublicIdentity::parse_card(card_with(good.pub.signing_key, spelled_twice)); },
                           fv::ErrorKind::Invalid);
    // 2p - 1, 2p, 2p + 1 (in some small-order lists): X25519 clears the top bit,
    // which leaves p - 20, p - 19, p - 18, points the library accepts; only the
    // card parser's canonical check keeps these spellings out.
    for (const std::uint8_t low : {std::uint8_t{0xd9}, std::uint8_t{0xda}, std::uint8_t{0xdb}}) {
        const auto key = all_ff_but(low, 0xff);
        std::array<std::uint8_t, 32> out{};
        EXPECT_EQ(crypto_scalarmult(out.data(), scalar.data(), key.data()), 0);
        fv::test::expect_error([&] { PublicIdentity::parse_card(card_with(good.pub.signing_key, key)); },
                               fv::ErrorKind::Invalid);
    }
}

TEST_F(LibsodiumEdge, BundleKeyWrappingRefusesSmallOrderKeys) {
    const auto recipient = IdentityKeys::generate();
    const auto file_key = bundle_format::random_file_key();
    // Control: a real recipient key wraps and unwraps.
    const auto good = bundle_format::make_stanza(file_key, recipient.pub.encryption_key);
    const auto opened = bundle_format::open_stanza(good, recipient.encryption_secret, recipient.pub.encryption_key);
    ASSERT_TRUE(opened.has_value());
    EXPECT_EQ(opened->reveal()[0], file_key.reveal()[0]);

    for (const auto& point : x25519_small_order()) {
        // Sending to a low-order recipient key would make the file key public.
        try {
            bundle_format::make_stanza(file_key, point);
            ADD_FAILURE() << "make_stanza accepted a small-order recipient key";
        } catch (const BundleError& error) {
            EXPECT_EQ(error.code(), BundleErrorCode::ManifestInvalid);
            EXPECT_EQ(error.kind(), fv::ErrorKind::Invalid);
        }
        // A stanza whose ephemeral key is low order: the "shared secret" is known
        // to everyone, so the stanza is refused as tampered.
        auto stanza = good;
        std::copy(point.begin(), point.end(), stanza.begin());
        try {
            (void)bundle_format::open_stanza(stanza, recipient.encryption_secret, recipient.pub.encryption_key);
            ADD_FAILURE() << "open_stanza accepted a small-order ephemeral key";
        } catch (const BundleError& error) {
            EXPECT_EQ(error.code(), BundleErrorCode::HeaderTampered);
        }
    }
}

TEST_F(LibsodiumEdge, SignatureWithSPlusLIsRefused) {
    const auto signer = IdentityKeys::generate();
    for (int i = 0; i < 16; ++i) {
        std::vector<std::uint8_t> message(static_cast<std::size_t>(1 + i * 13), static_cast<std::uint8_t>(i));
        const auto signature = bundle_format::sign(signer, message);
        ASSERT_TRUE(bundle_format::verify_signature(signer.pub.signing_key, signature, message));  // control
        auto malleated = signature;
        add_l(malleated.data() + 32);  // S + L: the same S modulo L, a second encoding
        EXPECT_NE(crypto_sign_verify_detached(malleated.data(), message.data(), message.size(),
                                              signer.pub.signing_key.data()),
                  0);
        EXPECT_FALSE(bundle_format::verify_signature(signer.pub.signing_key, malleated, message));
        // S with a high bit set (S >= 2^253 > L) is refused too.
        auto high = signature;
        high[63] |= 0xe0;
        EXPECT_FALSE(bundle_format::verify_signature(signer.pub.signing_key, high, message));
    }
}

TEST_F(LibsodiumEdge, SmallOrderPublicKeysAndRAreRefused) {
    // The classic forgery: with A and R of small order and S = 0, a verifier
    // that only checks [S]B = R + [k]A accepts a "signature" for many messages.
    const auto points = ed25519_small_order();
    for (const auto& a : points) {
        EXPECT_EQ(crypto_core_ed25519_is_valid_point(a.data()), 0);
        for (const auto& r : points) {
            std::array<std::uint8_t, 64> signature{};
            std::copy(r.begin(), r.end(), signature.begin());
            for (std::uint8_t m = 0; m < 8; ++m) {
                const std::array<std::uint8_t, 1> message{m};
                EXPECT_NE(crypto_sign_verify_detached(signature.data(), message.data(), 1, a.data()), 0);
                EXPECT_FALSE(bundle_format::verify_signature(a, signature, message));
            }
        }
    }
    // A real key with a small-order R and S = 0 is refused as well.
    const auto signer = IdentityKeys::generate();
    const std::array<std::uint8_t, 3> message{1, 2, 3};
    for (const auto& r : points) {
        std::array<std::uint8_t, 64> signature{};
        std::copy(r.begin(), r.end(), signature.begin());
        EXPECT_FALSE(bundle_format::verify_signature(signer.pub.signing_key, signature, message));
    }
}

TEST_F(LibsodiumEdge, NonCanonicalPublicKeyEncodingsAreRefused) {
    // y in [p, 2^255 - 1] (19 values) with either sign: never a valid point,
    // never a key in a card, never a key a signature verifies under.
    const auto signer = IdentityKeys::generate();
    const std::array<std::uint8_t, 4> message{9, 9, 9, 9};
    const auto signature = bundle_format::sign(signer, message);
    for (unsigned low = 0xed; low <= 0xff; ++low) {
        for (std::uint8_t top : {std::uint8_t{0x7f}, std::uint8_t{0xff}}) {
            const auto key = all_ff_but(static_cast<std::uint8_t>(low), top);
            EXPECT_EQ(crypto_core_ed25519_is_valid_point(key.data()), 0) << low;
            EXPECT_FALSE(bundle_format::verify_signature(key, signature, message));
            fv::test::expect_error(
                [&] { PublicIdentity::parse_card(card_with(key, signer.pub.encryption_key)); },
                fv::ErrorKind::Invalid);
        }
    }
}

TEST_F(LibsodiumEdge, CardParserRefusesSmallOrderSigningKeys) {
    const auto good = IdentityKeys::generate();
    for (const auto& point : ed25519_small_order()) {
        fv::test::expect_error([&] { PublicIdentity::parse_card(card_with(point, good.pub.encryption_key)); },
                               fv::ErrorKind::Invalid);
    }
}

}  // namespace
