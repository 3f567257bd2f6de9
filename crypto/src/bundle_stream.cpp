// Pushing the payload as secretstream chunks (docs/bundle-format.md "Payload chunks").
#include <sodium.h>

#include <algorithm>
#include <ostream>

#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/model/error.h"

namespace fv::crypto::bundle_format {

namespace {

using StreamState = crypto_secretstream_xchacha20poly1305_state;

StreamState* state_of(SecretBuffer& buffer) {
    // The state is plain unsigned char arrays (alignment 1): it can live in
    // sodium_malloc'd memory, which is where a key belongs.
    static_assert(alignof(StreamState) == 1, "secretstream state must be byte-aligned");
    return reinterpret_cast<StreamState*>(buffer.mutable_bytes().data());
}

void write_all(std::ostream& out, std::span<const std::uint8_t> bytes) {
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        throw Error(ErrorKind::Io, "could not write the bundle");
    }
}

}  // namespace

ChunkSealer::ChunkSealer(const SecretBuffer& payload_key, std::ostream& out)
    : state_(sizeof(StreamState)), out_(out) {
    ensure_initialized();
    if (payload_key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) {
        throw Error(ErrorKind::Invalid, "payload key must be 32 bytes");
    }
    crypto_secretstream_xchacha20poly1305_init_push(state_of(state_), stream_header_.data(),
                                                    payload_key.reveal().data());
}

void ChunkSealer::push(std::span<const std::uint8_t> plaintext, std::uint8_t tag) {
    std::vector<std::uint8_t> cipher(plaintext.size() + kChunkOverhead);
    unsigned long long written = 0;
    crypto_secretstream_xchacha20poly1305_push(state_of(state_), cipher.data(), &written, plaintext.data(),
                                               plaintext.size(), nullptr, 0, tag);
    write_all(out_, cipher);
}

PayloadSealer::PayloadSealer(const SecretBuffer& payload_key, std::ostream& out) : sealer_(payload_key, out) {
    buffer_.reserve(kChunkPlainBytes);
}

PayloadSealer::~PayloadSealer() { sodium_memzero(buffer_.data(), buffer_.size()); }

void PayloadSealer::write(std::span<const std::uint8_t> bytes) {
    while (!bytes.empty()) {
        // A full buffer is sealed only once more data arrives: then it is
        // certainly not the last chunk, which must carry TAG_FINAL.
        if (buffer_.size() == kChunkPlainBytes) {
            sealer_.push(buffer_, kTagMessage);
            sodium_memzero(buffer_.data(), buffer_.size());
            buffer_.clear();
        }
        const auto n = std::min(bytes.size(), kChunkPlainBytes - buffer_.size());
        buffer_.insert(buffer_.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        bytes = bytes.subspan(n);
    }
}

void PayloadSealer::finish() {
    if (buffer_.empty()) {
        throw Error(ErrorKind::Invalid, "a bundle payload is never empty");
    }
    sealer_.push(buffer_, kTagFinal);
    sodium_memzero(buffer_.data(), buffer_.size());
    buffer_.clear();
}

Bytes payload_prefix(std::span<const std::uint8_t> manifest, std::span<const std::uint8_t> signature) {
    Bytes out;
    const auto n = static_cast<std::uint32_t>(manifest.size());
    for (unsigned i = 0; i < 4; ++i) {
        out.push_back(static_cast<std::uint8_t>(n >> (8 * i)));
    }
    out.insert(out.end(), manifest.begin(), manifest.end());
    out.insert(out.end(), signature.begin(), signature.end());
    return out;
}

}  // namespace fv::crypto::bundle_format
