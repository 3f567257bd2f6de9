#include "fieldvault/crypto/mac.h"

#include <sodium.h>

#include "fieldvault/model/error.h"

namespace fv::crypto {

Mac256 keyed_mac(const SecretBuffer& key, std::string_view context, std::span<const std::uint8_t> message) {
    ensure_initialized();
    if (key.size() != 32) throw Error(ErrorKind::Invalid, "a MAC key must be 32 bytes");
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.reveal().data(), key.size(), sizeof(Mac256));
    // The context's length first, so that context and message cannot be re-split.
    const auto context_size = static_cast<std::uint8_t>(context.size() > 255 ? 255 : context.size());
    crypto_generichash_update(&state, &context_size, 1);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(context.data()), context_size);
    crypto_generichash_update(&state, message.data(), message.size());
    Mac256 mac{};
    crypto_generichash_final(&state, mac.data(), mac.size());
    sodium_memzero(&state, sizeof state);
    return mac;
}

bool mac_equal(const Mac256& a, const Mac256& b) noexcept { return sodium_memcmp(a.data(), b.data(), a.size()) == 0; }

}  // namespace fv::crypto
