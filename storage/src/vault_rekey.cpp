// Key rotation (Vault::rekey) and the open-time settling of a rekey a crash
// interrupted. The order of the steps is what makes a crash harmless:
//   1. vault.db is copied to vault.db.next and the copy rekeyed (new key K2);
//   2. the backup header copy, then the primary, get the K2 slots;
//   3. vault.db.next is renamed over vault.db.
// Until step 3, vault.db still opens with the old key K1. An open whose header
// copy gives K1 opens vault.db and drops the copy (the header copies are then
// repaired to K1); one whose copy gives K2 finds that vault.db does not open,
// opens vault.db.next instead and finishes step 3 itself.
#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <atomic>
#include <system_error>

#include "fieldvault/crypto/aead.h"
#include "fieldvault/crypto/kdf.h"
#include "fieldvault/crypto/random.h"
#include "fieldvault/crypto/recovery_key.h"
#include "fieldvault/model/error.h"
#include "file_io.h"
#include "freshness_anchor.h"
#include "key_header_store.h"
#include "sqlite_error.h"
#include "vault_internal.h"
#include "vault_rekey.h"

namespace fv::storage {

namespace fs = std::filesystem;

namespace detail {

namespace {

std::function<void(int, std::string_view)> g_rekey_step_hook;

void reached(int step, std::string_view recovery_text) {
    if (g_rekey_step_hook) g_rekey_step_hook(step, recovery_text);
}

void remove_next_database(const fs::path& dir) noexcept {
    std::error_code ec;
    fs::remove(dir / kNextDbFile, ec);
    fs::remove(dir / (std::string(kNextDbFile) + "-journal"), ec);
}

// vault.db.next is gone and vault.db opens with the new key.
bool finished_by_another_open(const fs::path& dir, const crypto::SecretBuffer& new_key, const CipherSettings& cipher) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(dir / kNextDbFile, ec))) return false;
    try {
        open_database(dir / kDbFile, new_key, cipher).reset();
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

void set_rekey_step_hook_for_tests(std::function<void(int, std::string_view)> hook) {
    g_rekey_step_hook = std::move(hook);
}

std::unique_ptr<Database> open_settling_rekey(const fs::path& dir, const crypto::SecretBuffer& key,
                                              const CipherSettings& cipher) {
    const auto next = dir / kNextDbFile;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(next, ec))) return open_database(dir / kDbFile, key, cipher);
    try {
        auto db = open_database(dir / kDbFile, key, cipher);
        remove_next_database(dir);  // the header never switched to the copy's key
        return db;
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::Integrity) throw;
        try {
            open_database(next, key, cipher).reset();
        } catch (const Error&) {
            throw e;  // neither opens: vault.db's own error is the one to tell
        }
    }
    if (::rename(next.c_str(), (dir / kDbFile).c_str()) != 0) io_error("cannot finish the key change", errno);
    sync_folder(dir);
    return open_database(dir / kDbFile, key, cipher);
}

}  // namespace detail

using detail::finished_by_another_open;
using detail::SlotType;

std::string Vault::rekey(const crypto::SecretBuffer& passphrase, const crypto::KdfParams& params,
                         const std::function<void(Database&)>& record) {
    auto& impl = *impl_;
    {
        // The new key is wrapped under this passphrase: it must be the vault's.
        const auto slot_key = crypto::derive_key(passphrase, impl.header.salt, impl.header.kdf);
        const auto key = detail::unwrap(slot_key, impl.header, SlotType::Passphrase, "wrong passphrase");
        if (!key.equals(impl.db_key)) throw Error(ErrorKind::Integrity, "the key header does not match the database");
    }
    crypto::SecretBuffer new_key(detail::kDbKeySize);
    crypto::random_bytes(new_key.mutable_bytes());
    detail::KeyHeader next_header = impl.header;
    next_header.passphrase_slot = detail::wrap_with_passphrase(next_header, new_key, passphrase, params);
    auto recovery = crypto::RecoveryKey::generate();
    next_header.recovery_slot = crypto::seal_secret(
        recovery.key, new_key, detail::slot_associated_data(next_header, SlotType::Recovery));
    const std::string next_bytes = detail::serialize_key_header(next_header);
    const std::string old_bytes = detail::serialize_key_header(impl.header);

    const auto dir = impl.dir;
    const auto next_path = dir / detail::kNextDbFile;
    detail::remove_next_database(dir);  // a leftover no key header names
    bool header_changed = false;
    {
        // No other program writes while the file is copied; our own connection
        // has written nothing in it, so the file on disk is the whole database.
        Transaction hold_writers(*impl.db);
        try {
            detail::copy_file_privately(dir / detail::kDbFile, next_path);
            {
                auto next_db = detail::open_database(next_path, impl.db_key, impl.header.cipher);
                const auto spec = detail::raw_key_spec(new_key);
                const int rc = sqlite3_rekey(next_db->handle(), spec.reveal().data(), static_cast<int>(spec.size()));
                if (rc != SQLITE_OK) detail::throw_sqlite_error(next_db->handle(), rc, "cannot change the database key");
            }
            {
                // Proven under the new key, and the audit entry goes in there.
                auto next_db = detail::open_database(next_path, new_key, next_header.cipher);
                if (record) {
                    Transaction tx(*next_db);
                    record(*next_db);
                    tx.commit();
                }
            }
            detail::sync_file(next_path);
            detail::reached(1, recovery.text);
            header_changed = true;
            detail::write_file_atomically(dir, detail::kKeyBackupFile, next_bytes);
            detail::reached(2, recovery.text);
            detail::write_file_atomically(dir, detail::kKeyFile, next_bytes);
            detail::reached(3, recovery.text);
            if (::rename(next_path.c_str(), (dir / detail::kDbFile).c_str()) != 0) {
                const int err = errno;
                // Another program that opened the vault with the new header
                // meanwhile finishes the switch itself (open_settling_rekey):
                // then it is done, and the old header must not come back.
                if (!finished_by_another_open(dir, new_key, next_header.cipher))
                    detail::io_error("cannot finish the key change", err);
            }
            detail::sync_folder(dir);
            detail::reached(4, recovery.text);
        } catch (...) {
            // Back to the old keys. If the old header cannot be put back, the
            // copy stays: the new header needs it (an open then finishes the switch).
            bool restored = !header_changed;
            if (header_changed) {
                try {
                    detail::write_file_atomically(dir, detail::kKeyBackupFile, old_bytes);
                    detail::write_file_atomically(dir, detail::kKeyFile, old_bytes);
                    restored = true;
                } catch (const Error&) {
                }
            }
            if (restored) detail::remove_next_database(dir);
            throw;
        }
    }  // hold_writers ends on the old file, which is no longer the vault's

    auto reopened = detail::open_database(dir / detail::kDbFile, new_key, next_header.cipher);
    impl.db->swap_connection(*reopened);
    reopened.reset();  // closes the old connection
    impl.db_key = std::move(new_key);
    impl.header = std::move(next_header);
    try {
        detail::write_anchor(dir, *impl.db, impl.anchor_key);
    } catch (const Error&) {
        // Behind by the rekey entry, which the next open accepts and fixes.
    }
    return std::move(recovery.text);
}

}  // namespace fv::storage
