// Schema v6: the chain to the lawyer (issue 13). A stable identity for every
// report that travels in bundles; each delivery of a received report with the
// sender's claims; what lets anyone re-check a sender's signature later (the
// signed header, manifest, signature and report documents of every imported
// bundle); sources merged into another contact. Additive: no older table
// changes. (Schema v5 is the search summary table.)
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
-- A report's identity across vaults: a random id made where the report was
-- written. signer is '' for this vault's own reports and the sender's
-- fingerprint for a received one, so the same id from two senders stays two
-- reports. A report has at most one row (own reports get theirs when first
-- exported).
CREATE TABLE report_origins (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id),
  uid       TEXT NOT NULL CHECK (length(uid) = 32),
  signer    TEXT NOT NULL,
  UNIQUE (signer, uid)
);
CREATE TRIGGER report_origins_no_update BEFORE UPDATE ON report_origins
BEGIN SELECT RAISE(ABORT, 'report origins are append-only'); END;
CREATE TRIGGER report_origins_no_delete BEFORE DELETE ON report_origins
BEGIN SELECT RAISE(ABORT, 'report origins are append-only'); END;

-- Each time a received report arrived: which bundle, which revision of the
-- stored copy it is (identical = 1: it changed nothing), and the sender's
-- claims as signed (JSON: status, case, times, revision history, attachment
-- times). Append-only.
CREATE TABLE received_deliveries (
  id             INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES reports(id),
  bundle_row     INTEGER NOT NULL REFERENCES received_bundles(id),
  item_id        TEXT NOT NULL,
  local_revision INTEGER NOT NULL CHECK (local_revision >= 1),
  identical      INTEGER NOT NULL CHECK (identical IN (0, 1)),
  claims         TEXT NOT NULL
);
CREATE INDEX received_deliveries_by_report ON received_deliveries(report_id);
CREATE TRIGGER received_deliveries_no_update BEFORE UPDATE ON received_deliveries
BEGIN SELECT RAISE(ABORT, 'deliveries are append-only'); END;
CREATE TRIGGER received_deliveries_no_delete BEFORE DELETE ON received_deliveries
BEGIN SELECT RAISE(ABORT, 'deliveries are append-only'); END;

-- The signed part of each imported bundle: with it anyone can check the
-- sender's signature and every item's SHA-256 without a key (kilobytes).
CREATE TABLE bundle_proofs (
  bundle_row INTEGER PRIMARY KEY REFERENCES received_bundles(id),
  header     BLOB NOT NULL,
  manifest   BLOB NOT NULL,
  signature  BLOB NOT NULL
);
-- The report documents of each imported bundle, byte for byte as signed
-- (their SHA-256 is in the manifest).
CREATE TABLE bundle_documents (
  bundle_row INTEGER NOT NULL REFERENCES received_bundles(id),
  item_id    TEXT NOT NULL,
  document   BLOB NOT NULL,
  PRIMARY KEY (bundle_row, item_id)
);
CREATE TRIGGER bundle_proofs_no_update BEFORE UPDATE ON bundle_proofs
BEGIN SELECT RAISE(ABORT, 'proofs are append-only'); END;
CREATE TRIGGER bundle_proofs_no_delete BEFORE DELETE ON bundle_proofs
BEGIN SELECT RAISE(ABORT, 'proofs are append-only'); END;
CREATE TRIGGER bundle_documents_no_update BEFORE UPDATE ON bundle_documents
BEGIN SELECT RAISE(ABORT, 'proofs are append-only'); END;
CREATE TRIGGER bundle_documents_no_delete BEFORE DELETE ON bundle_documents
BEGIN SELECT RAISE(ABORT, 'proofs are append-only'); END;

-- Proofs that arrived inside a forwarded bundle: the first sender's signed
-- header, manifest, signature and report documents, checked at import, by
-- the first bundle's id; and which received reports they vouch for.
CREATE TABLE carried_proofs (
  bundle_id TEXT PRIMARY KEY,
  header    BLOB NOT NULL,
  manifest  BLOB NOT NULL,
  signature BLOB NOT NULL
);
CREATE TABLE carried_documents (
  bundle_id TEXT NOT NULL REFERENCES carried_proofs(bundle_id),
  item_id   TEXT NOT NULL,
  document  BLOB NOT NULL,
  PRIMARY KEY (bundle_id, item_id)
);
CREATE TABLE report_carried_proofs (
  report_id INTEGER NOT NULL REFERENCES reports(id),
  bundle_id TEXT NOT NULL REFERENCES carried_proofs(bundle_id),
  PRIMARY KEY (report_id, bundle_id)
);
CREATE TRIGGER carried_proofs_no_update BEFORE UPDATE ON carried_proofs
BEGIN SELECT RAISE(ABORT, 'proofs are append-only'); END;
CREATE TRIGGER carried_proofs_no_delete BEFORE DELETE ON carried_proofs
BEGIN SELECT RAISE(ABORT, 'proofs are append-only'); END;

-- A source (a signer's contact) the organisation says is the same person as
-- another contact: shown and filtered under that contact's name.
CREATE TABLE source_merges (
  contact_id   INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
  into_contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE CHECK (into_contact != contact_id)
);
)sql";

}  // namespace

const Migration kMigration0006{6, "report origins, deliveries, proofs and source merges", kSql};

}  // namespace fv::storage::detail
