// BundleReader: the checks of docs/bundle-format.md "Reading", in that order.
// One 64 KiB chunk is held at a time; the constructor verifies everything up
// to the items, items are verified at their ends, the file's end in finish().
#include <sodium.h>

#include <algorithm>
#include <istream>
#include <optional>

#include "bundle_secretstream.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/parallel_hash.h"

namespace fv::crypto {

namespace bf = bundle_format;

namespace {

using StreamState = crypto_secretstream_xchacha20poly1305_state;

[[noreturn]] void refuse(BundleErrorCode code, const std::string& why) {
    throw BundleError(code, std::string(bundle_error_name(code)) + ": " + why);
}

// Reads up to out.size() bytes; fewer only at the end of the stream.
std::size_t read_up_to(std::istream& in, std::span<std::uint8_t> out) {
    std::size_t got = 0;
    while (got < out.size() && in) {
        in.read(reinterpret_cast<char*>(out.data() + got), static_cast<std::streamsize>(out.size() - got));
        got += static_cast<std::size_t>(in.gcount());
    }
    if (in.bad()) {
        throw Error(ErrorKind::Io, "could not read the bundle");
    }
    return got;
}

// Checks 1-2 of the spec on the first bytes of the file. A file that ends
// right after the magic has no version to refuse: it is a cut header.
void check_magic_and_version(std::span<const std::uint8_t> fixed, std::size_t got) {
    if (got < bf::kMagic.size() || !std::equal(bf::kMagic.begin(), bf::kMagic.end(), fixed.begin())) {
        refuse(BundleErrorCode::NotABundle, "the file does not start with a Fieldvault bundle header");
    }
    if (got == bf::kMagic.size()) {
        refuse(BundleErrorCode::HeaderTampered, "the header is cut short right after its first 8 bytes");
    }
    const auto version = fixed[bf::kMagic.size()];
    if (version == bf::kRetiredVersion) {
        refuse(BundleErrorCode::UnsupportedVersion,
               "it was made by an older Fieldvault (bundle format 1), which this version no longer opens: "
               "ask the sender to update Fieldvault and export it again");
    }
    if (version != bf::kVersion) {
        refuse(BundleErrorCode::UnsupportedVersion,
               "bundle format " + std::to_string(version) + " (this Fieldvault reads format " +
                   std::to_string(bf::kVersion) + "): it may come from a newer Fieldvault; update this one");
    }
}

bool at_end_of_stream(std::istream& in) {
    if (!in) {
        return true;  // a previous read already hit the end
    }
    return in.peek() == std::istream::traits_type::eof();
}

}  // namespace

struct BundleReader::State {
    std::istream& in;
    SecretBuffer stream_state{sizeof(StreamState)};
    bf::SecretstreamCipher cipher_engine;
    std::vector<std::uint8_t> cipher = std::vector<std::uint8_t>(bf::kChunkCipherBytes);
    std::vector<std::uint8_t> plain = std::vector<std::uint8_t>(bf::kChunkPlainBytes);
    std::size_t plain_pos = 0;
    std::size_t plain_len = 0;
    std::uint64_t chunks = 0;
    bool final_seen = false;
    bool failed = false;
    bool finished = false;

    BundleManifest manifest;
    Blake2b512 manifest_hash{};
    Blake2b512 header_hash{};
    BundleProof proof;

    std::size_t next_index = 0;
    bool in_item = false;
    bool item_done = false;
    std::uint64_t item_remaining = 0;
    std::optional<ParallelSha256> item_hash;  // one per item, made at its start

    explicit State(std::istream& stream) : in(stream) {}
    ~State() {
        sodium_memzero(plain.data(), plain.size());
    }

    StreamState* stream() { return reinterpret_cast<StreamState*>(stream_state.mutable_bytes().data()); }
    const BundleItem& current() const { return manifest.items[next_index - 1]; }

    // Decrypts the next chunk into `plain`, with the position checks that
    // libsodium leaves to us: final iff last in the file.
    void next_chunk() {
        if (final_seen) {
            refuse(BundleErrorCode::ContentTampered, "the payload ends before the manifest says it should");
        }
        const auto got = read_up_to(in, cipher);
        ++chunks;
        if (got == 0) {
            refuse(BundleErrorCode::ContentTampered, "truncated: the file ends without a final chunk");
        }
        if (got < bf::kChunkOverhead + 1) {
            refuse(BundleErrorCode::ContentTampered, "truncated inside chunk " + std::to_string(chunks));
        }
        const bool last = got < cipher.size() || at_end_of_stream(in);
        std::size_t len = 0;
        std::uint8_t tag = 0;
        if (!cipher_engine.pull(*stream(), std::span<const std::uint8_t>(cipher).first(got), plain, len, tag)) {
            refuse(BundleErrorCode::ContentTampered,
                   "chunk " + std::to_string(chunks) + " was altered, reordered, duplicated or cut");
        }
        if (last && tag != bf::kTagFinal) {
            refuse(BundleErrorCode::ContentTampered, "truncated: the last chunk is not marked final");
        }
        if (!last && tag == bf::kTagFinal) {
            refuse(BundleErrorCode::ContentTampered, "a chunk marked final is followed by more data");
        }
        if (!last && tag != bf::kTagMessage) {
            refuse(BundleErrorCode::ContentTampered, "a chunk has an unexpected tag");
        }
        final_seen = last;
        plain_pos = 0;
        plain_len = len;
    }

