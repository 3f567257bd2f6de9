#pragma once
// Whether an Ed25519 public key lies in the prime-order subgroup ([L]A = the
// identity). Fieldvault's own check, beside libsodium's point validation,
// which let keys with an order-2 component pass before its December 2025 fix
// (CVE-2025-69277): an unpatched libsodium cannot weaken identity cards.
#include "fieldvault/crypto/identity.h"

namespace fv::crypto {

[[nodiscard]] bool is_in_prime_order_subgroup(const PublicKey& key) noexcept;

}  // namespace fv::crypto
