#pragma once
// Finding and unlocking the vault a command works on.
#include <filesystem>
#include <memory>

#include "app_context.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/kdf.h"

namespace fv::cli {

// --vault, else $FIELDVAULT_VAULT, else Session::default_vault_dir().
std::filesystem::path vault_dir(const AppContext& context);

// Argon2id parameters for a passphrase being set: moderate, or interactive when
// FIELDVAULT_TEST_FAST_KDF=1 (tests and scripts only; documented in docs/cli.md).
crypto::KdfParams kdf_params_for_new_passphrase();

// Throws fv::Error(NotFound) when the folder holds no vault.
void require_vault(const std::filesystem::path& dir);

// Reads the passphrase (terminal prompt, stdin line or --passphrase-file) and
// opens the vault. Throws fv::Error(Unlock) when it does not open.
std::unique_ptr<core::Session> unlock_vault(const AppContext& context);

}  // namespace fv::cli
