#pragma once
// Schema versions are numbered migrations (storage/migrations/NNNN_*.cpp), each
// applied in its own transaction; the version lives in PRAGMA user_version.
#include "fieldvault/storage/database.h"

namespace fv::storage {

int latest_schema_version() noexcept;
int schema_version(Database& db);
// Applies every migration above the current version up to `target` (default:
// the latest). Throws fv::Error(Integrity) if the database is newer than this
// program knows, fv::Error(Invalid) for a target outside the known range.
void migrate(Database& db, int target = -1);

}  // namespace fv::storage
