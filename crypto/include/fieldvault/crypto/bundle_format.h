#pragma once
// The pieces of the bundle format v2 (docs/bundle-format.md), one function per
// derivation or encoding. BundleWriter and BundleReader are built from them;
// the test-vector generator and the adversarial tests use them directly to
// write bundles that a correct writer never would. Applications use bundle.h.
#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/secret.h"

namespace fv::crypto::bundle_format {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::array<std::uint8_t, 8> kMagic = {'F', 'V', 'B', 'U', 'N', 'D', 'L', 'E'};
inline constexpr std::uint8_t kVersion = 2;
// Version 1 put the stream header after the header MAC, outside the signature;
// its bundles are refused with a message that says what to do.
inline constexpr std::uint8_t kRetiredVersion = 1;
inline constexpr std::size_t kPayloadNonceBytes = 16;
inline constexpr std::size_t kStanzaBytes = 80;  // ephemeral pk (32) || wrapped file key (48)
inline constexpr std::size_t kHeaderFixedBytes = 8 + 1 + 1 + kPayloadNonceBytes;  // before the stanzas
inline constexpr std::size_t kMacBytes = 32;
inline constexpr std::size_t kStreamHeaderBytes = 24;
inline constexpr std::size_t kChunkPlainBytes = 65536;
inline constexpr std::size_t kChunkOverhead = 17;
inline constexpr std::size_t kChunkCipherBytes = kChunkPlainBytes + kChunkOverhead;
inline constexpr std::size_t kSignatureBytes = 64;
inline constexpr std::uint8_t kTagMessage = 0;  // crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
inline constexpr std::uint8_t kTagFinal = 3;    // crypto_secretstream_xchacha20poly1305_TAG_FINAL

inline constexpr std::string_view kWrapContext = "fieldvault-bundle-v2 wrap";
inline constexpr std::string_view kMacContext = "fieldvault-bundle-v2 header mac";
inline constexpr std::string_view kPayloadContext = "fieldvault-bundle-v2 payload";
inline constexpr std::string_view kSignatureContext = "fieldvault-bundle-v2 signature";

// magic || version || n || nonce || stanzas || stream header || MAC: 82 + 80·n.
constexpr std::size_t header_bytes(std::size_t recipients) {
    return kHeaderFixedBytes + recipients * kStanzaBytes + kStreamHeaderBytes + kMacBytes;
}
// Where the stream header starts in a header of that many recipients.
constexpr std::size_t stream_header_offset(std::size_t recipients) {
    return kHeaderFixedBytes + recipients * kStanzaBytes;
}

using Stanza = std::array<std::uint8_t, kStanzaBytes>;
using PayloadNonce = std::array<std::uint8_t, kPayloadNonceBytes>;
using StreamHeader = std::array<std::uint8_t, kStreamHeaderBytes>;

// --- keys and header -------------------------------------------------------
SecretBuffer random_file_key();
// A fresh ephemeral key wraps file_key for recipient_ek. Throws BundleError
// (ManifestInvalid, kind Invalid) for a low-order recipient key.
Stanza make_stanza(const SecretBuffer& file_key, const PublicKey& recipient_ek);
// The file key if this stanza is for recipient_secret (32-byte X25519), else
// nullopt. Throws BundleError(HeaderTampered) for a low-order ephemeral key.
[[nodiscard]] std::optional<SecretBuffer> open_stanza(const Stanza& stanza, const SecretBuffer& recipient_secret,
                                        const PublicKey& recipient_ek);
SecretBuffer payload_key(const SecretBuffer& file_key, const PayloadNonce& nonce);
std::array<std::uint8_t, kMacBytes> header_mac(const SecretBuffer& file_key,
                                                std::span<const std::uint8_t> header_without_mac);
// magic || version || n || nonce || stanzas || stream header || MAC (the MAC
// from file_key). The stream header is inside, so the MAC and the signed
// header hash cover it.
Bytes build_header(const SecretBuffer& file_key, const PayloadNonce& nonce, std::span<const Stanza> stanzas,
                   const StreamHeader& stream_header, std::uint8_t version = kVersion);

// --- hashes and signature --------------------------------------------------
Blake2b512 blake2b_512(std::span<const std::uint8_t> data);
// context || header_hash || manifest_hash (158 bytes): what the sender signs.
Bytes signed_message(const Blake2b512& header_hash, const Blake2b512& manifest_hash);
std::array<std::uint8_t, kSignatureBytes> sign(const IdentityKeys& signer, std::span<const std::uint8_t> message);
[[nodiscard]] bool verify_signature(const PublicKey& signer, std::span<const std::uint8_t> signature,
                      std::span<const std::uint8_t> message);

// --- manifest --------------------------------------------------------------
// Encodes without checking bounds (tests use it to write invalid manifests).
Bytes encode_manifest(const BundleManifest& manifest);
// Strict decoding; throws BundleError(ManifestInvalid) naming the bound broken.
BundleManifest decode_manifest(std::span<const std::uint8_t> bytes);
// Every bound of the spec; throws BundleError(ManifestInvalid, kind) with a reason.
void validate_manifest(const BundleManifest& manifest, ErrorKind kind = ErrorKind::Integrity);
// The sanitised-name rule (docs/bundle-format.md); empty when fine, else why not.
std::string_view name_problem(std::string_view name);

// --- payload stream --------------------------------------------------------
class SecretstreamCipher;  // crypto/src/bundle_secretstream.h: libsodium's secretstream, bulk through OpenSSL

// Pushes secretstream chunks to `out` with the tags the caller chooses. The
// stream header is made here (init_push) but not written: it belongs in the
// bundle header, which the caller writes before the first chunk.
class ChunkSealer {
public:
    ChunkSealer(const SecretBuffer& payload_key, std::ostream& out);
    ~ChunkSealer();
    const StreamHeader& stream_header() const noexcept { return stream_header_; }
    void push(std::span<const std::uint8_t> plaintext, std::uint8_t tag);

private:
    SecretBuffer state_;  // crypto_secretstream_xchacha20poly1305_state (holds a key)
    StreamHeader stream_header_{};
    std::ostream& out_;
    std::unique_ptr<SecretstreamCipher> cipher_;
    std::vector<std::uint8_t> sealed_;  // one sealed chunk, reused
};

// Cuts a plaintext stream into 64 KiB chunks: TAG_MESSAGE for all but the
// last, TAG_FINAL on the last (never empty, since the payload never is).
class PayloadSealer {
public:
    PayloadSealer(const SecretBuffer& payload_key, std::ostream& out);
    ~PayloadSealer();
    const StreamHeader& stream_header() const noexcept { return sealer_.stream_header(); }
    void write(std::span<const std::uint8_t> bytes);
    void finish();

private:
    ChunkSealer sealer_;
    std::vector<std::uint8_t> buffer_;
};

// The payload plaintext's beginning: manifest_len || manifest || signature.
Bytes payload_prefix(std::span<const std::uint8_t> manifest, std::span<const std::uint8_t> signature);

}  // namespace fv::crypto::bundle_format
