#pragma once
// The receiving side: inspect (no key), verify (every check, stores nothing)
// and import (every check, then everything stored in ONE transaction that
// commits only after the bundle's end has been verified). Received reports are
// read-only records (stored final) with their provenance: bundle id, signer
// card and fingerprint, received time, manifest hash. A signer who is not a
// contact is recorded as an unverified contact "source-NNNNN-NNNNN".
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fieldvault/core/custody.h"
#include "fieldvault/core/export_metadata.h"
#include "fieldvault/core/session.h"

namespace fv::core {

struct ReceivedItem {
    std::string id;
    std::string kind;
    std::string name;
    std::uint64_t size = 0;
    std::string sha256;  // hex
};

struct BundleCheck {
    std::string bundle_id;  // hex
    std::int64_t created_at = 0;  // the sender's claim
    std::uint64_t sequence = 0;
    std::string signer_card;
    std::string signer_fingerprint;
    std::optional<std::string> signer_contact;  // the contact's name if known
    bool signer_verified = false;
    std::vector<std::string> recipient_fingerprints;
    ReceivedExportMetadata metadata;  // the sender's note of what was left out
    std::vector<ReceivedItem> items;
    std::string manifest_hash;  // hex BLAKE2b-512
    std::string header_hash;    // hex BLAKE2b-512
    std::string file_sha256;    // hex
    bool already_imported = false;
    // The signer's sequence is not above one already imported (a replay or an
    // older bundle arriving late): shown as a warning, not a refusal.
    bool sequence_not_increasing = false;
};

struct ImportResult {
    BundleCheck check;
    std::vector<std::int64_t> report_ids;      // every report the bundle carried, new or not
    std::vector<ReportDelivery> deliveries;    // what each did: new, new revision, identical
    std::size_t attachments = 0;               // files stored
    std::size_t attachments_already_held = 0;  // files of a report sent again that were already here
    std::string source_contact;  // the signer's contact name (new or existing)
    bool new_source = false;     // the signer was unknown and has just been recorded
};

// Where a received report came from: the bundle as verified at import, and
// who signed it as this vault knows them now (the contact holding the signer's
// card, if any).
struct ReportProvenance {
    std::string bundle_id;  // hex
    std::string signer_card;
    std::string signer_fingerprint;
    std::optional<std::string> signer_contact;  // the contact's name if known
    bool signer_verified = false;
    std::uint64_t sequence = 0;
    std::int64_t created_at = 0;   // the sender's clock
    std::int64_t received_at = 0;  // this vault's clock
    std::string manifest_hash;     // hex BLAKE2b-512
    std::string header_hash;       // hex BLAKE2b-512
    std::string file_sha256;       // hex SHA-256 of the bundle file
    std::string item_id;           // the report's item in the bundle
    std::vector<std::string> redacted_fields;  // left out of this report by the sender
    ReceivedExportMetadata metadata;           // the sender's note for the whole bundle
};

// Every received report's signer fingerprint, by report id (for lists).
std::map<std::int64_t, std::string> received_report_signers(Session& session);
// nullopt for the vault's own reports.
std::optional<ReportProvenance> report_provenance(Session& session, std::int64_t report_id);

// What anyone can learn from a bundle without a key.
struct BundleInfo {
    unsigned version = 0;
    std::size_t recipients = 0;
    std::uint64_t size = 0;  // bytes in the file
};
// Throws fv::Error(Integrity) (exit 4) for what is not a readable bundle,
// fv::Error(NotFound) for a missing file.
[[nodiscard]] BundleInfo inspect_bundle(const std::filesystem::path& file);

class ImportService {
public:
    explicit ImportService(Session& session) : session_(session) {}

    // Every check of docs/bundle-format.md plus the report documents' shape;
    // stores nothing. Throws fv::Error(Integrity) (a BundleError for the
    // container's checks) on any failure.
    [[nodiscard]] BundleCheck verify(const std::filesystem::path& file);
    // As verify, then stores. Throws fv::Error(Integrity) "already imported"
    // for a bundle id seen before; on any failure nothing is stored.
    ImportResult import_bundle(const std::filesystem::path& file);

private:
    Session& session_;
};

}  // namespace fv::core
