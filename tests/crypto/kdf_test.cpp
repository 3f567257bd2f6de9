#include "fieldvault/crypto/kdf.h"

#include <gtest/gtest.h>

#include "expect_error.h"

namespace fv::crypto {
namespace {

using fv::test::expect_error;

// The smallest parameters inside the bounds: keeps the suite fast, also under sanitizers.
KdfParams fast() { return KdfParams{1, KdfParams::kMinOps, KdfParams::kMinMem}; }

Salt salt_of(std::uint8_t fill) {
    Salt salt{};
    salt.fill(fill);
    return salt;
}

TEST(KdfParams, PresetsAreArgon2idWithinBounds) {
    for (const auto& params : {KdfParams::moderate(), KdfParams::interactive()}) {
        EXPECT_EQ(params.algorithm, 1u);
        EXPECT_TRUE(params.within_bounds());
    }
    EXPECT_GT(KdfParams::moderate().memlimit, KdfParams::interactive().memlimit);
}

TEST(KdfParams, BoundsAreInclusive) {
    EXPECT_TRUE((KdfParams{1, KdfParams::kMinOps, KdfParams::kMinMem}.within_bounds()));
    EXPECT_TRUE((KdfParams{1, KdfParams::kMaxOps, KdfParams::kMaxMem}.within_bounds()));
    EXPECT_FALSE((KdfParams{1, KdfParams::kMinOps - 1, KdfParams::kMinMem}.within_bounds()));
    EXPECT_FALSE((KdfParams{1, KdfParams::kMaxOps + 1, KdfParams::kMinMem}.within_bounds()));
    EXPECT_FALSE((KdfParams{1, KdfParams::kMinOps, KdfParams::kMinMem - 1}.within_bounds()));
    EXPECT_FALSE((KdfParams{1, KdfParams::kMinOps, KdfParams::kMaxMem + 1}.within_bounds()));
    EXPECT_FALSE((KdfParams{0, KdfParams::kMinOps, KdfParams::kMinMem}.within_bounds()));
    EXPECT_FALSE((KdfParams{2, KdfParams::kMinOps, KdfParams::kMinMem}.within_bounds()));
}

TEST(DeriveKey, IsDeterministicAnd32Bytes) {
    const auto passphrase = SecretBuffer::from_string("correct horse battery staple");
    const auto a = derive_key(passphrase, salt_of(7), fast());
    const auto b = derive_key(passphrase, salt_of(7), fast());
    EXPECT_EQ(a.size(), 32u);
    EXPECT_TRUE(a.equals(b));
}

TEST(DeriveKey, InteractivePresetDerives) {
    const auto passphrase = SecretBuffer::from_string("interactive");
    const auto a = derive_key(passphrase, salt_of(1), KdfParams::interactive());
    EXPECT_EQ(a.size(), 32u);
    EXPECT_FALSE(a.equals(derive_key(passphrase, salt_of(1), fast())));  // the parameters matter
}

TEST(DeriveKey, DifferentSaltGivesDifferentKey) {
    const auto passphrase = SecretBuffer::from_string("same passphrase");
    EXPECT_FALSE(derive_key(passphrase, salt_of(1), fast()).equals(derive_key(passphrase, salt_of(2), fast())));
}

TEST(DeriveKey, DifferentPassphraseGivesDifferentKey) {
    const auto a = derive_key(SecretBuffer::from_string("passphrase one"), salt_of(3), fast());
    const auto b = derive_key(SecretBuffer::from_string("passphrase onE"), salt_of(3), fast());
    EXPECT_FALSE(a.equals(b));
}

TEST(DeriveKey, EmptyPassphraseStillDerives) {
    const auto a = derive_key(SecretBuffer(), salt_of(4), fast());
    EXPECT_EQ(a.size(), 32u);
    EXPECT_FALSE(a.equals(derive_key(SecretBuffer::from_string("x"), salt_of(4), fast())));
}

TEST(DeriveKey, UnicodePassphraseIsUsedAsUtf8Bytes) {
    const auto a = derive_key(SecretBuffer::from_string("密码 пароль"), salt_of(5), fast());
    const auto b = derive_key(SecretBuffer::from_string("密码 пароль"), salt_of(5), fast());
    EXPECT_TRUE(a.equals(b));
}

// A crafted header must be refused before anything is allocated: 1 TiB would
// otherwise fail inside libsodium as Io (or exhaust the machine), not as Integrity.
TEST(DeriveKey, RefusesOutOfBoundsParametersBeforeAllocating) {
    const auto passphrase = SecretBuffer::from_string("p");
    const KdfParams crafted[] = {
        {1, 3, 1ull << 40},                        // 1 TiB
        {1, 3, ~0ull},                             // absurd
        {1, 1ull << 32, KdfParams::kMinMem},       // hours of work
        {1, KdfParams::kMaxOps + 1, KdfParams::kMinMem},
        {1, 0, KdfParams::kMinMem},
        {1, 1, KdfParams::kMinMem - 1},
        {1, 1, 0},
        {1, 0, 0},
    };
    for (const auto& params : crafted) {
        const auto message =
            expect_error([&] { (void)derive_key(passphrase, salt_of(0), params); }, ErrorKind::Integrity);
        EXPECT_NE(message.find("out of bounds"), std::string::npos) << message;
    }
}

TEST(DeriveKey, RefusesUnknownAlgorithm) {
    const auto passphrase = SecretBuffer::from_string("p");
    for (const std::uint32_t algorithm : {0u, 2u, 0xffffffffu}) {
        const KdfParams params{algorithm, KdfParams::kMinOps, KdfParams::kMinMem};
        const auto message =
            expect_error([&] { (void)derive_key(passphrase, salt_of(0), params); }, ErrorKind::Integrity);
        EXPECT_NE(message.find("algorithm"), std::string::npos) << message;
    }
}

}  // namespace
}  // namespace fv::crypto
