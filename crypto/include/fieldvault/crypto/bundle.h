#pragma once
// The sealed bundle: reports and attachments from one vault to 1..8 recipient
// vaults, encrypted, signed, and refused by the reader if anything was changed,
// cut, reordered, re-addressed or forwarded. docs/bundle-format.md is the spec.
//
// This layer knows byte streams only: the exporter fills a BundleManifest and
// streams items; the importer reads items as streams and must QUARANTINE them
// (one transaction, committed only after BundleReader::finish() returns),
// because item bytes are released before the end of the file is verified.
#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/crypto/identity.h"

namespace fv::crypto {

// Why a bundle was refused. Every refusal by the reader is an fv::Error of kind
// Integrity (CLI exit 4); the code says which check failed.
enum class BundleErrorCode {
    NotABundle,          // no "FVBUNDLE" magic
    UnsupportedVersion,  // a version this reader does not know
    NotAddressed,        // no stanza opens with this vault's key
    HeaderTampered,      // header malformed, cut, or its MAC does not match
    ContentTampered,     // a chunk altered, reordered, dropped, cut; trailing bytes; an item's size or SHA-256
    SignatureInvalid,    // the Ed25519 signature does not verify with the manifest's signer key
    RecipientNotListed,  // the signed manifest does not list this vault (forwarded or re-sealed)
    ManifestInvalid,     // a bound, a name, a count or the encoding of the manifest
};

// Stable short names ("not a bundle", "header tampered"...), used by the CLI's
// JSON and by the test vectors' "expect:" line.
std::string_view bundle_error_name(BundleErrorCode code) noexcept;

class BundleError : public Error {
public:
    BundleError(BundleErrorCode code, const std::string& message, ErrorKind kind = ErrorKind::Integrity)
        : Error(kind, message), code_(code) {}
    BundleErrorCode code() const noexcept { return code_; }

private:
    BundleErrorCode code_;
};

using BundleId = std::array<std::uint8_t, 16>;
using Blake2b512 = std::array<std::uint8_t, 64>;

struct BundleItem {
    std::string id;    // 1..64 bytes of A-Z a-z 0-9 . _ : -   (unique in the bundle)
    std::string kind;  // 1..32 bytes of a-z 0-9 . _ -          (e.g. "report", "attachment")
    std::string name;  // 1..255 bytes of UTF-8, no "..", "/", "\", controls or bidi marks
    std::uint64_t size = 0;
    Sha256Digest sha256{};

    bool operator==(const BundleItem&) const = default;
};

struct BundleManifest {
    BundleId bundle_id{};
    std::int64_t created_at = 0;  // Unix seconds UTC (the sender's claim)
    std::uint64_t sequence = 0;   // per signing identity, increasing
    PublicIdentity signer;        // filled by BundleWriter from the sender's keys
    std::vector<PublicIdentity> recipients;  // 1..8, no duplicates: who the bundle is for
    std::string metadata;                    // free-form UTF-8 <= 64 KiB (the exporter's JSON: redactions...)
    std::vector<BundleItem> items;           // 0..10000, in the order they are written

    bool operator==(const BundleManifest&) const = default;
    static BundleId random_id();
};

// Bounds of format v2 (docs/bundle-format.md); checked before anything is allocated.
struct BundleLimits {
    static constexpr std::size_t kMaxRecipients = 8;
    static constexpr std::size_t kMaxManifestBytes = 1u << 20;
    static constexpr std::size_t kMaxMetadataBytes = 1u << 16;
    static constexpr std::size_t kMaxItems = 10000;
    static constexpr std::size_t kMaxIdBytes = 64;
    static constexpr std::size_t kMaxKindBytes = 32;
    static constexpr std::size_t kMaxNameBytes = 255;
    static constexpr std::uint64_t kMaxItemSize = 1ull << 48;
    static constexpr std::uint64_t kMaxTotalSize = 1ull << 50;
    static constexpr std::int64_t kMaxCreatedAt = 253402300799;  // 9999-12-31T23:59:59Z
};

// Writes a bundle in constant memory. The constructor validates the manifest
// (fv::Error(Invalid) with a reason) and writes the header, manifest and
// signature; then, for each item in manifest order: begin_item(), write()...,
// end_item(); then finish(). A size or SHA-256 that differs from the manifest
// throws fv::Error(Integrity) (the source changed; the SHA-256 is not computed
// for an item begun with ItemCheck::SizeOnly); a failing stream throws
// fv::Error(Io). After any exception the writer refuses further calls, and the
// output (which has no final chunk) is refused by every reader.
class BundleWriter {
public:
    // manifest.signer is replaced by sender.pub; recipients are manifest.recipients.
    BundleWriter(const IdentityKeys& sender, BundleManifest manifest, std::ostream& out);
    ~BundleWriter();
    BundleWriter(const BundleWriter&) = delete;
    BundleWriter& operator=(const BundleWriter&) = delete;

