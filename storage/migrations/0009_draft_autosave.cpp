// Schema v9: writing that is never lost (issue 14). The report being written
// is kept here, inside the encrypted database, every few seconds and before
// any lock or quick exit, until it is saved or thrown away. Each time the
// editor opens a report it writes under a new key, so writing kept earlier
// and not yet taken back is never overwritten. secure_delete zeroes a
// discarded draft.
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE draft_autosave (
  draft_key TEXT PRIMARY KEY NOT NULL CHECK (length(draft_key) = 32),
  report_id INTEGER NOT NULL,          -- 0: a report not saved yet
  case_name TEXT NOT NULL,
  content   TEXT NOT NULL,             -- the report's canonical JSON
  saved_at  INTEGER NOT NULL
);
)sql";

}  // namespace

const Migration kMigration0009{9, "the report being written, kept until saved or thrown away", kSql};

}  // namespace fv::storage::detail
