// Pushing the payload as secretstream chunks (docs/bundle-format.md "Payload chunks"),
// and SecretstreamCipher (bundle_secretstream.h): libsodium's secretstream
// with the bulk of each chunk through OpenSSL's ChaCha20-Poly1305.
#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <ostream>

#include "bundle_secretstream.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/model/error.h"

namespace fv::crypto::bundle_format {

namespace {

constexpr std::size_t kCounterBytes = 4;  // libsodium's STATE_COUNTER: nonce[0..4], little-endian
constexpr std::size_t kInonceBytes = 8;   // STATE_INONCE: nonce[4..12]
constexpr std::size_t kPolyMacBytes = crypto_onetimeauth_poly1305_BYTES;
constexpr std::size_t kBlockBytes = 64;
static_assert(kChunkOverhead == 1 + kPolyMacBytes, "a chunk is tag byte || ciphertext || MAC");
static_assert(sizeof(SecretstreamState::nonce) == crypto_stream_chacha20_ietf_NONCEBYTES);
static_assert(sizeof(SecretstreamState::k) == crypto_stream_chacha20_ietf_KEYBYTES);

// OpenSSL's ChaCha20-Poly1305 (RFC 8439), fetched once; null if this libcrypto
// has none (a FIPS-only provider): then libsodium does every chunk.
const EVP_CIPHER* rfc8439() {
    static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
    return cipher;
}

// The chunks OpenSSL can compute exactly as libsodium does (see the header).
bool fast_length(std::size_t mlen) { return mlen % 16 == 0 && mlen <= kChunkPlainBytes; }

// What libsodium does to the state after a chunk authenticated or was sealed.
void advance(SecretstreamState& state, const std::uint8_t* mac, std::uint8_t tag) {
    for (std::size_t i = 0; i < kInonceBytes; ++i) state.nonce[kCounterBytes + i] ^= mac[i];
    sodium_increment(state.nonce, kCounterBytes);
    if ((tag & crypto_secretstream_xchacha20poly1305_TAG_REKEY) != 0 || sodium_is_zero(state.nonce, kCounterBytes)) {
        crypto_secretstream_xchacha20poly1305_rekey(&state);
    }
}

int as_int(std::size_t n) { return static_cast<int>(n); }  // at most 64 KiB + 64 here

}  // namespace

SecretstreamCipher::SecretstreamCipher() {
    ensure_initialized();
    if (rfc8439() != nullptr) ctx_ = EVP_CIPHER_CTX_new();
}

SecretstreamCipher::~SecretstreamCipher() { EVP_CIPHER_CTX_free(ctx_); }  // cleanses the key schedule

std::size_t SecretstreamCipher::push(SecretstreamState& state, std::span<const std::uint8_t> m, std::uint8_t tag,
                                     std::span<std::uint8_t> out) {
    if (out.size() < m.size() + kChunkOverhead) throw Error(ErrorKind::Invalid, "secretstream: output too small");
    if (ctx_ == nullptr || !fast_length(m.size())) {
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(&state, out.data(), &written, m.data(), m.size(), nullptr, 0, tag);
        return static_cast<std::size_t>(written);
    }
    std::array<std::uint8_t, kBlockBytes> block{};
    block[0] = tag;
    std::uint8_t* const c = out.data() + 1;
    std::uint8_t* const mac = c + m.size();
    int n1 = 0;
    int n2 = 0;
    int n3 = 0;
    const bool ok = EVP_CipherInit_ex2(ctx_, rfc8439(), state.k, state.nonce, 1, nullptr) == 1 &&
                    EVP_EncryptUpdate(ctx_, block.data(), &n1, block.data(), as_int(block.size())) == 1 &&
                    EVP_EncryptUpdate(ctx_, c, &n2, m.data(), as_int(m.size())) == 1 &&
                    EVP_EncryptFinal_ex(ctx_, mac, &n3) == 1 &&
                    static_cast<std::size_t>(n1) == block.size() && static_cast<std::size_t>(n2) == m.size() &&
                    n3 == 0 && EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_GET_TAG, as_int(kPolyMacBytes), mac) == 1;
    out[0] = block[0];
    sodium_memzero(block.data(), block.size());
    if (!ok) throw Error(ErrorKind::Io, "ChaCha20-Poly1305 encryption failed");
    advance(state, mac, tag);
    return m.size() + kChunkOverhead;
}

