#pragma once
// A vault is one folder: "vault.key" (the key header: Argon2id parameters,
// salt, cipher settings and the slots that wrap the random database key), its
// copy "vault.key.bak", "vault.db" (the SQLCipher database) and "blobs/" (the
// attachment files, each encrypted under its own key kept in the database).
// See docs/vault-format.md.
#include <cstddef>
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

class Vault {
public:
    struct Created;

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
    // fv::Error(NotFound) if there is no vault.
    [[nodiscard]] static std::unique_ptr<Vault> open(const std::filesystem::path& dir, const crypto::SecretBuffer& passphrase);
    [[nodiscard]] static std::unique_ptr<Vault> open_with_recovery_key(const std::filesystem::path& dir, std::string_view recovery_key);

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

    Database& db();
    const std::filesystem::path& dir() const noexcept;
    int schema_version() const;

private:
    struct Impl;
    explicit Vault(std::unique_ptr<Impl> impl);
    static std::unique_ptr<Vault> open_unwrapped(const std::filesystem::path& dir, detail::HeaderCopies& copies,
                                                 std::size_t chosen, crypto::SecretBuffer db_key);
    std::unique_ptr<Impl> impl_;
};

struct Vault::Created {
    std::unique_ptr<Vault> vault;
    std::string recovery_key_text;  // shown to the user once, never stored
};

}  // namespace fv::storage
