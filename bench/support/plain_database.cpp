#include "plain_database.h"

#include <sqlite3.h>

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
    db->exec("PRAGMA journal_mode = DELETE");
    db->exec("PRAGMA synchronous = FULL");
    return db;
}

}  // namespace fv::bench
