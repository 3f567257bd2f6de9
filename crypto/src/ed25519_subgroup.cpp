#include "fieldvault/crypto/ed25519_subgroup.h"

#include <sodium.h>

#include <array>

namespace fv::crypto {

// [L]P is the identity exactly when P lies in the prime-order subgroup. Our
// own check, beside libsodium's: crypto_core_ed25519_is_valid_point let
// points with an order-2 component pass before the December 2025 fix
// (CVE-2025-69277), and a distribution may ship an unpatched libsodium.
// Double-and-add over L with crypto_core_ed25519_add (which decodes any
// point on the curve and checks no subgroup): ~250 additions, microseconds.
bool is_in_prime_order_subgroup(const PublicKey& key) noexcept {
    // L = 2^252 + 27742317777372353535851937790883648493, little-endian.
    static constexpr std::array<std::uint8_t, 32> kOrder = {
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
    static constexpr PublicKey kIdentity = {1};
    PublicKey sum = kIdentity;
    for (int bit = 255; bit >= 0; --bit) {
        if (crypto_core_ed25519_add(sum.data(), sum.data(), sum.data()) != 0) return false;
        const auto byte = kOrder[static_cast<std::size_t>(bit / 8)];
        if (((byte >> (bit % 8)) & 1u) != 0 && crypto_core_ed25519_add(sum.data(), sum.data(), key.data()) != 0)
            return false;
    }
    return sodium_memcmp(sum.data(), kIdentity.data(), sum.size()) == 0;
}

}  // namespace fv::crypto
