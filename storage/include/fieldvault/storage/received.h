#pragma once
// Provenance of what arrived in sealed bundles (schema v2), and the sequence
// numbers of bundles this vault signs. Like every repository, no transaction
// of its own: the importer stores a bundle whole inside one Transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/storage/database.h"

namespace fv::storage {

struct ReceivedBundleRecord {
    std::int64_t id = 0;               // row id
    std::string bundle_id;             // hex
    std::string signer_card;
    std::string signer_fingerprint;
    std::uint64_t sequence = 0;
    std::int64_t created_at = 0;       // the sender's claim
    std::int64_t received_at = 0;
    std::string manifest_hash;         // hex
    std::string header_hash;           // hex
    std::string metadata;              // the exporter's JSON
    std::string file_sha256;           // hex SHA-256 of the bundle file
};

struct ReportProvenance {
    ReceivedBundleRecord bundle;
    std::string item_id;
    std::vector<std::string> redacted_fields;
};

class ReceivedRepository {
public:
    explicit ReceivedRepository(Database& db) : db_(db) {}

    std::optional<ReceivedBundleRecord> find_bundle(std::string_view bundle_id_hex);
    std::int64_t add_bundle(const ReceivedBundleRecord& record);  // returns the row id
    void link_report(std::int64_t report_id, std::int64_t bundle_row, std::string_view item_id,
                     const std::vector<std::string>& redacted_fields);
    std::optional<ReportProvenance> provenance(std::int64_t report_id);
    // report id -> signer fingerprint, for every received report (for lists).
    std::map<std::int64_t, std::string> received_report_signers();
    std::vector<ReceivedBundleRecord> bundles();
    // The highest sequence seen from this signer so far (0 if none).
    std::uint64_t last_sequence_from(std::string_view signer_fingerprint);

    // Increments and returns the sequence number for this signing key (hex): 1, 2, 3...
    std::uint64_t next_export_sequence(std::string_view signing_key_hex);

private:
    Database& db_;
};

}  // namespace fv::storage
