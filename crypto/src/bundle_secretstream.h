#pragma once
// libsodium's crypto_secretstream_xchacha20poly1305 push and pull (without
// additional data, which bundles never use), byte for byte, but with the bulk
// of each chunk through OpenSSL's ChaCha20-Poly1305: with the CPU's AVX-512
// it runs at ~3.4 GB/s here against libsodium 1.0.18's ~0.95 GB/s
// (docs/performance.md). The bundle format does not change: this is the same
// construction computed by another library.
//
// Why it is the same. libsodium seals a chunk as: Poly1305 key = ChaCha20-IETF
// block 0 under (k, nonce); block = ChaCha20 block 1 XOR (tag || 63 zeros);
// c = ChaCha20 from block 2 XOR m; MAC over block || c || pad || le64(0) ||
// le64(64 + |m|), pad being (|m| mod 16) zero bytes. That is RFC 8439's
// ChaCha20-Poly1305 with empty additional data over the plaintext
// (tag || 63 zeros || m), whose pad is (-(64 + |m|) mod 16) zero bytes: the
// two agree whenever |m| is a multiple of 16 (every full 64 KiB chunk), and
// only those chunks take OpenSSL's path. The on-disk chunk is the first
// ciphertext byte, the ciphertext of m, and the tag. Any other length (a last
// chunk) goes through libsodium itself. After each chunk the state is updated
// exactly as libsodium does (inonce ^= MAC, counter + 1, rekey on
// TAG_REKEY or a counter wrap, with libsodium's own rekey), and the state
// (the key) stays in the caller's sodium_malloc'd buffer. OpenSSL holds a copy
// of the key in its cipher context while a chunk is sealed or opened; the
// context is wiped by OpenSSL when it is freed (as for the vault's own files,
// blob_cipher.cpp). tests/crypto/bundle_secretstream_test.cpp checks both
// directions against libsodium for every length class and tag.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <span>

struct evp_cipher_ctx_st;  // OpenSSL's EVP_CIPHER_CTX (libcrypto stays private to crypto/)

namespace fv::crypto::bundle_format {

using SecretstreamState = crypto_secretstream_xchacha20poly1305_state;

class SecretstreamCipher {
public:
    SecretstreamCipher();
    ~SecretstreamCipher();
    SecretstreamCipher(const SecretstreamCipher&) = delete;
    SecretstreamCipher& operator=(const SecretstreamCipher&) = delete;

    // As crypto_secretstream_xchacha20poly1305_push(&state, out, ..., m, ..., nullptr, 0, tag).
    // `out` holds at least m.size() + 17 bytes; returns m.size() + 17.
    std::size_t push(SecretstreamState& state, std::span<const std::uint8_t> m, std::uint8_t tag,
                     std::span<std::uint8_t> out);
    // As crypto_secretstream_xchacha20poly1305_pull(&state, m, &len, &tag, in, ..., nullptr, 0).
    // `m` holds at least in.size() - 17 bytes. False if the chunk does not
    // authenticate (or is shorter than 17 bytes): the state is then unchanged
    // and `m` holds no byte of the chunk.
    [[nodiscard]] bool pull(SecretstreamState& state, std::span<const std::uint8_t> in, std::span<std::uint8_t> m,
                            std::size_t& mlen, std::uint8_t& tag);
    // Whether OpenSSL's path is in use (else every chunk goes through libsodium).
    bool accelerated() const noexcept { return ctx_ != nullptr; }

private:
    evp_cipher_ctx_st* ctx_ = nullptr;  // null: OpenSSL unavailable, every chunk goes through libsodium
};

}  // namespace fv::crypto::bundle_format
