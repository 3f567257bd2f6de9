// Schema v4: a small table of vault-wide values. Its first use is the key that
// MACs the freshness anchor ("vault.anchor", docs/vault-format.md), kept here
// (inside the encryption) rather than derived from the database key so that a
// rekey, which copies this table into the new database, keeps the anchor valid.
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE vault_meta (
    name  TEXT PRIMARY KEY NOT NULL,
    value BLOB NOT NULL
) WITHOUT ROWID;
)sql";

}  // namespace

const Migration kMigration0004{4, "vault-wide values (the freshness anchor's key)", kSql};

}  // namespace fv::storage::detail
