#pragma once
// A session is an unlocked vault. Creating, opening and locking go through here;
// every other service takes a Session&. Locking closes the database and wipes
// the key: a locked Session cannot be used again (make a new one).
#include <cstddef>
#include <cstdint>
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

// What unlocking found, for the faces to tell the person: the newest entry of
// the audit log (so they can see nothing newer is missing), and what the
// vault did on opening.
struct UnlockReport {
    std::int64_t last_entry = 0;  // the audit log's newest entry number (0: none)
    std::int64_t last_entry_at = 0;
    bool rollback_accepted = false;       // opened with accept_rollback, recorded in the log
    std::int64_t recorded_entry = 0;      // with rollback_accepted: the newest entry that was recorded
    std::size_t files_quarantined = 0;    // attachment files no report names, moved to quarantine/
    std::size_t files_restored = 0;       // moved back from quarantine/
    bool with_recovery_key = false;       // opened with the recovery key: new keys are worth suggesting
};

struct UnlockOptions {
    // Open a vault whose database is older than its record of its last state
    // (fv::RollbackError otherwise), and record in the log that this was chosen.
    bool accept_rollback = false;
};

class Session {
public:
    // The default vault folder: $FIELDVAULT_VAULT, else current_places().vault_dir
    // ($XDG_DATA_HOME/fieldvault/vault, ~/.local/share/fieldvault/vault, or the
    // portable folder's; see places.h).
    static std::filesystem::path default_vault_dir();
    static bool vault_exists(const std::filesystem::path& dir);

    // Creates a vault with a fresh identity; records "create_vault" in the audit log.
    // Throws fv::Error(Invalid) for a passphrase shorter than 8 characters.
    [[nodiscard]] static CreatedVault create(const std::filesystem::path& dir, const SecretBuffer& passphrase,
                               std::string_view name,
                               const KdfParams& params = KdfParams::moderate());
    // Throws fv::Error(Unlock) on a wrong passphrase or key, and fv::RollbackError
    // (ErrorKind::Rollback, the message naming the last recorded entry and its
    // local time) for a database older than the vault's record of its last state.
    [[nodiscard]] static std::unique_ptr<Session> open(const std::filesystem::path& dir, const SecretBuffer& passphrase,
                                                       UnlockOptions options = {});
    [[nodiscard]] static std::unique_ptr<Session> open_with_recovery_key(const std::filesystem::path& dir,
                                                                         std::string_view recovery_key,
                                                                         UnlockOptions options = {});
    ~Session();

    void change_passphrase(const SecretBuffer& new_passphrase,
                           const KdfParams& params = KdfParams::moderate());
    // New keys: a fresh random database key and a fresh recovery key (returned,
    // to show once), the same passphrase. Afterwards the old recovery key and
    // any old copy of vault.key no longer open this vault; attachment files keep
    // their keys, which only the (re-encrypted) database holds. Recorded in the
    // audit log. Throws fv::Error(Unlock) if `passphrase` is not the vault's.
    [[nodiscard]] std::string rekey(const SecretBuffer& passphrase, const KdfParams& params = KdfParams::moderate());
    void lock() noexcept;
    bool locked() const noexcept;
    const UnlockReport& unlock_report() const noexcept { return report_; }

    // Throws fv::Error(Invalid) "vault is locked" after lock().
    storage::Vault& vault();
    storage::Database& db();
    const std::filesystem::path& dir() const noexcept { return dir_; }

private:
    Session(std::filesystem::path dir, std::unique_ptr<storage::Vault> vault);
    static std::unique_ptr<Session> opened(const std::filesystem::path& dir, std::unique_ptr<storage::Vault> vault,
                                           bool with_recovery_key);
    std::filesystem::path dir_;
    std::unique_ptr<storage::Vault> vault_;
    UnlockReport report_;
};

// The Argon2id cost for new key slots (create, passphrase change): moderate,
// or interactive when FIELDVAULT_TEST_FAST_KDF=1 in a build made for tests
// (FIELDVAULT_ALLOW_TEST_FAST_KDF; the release preset turns it off, so a
// shipped program ignores the variable).
KdfParams kdf_params_for_new_keys();

// Seconds since the epoch (UTC). One place, so tests can reason about time.
std::int64_t now_seconds();

}  // namespace fv::core
