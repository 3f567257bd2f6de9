#pragma once
// Custody of received reports: every time a report arrived, what its sender
// claimed about it (status, case, times, revision history, when each file was
// attached: the sender's word, shown as such), and what changed between two
// revisions. Reports keep one identity across vaults (a random id made where
// they were written), so a report sent again becomes a new revision of the
// received copy, or is noted as identical, never a duplicate.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fieldvault/core/records.h"
#include "fieldvault/core/session.h"

namespace fv::core {

// What one arrival of a report did to this vault.
struct ReportDelivery {
    enum class Kind { New, NewRevision, Identical };
    std::int64_t report_id = 0;
    Kind kind = Kind::New;
    std::int64_t local_revision = 1;  // the stored report's revision it is
};

struct ClaimedRevision {
    std::int64_t number = 0;
    std::int64_t created_at = 0;
    std::string sha256;  // hex SHA-256 of that revision's content at the sender
};

struct ClaimedAttachment {
    std::string name;
    std::string sha256;
    std::int64_t added_at = 0;
};

// A forwarded report's first hop, as its carried proofs show (signatures
// checked at import): who first signed it and when, and when the forwarder
// says it received it.
struct ForwardOrigin {
    std::string first_signer_fingerprint;
    std::string first_bundle_id;             // the bundle that carried this content
    std::int64_t first_signed_at = 0;        // that bundle's time (the first sender's clock)
    std::int64_t forwarder_received_at = 0;  // the forwarder's claim
    std::vector<std::string> proof_bundle_ids;
};

// The sender's claims about a report, as signed in the bundle.
struct SenderClaims {
    int schema_version = 0;              // of the report document (1: ids and history not sent)
    std::string report_uid;              // "" from version 1
    ReportStatus status = ReportStatus::Final;  // draft or final at the sender
    std::string case_name;               // "" when not sent
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t revision = 0;
    std::string revision_sha256;
    std::vector<ClaimedRevision> revisions;
    std::vector<ClaimedAttachment> attachments;
    std::optional<ForwardOrigin> origin;  // set when the sender forwarded someone else's report
};

struct Delivery {
    std::string bundle_id;           // hex
    std::string signer_fingerprint;
    std::int64_t sent_at = 0;        // the bundle's time (the sender's clock)
    std::int64_t received_at = 0;    // this vault's clock
    std::string item_id;
    std::int64_t local_revision = 0;
    bool identical = false;
    SenderClaims claims;
};

// Every arrival of a received report, oldest first (empty for own reports
// and for reports received before this vault kept deliveries).
std::vector<Delivery> report_deliveries(Session& session, std::int64_t report_id);

// Field names (as in docs/cli.md: "title", "narrative", ...) whose values differ.
std::vector<std::string> changed_fields(const ReportContent& before, const ReportContent& after);
// What changed from revision `from` to revision `to` of a report. Throws
// fv::Error(NotFound) for an unknown report or revision.
std::vector<std::string> revision_changes(Session& session, std::int64_t report_id, std::int64_t from,
                                          std::int64_t to);

}  // namespace fv::core
