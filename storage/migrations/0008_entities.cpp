// Schema v8: people and organisations named in reports (a perpetrator, an
// officer, an overseas "service station"), each with the names it goes by
// across scripts and spellings (王警官 = Officer Wang), and the reports the
// organisation links to it (issue 13). The organisation's own records.
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'other')),
  created_at INTEGER NOT NULL
);
-- Every name an entity goes by (its own name too). `key` is the name as
-- matched: letters case-folded, spaces collapsed. One key names one entity.
CREATE TABLE entity_aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  key       TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
  PRIMARY KEY (entity_id, key)
);
CREATE TABLE report_entities (
  report_id INTEGER NOT NULL REFERENCES reports(id),
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (report_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX report_entities_by_entity ON report_entities(entity_id);
)sql";

}  // namespace

const Migration kMigration0008{8, "people and organisations named in reports, with their aliases", kSql};

}  // namespace fv::storage::detail