    // Up to out.size() payload bytes (at least 1), from the current chunk.
    std::size_t pull(std::span<std::uint8_t> out) {
        if (plain_pos == plain_len) {
            next_chunk();
        }
        const auto n = std::min(out.size(), plain_len - plain_pos);
        std::copy_n(plain.begin() + static_cast<std::ptrdiff_t>(plain_pos), n, out.begin());
        plain_pos += n;
        return n;
    }

    void pull_exact(std::span<std::uint8_t> out) {
        while (!out.empty()) {
            out = out.subspan(pull(out));
        }
    }

    std::size_t read_item(std::span<std::uint8_t> out) {
        if (item_remaining == 0) {
            if (!item_done) {
                item_done = true;
                if (item_hash->finish() != current().sha256) {
                    refuse(BundleErrorCode::ContentTampered,
                           "item " + current().id + " does not match the SHA-256 in the signed manifest");
                }
            }
            return 0;
        }
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), item_remaining));
        const auto n = pull(out.first(want));
        item_hash->update(out.first(n));
        item_remaining -= n;
        return n;
    }

    void drain_item() {
        std::array<std::uint8_t, 4096> scratch{};
        while (in_item && read_item(scratch) != 0) {
        }
        sodium_memzero(scratch.data(), scratch.size());
    }

    const BundleItem* next_item() {
        if (in_item) {
            drain_item();
            in_item = false;
        }
        if (next_index >= manifest.items.size()) {
            return nullptr;
        }
        ++next_index;
        in_item = true;
        item_done = false;
        item_remaining = current().size;
        item_hash.emplace();
        return &current();
    }

    void open(const IdentityKeys& recipient);
    void finish();
};

void BundleReader::State::open(const IdentityKeys& recipient) {
    std::array<std::uint8_t, bf::kHeaderFixedBytes> fixed{};
    const auto got = read_up_to(in, fixed);
    check_magic_and_version(fixed, got);
    if (got < fixed.size()) {
        refuse(BundleErrorCode::HeaderTampered, "the header is cut short");
    }
    const std::size_t n = fixed[9];
    if (n == 0 || n > BundleLimits::kMaxRecipients) {
        refuse(BundleErrorCode::HeaderTampered, "the header announces " + std::to_string(n) + " recipients");
    }
    bf::Bytes header(bf::header_bytes(n));
    std::copy(fixed.begin(), fixed.end(), header.begin());
    const auto rest = std::span<std::uint8_t>(header).subspan(fixed.size());
    if (read_up_to(in, rest) != rest.size()) {
        refuse(BundleErrorCode::HeaderTampered, "the header is cut short");
    }

    if (recipient.encryption_secret.size() != crypto_box_SECRETKEYBYTES) {
        throw Error(ErrorKind::Invalid, "the recipient's encryption key is missing");
    }
    // Every stanza is tried, also after one opened: each one's form is checked
    // (open_stanza refuses a low-order ephemeral key), and the time taken does
    // not tell which stanza is this vault's. The first that opens is used.
    std::optional<SecretBuffer> file_key;
    for (std::size_t i = 0; i < n; ++i) {
        bf::Stanza stanza{};
        std::copy_n(header.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + i * bf::kStanzaBytes),
                    bf::kStanzaBytes, stanza.begin());
        auto opened = bf::open_stanza(stanza, recipient.encryption_secret, recipient.pub.encryption_key);
        if (opened && !file_key) {
            file_key = std::move(opened);
        }
    }
    if (!file_key) {
        refuse(BundleErrorCode::NotAddressed, "none of its " + std::to_string(n) + " recipient entries opens with this vault's key");
    }
    const auto mac_at = header.size() - bf::kMacBytes;
    const auto mac = bf::header_mac(*file_key, std::span<const std::uint8_t>(header).first(mac_at));
    if (sodium_memcmp(mac.data(), header.data() + mac_at, bf::kMacBytes) != 0) {
        refuse(BundleErrorCode::HeaderTampered, "the header's MAC does not match");
    }
    header_hash = bf::blake2b_512(header);

    bf::PayloadNonce nonce{};
    std::copy_n(header.begin() + 10, nonce.size(), nonce.begin());
    // The stream header is part of the header (v2): the MAC and the signed
    // header hash cover it, so the payload's encryption is fixed by the signature.
    const auto* stream_header = header.data() + bf::stream_header_offset(n);
    const auto key = bf::payload_key(*file_key, nonce);
    if (crypto_secretstream_xchacha20poly1305_init_pull(stream(), stream_header, key.reveal().data()) != 0) {
        refuse(BundleErrorCode::HeaderTampered, "the payload's stream header is invalid");
    }

    std::array<std::uint8_t, 4> length_bytes{};
    pull_exact(length_bytes);
    const std::uint32_t length = static_cast<std::uint32_t>(length_bytes[0]) |
                                 (static_cast<std::uint32_t>(length_bytes[1]) << 8) |
                                 (static_cast<std::uint32_t>(length_bytes[2]) << 16) |
                                 (static_cast<std::uint32_t>(length_bytes[3]) << 24);
    if (length == 0 || length > BundleLimits::kMaxManifestBytes) {
        refuse(BundleErrorCode::ManifestInvalid, "manifest length " + std::to_string(length) + " out of bounds");
    }
    bf::Bytes manifest_bytes(length);
    pull_exact(manifest_bytes);
    std::array<std::uint8_t, bf::kSignatureBytes> signature{};
    pull_exact(signature);

    manifest = bf::decode_manifest(manifest_bytes);
    manifest_hash = bf::blake2b_512(manifest_bytes);
    proof = BundleProof{header, manifest_bytes, {signature.begin(), signature.end()}};
    if (std::find(manifest.recipients.begin(), manifest.recipients.end(), recipient.pub) ==
        manifest.recipients.end()) {
        refuse(BundleErrorCode::RecipientNotListed,
               "the signed manifest does not list this vault (the bundle was forwarded or re-sealed)");
    }
    if (!bf::verify_signature(manifest.signer.signing_key, signature,
                              bf::signed_message(header_hash, manifest_hash))) {
        refuse(BundleErrorCode::SignatureInvalid, "the sender's signature does not match this bundle");
    }
    if (manifest.recipients.size() != n) {
        refuse(BundleErrorCode::ManifestInvalid, "the manifest lists " + std::to_string(manifest.recipients.size()) +
                                                     " recipients, the header has " + std::to_string(n));
    }
}

