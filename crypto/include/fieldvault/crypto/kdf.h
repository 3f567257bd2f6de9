#pragma once
// Argon2id passphrase stretching with versioned parameters stored beside the
// salt. Parameters read from a file are clamped before use: a crafted header
// must not make us allocate absurd memory or spin for hours.
#include <array>
#include <cstdint>

#include "fieldvault/crypto/secret.h"
#include "fieldvault/model/kdf_params.h"

namespace fv::crypto {

using fv::KdfParams;  // plain settings, shared with the model

using Salt = std::array<std::uint8_t, 16>;

// Returns a 32-byte key. Throws fv::Error(Integrity) for parameters out of bounds
// or an unknown algorithm, fv::Error(Io) if memory cannot be had.
SecretBuffer derive_key(const SecretBuffer& passphrase, const Salt& salt, const KdfParams& params);

}  // namespace fv::crypto
