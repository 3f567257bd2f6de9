#pragma once
// Encryption of one vault attachment file, a "blob" (docs/vault-format.md,
// "Attachment files"): the STREAM construction of age's payload. A random key
// belongs to that one file and is kept in the encrypted database; the file's
// header holds a random 16-byte salt; the stream key is BLAKE2b-256 keyed with
// the file key over a context string and the salt. The plaintext is cut into
// chunks of kBlobChunkBytes, each sealed with ChaCha20-Poly1305 under the
// nonce "11-byte big-endian chunk counter || last flag", so a file that was
// altered, cut, reordered or extended is refused. ChaCha20-Poly1305 comes from
// OpenSSL, about twice as fast as libsodium 1.0.18's here (AVX-512, measured
// in docs/performance.md). No I/O here: storage/ owns the files.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

inline constexpr std::size_t kBlobKeyBytes = 32;
inline constexpr std::size_t kBlobChunkBytes = 256 * 1024;
inline constexpr std::size_t kBlobChunkOverhead = 16;  // the Poly1305 tag
inline constexpr std::size_t kBlobSealedChunkBytes = kBlobChunkBytes + kBlobChunkOverhead;
// "FVBLOB01" then the 16-byte random salt.
inline constexpr std::size_t kBlobHeaderBytes = 8 + 16;

using BlobHeader = std::array<std::uint8_t, kBlobHeaderBytes>;

// A fresh random key for one blob.
SecretBuffer new_blob_key();

class BlobSealer {
public:
    // Throws fv::Error(Invalid) unless the key is kBlobKeyBytes long.
    explicit BlobSealer(const SecretBuffer& key);
    const BlobHeader& header() const noexcept { return header_; }
    // Seals one chunk into `out` (at least plain.size() + kBlobChunkOverhead
    // bytes) and returns the sealed size. Every chunk but the last must be
    // exactly kBlobChunkBytes; the last may be 0..kBlobChunkBytes.
    std::size_t seal(std::span<const std::uint8_t> plain, bool last, std::span<std::uint8_t> out);

private:
    SecretBuffer stream_key_;
    BlobHeader header_{};
    std::uint64_t counter_ = 0;
    bool finished_ = false;
};

class BlobOpener {
public:
    // Throws fv::Error(Integrity) if `header` is not a blob header.
    BlobOpener(const SecretBuffer& key, std::span<const std::uint8_t> header);
    // Opens one sealed chunk (its whole sealed bytes) into `plain` (at least
    // kBlobChunkBytes) and returns the plaintext size. `last` says the file ends
    // right after it. Throws fv::Error(Integrity) if the chunk was altered,
    // reordered or cut, if the final tag is missing at the end or appears
    // earlier, or if a chunk before the last is not full.
    std::size_t open(std::span<const std::uint8_t> sealed, bool last, std::span<std::uint8_t> plain);

private:
    SecretBuffer stream_key_;
    std::uint64_t counter_ = 0;
    bool finished_ = false;
};

}  // namespace fv::crypto
