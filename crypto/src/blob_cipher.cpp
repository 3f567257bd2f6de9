// Vault attachment files ("blobs"): see blob_cipher.h and docs/vault-format.md.
#include "fieldvault/crypto/blob_cipher.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"

namespace fv::crypto {

namespace {

constexpr std::string_view kMagic = "FVBLOB01";
constexpr std::string_view kStreamKeyContext = "fieldvault blob stream key v1";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kStreamKeyBytes = 32;
using Nonce = std::array<std::uint8_t, kNonceBytes>;

static_assert(kBlobHeaderBytes == kMagic.size() + kSaltBytes, "header size");
static_assert(crypto_generichash_KEYBYTES_MIN <= kBlobKeyBytes && kBlobKeyBytes <= crypto_generichash_KEYBYTES_MAX);

void check_key(const SecretBuffer& key) {
    if (key.size() != kBlobKeyBytes) throw Error(ErrorKind::Invalid, "an attachment key must be 32 bytes");
}

// BLAKE2b-256 keyed with the file's key, over the context string and the salt.
SecretBuffer stream_key(const SecretBuffer& key, std::span<const std::uint8_t> salt) {
    SecretBuffer out(kStreamKeyBytes);
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.reveal().data(), key.size(), out.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kStreamKeyContext.data()),
                              kStreamKeyContext.size());
    crypto_generichash_update(&state, salt.data(), salt.size());
    crypto_generichash_final(&state, out.mutable_bytes().data(), out.size());
    sodium_memzero(&state, sizeof state);
    return out;
}

// STREAM's nonce: the chunk counter, big-endian in 11 bytes, then 1 for the last chunk.
Nonce nonce_for(std::uint64_t counter, bool last) {
    Nonce nonce{};
    for (std::size_t i = 0; i < 8; ++i) nonce[10 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
    nonce[11] = last ? 1 : 0;
    return nonce;
}

struct CipherContextFree {
    void operator()(EVP_CIPHER_CTX* ctx) const noexcept { EVP_CIPHER_CTX_free(ctx); }  // cleanses the key schedule
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

CipherContext chacha_context(const SecretBuffer& key, const Nonce& nonce, bool encrypt) {
    CipherContext ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_chacha20_poly1305(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) != 1 ||
        EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, key.reveal().data(), nonce.data(), encrypt ? 1 : 0) != 1) {
        throw Error(ErrorKind::Io, "ChaCha20-Poly1305 could not be initialised");
    }
    return ctx;
}

int as_int(std::size_t n) { return static_cast<int>(n); }  // chunks are at most kBlobChunkBytes

}  // namespace

SecretBuffer new_blob_key() {
    ensure_initialized();
    SecretBuffer key(kBlobKeyBytes);
    random_bytes(key.mutable_bytes());
    return key;
}

BlobSealer::BlobSealer(const SecretBuffer& key) {
    ensure_initialized();
    check_key(key);
    std::copy(kMagic.begin(), kMagic.end(), header_.begin());
    const auto salt = std::span(header_).subspan(kMagic.size());
    random_bytes(salt);
    stream_key_ = stream_key(key, salt);
}

std::size_t BlobSealer::seal(std::span<const std::uint8_t> plain, bool last, std::span<std::uint8_t> out) {
    if (finished_) throw Error(ErrorKind::Invalid, "the attachment file is already complete");
    if (plain.size() > kBlobChunkBytes || (!last && plain.size() != kBlobChunkBytes) ||
        out.size() < plain.size() + kBlobChunkOverhead) {
        throw Error(ErrorKind::Invalid, "wrong chunk size for an attachment file");
    }
    auto ctx = chacha_context(stream_key_, nonce_for(counter_, last), true);
    int written = 0;
    int tail = 0;
    if (EVP_EncryptUpdate(ctx.get(), out.data(), &written, plain.data(), as_int(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + written, &tail) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, as_int(kBlobChunkOverhead), out.data() + plain.size()) != 1) {
        throw Error(ErrorKind::Io, "ChaCha20-Poly1305 encryption failed");
    }
    ++counter_;
    finished_ = last;
    return plain.size() + kBlobChunkOverhead;
}

BlobOpener::BlobOpener(const SecretBuffer& key, std::span<const std::uint8_t> header) {
    ensure_initialized();
    check_key(key);
    if (header.size() != kBlobHeaderBytes || !std::equal(kMagic.begin(), kMagic.end(), header.begin())) {
        throw Error(ErrorKind::Integrity, "an attachment file is damaged (not an attachment file header)");
    }
    stream_key_ = stream_key(key, header.subspan(kMagic.size()));
}

std::size_t BlobOpener::open(std::span<const std::uint8_t> sealed, bool last, std::span<std::uint8_t> plain) {
    if (finished_) throw Error(ErrorKind::Integrity, "an attachment file has bytes after its end");
    if (sealed.size() < kBlobChunkOverhead || sealed.size() > kBlobSealedChunkBytes) {
        throw Error(ErrorKind::Integrity, "an attachment file is cut or damaged");
    }
    if (!last && sealed.size() != kBlobSealedChunkBytes) {
        throw Error(ErrorKind::Integrity, "an attachment file has a short chunk before its end");
    }
    const std::size_t length = sealed.size() - kBlobChunkOverhead;
    if (plain.size() < length) throw Error(ErrorKind::Invalid, "buffer too small for an attachment chunk");
    // The last-chunk flag is in the nonce: a chunk sealed as "last" opens only
    // as the last one, and a middle chunk never opens at the end (cut file).
    auto ctx = chacha_context(stream_key_, nonce_for(counter_, last), false);
    std::array<std::uint8_t, kBlobChunkOverhead> tag{};
    std::copy_n(sealed.begin() + static_cast<std::ptrdiff_t>(length), tag.size(), tag.begin());
    int written = 0;
    int tail = 0;
    const bool ok = EVP_DecryptUpdate(ctx.get(), plain.data(), &written, sealed.data(), as_int(length)) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, as_int(tag.size()), tag.data()) == 1 &&
                    EVP_DecryptFinal_ex(ctx.get(), plain.data() + written, &tail) == 1;
    if (!ok) {
        sodium_memzero(plain.data(), length);  // never hand out unauthenticated bytes
        if (last) throw Error(ErrorKind::Integrity, "an attachment file was altered or cut (its last chunk does not authenticate)");
        throw Error(ErrorKind::Integrity, "an attachment file was altered (a chunk does not authenticate)");
    }
    ++counter_;
    finished_ = last;
    return length;
}

}  // namespace fv::crypto
