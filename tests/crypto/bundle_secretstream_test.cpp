// SecretstreamCipher (crypto/src/bundle_secretstream.h) must be libsodium's
// crypto_secretstream_xchacha20poly1305, byte for byte and state for state:
// the bundle format is defined by libsodium's construction, and an independent
// implementation (or an older Fieldvault) reads what we write.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "bundle_secretstream.h"
#include "fieldvault/crypto/secret.h"

namespace {

using fv::crypto::bundle_format::SecretstreamCipher;
using fv::crypto::bundle_format::SecretstreamState;
using Bytes = std::vector<std::uint8_t>;

constexpr std::size_t kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::uint8_t kMessage = crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
constexpr std::uint8_t kPush = crypto_secretstream_xchacha20poly1305_TAG_PUSH;
constexpr std::uint8_t kRekey = crypto_secretstream_xchacha20poly1305_TAG_REKEY;
constexpr std::uint8_t kFinal = crypto_secretstream_xchacha20poly1305_TAG_FINAL;

// Lengths on both sides of the 16-byte rule that picks OpenSSL's path, and full chunks.
const std::vector<std::size_t> kLengths = {0,    1,    8,    15,   16,   17,    24,    31,    32,    48,   63,
                                           64,   65,   100,  1000, 4096, 4100,  65519, 65520, 65535, 65536};

Bytes random_bytes(std::size_t n) {
    Bytes out(n);
    if (n > 0) randombytes_buf(out.data(), out.size());  // data() of an empty vector is null (UBSan)
    return out;
}

struct Pair {
    SecretstreamState push{};
    std::array<std::uint8_t, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    std::array<std::uint8_t, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
};

Pair new_stream() {
    fv::crypto::ensure_initialized();
    Pair p;
    crypto_secretstream_xchacha20poly1305_keygen(p.key.data());
    crypto_secretstream_xchacha20poly1305_init_push(&p.push, p.header.data(), p.key.data());
    return p;
}

SecretstreamState pull_state(const Pair& p) {
    SecretstreamState s{};
    EXPECT_EQ(crypto_secretstream_xchacha20poly1305_init_pull(&s, p.header.data(), p.key.data()), 0);
    return s;
}

bool same_state(const SecretstreamState& a, const SecretstreamState& b) {
    return std::memcmp(a.k, b.k, sizeof a.k) == 0 && std::memcmp(a.nonce, b.nonce, sizeof a.nonce) == 0;
}

Bytes sodium_push(SecretstreamState& s, const Bytes& m, std::uint8_t tag) {
    Bytes out(m.size() + kAbytes);
    unsigned long long n = 0;
    crypto_secretstream_xchacha20poly1305_push(&s, out.data(), &n, m.data(), m.size(), nullptr, 0, tag);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

TEST(BundleSecretstream, PushIsLibsodiumsPushForEveryLengthAndTag) {
    auto p = new_stream();
    SecretstreamState ours = p.push;
    SecretstreamCipher cipher;
    // Debian's libcrypto has ChaCha20-Poly1305: these tests compare OpenSSL's path, not libsodium with itself.
    ASSERT_TRUE(cipher.accelerated());
    for (const auto tag : {kMessage, kPush, kRekey, kFinal}) {
        for (const auto length : kLengths) {
            const auto m = random_bytes(length);
            const auto expected = sodium_push(p.push, m, tag);
            Bytes out(length + kAbytes);
            ASSERT_EQ(cipher.push(ours, m, tag, out), length + kAbytes);
            ASSERT_EQ(out, expected) << "length " << length << " tag " << int(tag);
            ASSERT_TRUE(same_state(ours, p.push)) << "length " << length << " tag " << int(tag);
        }
    }
}

TEST(BundleSecretstream, PullReadsLibsodiumsChunksAndLibsodiumReadsOurs) {
    auto p = new_stream();
    SecretstreamState ours_push = p.push;
    SecretstreamState sodium_pull = pull_state(p);
    SecretstreamState ours_pull = pull_state(p);
    SecretstreamCipher cipher;
    for (const auto tag : {kMessage, kRekey, kPush, kMessage, kFinal}) {
        for (const auto length : kLengths) {
            const auto m = random_bytes(length);
            // libsodium seals, we open.
            const auto sealed = sodium_push(p.push, m, tag);
            Bytes opened(length + 1, 0xaa);
            std::size_t len = 0;
            std::uint8_t got_tag = 0;
            ASSERT_TRUE(cipher.pull(ours_pull, sealed, opened, len, got_tag)) << "length " << length;
            ASSERT_EQ(len, length);
            ASSERT_EQ(got_tag, tag);
            ASSERT_TRUE(std::equal(m.begin(), m.end(), opened.begin()));
            // We seal, libsodium opens.
            Bytes ours(length + kAbytes);
            (void)cipher.push(ours_push, m, tag, ours);
            Bytes plain(length + 1);
            unsigned long long n = 0;
            unsigned char t = 0;
            ASSERT_EQ(crypto_secretstream_xchacha20poly1305_pull(&sodium_pull, plain.data(), &n, &t, ours.data(),
                                                                 ours.size(), nullptr, 0),
                      0);
            ASSERT_EQ(n, length);
            ASSERT_EQ(t, tag);
            ASSERT_TRUE(std::equal(m.begin(), m.end(), plain.begin()));
            ASSERT_TRUE(same_state(ours_pull, sodium_pull));
        }
    }
}

TEST(BundleSecretstream, AlteredChunksAreRefusedAndLeaveTheStateAndOutputClean) {
    for (const auto length : {std::size_t{65536}, std::size_t{48}, std::size_t{1000}, std::size_t{0}}) {
        auto p = new_stream();
        const auto m = random_bytes(length);
        const auto sealed = sodium_push(p.push, m, kMessage);
        SecretstreamCipher cipher;
        // Every byte class: the tag byte, the first and last ciphertext bytes, the MAC.
        std::vector<std::size_t> positions = {0, sealed.size() - 1, sealed.size() - 16};
        if (length > 0) positions.insert(positions.end(), {1, length});
        for (const auto at : positions) {
            auto state = pull_state(p);
            const auto before = state;
            auto bad = sealed;
            bad[at] ^= 0x01;
            Bytes out(length + 1, 0);
            std::size_t len = 7;
            std::uint8_t tag = 0;
            EXPECT_FALSE(cipher.pull(state, bad, out, len, tag)) << "length " << length << " byte " << at;
            EXPECT_TRUE(same_state(state, before));
            EXPECT_EQ(len, 0u);
            EXPECT_TRUE(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == 0; }));
        }
        // The untouched chunk still opens with the untouched state.
        auto state = pull_state(p);
        Bytes out(length + 1);
        std::size_t len = 0;
        std::uint8_t tag = 0xff;
        EXPECT_TRUE(cipher.pull(state, sealed, out, len, tag));
        EXPECT_EQ(tag, kMessage);
    }
}

