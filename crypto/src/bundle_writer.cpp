// BundleWriter: header, then manifest and signature, then items streamed in
// manifest order, each checked against its manifest size and (unless the
// caller vouches for the bytes, ItemCheck::SizeOnly) SHA-256.
#include <sodium.h>

#include <optional>
#include <ostream>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/parallel_hash.h"
#include "fieldvault/crypto/random.h"

namespace fv::crypto {

namespace bf = bundle_format;

struct BundleWriter::State {
    BundleManifest manifest;
    std::ostream& out;
    std::optional<bf::PayloadSealer> sealer;
    std::size_t next_item = 0;
    bool in_item = false;
    bool failed = false;
    bool finished = false;
    std::uint64_t item_written = 0;
    std::optional<ParallelSha256> item_hash;  // one per item, made at its start; none for ItemCheck::SizeOnly

    State(BundleManifest m, std::ostream& o) : manifest(std::move(m)), out(o) {}
};

namespace {

[[noreturn]] void misuse(const std::string& why) { throw Error(ErrorKind::Invalid, "bundle writer: " + why); }

}  // namespace

BundleWriter::BundleWriter(const IdentityKeys& sender, BundleManifest manifest, std::ostream& out)
    : state_(std::make_unique<State>(std::move(manifest), out)) {
    ensure_initialized();
    auto& m = state_->manifest;
    // The secret key must belong to the public key we announce, or every reader
    // would refuse the signature.
    PublicKey derived{};
    if (sender.signing_secret.size() != crypto_sign_SECRETKEYBYTES ||
        crypto_sign_ed25519_sk_to_pk(derived.data(), sender.signing_secret.reveal().data()) != 0 ||
        derived != sender.pub.signing_key) {
        misuse("the sender's signing key does not match its identity");
    }
    m.signer = sender.pub;
    bf::validate_manifest(m, ErrorKind::Invalid);

    const auto file_key = bf::random_file_key();
    bf::PayloadNonce nonce{};
    random_bytes(nonce);
    std::vector<bf::Stanza> stanzas;
    stanzas.reserve(m.recipients.size());
    for (const auto& recipient : m.recipients) {
        stanzas.push_back(bf::make_stanza(file_key, recipient.encryption_key));
    }
    // The stream starts first: its header goes inside the bundle header, under
    // the MAC and the signature (format v2). The sealer writes nothing yet.
    state_->sealer.emplace(bf::payload_key(file_key, nonce), out);
    const auto header = bf::build_header(file_key, nonce, stanzas, state_->sealer->stream_header());
    const auto manifest_bytes = bf::encode_manifest(m);
    const auto message = bf::signed_message(bf::blake2b_512(header), bf::blake2b_512(manifest_bytes));
    const auto signature = bf::sign(sender, message);

    out.write(reinterpret_cast<const char*>(header.data()), static_cast<std::streamsize>(header.size()));
    if (!out) {
        throw Error(ErrorKind::Io, "could not write the bundle");
    }
    state_->sealer->write(bf::payload_prefix(manifest_bytes, signature));
}

BundleWriter::~BundleWriter() = default;

const BundleManifest& BundleWriter::manifest() const noexcept { return state_->manifest; }

const BundleItem& BundleWriter::begin_item(ItemCheck check) {
    auto& s = *state_;
    if (s.failed || s.finished) {
        misuse("the bundle is already finished or failed");
    }
    if (s.in_item) {
        misuse("end_item() first");
    }
    if (s.next_item >= s.manifest.items.size()) {
        misuse("every item of the manifest has been written");
    }
    s.in_item = true;
    s.item_written = 0;
    if (check == ItemCheck::Sha256) {
        s.item_hash.emplace();
    } else {
        s.item_hash.reset();
    }
    return s.manifest.items[s.next_item];
}

void BundleWriter::write(std::span<const std::uint8_t> bytes) {
    auto& s = *state_;
    if (s.failed || !s.in_item) {
        misuse("begin_item() first");
    }
    const auto& item = s.manifest.items[s.next_item];
    if (bytes.size() > item.size - s.item_written) {
        s.failed = true;
        throw Error(ErrorKind::Integrity, "item " + item.id + " is longer than the size in its manifest");
    }
    try {
        if (s.item_hash) s.item_hash->update(bytes);
        s.sealer->write(bytes);
    } catch (...) {
        s.failed = true;
        throw;
    }
    s.item_written += bytes.size();
}

void BundleWriter::end_item() {
    auto& s = *state_;
    if (s.failed || !s.in_item) {
        misuse("begin_item() first");
    }
    const auto& item = s.manifest.items[s.next_item];
    if (s.item_written != item.size) {
        s.failed = true;
        throw Error(ErrorKind::Integrity, "item " + item.id + " is shorter than the size in its manifest");
    }
    if (s.item_hash && s.item_hash->finish() != item.sha256) {
        s.failed = true;
        throw Error(ErrorKind::Integrity, "item " + item.id + " does not match the SHA-256 in its manifest");
    }
    s.in_item = false;
    ++s.next_item;
}

void BundleWriter::finish() {
    auto& s = *state_;
    if (s.failed || s.finished || s.in_item) {
        misuse("finish() after end_item(), once");
    }
    if (s.next_item != s.manifest.items.size()) {
        misuse("only " + std::to_string(s.next_item) + " of " + std::to_string(s.manifest.items.size()) +
               " items were written");
    }
    try {
        s.sealer->finish();
        s.out.flush();
        if (!s.out) {
            throw Error(ErrorKind::Io, "could not write the bundle");
        }
    } catch (...) {
        s.failed = true;
        throw;
    }
    s.finished = true;
}

}  // namespace fv::crypto
