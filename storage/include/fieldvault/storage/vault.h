#pragma once
// A vault is one folder: "vault.key" (the key header: Argon2id parameters,
// salt, cipher settings and the slots that wrap the random database key), its
// copy "vault.key.bak", "vault.db" (the SQLCipher database), "vault.anchor"
// (the MACed record of the audit log's head, which exposes a database put back
// from an older copy), "blobs/" (the attachment files, each encrypted under its
// own key kept in the database) and, once needed, "quarantine/" (attachment
// files no row names, kept rather than deleted).
// See docs/vault-format.md.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "fieldvault/crypto/kdf.h"
#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"

namespace fv::storage {

namespace detail {
struct HeaderCopies;
}

struct VaultOpenOptions {
    // Open although the database is older than the vault's freshness anchor
    // (or the anchor is missing or damaged), and anchor its present state.
    // Only on the user's explicit word: the newer state is then given up.
    bool accept_rollback = false;
};

// What opening found and did, for the faces to tell the user.
struct VaultOpenReport {
    std::int64_t last_seq = 0;  // the audit log's newest entry (0: none yet)
    std::int64_t last_at = 0;
    bool anchor_created = false;     // the first open of this vault that keeps an anchor
    bool rollback_accepted = false;  // OpenOptions::accept_rollback was needed and used
    std::int64_t recorded_seq = 0;   // with rollback_accepted: the entry the anchor had named
    std::size_t files_quarantined = 0;  // attachment files no row names, moved to quarantine/
    std::size_t files_restored = 0;     // moved back from quarantine/: a row names them again
};

class Vault {
public:
    struct Created;

    using OpenOptions = VaultOpenOptions;
    using OpenReport = VaultOpenReport;

    // True if the folder holds a vault key header (either copy).
    static bool exists(const std::filesystem::path& dir);

    // What the key header says without any key: whether it holds a recovery
    // slot, and whether its two copies are identical (a damaged or stale copy
    // is repaired at the next unlock). Throws like open() for a missing or
    // unreadable header.
    struct HeaderStatus {
        bool recovery_slot = false;
        bool copies_agree = false;
    };
    static HeaderStatus header_status(const std::filesystem::path& dir);

    // Creates the folder (or uses an empty existing one), a random database key,
    // the key header with passphrase and recovery slots, and the database at the
    // latest schema. Throws fv::Error(Invalid) if a vault is already there.
    static Created create(const std::filesystem::path& dir, const crypto::SecretBuffer& passphrase,
                          const crypto::KdfParams& params = crypto::KdfParams::moderate());

    // Throws fv::Error(Unlock) for a wrong passphrase/recovery key,
    // fv::Error(Integrity) for a corrupt header or database (or an unencrypted one),
    // fv::Error(NotFound) if there is no vault, and fv::RollbackError when the
    // database is older than the freshness anchor says (nothing is changed then:
    // the check comes before any housekeeping).
    [[nodiscard]] static std::unique_ptr<Vault> open(const std::filesystem::path& dir,
                                                     const crypto::SecretBuffer& passphrase,
                                                     OpenOptions options = {});
    [[nodiscard]] static std::unique_ptr<Vault> open_with_recovery_key(const std::filesystem::path& dir,
                                                                       std::string_view recovery_key,
                                                                       OpenOptions options = {});

    ~Vault();  // closes the database and wipes the key

    // Rewraps the database key under a new passphrase (new salt); both copies of
    // the header are replaced atomically (temp file, fsync, rename; the backup
    // first). Nothing else is re-encrypted. After a crash at any point the old or
    // the new passphrase opens the vault, never neither.
    void change_passphrase(const crypto::SecretBuffer& new_passphrase,
                           const crypto::KdfParams& params = crypto::KdfParams::moderate());
    // The same, with `record` (e.g. the audit entry) run inside one database
    // transaction that commits only after the header is replaced. If `record`,
    // the header write or the commit fails, the old header is written back: on
    // error the vault is exactly as it was.
    void change_passphrase(const crypto::SecretBuffer& new_passphrase, const crypto::KdfParams& params,
                           const std::function<void(Database&)>& record);

    // Key rotation. A fresh random database key: the database is copied to
    // "vault.db.next" (while a write transaction holds other writers off),
    // rekeyed there with SQLCipher's rekey, and renamed over vault.db once both
    // header copies hold the new slots: the same passphrase under a new salt,
    // and a fresh recovery key, whose text is returned to be shown once.
    // Attachment files keep their keys (they live only inside the database,
    // which is now under the new key; see docs/vault-format.md). `record` runs in
    // the new database before the switch (the audit entry). A crash at any
    // point leaves the vault opening with the passphrase, and with the old keys
    // or the new ones, never neither. Throws fv::Error(Unlock) if `passphrase`
    // is not this vault's.
    [[nodiscard]] std::string rekey(const crypto::SecretBuffer& passphrase, const crypto::KdfParams& params,
                                    const std::function<void(Database&)>& record);

    Database& db();
    const std::filesystem::path& dir() const noexcept;
    int schema_version() const;
    const OpenReport& open_report() const noexcept;
    // The freshness anchor against the database now, writing nothing: "" if
    // they agree (the database may be ahead), else what is wrong.
    std::string freshness_problem();

private:
    struct Impl;
    explicit Vault(std::unique_ptr<Impl> impl);
    static std::unique_ptr<Vault> open_unwrapped(const std::filesystem::path& dir, detail::HeaderCopies& copies,
                                                 std::size_t chosen, crypto::SecretBuffer db_key,
                                                 OpenOptions options);
    void follow_audit_head();
    std::unique_ptr<Impl> impl_;
};

struct Vault::Created {
    std::unique_ptr<Vault> vault;
    std::string recovery_key_text;  // shown to the user once, never stored
};

}  // namespace fv::storage
