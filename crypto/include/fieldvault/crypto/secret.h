#pragma once
// SecretBuffer belongs to the shared model (fieldvault/model/secret.h) so the
// faces can hold passphrases without seeing crypto; crypto code keeps its names.
#include "fieldvault/model/secret.h"

namespace fv::crypto {

using fv::SecretBuffer;
using fv::wipe_memory;

// Calls sodium_init() once; throws fv::Error if libsodium cannot start.
// Every crypto entry point calls it, so callers need not.
inline void ensure_initialized() { ensure_sodium_initialized(); }

}  // namespace fv::crypto
