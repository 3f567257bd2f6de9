// Identity keys, the identity card and the fingerprint. docs/identity-card.md is
// the written spec of both encodings; keep the two in step.
#include "fieldvault/crypto/identity.h"

#include "fieldvault/crypto/ed25519_subgroup.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "base32.h"
#include "fieldvault/model/error.h"

namespace fv::crypto {

namespace {

constexpr std::string_view kCardPrefix = "fvid1-";
// RFC 4648 base32, written in lower case (easier to read, and like age's
// "age1..."); parsed in either case.
constexpr std::string_view kCardAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
constexpr std::string_view kCardChecksumContext = "fieldvault card v1";
constexpr std::string_view kFingerprintContext = "fieldvault fingerprint v1";
constexpr std::size_t kKeysBytes = 64;
constexpr std::size_t kChecksumBytes = 4;
constexpr std::size_t kCardPayloadBytes = kKeysBytes + kChecksumBytes;
constexpr std::size_t kCardChars = kCardPrefix.size() + detail::base32_length(kCardPayloadBytes);
static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_box_PUBLICKEYBYTES == 32, "PublicKey is 32 bytes");
static_assert(kCardChecksumContext.size() >= crypto_generichash_KEYBYTES_MIN, "BLAKE2b key too short");

const unsigned char* as_uchar(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

std::array<std::uint8_t, kKeysBytes> key_bytes(const PublicIdentity& id) {
    std::array<std::uint8_t, kKeysBytes> out{};
    std::copy(id.signing_key.begin(), id.signing_key.end(), out.begin());
    std::copy(id.encryption_key.begin(), id.encryption_key.end(), out.begin() + 32);
    return out;
}

// First 4 bytes of BLAKE2b-256 keyed with the context string, over both keys.
std::array<std::uint8_t, kChecksumBytes> card_checksum(const std::array<std::uint8_t, kKeysBytes>& keys) {
    std::array<std::uint8_t, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), keys.data(), keys.size(), as_uchar(kCardChecksumContext),
                       kCardChecksumContext.size());
    std::array<std::uint8_t, kChecksumBytes> out{};
    std::copy_n(digest.begin(), kChecksumBytes, out.begin());
    return out;
}

int card_lookup(char c) {
    if (c >= 'a' && c <= 'z') {
        return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= '2' && c <= '7') {
        return c - '2' + 26;
    }
    return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(a) == lower(b);
    });
}

[[noreturn]] void reject(const std::string& why) { throw Error(ErrorKind::Invalid, "invalid identity card: " + why); }

// X25519 ignores the top bit and accepts encodings >= p; both would give a
// second card for the same key, so only the canonical encoding is accepted.
bool is_canonical_x25519(const PublicKey& key) {
    if ((key[31] & 0x80u) != 0) {
        return false;
    }
    // p = 2^255 - 19 is ed ff .. ff 7f (little endian): values >= p are 0x7f, 30 x 0xff, >= 0xed.
    if (key[31] != 0x7f || key[0] < 0xed) {
        return true;
    }
    return !std::all_of(key.begin() + 1, key.begin() + 31, [](std::uint8_t b) { return b == 0xff; });
}

// A low-order point (all-zero included) makes every shared secret predictable.
// X25519 clamps scalars to multiples of 8, so such a point times any scalar is
// all zeros, which crypto_scalarmult reports as failure.
bool has_small_order_x25519(const PublicKey& key) {
    std::array<std::uint8_t, crypto_scalarmult_SCALARBYTES> scalar{};
    std::array<std::uint8_t, crypto_scalarmult_BYTES> product{};
    randombytes_buf(scalar.data(), scalar.size());
    const int rc = crypto_scalarmult(product.data(), scalar.data(), key.data());
    sodium_memzero(scalar.data(), scalar.size());
    return rc != 0 || sodium_is_zero(product.data(), product.size()) != 0;
}

bool is_valid_ed25519(const PublicKey& key) {
    if (crypto_core_ed25519_is_valid_point(key.data()) != 1 || !is_in_prime_order_subgroup(key)) {
        return false;  // not canonical, not on the curve, small order or outside the main subgroup
    }
    std::array<std::uint8_t, crypto_scalarmult_curve25519_BYTES> montgomery{};
    return crypto_sign_ed25519_pk_to_curve25519(montgomery.data(), key.data()) == 0;
}

}  // namespace

