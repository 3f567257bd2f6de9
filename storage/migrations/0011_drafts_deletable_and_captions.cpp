// Schema v11 (issue 14): a person may delete a draft report that was never
// sent, and say in a few words what each evidence file shows.
// - The append-only triggers on revisions and annotations let rows go only for
//   a report named in reports_being_deleted, which exists only inside the one
//   statement sequence that deletes a whole draft (storage checks it is a
//   draft never exported; core audits it). Any other delete is refused as before.
// - attachment_captions: one caption per attachment (the attachment's row is
//   evidence metadata shared with bundles; the caption is kept apart).
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE reports_being_deleted (report_id INTEGER PRIMARY KEY);
DROP TRIGGER revisions_no_delete;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
WHEN NOT EXISTS (SELECT 1 FROM reports_being_deleted WHERE report_id = OLD.report_id)
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
DROP TRIGGER report_annotations_no_delete;
CREATE TRIGGER report_annotations_no_delete BEFORE DELETE ON report_annotations
WHEN NOT EXISTS (SELECT 1 FROM reports_being_deleted WHERE report_id = OLD.report_id)
BEGIN SELECT RAISE(ABORT, 'annotations are append-only'); END;
CREATE TABLE attachment_captions (
  attachment_id INTEGER PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
  caption       TEXT NOT NULL
);
)sql";

}  // namespace

const Migration kMigration0011{11, "deletable drafts, captions on evidence", kSql};

}  // namespace fv::storage::detail
