#pragma once
// Argon2id passphrase stretching with versioned parameters stored beside the
// salt. Parameters read from a file are clamped before use: a crafted header
// must not make us allocate absurd memory or spin for hours.
#include <array>
#include <cstdint>

#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

struct KdfParams {
    std::uint32_t algorithm = 1;  // 1 = Argon2id v1.3 (crypto_pwhash_ALG_ARGON2ID13)
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;  // bytes

    static KdfParams moderate();     // the default for new vaults
    static KdfParams interactive();  // tests and benchmarks only
    // Bounds accepted from disk; anything outside is refused, not silently changed.
    static constexpr std::uint64_t kMinOps = 1, kMaxOps = 20;
    static constexpr std::uint64_t kMinMem = 8ull << 20, kMaxMem = 1ull << 30;
    bool within_bounds() const noexcept;
};

using Salt = std::array<std::uint8_t, 16>;

// Returns a 32-byte key. Throws fv::Error(Integrity) for parameters out of bounds
// or an unknown algorithm, fv::Error(Io) if memory cannot be had.
SecretBuffer derive_key(const SecretBuffer& passphrase, const Salt& salt, const KdfParams& params);

}  // namespace fv::crypto
