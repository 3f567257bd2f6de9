#pragma once
// The vault key header ("vault.key"): a strict, versioned JSON document holding
// the Argon2id parameters and salt, the SQLCipher settings, and the slots that
// wrap the random database key. Layout and derivations: docs/vault-format.md.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/crypto/kdf.h"

namespace fv::storage::detail {

inline constexpr std::string_view kKeyHeaderFormat = "fieldvault-vault-key";
inline constexpr int kKeyHeaderVersion = 1;
// Generous for a document of a few hundred bytes; anything larger is refused unread.
inline constexpr std::size_t kMaxKeyHeaderSize = 64 * 1024;
// XChaCha20-Poly1305 nonce (24) + 32-byte key + tag (16).
inline constexpr std::size_t kSealedKeySize = 24 + 32 + 16;

// SQLCipher settings, set explicitly on every open (names as SQLCipher 4's pragmas).
struct CipherSettings {
    std::string cipher = "aes-256-cbc";
    std::uint32_t page_size = 4096;
    std::uint32_t kdf_iter = 64000;  // unused with a raw key, recorded for completeness
    std::uint32_t fast_kdf_iter = 2; // derives the HMAC key from the raw key
    bool use_hmac = true;
    std::string hmac_algorithm = "HMAC_SHA1";
    std::string kdf_algorithm = "PBKDF2_HMAC_SHA1";
    bool operator==(const CipherSettings&) const = default;
};

enum class SlotType { Passphrase, Recovery };

struct KeyHeader {
    crypto::KdfParams kdf;
    crypto::Salt salt{};
    CipherSettings cipher;
    std::vector<std::uint8_t> passphrase_slot;  // sealed database key
    std::vector<std::uint8_t> recovery_slot;
};

// The exact bytes written to disk.
std::string serialize_key_header(const KeyHeader& header);
// Throws fv::Error(Integrity): "unsupported vault version", "corrupted key header",
// or a clear line about out-of-bounds KDF parameters / unsupported cipher settings.
KeyHeader parse_key_header(std::string_view text);

// Associated data binding a slot to the header fields it depends on.
std::vector<std::uint8_t> slot_associated_data(const KeyHeader& header, SlotType slot);

}  // namespace fv::storage::detail
