// Bundle key wrapping, subkeys, header MAC, hashes and the signature
// (docs/bundle-format.md "Key wrapping", "Subkeys", "What is signed").
#include <sodium.h>

#include <algorithm>

#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/model/error.h"

namespace fv::crypto::bundle_format {

namespace {

static_assert(crypto_aead_chacha20poly1305_ietf_ABYTES + 32 == kStanzaBytes - 32, "stanza layout");
static_assert(crypto_secretstream_xchacha20poly1305_ABYTES == kChunkOverhead, "chunk overhead");
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == kStreamHeaderBytes, "stream header");
static_assert(crypto_secretstream_xchacha20poly1305_TAG_FINAL == kTagFinal, "final tag");
static_assert(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE == kTagMessage, "message tag");
static_assert(crypto_sign_BYTES == kSignatureBytes, "signature size");

const unsigned char* as_uchar(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

// BLAKE2b-256 keyed with `key` over context || extra...: a PRF with domain separation.
SecretBuffer keyed_blake2b(std::span<const std::uint8_t> key, std::string_view context,
                           std::span<const std::uint8_t> extra1 = {}, std::span<const std::uint8_t> extra2 = {}) {
    SecretBuffer out(32);
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.data(), key.size(), out.size());
    crypto_generichash_update(&state, as_uchar(context), context.size());
    crypto_generichash_update(&state, extra1.data(), extra1.size());
    crypto_generichash_update(&state, extra2.data(), extra2.size());
    crypto_generichash_final(&state, out.mutable_bytes().data(), out.size());
    sodium_memzero(&state, sizeof state);
    return out;
}

// X25519, refusing the all-zero output of a low-order point (libsodium returns -1 for it).
std::optional<SecretBuffer> shared_secret(std::span<const std::uint8_t> secret, const PublicKey& pub) {
    SecretBuffer shared(crypto_scalarmult_BYTES);
    if (crypto_scalarmult(shared.mutable_bytes().data(), secret.data(), pub.data()) != 0 ||
        sodium_is_zero(shared.reveal().data(), shared.size()) != 0) {
        return std::nullopt;
    }
    return shared;
}

SecretBuffer wrap_key(const SecretBuffer& shared, const PublicKey& ephemeral, const PublicKey& recipient) {
    return keyed_blake2b(shared.reveal(), kWrapContext, ephemeral, recipient);
}

const std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> kZeroNonce{};

}  // namespace

SecretBuffer random_file_key() {
    ensure_initialized();
    SecretBuffer key(32);
    randombytes_buf(key.mutable_bytes().data(), key.size());
    return key;
}

Stanza make_stanza(const SecretBuffer& file_key, const PublicKey& recipient_ek) {
    ensure_initialized();
    PublicKey ephemeral{};
    SecretBuffer ephemeral_secret(crypto_box_SECRETKEYBYTES);
    if (crypto_box_keypair(ephemeral.data(), ephemeral_secret.mutable_bytes().data()) != 0) {
        throw Error(ErrorKind::Io, "key generation failed");
    }
    const auto shared = shared_secret(ephemeral_secret.reveal(), recipient_ek);
    if (!shared) {
        throw BundleError(BundleErrorCode::ManifestInvalid, "a recipient's encryption key is low order",
                          ErrorKind::Invalid);
    }
    const auto key = wrap_key(*shared, ephemeral, recipient_ek);
    Stanza stanza{};
    std::copy(ephemeral.begin(), ephemeral.end(), stanza.begin());
    unsigned long long written = 0;
    crypto_aead_chacha20poly1305_ietf_encrypt(stanza.data() + 32, &written, file_key.reveal().data(), file_key.size(),
                                              nullptr, 0, nullptr, kZeroNonce.data(), key.reveal().data());
    return stanza;
}

std::optional<SecretBuffer> open_stanza(const Stanza& stanza, const SecretBuffer& recipient_secret,
                                        const PublicKey& recipient_ek) {
    ensure_initialized();
    PublicKey ephemeral{};
    std::copy_n(stanza.begin(), 32, ephemeral.begin());
    const auto shared = shared_secret(recipient_secret.reveal(), ephemeral);
    if (!shared) {
        throw BundleError(BundleErrorCode::HeaderTampered,
                          "header tampered: a recipient stanza has a low-order ephemeral key");
    }
    const auto key = wrap_key(*shared, ephemeral, recipient_ek);
    SecretBuffer file_key(32);
    unsigned long long written = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(file_key.mutable_bytes().data(), &written, nullptr,
                                                  stanza.data() + 32, kStanzaBytes - 32, nullptr, 0,
                                                  kZeroNonce.data(), key.reveal().data()) != 0) {
        return std::nullopt;
    }
    return file_key;
}

SecretBuffer payload_key(const SecretBuffer& file_key, const PayloadNonce& nonce) {
    ensure_initialized();
    return keyed_blake2b(file_key.reveal(), kPayloadContext, nonce);
}

std::array<std::uint8_t, kMacBytes> header_mac(const SecretBuffer& file_key,
                                                std::span<const std::uint8_t> header_without_mac) {
    ensure_initialized();
    const auto mac_key = keyed_blake2b(file_key.reveal(), kMacContext);
    std::array<std::uint8_t, kMacBytes> mac{};
    crypto_generichash(mac.data(), mac.size(), header_without_mac.data(), header_without_mac.size(),
                       mac_key.reveal().data(), mac_key.size());
    return mac;
}

Bytes build_header(const SecretBuffer& file_key, const PayloadNonce& nonce, std::span<const Stanza> stanzas,
                   const StreamHeader& stream_header, std::uint8_t version) {
    Bytes header(kMagic.begin(), kMagic.end());
    header.push_back(version);
    header.push_back(static_cast<std::uint8_t>(stanzas.size()));
    header.insert(header.end(), nonce.begin(), nonce.end());
    for (const auto& stanza : stanzas) {
        header.insert(header.end(), stanza.begin(), stanza.end());
    }
    header.insert(header.end(), stream_header.begin(), stream_header.end());
    const auto mac = header_mac(file_key, header);
    header.insert(header.end(), mac.begin(), mac.end());
    return header;
}

Blake2b512 blake2b_512(std::span<const std::uint8_t> data) {
    ensure_initialized();
    Blake2b512 out{};
    crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
    return out;
}

Bytes signed_message(const Blake2b512& header_hash, const Blake2b512& manifest_hash) {
    Bytes message(kSignatureContext.begin(), kSignatureContext.end());
    message.insert(message.end(), header_hash.begin(), header_hash.end());
    message.insert(message.end(), manifest_hash.begin(), manifest_hash.end());
    return message;
}

std::array<std::uint8_t, kSignatureBytes> sign(const IdentityKeys& signer, std::span<const std::uint8_t> message) {
    ensure_initialized();
    if (signer.signing_secret.size() != crypto_sign_SECRETKEYBYTES) {
        throw Error(ErrorKind::Invalid, "the sender's signing key is missing");
    }
    std::array<std::uint8_t, kSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                         signer.signing_secret.reveal().data());
    return signature;
}

bool verify_signature(const PublicKey& signer, std::span<const std::uint8_t> signature,
                      std::span<const std::uint8_t> message) {
    ensure_initialized();
    // libsodium 1.0.18 refuses non-canonical S and small-order R and A, so a
    // signature cannot be altered into a second valid one (no malleability).
    return signature.size() == kSignatureBytes &&
           crypto_sign_verify_detached(signature.data(), message.data(), message.size(), signer.data()) == 0;
}

}  // namespace fv::crypto::bundle_format
