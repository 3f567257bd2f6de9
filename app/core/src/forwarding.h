#pragma once
// Forwarding a received report (advocate -> lawyer): it travels exactly as
// its first sender signed it, with the proofs of every bundle it came in, so
// the next receiver checks both the forwarder's and the first sender's
// signature. The receiving side's checks are in import.cpp.
#include <cstdint>
#include <map>
#include <string>

#include "bundle_document.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/storage/database.h"

namespace fv::core::detail {

// One earlier bundle's signature, with only the signed report documents of
// the reports being forwarded: the manifest is needed whole to check the
// signature, but the other reports of that bundle stay with the forwarder.
struct ForwardedProof {
    crypto::BundleProof proof;
    std::map<std::string, std::string> documents;  // report item id -> document as signed
};

struct ForwardedReport {
    ReportDocument doc;                            // the first sender's document; no attachments yet
    std::map<std::string, ForwardedProof> proofs;  // proof item id -> that bundle's proof
};

// Adds `more` (one report's proofs) to `into` (the export's): a bundle two
// forwarded reports came in is carried once, with both documents.
void merge_forwarded_proofs(std::map<std::string, ForwardedProof>& into, std::map<std::string, ForwardedProof>&& more);

// Throws fv::Error(Invalid) for a report this vault cannot forward with its
// sender's signature (received before proofs were kept, or itself forwarded).
ForwardedReport forwarded_report(storage::Database& db, std::int64_t report_id);

std::string proof_item_id(const std::string& bundle_id_hex);

}  // namespace fv::core::detail
