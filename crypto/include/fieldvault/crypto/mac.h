#pragma once
// A keyed MAC for small records the vault keeps outside its database (the
// freshness anchor): BLAKE2b-256 keyed with a 32-byte secret, over a context
// string and the message, so a MAC made for one purpose never verifies for
// another.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

using Mac256 = std::array<std::uint8_t, 32>;

// Throws fv::Error(Invalid) unless the key is 32 bytes.
Mac256 keyed_mac(const SecretBuffer& key, std::string_view context, std::span<const std::uint8_t> message);

// Constant time (sodium_memcmp).
[[nodiscard]] bool mac_equal(const Mac256& a, const Mac256& b) noexcept;

}  // namespace fv::crypto