bool SecretstreamCipher::pull(SecretstreamState& state, std::span<const std::uint8_t> in, std::span<std::uint8_t> m,
                              std::size_t& mlen, std::uint8_t& tag) {
    mlen = 0;
    tag = 0xff;
    if (in.size() < kChunkOverhead) return false;
    const std::size_t length = in.size() - kChunkOverhead;
    if (m.size() < length) throw Error(ErrorKind::Invalid, "secretstream: output too small");
    if (ctx_ == nullptr || !fast_length(length)) {
        unsigned long long len = 0;
        unsigned char t = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, m.data(), &len, &t, in.data(), in.size(), nullptr,
                                                       0) != 0) {
            return false;
        }
        mlen = static_cast<std::size_t>(len);
        tag = t;
        return true;
    }
    // The first 64 ciphertext bytes are the tag byte from the file, then the
    // keystream of block 1 (which sealed 63 zero bytes).
    std::array<std::uint8_t, kBlockBytes> block{};
    crypto_stream_chacha20_ietf_xor_ic(block.data(), block.data(), block.size(), state.nonce, 1U, state.k);
    block[0] = in[0];
    const std::uint8_t* const c = in.data() + 1;
    std::array<std::uint8_t, kPolyMacBytes> mac{};
    std::copy_n(c + length, mac.size(), mac.begin());
    int n1 = 0;
    int n2 = 0;
    int n3 = 0;
    std::array<std::uint8_t, kBlockBytes> final_block{};
    const bool ok = EVP_CipherInit_ex2(ctx_, rfc8439(), state.k, state.nonce, 0, nullptr) == 1 &&
                    EVP_DecryptUpdate(ctx_, block.data(), &n1, block.data(), as_int(block.size())) == 1 &&
                    EVP_DecryptUpdate(ctx_, m.data(), &n2, c, as_int(length)) == 1 &&
                    static_cast<std::size_t>(n1) == block.size() && static_cast<std::size_t>(n2) == length &&
                    EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, as_int(mac.size()), mac.data()) == 1 &&
                    EVP_DecryptFinal_ex(ctx_, final_block.data(), &n3) == 1 && n3 == 0;
    const std::uint8_t opened_tag = block[0];
    sodium_memzero(block.data(), block.size());
    if (!ok) {
        sodium_memzero(m.data(), length);  // decrypted before the tag was checked: never hand it out
        return false;
    }
    advance(state, mac.data(), opened_tag);
    mlen = length;
    tag = opened_tag;
    return true;
}

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
    : state_(sizeof(StreamState)), out_(out), cipher_(std::make_unique<SecretstreamCipher>()) {
    ensure_initialized();
    if (payload_key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) {
        throw Error(ErrorKind::Invalid, "payload key must be 32 bytes");
    }
    crypto_secretstream_xchacha20poly1305_init_push(state_of(state_), stream_header_.data(),
                                                    payload_key.reveal().data());
}

ChunkSealer::~ChunkSealer() = default;

void ChunkSealer::push(std::span<const std::uint8_t> plaintext, std::uint8_t tag) {
    if (plaintext.size() > kChunkPlainBytes) throw Error(ErrorKind::Invalid, "a bundle chunk holds at most 64 KiB");
    sealed_.resize(kChunkCipherBytes);  // ciphertext only: nothing to wipe
    const auto n = cipher_->push(*state_of(state_), plaintext, tag, sealed_);
    write_all(out_, std::span<const std::uint8_t>(sealed_).first(n));
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
        // A whole chunk with more bytes after it is sealed where it lies,
        // without the copy into the buffer.
        if (buffer_.empty() && bytes.size() > kChunkPlainBytes) {
            sealer_.push(bytes.first(kChunkPlainBytes), kTagMessage);
            bytes = bytes.subspan(kChunkPlainBytes);
            continue;
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
