#include "fieldvault/storage/migrations.h"

#include <array>
#include <string>

#include "fieldvault/model/error.h"
#include "migration.h"

namespace fv::storage {

namespace detail {

std::span<const Migration> all_migrations() noexcept {
    static const std::array<Migration, 12> registry{kMigration0001, kMigration0002, kMigration0003,
                                                   kMigration0004, kMigration0005, kMigration0006,
                                                   kMigration0007, kMigration0008, kMigration0009,
                                                   kMigration0010, kMigration0011, kMigration0012};
    return registry;
}

}  // namespace detail

int latest_schema_version() noexcept { return static_cast<int>(detail::all_migrations().size()); }

int schema_version(Database& db) {
    auto stmt = db.prepare("PRAGMA user_version");
    if (!stmt.step()) throw Error(ErrorKind::Integrity, "cannot read the schema version");
    return static_cast<int>(stmt.column_int(0));
}

void migrate(Database& db, int target) {
    const int latest = latest_schema_version();
    if (target < 0) target = latest;
    if (target > latest) throw Error(ErrorKind::Invalid, "unknown schema version " + std::to_string(target));
    const int current = schema_version(db);
    if (current > latest) {
        throw Error(ErrorKind::Integrity, "this vault was made by a newer Fieldvault (schema " +
                                              std::to_string(current) + ")");
    }
    for (const auto& migration : detail::all_migrations()) {
        if (migration.version <= current || migration.version > target) continue;
        Transaction tx(db);
        db.exec(migration.sql);
        if (migration.after != nullptr) migration.after(db);
        // user_version lives in the database header, so it commits with the schema.
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        tx.commit();
    }
}

}  // namespace fv::storage
