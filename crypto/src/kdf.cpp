// Argon2id passphrase stretching. Parameters come from a file on disk, so they
// are checked against fixed bounds BEFORE libsodium sees them: a crafted
// header must not make us allocate a terabyte or spin for an hour.
#include "fieldvault/crypto/kdf.h"

#include <sodium.h>

#include "fieldvault/model/error.h"

namespace fv::crypto {

namespace {
constexpr std::size_t kKeyBytes = 32;
static_assert(std::tuple_size_v<Salt> == crypto_pwhash_SALTBYTES, "salt size must match libsodium");
}  // namespace

SecretBuffer derive_key(const SecretBuffer& passphrase, const Salt& salt, const KdfParams& params) {
    if (params.algorithm != 1) {
        throw Error(ErrorKind::Integrity, "unknown key derivation algorithm in the key header");
    }
    if (!params.within_bounds()) {
        throw Error(ErrorKind::Integrity, "key derivation parameters in the key header are out of bounds");
    }
    ensure_initialized();
    SecretBuffer key(kKeyBytes);
    const auto secret = passphrase.reveal();
    // An empty SecretBuffer has no storage; libsodium still wants a valid pointer.
    const char empty = '\0';
    const char* text = secret.empty() ? &empty : reinterpret_cast<const char*>(secret.data());
    if (crypto_pwhash(key.mutable_bytes().data(), key.size(), text, secret.size(), salt.data(), params.opslimit,
                      static_cast<std::size_t>(params.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Error(ErrorKind::Io, "not enough memory to derive the key from the passphrase");
    }
    return key;
}

}  // namespace fv::crypto