std::string PublicIdentity::card() const {
    ensure_initialized();
    const auto keys = key_bytes(*this);
    const auto checksum = card_checksum(keys);
    std::array<std::uint8_t, kCardPayloadBytes> payload{};
    std::copy(keys.begin(), keys.end(), payload.begin());
    std::copy(checksum.begin(), checksum.end(), payload.begin() + kKeysBytes);
    std::string out(kCardPrefix);
    detail::base32_append(payload, kCardAlphabet, out);
    return out;
}

std::string PublicIdentity::fingerprint() const {
    ensure_initialized();
    const auto keys = key_bytes(*this);
    std::array<std::uint8_t, 32> digest{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, digest.size());
    crypto_generichash_update(&state, as_uchar(kFingerprintContext), kFingerprintContext.size());
    crypto_generichash_update(&state, keys.data(), keys.size());
    crypto_generichash_final(&state, digest.data(), digest.size());

    // As Signal's safety numbers: each 5-byte chunk, big endian, modulo 100000.
    std::string out;
    for (std::size_t group = 0; group < 6; ++group) {
        std::uint64_t chunk = 0;
        for (std::size_t i = 0; i < 5; ++i) {
            chunk = (chunk << 8) | digest[group * 5 + i];
        }
        const auto value = static_cast<unsigned>(chunk % 100000u);
        const std::string digits = std::to_string(value);
        if (group > 0) {
            out.push_back(' ');
        }
        out.append(5 - digits.size(), '0');
        out += digits;
    }
    return out;
}

PublicIdentity PublicIdentity::parse_card(std::string_view card) {
    ensure_initialized();
    const std::string_view text = trim(card);
    if (!starts_with_ignoring_case(text, kCardPrefix)) {
        reject("it must start with \"fvid1-\"");
    }
    if (text.size() != kCardChars) {
        reject("wrong length (" + std::to_string(text.size()) + " characters, expected " +
               std::to_string(kCardChars) + ")");
    }
    std::array<std::uint8_t, kCardPayloadBytes> payload{};
    const auto decoded = detail::base32_decode(text.substr(kCardPrefix.size()), card_lookup, payload);
    switch (decoded.status) {
        case detail::Base32Status::Ok:
            break;
        case detail::Base32Status::WrongLength:
            reject("wrong length");
        case detail::Base32Status::BadCharacter:
            reject("bad character at position " + std::to_string(kCardPrefix.size() + decoded.position + 1));
        case detail::Base32Status::NonZeroPadding:
            reject("checksum mismatch: the card has a typo (impossible last character)");
    }
    PublicIdentity id;
    std::copy_n(payload.begin(), 32, id.signing_key.begin());
    std::copy_n(payload.begin() + 32, 32, id.encryption_key.begin());
    const auto expected = card_checksum(key_bytes(id));
    if (sodium_memcmp(expected.data(), payload.data() + kKeysBytes, kChecksumBytes) != 0) {
        reject("checksum mismatch: the card has a typo");
    }
    if (!is_canonical_x25519(id.encryption_key) || has_small_order_x25519(id.encryption_key)) {
        reject("the encryption key is not a usable X25519 key (low order or non-canonical)");
    }
    if (!is_valid_ed25519(id.signing_key)) {
        reject("the signing key is not a valid Ed25519 key");
    }
    return id;
}

IdentityKeys IdentityKeys::generate() {
    ensure_initialized();
    IdentityKeys keys;
    keys.signing_secret = SecretBuffer(crypto_sign_SECRETKEYBYTES);
    keys.encryption_secret = SecretBuffer(crypto_box_SECRETKEYBYTES);
    if (crypto_sign_keypair(keys.pub.signing_key.data(), keys.signing_secret.mutable_bytes().data()) != 0 ||
        crypto_box_keypair(keys.pub.encryption_key.data(), keys.encryption_secret.mutable_bytes().data()) != 0) {
        throw Error(ErrorKind::Io, "key generation failed");
    }
    return keys;
}

}  // namespace fv::crypto
