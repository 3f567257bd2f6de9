// Recovery key: 32 random bytes written as Crockford base32 in dash-separated
// groups of 4, with a 2-byte checksum so that a mistyped key is reported as a
// typo instead of as a wrong key. docs/identity-card.md has the exact format.
#include "fieldvault/crypto/recovery_key.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "base32.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"

namespace fv::crypto {

namespace {

constexpr std::string_view kPrefix = "FVRK";
// Crockford's alphabet: no I, L, O, U, so fewer look-alikes when copied by hand.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kChecksumContext = "fieldvault recovery key v1";
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kChecksumBytes = 2;
constexpr std::size_t kPayloadBytes = kKeyBytes + kChecksumBytes;
constexpr std::size_t kBodyChars = detail::base32_length(kPayloadBytes);  // 55
constexpr std::size_t kGroup = 4;
static_assert(kChecksumContext.size() >= crypto_generichash_KEYBYTES_MIN, "BLAKE2b key too short");

// First 2 bytes of BLAKE2b-256 keyed with the context string, over the key.
void write_checksum(std::span<const std::uint8_t> key, std::span<std::uint8_t> out) {
    std::array<std::uint8_t, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), key.data(), key.size(),
                       reinterpret_cast<const unsigned char*>(kChecksumContext.data()), kChecksumContext.size());
    std::copy_n(digest.begin(), out.size(), out.begin());
    sodium_memzero(digest.data(), digest.size());
}

// Crockford decoding: case-insensitive, O reads as 0, I and L read as 1; U is never valid.
int crockford_lookup(char c) {
    if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
    }
    if (c == 'O') {
        return 0;
    }
    if (c == 'I' || c == 'L') {
        return 1;
    }
    const auto at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool is_separator(char c) { return c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

[[noreturn]] void reject(const std::string& why) { throw Error(ErrorKind::Invalid, "invalid recovery key: " + why); }

}  // namespace

std::string RecoveryKey::format(const SecretBuffer& key) {
    ensure_initialized();
    if (key.size() != kKeyBytes) {
        throw Error(ErrorKind::Invalid, "a recovery key must be 32 bytes");
    }
    SecretBuffer payload(kPayloadBytes);
    auto bytes = payload.mutable_bytes();
    std::copy(key.reveal().begin(), key.reveal().end(), bytes.begin());
    write_checksum(key.reveal(), bytes.subspan(kKeyBytes));

    std::string body;
    detail::base32_append(bytes, kAlphabet, body);
    std::string text;
    text.reserve(kPrefix.size() + kBodyChars + kBodyChars / kGroup + 1);  // no reallocation: no stray copies
    text = kPrefix;
    for (std::size_t i = 0; i < body.size(); i += kGroup) {
        text.push_back('-');
        text.append(body, i, kGroup);
    }
    wipe_memory(body.data(), body.size());
    return text;
}

RecoveryKey RecoveryKey::generate() {
    ensure_initialized();
    RecoveryKey result;
    result.key = SecretBuffer(kKeyBytes);
    random_bytes(result.key.mutable_bytes());
    result.text = format(result.key);
    return result;
}

SecretBuffer RecoveryKey::parse(std::string_view text) {
    ensure_initialized();
    // Normalise into a secret buffer: drop separators. The text itself is a
    // secret, so it is never echoed in an error message.
    SecretBuffer compact(text.size());
    std::size_t length = 0;
    for (const char c : text) {
        if (!is_separator(c)) {
            compact.mutable_bytes()[length++] = static_cast<std::uint8_t>(c);
        }
    }
    std::string_view body = compact.reveal_text().substr(0, length);
    if (body.size() == kPrefix.size() + kBodyChars) {
        const std::string_view head = body.substr(0, kPrefix.size());
        bool prefixed = true;
        for (std::size_t i = 0; i < kPrefix.size(); ++i) {
            const char c = head[i];
            const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
            prefixed = prefixed && upper == kPrefix[i];
        }
        if (!prefixed) {
            reject("it must start with \"FVRK-\"");
        }
        body.remove_prefix(kPrefix.size());
    }
    if (body.size() != kBodyChars) {
        reject("wrong length (" + std::to_string(body.size()) + " characters without dashes, expected " +
               std::to_string(kBodyChars) + ")");
    }

    SecretBuffer payload(kPayloadBytes);
    const auto decoded = detail::base32_decode(body, crockford_lookup, payload.mutable_bytes());
    switch (decoded.status) {
        case detail::Base32Status::Ok:
            break;
        case detail::Base32Status::WrongLength:
            reject("wrong length");
        case detail::Base32Status::BadCharacter:
            reject("character " + std::to_string(decoded.position + 1) +
                   " (not counting dashes and spaces) is not a letter or digit used in recovery keys");
        case detail::Base32Status::NonZeroPadding:
            reject("checksum mismatch: the key has a typo (impossible last character)");
    }
    const auto bytes = payload.reveal();
    std::array<std::uint8_t, kChecksumBytes> expected{};
    write_checksum(bytes.first(kKeyBytes), expected);
    if (sodium_memcmp(expected.data(), bytes.data() + kKeyBytes, kChecksumBytes) != 0) {
        reject("checksum mismatch: the key has a typo");
    }
    return SecretBuffer::from_bytes(bytes.first(kKeyBytes));
}

}  // namespace fv::crypto
