#pragma once
// A vault's identity: an Ed25519 signing pair and an X25519 encryption pair.
// The public half travels as an "identity card", one copy-pasteable line with a
// checksum, and is compared by people as a short fingerprint of digit groups.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

using PublicKey = std::array<std::uint8_t, 32>;

struct PublicIdentity {
    PublicKey signing_key{};     // Ed25519
    PublicKey encryption_key{};  // X25519

    // "fvid1-" + base32 (no padding) of signing_key || encryption_key || 4-byte checksum.
    std::string card() const;
    // 30 decimal digits in 6 groups of 5, from a hash of both keys: read aloud to compare.
    std::string fingerprint() const;
    // Throws fv::Error(Invalid) with a clear reason: wrong prefix, bad character,
    // wrong length, checksum mismatch (a typo), or an invalid/low-order key.
    static PublicIdentity parse_card(std::string_view card);

    bool operator==(const PublicIdentity&) const = default;
};

struct IdentityKeys {
    PublicIdentity pub;
    SecretBuffer signing_secret;     // 64 bytes (libsodium Ed25519 secret key)
    SecretBuffer encryption_secret;  // 32 bytes (X25519 secret key)

    static IdentityKeys generate();
};

}  // namespace fv::crypto
