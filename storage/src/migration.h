#pragma once
// One schema migration: its number, a short name, constant SQL and, where
// SQL alone cannot do it, a step in code run after it in the same transaction.
#include <span>
#include <string_view>

namespace fv::storage {
class Database;
}

namespace fv::storage::detail {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
    void (*after)(Database&) = nullptr;
};

// Defined one per file in storage/migrations/.
extern const Migration kMigration0001;
extern const Migration kMigration0002;
extern const Migration kMigration0003;
extern const Migration kMigration0004;
extern const Migration kMigration0005;
extern const Migration kMigration0006;
extern const Migration kMigration0007;
extern const Migration kMigration0008;
extern const Migration kMigration0009;
extern const Migration kMigration0010;
extern const Migration kMigration0011;
extern const Migration kMigration0012;

// In order, version 1 first, no gaps.
std::span<const Migration> all_migrations() noexcept;

}  // namespace fv::storage::detail
