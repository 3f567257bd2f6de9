#pragma once
// Opens an unencrypted SQLite file with the same library (SQLCipher 3.4.1 on
// SQLite 3.15.2) and the same connection settings as a vault, minus the key,
// so that Fieldvault's own repository code can run against it unchanged.
#include <filesystem>
#include <memory>

#include "fieldvault/storage/database.h"

namespace fv::bench {

std::unique_ptr<storage::Database> open_plain_database(const std::filesystem::path& path);

// Copies an open vault's database into a new unencrypted file with the given
// page size (sqlcipher_export: same schema, same rows, same rowids).
void export_plain_copy(storage::Database& vault_db, const std::filesystem::path& target, int page_size);

}  // namespace fv::bench