void BundleReader::State::finish() {
    while (next_item() != nullptr) {
    }
    if (plain_pos != plain_len) {
        refuse(BundleErrorCode::ContentTampered, "the payload is longer than the manifest says");
    }
    if (!final_seen) {
        next_chunk();  // throws if cut or altered; if it decrypts, there is data too many
        refuse(BundleErrorCode::ContentTampered, "the payload is longer than the manifest says");
    }
    finished = true;
}

namespace {

// After one refusal the reader stays refused: a caller that ignores an
// exception must not be handed more bytes.
template <typename State, typename F>
auto guarded(State& s, F&& f) {
    if (s.failed) {
        refuse(BundleErrorCode::ContentTampered, "an earlier check of this bundle failed");
    }
    try {
        return f();
    } catch (...) {
        s.failed = true;
        throw;
    }
}

}  // namespace

BundleInfo BundleReader::inspect(std::istream& in) {
    const auto start = in.tellg();
    std::array<std::uint8_t, bf::kHeaderFixedBytes> fixed{};
    const auto got = read_up_to(in, fixed);
    check_magic_and_version(fixed, got);
    if (got < fixed.size() || fixed[9] == 0 || fixed[9] > BundleLimits::kMaxRecipients) {
        refuse(BundleErrorCode::HeaderTampered, "the header is cut short or malformed");
    }
    BundleInfo info;
    info.version = fixed[8];
    info.recipients = fixed[9];
    std::uint64_t size = got;
    in.clear();
    in.seekg(0, std::ios::end);
    const auto end = in.tellg();
    if (in && start != std::streampos(-1) && end != std::streampos(-1)) {
        size = static_cast<std::uint64_t>(end - start);
    } else {
        in.clear();
        std::array<std::uint8_t, 65536> block{};
        std::size_t n = 0;
        while ((n = read_up_to(in, block)) != 0) {
            size += n;
        }
    }
    if (size < bf::header_bytes(info.recipients)) {
        refuse(BundleErrorCode::HeaderTampered, "the header is cut short");
    }
    info.size = size;
    return info;
}

BundleReader::BundleReader(const IdentityKeys& recipient, std::istream& in) : state_(std::make_unique<State>(in)) {
    ensure_initialized();
    guarded(*state_, [&] { state_->open(recipient); });
}

BundleReader::~BundleReader() = default;

const BundleManifest& BundleReader::manifest() const noexcept { return state_->manifest; }
const Blake2b512& BundleReader::manifest_hash() const noexcept { return state_->manifest_hash; }
const Blake2b512& BundleReader::header_hash() const noexcept { return state_->header_hash; }
const BundleProof& BundleReader::proof() const noexcept { return state_->proof; }

const BundleItem* BundleReader::next_item() {
    return guarded(*state_, [&] { return state_->next_item(); });
}

std::size_t BundleReader::read(std::span<std::uint8_t> out) {
    return guarded(*state_, [&]() -> std::size_t {
        if (!state_->in_item || out.empty()) {
            throw Error(ErrorKind::Invalid, "bundle reader: read() needs next_item() and a non-empty buffer");
        }
        return state_->read_item(out);
    });
}

void BundleReader::finish() {
    guarded(*state_, [&] {
        if (state_->finished) {
            return;
        }
        state_->finish();
    });
}

}  // namespace fv::crypto
