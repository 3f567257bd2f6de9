#pragma once
// Finding and unlocking the vault a command works on.
#include <filesystem>
#include <memory>

#include "app_context.h"
#include "fieldvault/core/session.h"

namespace fv::cli {

// --vault, else $FIELDVAULT_VAULT, else Session::default_vault_dir().
std::filesystem::path vault_dir(const AppContext& context);

// Throws fv::Error(NotFound) when the folder holds no vault.
void require_vault(const std::filesystem::path& dir);

// Reads the passphrase (terminal prompt, stdin line or --passphrase-file) and
// opens the vault. Throws fv::Error(Unlock) when it does not open, and
// fv::RollbackError (exit 5) for a database older than the vault's record.
// Attachment files moved to or from quarantine/ are told on stderr.
std::unique_ptr<core::Session> unlock_vault(const AppContext& context, core::UnlockOptions options = {});

}  // namespace fv::cli
