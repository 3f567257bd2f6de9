#pragma once
// A session is an unlocked vault. Creating, opening and locking go through here;
// every other service takes a Session&. Locking closes the database and wipes
// the key: a locked Session cannot be used again (make a new one).
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fieldvault/model/kdf_params.h"
#include "fieldvault/model/secret.h"

namespace fv::storage {
class Vault;
class Database;
}  // namespace fv::storage

namespace fv::core {

struct CreatedVault {
    std::string recovery_key;  // show once, never store
    std::string fingerprint;   // of the new identity
    std::string card;
};

class Session {
public:
    // The default vault folder: $FIELDVAULT_VAULT, else $XDG_DATA_HOME/fieldvault/vault,
    // else ~/.local/share/fieldvault/vault.
    static std::filesystem::path default_vault_dir();
    static bool vault_exists(const std::filesystem::path& dir);

    // Creates a vault with a fresh identity; records "create_vault" in the audit log.
    // Throws fv::Error(Invalid) for a passphrase shorter than 8 characters.
    [[nodiscard]] static CreatedVault create(const std::filesystem::path& dir, const SecretBuffer& passphrase,
                               std::string_view name,
                               const KdfParams& params = KdfParams::moderate());
    // Throws fv::Error(Unlock) on a wrong passphrase or key.
    [[nodiscard]] static std::unique_ptr<Session> open(const std::filesystem::path& dir, const SecretBuffer& passphrase);
    [[nodiscard]] static std::unique_ptr<Session> open_with_recovery_key(const std::filesystem::path& dir,
                                                           std::string_view recovery_key);
    ~Session();

    void change_passphrase(const SecretBuffer& new_passphrase,
                           const KdfParams& params = KdfParams::moderate());
    void lock() noexcept;
    bool locked() const noexcept;

    // Throws fv::Error(Invalid) "vault is locked" after lock().
    storage::Vault& vault();
    storage::Database& db();
    const std::filesystem::path& dir() const noexcept { return dir_; }

private:
    Session(std::filesystem::path dir, std::unique_ptr<storage::Vault> vault);
    std::filesystem::path dir_;
    std::unique_ptr<storage::Vault> vault_;
};

// The Argon2id cost for new key slots (create, passphrase change): moderate,
// or interactive when FIELDVAULT_TEST_FAST_KDF=1 in a build made for tests
// (FIELDVAULT_ALLOW_TEST_FAST_KDF; the release preset turns it off, so a
// shipped program ignores the variable).
KdfParams kdf_params_for_new_keys();

// Seconds since the epoch (UTC). One place, so tests can reason about time.
std::int64_t now_seconds();

}  // namespace fv::core
