#pragma once
// The open-time half of key rotation (see vault_rekey.cpp).
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"
#include "key_header.h"

namespace fv::storage::detail {

// Opens vault.db with `key`; if an interrupted rekey left vault.db.next,
// either drops it (vault.db opens: the old key is still the header's) or
// renames it over vault.db (it opens with `key`: the header had switched).
std::unique_ptr<Database> open_settling_rekey(const std::filesystem::path& dir, const crypto::SecretBuffer& key,
                                              const CipherSettings& cipher);

// Test hook: called at each step of Vault::rekey with the new recovery key's
// text (1: copy rekeyed and synced, 2: backup header written, 3: primary
// header written, 4: copy renamed over vault.db). A test kills the process there.
void set_rekey_step_hook_for_tests(std::function<void(int, std::string_view)> hook);

}  // namespace fv::storage::detail
