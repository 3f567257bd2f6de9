// Schema v7: the organisation's own work on a report (issue 13): notes, tags
// and its own translation. A received report's content stays exactly as its
// sender signed it; what the organisation adds lives here, beside it, and
// every save is a new revision (nothing is overwritten or deleted).
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE report_annotations (
  report_id   INTEGER NOT NULL REFERENCES reports(id),
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  notes       TEXT NOT NULL,
  tags        TEXT NOT NULL,            -- JSON array of strings
  translation TEXT NOT NULL,
  translator  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (report_id, revision)
) WITHOUT ROWID;
CREATE TRIGGER report_annotations_no_update BEFORE UPDATE ON report_annotations
BEGIN SELECT RAISE(ABORT, 'annotations are append-only'); END;
CREATE TRIGGER report_annotations_no_delete BEFORE DELETE ON report_annotations
BEGIN SELECT RAISE(ABORT, 'annotations are append-only'); END;
)sql";

}  // namespace

const Migration kMigration0007{7, "the organisation's notes, tags and translations of reports", kSql};

}  // namespace fv::storage::detail
