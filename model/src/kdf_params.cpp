// The two Argon2id cost levels, from libsodium's own constants.
#include "fieldvault/model/kdf_params.h"

#include <sodium.h>

namespace fv {

static_assert(KdfParams::kMinOps >= crypto_pwhash_argon2id_OPSLIMIT_MIN, "bounds must be valid for Argon2id");
static_assert(KdfParams::kMinMem >= crypto_pwhash_argon2id_MEMLIMIT_MIN, "bounds must be valid for Argon2id");

KdfParams KdfParams::moderate() {
    return KdfParams{1, crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::interactive() {
    return KdfParams{1, crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

bool KdfParams::within_bounds() const noexcept {
    return algorithm == 1 && opslimit >= kMinOps && opslimit <= kMaxOps && memlimit >= kMinMem &&
           memlimit <= kMaxMem;
}

}  // namespace fv
