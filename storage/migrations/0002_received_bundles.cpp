// Schema v2: what arrived in sealed bundles and where it came from, and the
// per-identity sequence number of exported bundles. See docs/vault-format.md
// and docs/cli.md ("import"). Additive: no table of v1 changes.
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
-- One row per imported bundle: its provenance, kept as received. bundle_id is
-- the importer's duplicate key ("already imported"). Append-only.
CREATE TABLE received_bundles (
  id                 INTEGER PRIMARY KEY,
  bundle_id          TEXT NOT NULL UNIQUE,   -- hex, 16 bytes
  signer_card        TEXT NOT NULL,
  signer_fingerprint TEXT NOT NULL,
  sequence           TEXT NOT NULL,          -- decimal u64 (may exceed SQLite's signed range)
  created_at         INTEGER NOT NULL,       -- the sender's claim
  received_at        INTEGER NOT NULL,
  manifest_hash      TEXT NOT NULL,          -- hex BLAKE2b-512 of the signed manifest
  header_hash        TEXT NOT NULL,          -- hex BLAKE2b-512 of the header
  metadata           TEXT NOT NULL,          -- the exporter's JSON (what was left out)
  file_sha256        TEXT NOT NULL
);
CREATE TRIGGER received_bundles_no_update BEFORE UPDATE ON received_bundles
BEGIN SELECT RAISE(ABORT, 'received bundles are append-only'); END;
CREATE TRIGGER received_bundles_no_delete BEFORE DELETE ON received_bundles
BEGIN SELECT RAISE(ABORT, 'received bundles are append-only'); END;

-- A report that arrived in a bundle (a read-only record of what was sent).
CREATE TABLE received_reports (
  report_id       INTEGER PRIMARY KEY REFERENCES reports(id),
  bundle_row      INTEGER NOT NULL REFERENCES received_bundles(id),
  item_id         TEXT NOT NULL,
  redacted_fields TEXT NOT NULL            -- JSON array of field names the sender left out
);
CREATE INDEX received_reports_by_bundle ON received_reports(bundle_row);
CREATE TRIGGER received_reports_no_update BEFORE UPDATE ON received_reports
BEGIN SELECT RAISE(ABORT, 'received reports are append-only'); END;

-- The last sequence number this vault signed with each of its identities.
CREATE TABLE export_sequences (
  signing_key   TEXT PRIMARY KEY,          -- hex Ed25519 public key
  last_sequence INTEGER NOT NULL CHECK (last_sequence >= 0)
);
)sql";

}  // namespace

const Migration kMigration0002{2, "received bundles and export sequences", kSql};

}  // namespace fv::storage::detail
