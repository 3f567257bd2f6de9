#include "plain_database.h"

#include <sqlite3.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace fv::bench {

std::unique_ptr<storage::Database> open_plain_database(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close(raw);
        throw std::runtime_error("cannot open " + path.string());
    }
    auto db = std::make_unique<storage::Database>(raw);
    // As storage/src/vault.cpp does after keying.
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA temp_store = MEMORY");
    db->exec("PRAGMA secure_delete = ON");
    db->exec("PRAGMA cache_size = -32768");
    db->exec("PRAGMA journal_mode = DELETE");
    db->exec("PRAGMA synchronous = FULL");
    return db;
}

void export_plain_copy(storage::Database& vault_db, const std::filesystem::path& target, int page_size) {
    std::filesystem::remove(target);
    // The vault connection is opened without SQLITE_OPEN_CREATE and ATTACH
    // inherits its flags, so the (empty) file must exist first.
    std::ofstream{target};
    vault_db.prepare("ATTACH DATABASE ? AS plain KEY ''").bind(1, target.string()).run();
    vault_db.exec("PRAGMA plain.page_size = " + std::to_string(page_size));
    vault_db.prepare("SELECT sqlcipher_export('plain')").step();
    vault_db.exec("DETACH DATABASE plain");
    std::ifstream in(target, std::ios::binary);
    std::string magic(16, '\0');
    in.read(magic.data(), 16);
    if (magic != std::string("SQLite format 3\0", 16)) throw std::runtime_error("the export is not plain SQLite");
}

}  // namespace fv::bench