    // How the writer checks an item's bytes against its manifest entry.
    enum class ItemCheck {
        Sha256,    // size and SHA-256 (the default)
        SizeOnly,  // size only: for bytes the caller has already authenticated as the ones whose
                   // SHA-256 the manifest states (a vault file, whose AEAD covers the bytes hashed
                   // when they were attached). A receiver checks the SHA-256 in any case.
    };

    const BundleManifest& manifest() const noexcept;
    const BundleItem& begin_item(ItemCheck check = ItemCheck::Sha256);  // the next item in manifest order
    void write(std::span<const std::uint8_t> bytes);
    void end_item();
    void finish();  // all items written; writes the final chunk and flushes

private:
    struct State;
    std::unique_ptr<State> state_;
};

// What anyone can learn without a key (docs/bundle-format.md "What each party learns").
struct BundleInfo {
    unsigned version = 0;
    std::size_t recipients = 0;
    std::uint64_t size = 0;  // bytes in the file
};

// The signed part of a bundle, kept after import (docs/bundle-format.md,
// "Proofs"): a few kilobytes that prove, to anyone, that the signer signed
// this manifest (so every item's SHA-256) for these recipients.
struct BundleProof {
    std::vector<std::uint8_t> header;     // 82 + 80·n bytes, as in the file
    std::vector<std::uint8_t> manifest;   // the manifest's canonical bytes
    std::vector<std::uint8_t> signature;  // 64 bytes, Ed25519
};

// Checks a proof with no secret: the header's form (magic, version, length
// for its n), the manifest's strict form, n against the manifest's recipient
// count, and the Ed25519 signature over "fieldvault-bundle-v2 signature" ||
// BLAKE2b-512(header) || BLAKE2b-512(manifest) with the manifest's signer key.
// Returns the manifest; throws BundleError (kind Integrity) naming what fails.
// (The header MAC needs the file key and is not checked; the signature covers
// the whole header.)
[[nodiscard]] BundleManifest verify_bundle_proof(const BundleProof& proof);

// Reads and verifies a bundle in constant memory. The constructor runs every
// check up to the items (magic, version, stanzas, header MAC, manifest bounds,
// this vault listed, signature); then items are read in order with
// next_item()/read(); finish() verifies the end. Every refusal is a BundleError
// of kind Integrity. Item bytes are released before finish(): quarantine them.
class BundleReader {
public:
    // Throws BundleError NotABundle, UnsupportedVersion or HeaderTampered (too short).
    static BundleInfo inspect(std::istream& in);

    BundleReader(const IdentityKeys& recipient, std::istream& in);
    ~BundleReader();
    BundleReader(const BundleReader&) = delete;
    BundleReader& operator=(const BundleReader&) = delete;

    const BundleManifest& manifest() const noexcept;   // verified: signed by manifest().signer
    const Blake2b512& manifest_hash() const noexcept;  // provenance for the importer
    const Blake2b512& header_hash() const noexcept;
    // What lets anyone re-check the sender's signature later, without a key:
    // the header as read, the manifest's bytes and the signature.
    const struct BundleProof& proof() const noexcept;

    // The next item (its remaining bytes of the previous one are read and
    // verified first), or nullptr when every item has been started.
    const BundleItem* next_item();
    // Up to out.size() bytes of the current item; returns 0 once the item is
    // complete, after checking its size and SHA-256 (ContentTampered if not).
    std::size_t read(std::span<std::uint8_t> out);
    // Reads and verifies what is left, then the end: final tag on the last
    // chunk, end of payload exactly after the last item, no trailing byte.
    void finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace fv::crypto
