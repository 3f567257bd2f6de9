#pragma once
// What vault.cpp (create, open) and vault_rekey.cpp (key rotation) share: the
// names of the vault's files, the open vault's state, and the steps that key,
// open and wrap the database.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/vault.h"
#include "key_header.h"

namespace fv::storage {

namespace detail {

inline constexpr std::string_view kDbFile = "vault.db";
// A rekey's new database, written and rekeyed before it replaces vault.db.
inline constexpr std::string_view kNextDbFile = "vault.db.next";
inline constexpr std::string_view kBlobFolder = "blobs";              // attachment files (schema v3)
inline constexpr std::string_view kQuarantineFolder = "quarantine";  // attachment files no row names
inline constexpr std::size_t kDbKeySize = 32;

// "x'<64 hex>'", SQLCipher's raw-key form, in a SecretBuffer.
crypto::SecretBuffer raw_key_spec(const crypto::SecretBuffer& key);

// Keys the database with the raw key and the header's cipher settings and reads
// page 1: fv::Error(Integrity) if the key does not fit the file.
std::unique_ptr<Database> open_database(const std::filesystem::path& path, const crypto::SecretBuffer& key,
                                        const CipherSettings& cipher);

void prepare_blob_folder(Database& db, const std::filesystem::path& dir);

// The database key from a slot; fv::Error(Unlock) with `wrong_message` if the slot key does not open it.
crypto::SecretBuffer unwrap(const crypto::SecretBuffer& slot_key, const KeyHeader& header, SlotType slot,
                            std::string_view wrong_message);

// A new salt and Argon2id parameters in `header`, and the passphrase slot sealing `db_key`.
std::vector<std::uint8_t> wrap_with_passphrase(KeyHeader& header, const crypto::SecretBuffer& db_key,
                                               const crypto::SecretBuffer& passphrase,
                                               const crypto::KdfParams& params);

}  // namespace detail

struct Vault::Impl {
    std::filesystem::path dir;
    detail::KeyHeader header;
    crypto::SecretBuffer db_key;
    crypto::SecretBuffer anchor_key;
    OpenReport report;
    std::unique_ptr<Database> db;
};

}  // namespace fv::storage
