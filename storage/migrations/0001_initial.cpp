// Schema v1: cases, reports and their list field groups, append-only revisions,
// chunked attachments, the hash-chained audit log, own identity, contacts and
// the FTS4 search index. See docs/vault-format.md for the meaning of each table.
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE cases (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE reports (
  id                   INTEGER PRIMARY KEY,
  case_id              INTEGER REFERENCES cases(id),
  status               TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  revision             INTEGER NOT NULL CHECK (revision >= 1),
  title                TEXT NOT NULL,
  occurred_start       TEXT NOT NULL,
  occurred_end         TEXT NOT NULL,
  date_precision       TEXT NOT NULL,
  host_country         TEXT NOT NULL,
  host_city            TEXT NOT NULL,
  place                TEXT NOT NULL,
  origin_country       TEXT NOT NULL,
  demands_detail       TEXT NOT NULL,
  narrative            TEXT NOT NULL,
  narrative_language   TEXT NOT NULL,
  translation          TEXT NOT NULL,
  translation_language TEXT NOT NULL,
  translator           TEXT NOT NULL,
  impact_detail        TEXT NOT NULL,
  risk_level           TEXT NOT NULL
);
CREATE INDEX reports_by_case ON reports(case_id);
CREATE INDEX reports_by_updated ON reports(updated_at, id);

-- List field groups: one row per element, `position` keeps the user's order.
CREATE TABLE report_tactics (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  code      TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_channels (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  code      TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_identifiers (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  channel   TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
-- The same phone number or handle recurring across reports is a pattern worth finding.
CREATE INDEX report_identifiers_by_value ON report_identifiers(value, channel);
CREATE TABLE report_perpetrators (
  report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  affiliation TEXT NOT NULL,
  names       TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_demands (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  code      TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_relatives (
  report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  relationship  TEXT NOT NULL,
  location      TEXT NOT NULL,
  what_happened TEXT NOT NULL,
  by_whom       TEXT NOT NULL,
  how_known     TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_witnesses (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  contact   TEXT NOT NULL,
  statement TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_impacts (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  code      TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_reported_to (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  authority TEXT NOT NULL,
  date      TEXT NOT NULL,
  reference TEXT NOT NULL,
  outcome   TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;
CREATE TABLE report_sensitive_fields (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  field     TEXT NOT NULL,
  PRIMARY KEY (report_id, position)
) WITHOUT ROWID;

-- Every version of a report's content, as canonical JSON. Append-only.
CREATE TABLE revisions (
  report_id      INTEGER NOT NULL REFERENCES reports(id),
  number         INTEGER NOT NULL CHECK (number >= 1),
  created_at     INTEGER NOT NULL,
  content        TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  PRIMARY KEY (report_id, number)
);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

-- Attachments: metadata here, bytes in fixed-size chunks below (any size
-- streams in constant memory and no single blob nears SQLite's 1 GB limit).
CREATE TABLE attachments (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports(id),
  name       TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size       INTEGER NOT NULL CHECK (size >= 0),
  sha256     TEXT NOT NULL,
  chunk_size INTEGER NOT NULL CHECK (chunk_size > 0),
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_by_report ON attachments(report_id);
CREATE TABLE attachment_chunks (
  id            INTEGER PRIMARY KEY,
  attachment_id INTEGER NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
  seq           INTEGER NOT NULL CHECK (seq >= 0),
  data          BLOB NOT NULL,
  UNIQUE (attachment_id, seq)
);

-- Every action, hash-chained. Append-only.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  action    TEXT NOT NULL,
  subject   TEXT NOT NULL,
  detail    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- The vault's own identity: exactly one row once created.
CREATE TABLE identity (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  name              TEXT NOT NULL,
  card              TEXT NOT NULL,
  signing_public    BLOB NOT NULL,
  encryption_public BLOB NOT NULL,
  signing_secret    BLOB NOT NULL,
  encryption_secret BLOB NOT NULL,
  created_at        INTEGER NOT NULL
);

CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  card        TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  verified    INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  created_at  INTEGER NOT NULL
);

-- Full-text index, docid = reports.id. Holds derived text in which CJK runs are
-- split into bigrams and single characters (unicode61 keeps a Hanzi run whole).
CREATE VIRTUAL TABLE report_search USING fts4(title, narrative, translation, tokenize=unicode61);
)sql";

}  // namespace

const Migration kMigration0001{1, "initial schema", kSql};

}  // namespace fv::storage::detail
