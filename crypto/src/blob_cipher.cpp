// Vault attachment files ("blobs"): see blob_cipher.h and docs/vault-format.md.
#include "fieldvault/crypto/blob_cipher.h"

#include <sodium.h>

#include <algorithm>
#include <string_view>

#include "fieldvault/crypto/error.h"

namespace fv::crypto {

namespace {

using StreamState = crypto_secretstream_xchacha20poly1305_state;

constexpr std::string_view kMagic = "FVBLOB01";

static_assert(kBlobChunkOverhead == crypto_secretstream_xchacha20poly1305_ABYTES, "chunk overhead");
static_assert(kBlobKeyBytes == crypto_secretstream_xchacha20poly1305_KEYBYTES, "key size");
static_assert(kBlobHeaderBytes == kMagic.size() + crypto_secretstream_xchacha20poly1305_HEADERBYTES, "header size");

StreamState* state_of(SecretBuffer& buffer) {
    // Plain unsigned char arrays (alignment 1): the state, which holds the
    // derived key, can live in sodium_malloc'd memory.
    static_assert(alignof(StreamState) == 1, "secretstream state must be byte-aligned");
    return reinterpret_cast<StreamState*>(buffer.mutable_bytes().data());
}

void check_key(const SecretBuffer& key) {
    if (key.size() != kBlobKeyBytes) throw Error(ErrorKind::Invalid, "an attachment key must be 32 bytes");
}

}  // namespace

SecretBuffer new_blob_key() {
    ensure_initialized();
    SecretBuffer key(kBlobKeyBytes);
    crypto_secretstream_xchacha20poly1305_keygen(key.mutable_bytes().data());
    return key;
}

BlobSealer::BlobSealer(const SecretBuffer& key) : state_(sizeof(StreamState)) {
    ensure_initialized();
    check_key(key);
    std::copy(kMagic.begin(), kMagic.end(), header_.begin());
    crypto_secretstream_xchacha20poly1305_init_push(state_of(state_), header_.data() + kMagic.size(),
                                                    key.reveal().data());
}

std::size_t BlobSealer::seal(std::span<const std::uint8_t> plain, bool last, std::span<std::uint8_t> out) {
    if (finished_) throw Error(ErrorKind::Invalid, "the attachment file is already complete");
    if (plain.size() > kBlobChunkBytes || (!last && plain.size() != kBlobChunkBytes) ||
        out.size() < plain.size() + kBlobChunkOverhead) {
        throw Error(ErrorKind::Invalid, "wrong chunk size for an attachment file");
    }
    unsigned long long written = 0;
    crypto_secretstream_xchacha20poly1305_push(
        state_of(state_), out.data(), &written, plain.data(), plain.size(), nullptr, 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    finished_ = last;
    return static_cast<std::size_t>(written);
}

BlobOpener::BlobOpener(const SecretBuffer& key, std::span<const std::uint8_t> header) : state_(sizeof(StreamState)) {
    ensure_initialized();
    check_key(key);
    if (header.size() != kBlobHeaderBytes || !std::equal(kMagic.begin(), kMagic.end(), header.begin())) {
        throw Error(ErrorKind::Integrity, "an attachment file is damaged (not an attachment file header)");
    }
    if (crypto_secretstream_xchacha20poly1305_init_pull(state_of(state_), header.data() + kMagic.size(),
                                                        key.reveal().data()) != 0) {
        throw Error(ErrorKind::Integrity, "an attachment file is damaged (bad header)");
    }
}

std::size_t BlobOpener::open(std::span<const std::uint8_t> sealed, bool last, std::span<std::uint8_t> plain) {
    if (finished_) throw Error(ErrorKind::Integrity, "an attachment file has bytes after its end");
    if (sealed.size() < kBlobChunkOverhead || sealed.size() > kBlobSealedChunkBytes) {
        throw Error(ErrorKind::Integrity, "an attachment file is cut or damaged");
    }
    if (!last && sealed.size() != kBlobSealedChunkBytes) {
        throw Error(ErrorKind::Integrity, "an attachment file has a short chunk before its end");
    }
    if (plain.size() < sealed.size() - kBlobChunkOverhead) {
        throw Error(ErrorKind::Invalid, "buffer too small for an attachment chunk");
    }
    unsigned long long length = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(state_of(state_), plain.data(), &length, &tag, sealed.data(),
                                                   sealed.size(), nullptr, 0) != 0) {
        throw Error(ErrorKind::Integrity, "an attachment file was altered (a chunk does not authenticate)");
    }
    const bool final_tag = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (last && !final_tag) throw Error(ErrorKind::Integrity, "an attachment file is cut (no final chunk)");
    if (!last && final_tag) throw Error(ErrorKind::Integrity, "an attachment file has bytes after its final chunk");
    if (!final_tag && tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
        throw Error(ErrorKind::Integrity, "an attachment file has a chunk with an unexpected tag");
    }
    finished_ = last;
    return static_cast<std::size_t>(length);
}

}  // namespace fv::crypto
