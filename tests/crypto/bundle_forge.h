#pragma once
// Test-only tools around sealed bundles: deterministic identities, a plain
// write/read round trip, and an attacker's kit (open a bundle with a
// recipient's key, rebuild one from chosen parts: stanzas, manifest bytes,
// signature, chunks and tags) built from fieldvault/crypto/bundle_format.h.
// Shared by the unit tests and the test-vector generator.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"

namespace fv::test::bundle {

using Bytes = std::vector<std::uint8_t>;
namespace bf = fv::crypto::bundle_format;

// Ed25519 and X25519 pairs from the same 32-byte seed (crypto_*_seed_keypair).
crypto::IdentityKeys keys_from_seed(std::span<const std::uint8_t> seed);
crypto::IdentityKeys keys_from_seed(std::uint8_t fill);  // seed = 32 x fill

Bytes bytes_of(std::string_view text);
Bytes pattern(std::size_t size, std::uint8_t salt);  // deterministic filler

struct ItemData {
    std::string id;
    std::string kind;
    std::string name;
    Bytes data;
};

crypto::BundleManifest make_manifest(const crypto::IdentityKeys& sender,
                                     const std::vector<crypto::PublicIdentity>& recipients,
                                     const std::vector<ItemData>& items, std::string metadata = "{}");
Bytes write_bundle(const crypto::IdentityKeys& sender, const crypto::BundleManifest& manifest,
                   const std::vector<ItemData>& items);

struct ReadResult {
    crypto::BundleManifest manifest;
    std::vector<Bytes> items;
};
// Full read with finish(), in reads of `buffer` bytes.
ReadResult read_bundle(const crypto::IdentityKeys& keys, const Bytes& bundle, std::size_t buffer = 65536);

// What a full read does: nullopt on success, else the refusal's code. Item
// bytes the reader released before the refusal are appended to *released.
// Any exception other than BundleError fails the test.
std::optional<crypto::BundleErrorCode> outcome(const crypto::IdentityKeys& keys, const Bytes& bundle,
                                               Bytes* released = nullptr);

// --- the attacker's kit ----------------------------------------------------
struct Opened {
    SecretBuffer file_key;
    bf::PayloadNonce nonce{};
    bf::StreamHeader stream_header{};  // inside the header since v2
    Bytes header;
    std::size_t recipients = 0;
    Bytes plaintext;  // the whole payload plaintext
    Bytes manifest;
    Bytes signature;
    Bytes items;  // every item's bytes, concatenated
};
// Decrypts with a recipient's key, without any of the reader's checks.
Opened open_raw(const crypto::IdentityKeys& keys, const Bytes& bundle);

using Chunks = std::vector<std::pair<Bytes, std::uint8_t>>;
Chunks standard_chunks(const Bytes& plaintext);  // 64 KiB, final tag on the last
// header (whole, MAC included) || the chunks, encrypted in the stream that the
// header's stream header starts: what anyone holding the file key can produce.
Bytes seal(const SecretBuffer& file_key, const bf::PayloadNonce& nonce, const Bytes& header,
           const Chunks& chunks);
bf::StreamHeader random_stream_header();
std::vector<bf::Stanza> stanzas_of(const Bytes& header);  // the header's stanzas, in order
// A header for these keys, with fresh stanzas and a fresh stream header.
Bytes stanza_header(const SecretBuffer& file_key, const bf::PayloadNonce& nonce,
                    const std::vector<crypto::PublicKey>& encryption_keys, std::uint8_t version = bf::kVersion);

struct Forge {
    const crypto::IdentityKeys* signer = nullptr;  // signs header hash + manifest hash
    std::vector<crypto::PublicKey> stanza_keys;    // who the header is wrapped for
    Bytes manifest;                                // raw manifest bytes
    std::optional<std::uint32_t> manifest_length;  // overrides the length field
    std::optional<Bytes> signature;                // overrides the signature
    Bytes items;
    Bytes extra_plaintext;  // appended after the items
};
Bytes forge(const Forge& spec);

// Offsets of the payload chunks in a bundle (start of each ciphertext chunk).
std::vector<std::size_t> chunk_offsets(const Bytes& bundle);

}  // namespace fv::test::bundle
