#pragma once
// Custody of what travels (schema v6): a report's stable identity, every
// delivery of a received report with the sender's claims, the signed part of
// every imported bundle (its proof), and sources merged into another contact.
// No transaction of its own: the importer writes inside its one Transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/storage/database.h"

namespace fv::storage {

struct DeliveryRecord {
    std::int64_t id = 0;
    std::int64_t report_id = 0;
    std::int64_t bundle_row = 0;
    std::string item_id;
    std::int64_t local_revision = 0;  // the stored report's revision this delivery is
    bool identical = false;           // it changed nothing since the one before
    std::string claims;               // JSON: the sender's status, case, times, history
};

struct ProofRecord {
    std::vector<std::uint8_t> header;
    std::vector<std::uint8_t> manifest;
    std::vector<std::uint8_t> signature;
    std::map<std::string, std::string> documents;  // report item id -> document bytes as signed
};

class CustodyRepository {
public:
    explicit CustodyRepository(Database& db) : db_(db) {}

    // The report's stable id: made at random (128 bits) on first call for the
    // vault's own reports; nullopt for a received report of an older schema.
    std::string own_uid(std::int64_t report_id);
    std::optional<std::string> uid_of(std::int64_t report_id);
    // A received report's origin: (sender fingerprint, the sender's id for it).
    void add_received_origin(std::int64_t report_id, std::string_view uid, std::string_view signer_fingerprint);
    std::optional<std::int64_t> find_received(std::string_view signer_fingerprint, std::string_view uid);

    std::int64_t add_delivery(const DeliveryRecord& record);
    std::vector<DeliveryRecord> deliveries(std::int64_t report_id);  // oldest first

    void add_proof(std::int64_t bundle_row, const ProofRecord& proof);
    std::optional<ProofRecord> proof(std::int64_t bundle_row);

    // A proof carried inside a forwarded bundle, by the first bundle's id (hex).
    // Kept once: a second copy of the same bundle's proof is ignored.
    void add_carried_proof(std::string_view bundle_id, const ProofRecord& proof);
    std::optional<ProofRecord> carried_proof(std::string_view bundle_id);
    void link_carried_proof(std::int64_t report_id, std::string_view bundle_id);
    std::vector<std::string> carried_proofs_of(std::int64_t report_id);

    // Contact `contact_id` (a source) is shown as `into_contact`. Throws
    // fv::Error(Invalid) for a merge into itself or into a merged contact.
    void merge(std::int64_t contact_id, std::int64_t into_contact);
    std::map<std::int64_t, std::int64_t> merges();  // contact -> the contact it is shown as

private:
    Database& db_;
};

}  // namespace fv::storage
