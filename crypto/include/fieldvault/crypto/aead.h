#pragma once
// Small authenticated encryption of secrets (key wrapping): XChaCha20-Poly1305
// with a random nonce. Output layout: nonce (24) || ciphertext+tag.
#include <cstdint>
#include <span>
#include <vector>

#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

std::vector<std::uint8_t> seal_secret(const SecretBuffer& key, const SecretBuffer& plaintext,
                                      std::span<const std::uint8_t> associated_data);
// Throws fv::Error(Unlock) when the key is wrong or the data was altered (the two
// cannot be told apart), fv::Error(Integrity) when the input is malformed.
SecretBuffer open_secret(const SecretBuffer& key, std::span<const std::uint8_t> sealed,
                         std::span<const std::uint8_t> associated_data);

}  // namespace fv::crypto
