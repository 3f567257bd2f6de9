// Key wrapping with XChaCha20-Poly1305-IETF. The 24-byte nonce is random: at
// that size random nonces never collide in practice, so no counter has to be
// stored. Layout: nonce (24) || ciphertext || tag (16).
#include "fieldvault/crypto/aead.h"

#include <sodium.h>

#include <cstring>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"

namespace fv::crypto {

namespace {
constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

void require_key(const SecretBuffer& key) {
    if (key.size() != kKeyBytes) {
        throw Error(ErrorKind::Invalid, "encryption key must be 32 bytes");
    }
}
}  // namespace

std::vector<std::uint8_t> seal_secret(const SecretBuffer& key, const SecretBuffer& plaintext,
                                      std::span<const std::uint8_t> associated_data) {
    ensure_initialized();
    require_key(key);
    std::vector<std::uint8_t> sealed(kNonceBytes + plaintext.size() + kTagBytes);
    random_bytes(std::span<std::uint8_t>(sealed.data(), kNonceBytes));
    const std::uint8_t empty = 0;
    const std::uint8_t* message = plaintext.empty() ? &empty : plaintext.reveal().data();
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data() + kNonceBytes, &written, message, plaintext.size(),
                                               associated_data.data(), associated_data.size(), nullptr,
                                               sealed.data(), key.reveal().data());
    if (written != plaintext.size() + kTagBytes) {
        throw Error(ErrorKind::Io, "encryption produced an unexpected length");
    }
    return sealed;
}

SecretBuffer open_secret(const SecretBuffer& key, std::span<const std::uint8_t> sealed,
                         std::span<const std::uint8_t> associated_data) {
    ensure_initialized();
    require_key(key);
    if (sealed.size() < kNonceBytes + kTagBytes) {
        throw Error(ErrorKind::Integrity, "sealed data is too short");
    }
    SecretBuffer plaintext(sealed.size() - kNonceBytes - kTagBytes);
    std::uint8_t empty = 0;
    std::uint8_t* out = plaintext.empty() ? &empty : plaintext.mutable_bytes().data();
    unsigned long long written = 0;
    const auto ciphertext = sealed.subspan(kNonceBytes);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(out, &written, nullptr, ciphertext.data(), ciphertext.size(),
                                                   associated_data.data(), associated_data.size(), sealed.data(),
                                                   key.reveal().data()) != 0) {
        throw Error(ErrorKind::Unlock, "wrong key or altered data");
    }
    return plaintext;
}

}  // namespace fv::crypto