TEST(BundleSecretstream, ShortInputIsRefused) {
    auto p = new_stream();
    auto state = pull_state(p);
    SecretstreamCipher cipher;
    const Bytes tiny(kAbytes - 1, 0);
    Bytes out(16);
    std::size_t len = 0;
    std::uint8_t tag = 0;
    EXPECT_FALSE(cipher.pull(state, tiny, out, len, tag));
}

TEST(BundleSecretstream, CounterWrapRekeysAsLibsodiumDoes) {
    auto p = new_stream();
    auto sodium_pull = pull_state(p);
    // The 32-bit chunk counter wraps to zero after the first chunk.
    for (auto* s : {&p.push, &sodium_pull}) std::memset(s->nonce, 0xff, 4);
    SecretstreamState ours = p.push;
    auto ours_pull = sodium_pull;
    SecretstreamCipher cipher;
    for (int i = 0; i < 3; ++i) {
        const auto m = random_bytes(65536);
        const auto expected = sodium_push(p.push, m, kMessage);
        Bytes out(m.size() + kAbytes);
        (void)cipher.push(ours, m, kMessage, out);
        ASSERT_EQ(out, expected) << "chunk " << i;
        ASSERT_TRUE(same_state(ours, p.push));
        Bytes plain(m.size());
        std::size_t len = 0;
        std::uint8_t tag = 0;
        ASSERT_TRUE(cipher.pull(ours_pull, out, plain, len, tag));
        ASSERT_EQ(plain, m);
    }
}

}  // namespace
