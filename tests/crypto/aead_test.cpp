#include "fieldvault/crypto/aead.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_error.h"
#include "fieldvault/crypto/random.h"

namespace fv::crypto {
namespace {

using fv::test::expect_error;
using Bytes = std::vector<std::uint8_t>;

constexpr std::size_t kOverhead = 24 + 16;  // nonce + tag

SecretBuffer random_key(std::size_t size = 32) {
    SecretBuffer key(size);
    random_bytes(key.mutable_bytes());
    return key;
}

Bytes ad_of(std::string_view text) { return Bytes(text.begin(), text.end()); }

TEST(Aead, RoundTrip) {
    const auto key = random_key();
    const auto secret = random_key();
    const auto ad = ad_of("vault v1 passphrase slot");
    const auto sealed = seal_secret(key, secret, ad);
    EXPECT_EQ(sealed.size(), secret.size() + kOverhead);
    EXPECT_TRUE(open_secret(key, sealed, ad).equals(secret));
}

TEST(Aead, RoundTripEmptyPlaintextAndEmptyAd) {
    const auto key = random_key();
    const auto sealed = seal_secret(key, SecretBuffer(), {});
    EXPECT_EQ(sealed.size(), kOverhead);
    EXPECT_TRUE(open_secret(key, sealed, {}).empty());
}

TEST(Aead, CiphertextHidesPlaintextAndNoncesDiffer) {
    const auto key = random_key();
    const auto secret = SecretBuffer::from_string("a secret that must not show up in the output");
    const auto a = seal_secret(key, secret, {});
    const auto b = seal_secret(key, secret, {});
    EXPECT_NE(a, b);  // fresh random nonce each time
    const std::string as_text(a.begin(), a.end());
    EXPECT_EQ(as_text.find("must not show up"), std::string::npos);
}

TEST(Aead, EverySingleBitFlipIsRejected) {
    const auto key = random_key();
    const auto secret = random_key();
    const auto ad = ad_of("ad");
    const auto sealed = seal_secret(key, secret, ad);
    for (std::size_t byte = 0; byte < sealed.size(); ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            auto tampered = sealed;
            tampered[byte] = static_cast<std::uint8_t>(tampered[byte] ^ (1u << bit));
            const auto message = expect_error([&] { (void)open_secret(key, tampered, ad); }, ErrorKind::Unlock);
            EXPECT_EQ(message, "wrong key or altered data");
        }
    }
}

TEST(Aead, TruncationIsRejected) {
    const auto key = random_key();
    const auto sealed = seal_secret(key, random_key(), {});
    for (std::size_t length = 0; length < sealed.size(); ++length) {
        const Bytes cut(sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(length));
        // Too short to hold a nonce and a tag is malformed; longer is simply unauthentic.
        const auto kind = length < kOverhead ? ErrorKind::Integrity : ErrorKind::Unlock;
        expect_error([&] { (void)open_secret(key, cut, {}); }, kind);
    }
}

TEST(Aead, AppendedByteIsRejected) {
    const auto key = random_key();
    auto sealed = seal_secret(key, random_key(), {});
    sealed.push_back(0);
    expect_error([&] { (void)open_secret(key, sealed, {}); }, ErrorKind::Unlock);
}

TEST(Aead, WrongKeyIsRejected) {
    const auto sealed = seal_secret(random_key(), random_key(), {});
    expect_error([&] { (void)open_secret(random_key(), sealed, {}); }, ErrorKind::Unlock);
}

TEST(Aead, WrongAssociatedDataIsRejected) {
    const auto key = random_key();
    const auto sealed = seal_secret(key, random_key(), ad_of("passphrase slot"));
    expect_error([&] { (void)open_secret(key, sealed, ad_of("recovery slot")); }, ErrorKind::Unlock);
    expect_error([&] { (void)open_secret(key, sealed, {}); }, ErrorKind::Unlock);
}

TEST(Aead, KeyMustBe32Bytes) {
    for (const std::size_t size : {0u, 16u, 31u, 33u, 64u}) {
        const auto key = random_key(size);
        expect_error([&] { (void)seal_secret(key, random_key(), {}); }, ErrorKind::Invalid);
        expect_error([&] { (void)open_secret(key, Bytes(80), {}); }, ErrorKind::Invalid);
    }
}

}  // namespace
}  // namespace fv::crypto
