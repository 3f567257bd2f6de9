// Schema v5: a narrow copy of the columns a list or a search shows, one row per
// report, so that listing 100,000 reports or the hits of a broad search reads
// small pages (~40 rows per 4 KiB page) instead of each report's full row with
// its narrative and translation inline (one page each, which SQLCipher must
// decrypt and HMAC-check). Filled here from the existing rows, and kept in step
// by triggers: every write of reports, report_tactics or attachments updates it
// in the same statement, hence the same transaction, whatever code path wrote
// (report service, import, tests). Nothing in it is new information: it can
// always be rebuilt from the other tables (see docs/vault-format.md).
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE report_summaries (
  id               INTEGER PRIMARY KEY,
  case_id          INTEGER,
  title            TEXT NOT NULL,
  status           TEXT NOT NULL,
  occurred_start   TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  attachment_count INTEGER NOT NULL,
  tactics          TEXT NOT NULL
);
-- Newest first: a list or a search's first page walks this index backwards
-- and can stop after one page.
CREATE INDEX report_summaries_by_updated ON report_summaries(updated_at, id);
CREATE INDEX report_summaries_by_case ON report_summaries(case_id, updated_at, id);

-- Tactic codes in the user's order (report_tactics' primary key is
-- (report_id, position), so its rows come in that order), joined by commas.
INSERT INTO report_summaries (id, case_id, title, status, occurred_start, created_at, updated_at,
                              attachment_count, tactics)
SELECT r.id, r.case_id, r.title, r.status, r.occurred_start, r.created_at, r.updated_at,
       (SELECT count(*) FROM attachments WHERE report_id = r.id), COALESCE((SELECT group_concat(code, ',') FROM report_tactics WHERE report_id = r.id), '')
FROM reports r;

CREATE TRIGGER report_summaries_insert AFTER INSERT ON reports
BEGIN
  INSERT INTO report_summaries (id, case_id, title, status, occurred_start, created_at, updated_at,
                                attachment_count, tactics)
  VALUES (NEW.id, NEW.case_id, NEW.title, NEW.status, NEW.occurred_start, NEW.created_at, NEW.updated_at,
          (SELECT count(*) FROM attachments WHERE report_id = NEW.id), COALESCE((SELECT group_concat(code, ',') FROM report_tactics WHERE report_id = NEW.id), ''));
END;
CREATE TRIGGER report_summaries_update AFTER UPDATE ON reports
BEGIN
  UPDATE report_summaries SET id = NEW.id, case_id = NEW.case_id, title = NEW.title, status = NEW.status,
         occurred_start = NEW.occurred_start, created_at = NEW.created_at, updated_at = NEW.updated_at,
         attachment_count = (SELECT count(*) FROM attachments WHERE report_id = NEW.id), tactics = COALESCE((SELECT group_concat(code, ',') FROM report_tactics WHERE report_id = NEW.id), '')
   WHERE id = OLD.id;
END;
CREATE TRIGGER report_summaries_delete AFTER DELETE ON reports
BEGIN
  DELETE FROM report_summaries WHERE id = OLD.id;
END;

CREATE TRIGGER report_summaries_tactic_insert AFTER INSERT ON report_tactics
BEGIN
  UPDATE report_summaries SET tactics = COALESCE((SELECT group_concat(code, ',') FROM report_tactics WHERE report_id = NEW.report_id), '') WHERE id = NEW.report_id;
END;
CREATE TRIGGER report_summaries_tactic_delete AFTER DELETE ON report_tactics
BEGIN
  UPDATE report_summaries SET tactics = COALESCE((SELECT group_concat(code, ',') FROM report_tactics WHERE report_id = OLD.report_id), '') WHERE id = OLD.report_id;
END;
CREATE TRIGGER report_summaries_tactic_update AFTER UPDATE ON report_tactics
BEGIN
  UPDATE report_summaries SET tactics = COALESCE((SELECT group_concat(code, ',') FROM report_tactics WHERE report_id = OLD.report_id), '') WHERE id = OLD.report_id;
  UPDATE report_summaries SET tactics = COALESCE((SELECT group_concat(code, ',') FROM report_tactics WHERE report_id = NEW.report_id), '') WHERE id = NEW.report_id;
END;

CREATE TRIGGER report_summaries_attachment_insert AFTER INSERT ON attachments
BEGIN
  UPDATE report_summaries SET attachment_count = (SELECT count(*) FROM attachments WHERE report_id = NEW.report_id) WHERE id = NEW.report_id;
END;
CREATE TRIGGER report_summaries_attachment_delete AFTER DELETE ON attachments
BEGIN
  UPDATE report_summaries SET attachment_count = (SELECT count(*) FROM attachments WHERE report_id = OLD.report_id) WHERE id = OLD.report_id;
END;
CREATE TRIGGER report_summaries_attachment_update AFTER UPDATE OF report_id ON attachments
BEGIN
  UPDATE report_summaries SET attachment_count = (SELECT count(*) FROM attachments WHERE report_id = OLD.report_id) WHERE id = OLD.report_id;
  UPDATE report_summaries SET attachment_count = (SELECT count(*) FROM attachments WHERE report_id = NEW.report_id) WHERE id = NEW.report_id;
END;
)sql";

}  // namespace

const Migration kMigration0005{5, "report summaries for list and search", kSql};

}  // namespace fv::storage::detail
