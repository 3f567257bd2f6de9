// Schema v3: attachment bytes move out of the database into encrypted files in
// the vault's "blobs/" folder (docs/vault-format.md "Attachment files"), each
// under its own random key kept here. Additive: attachments stored by v1/v2
// keep their rows in attachment_chunks (blob_file NULL) and are read as before.
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
ALTER TABLE attachments ADD COLUMN blob_file TEXT CHECK (blob_file IS NULL OR length(blob_file) = 37);
ALTER TABLE attachments ADD COLUMN blob_key BLOB CHECK (blob_key IS NULL OR length(blob_key) = 32);
CREATE UNIQUE INDEX attachments_by_blob_file ON attachments(blob_file);
)sql";

}  // namespace

const Migration kMigration0003{3, "attachment bytes in encrypted files", kSql};

}  // namespace fv::storage::detail
