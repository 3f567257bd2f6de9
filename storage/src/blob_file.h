#pragma once
// An attachment's bytes as one encrypted file in the vault's blob folder
// (docs/vault-format.md "Attachment files"). The file's key is random, kept in
// the attachment's row of the encrypted database, never anywhere else.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <span>
#include <string>
#include <string_view>

#include "fieldvault/crypto/hash.h"
#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"

namespace fv::storage::detail {

// "<32 random lowercase hex>.blob": says nothing about the attachment.
std::string new_blob_file_name();
bool is_blob_file_name(std::string_view name) noexcept;

// Encrypts all of `in` into the new file `path` (exclusive create, mode 0600),
// hashing the plaintext into `hash` when given; fsyncs the file and its folder
// before returning the plaintext size. On any error the file is removed.
std::uint64_t write_blob(const std::filesystem::path& path, const crypto::SecretBuffer& key, std::istream& in,
                         crypto::Sha256* hash, const std::function<void(std::uint64_t done)>& progress);

// Decrypts `path`, handing the plaintext to `sink` chunk by chunk. Throws
// fv::Error(Integrity) if the file is missing, is not `size` bytes of
// plaintext, or was altered, cut or extended (before the first altered chunk
// reaches `sink`, but earlier chunks may have: callers writing a file remove it).
void read_blob(const std::filesystem::path& path, const crypto::SecretBuffer& key, std::uint64_t size,
               const std::function<void(std::span<const std::uint8_t>)>& sink);

// Moves files of the blob folder that no attachment row names into
// `quarantine` (made 0700 when first needed), and moves back from it any file a
// row names that is missing from the blob folder. Orphans are left by a killed
// write whose transaction never committed (their keys died with it), or are
// newer than a database put back from an older copy: those keep their keys in
// the newer database, so they are kept, never deleted. Skipped when another
// connection holds the write lock, since its files may not be committed yet.
struct OrphanSweep {
    std::size_t quarantined = 0;
    std::size_t restored = 0;
};
OrphanSweep quarantine_orphan_blobs(Database& db, const std::filesystem::path& quarantine);

}  // namespace fv::storage::detail
