#pragma once
// The sender's claims about a received report, kept as JSON beside each
// delivery (storage's received_deliveries.claims).
#include <string>
#include <string_view>

#include <map>

#include "bundle_document.h"
#include "carried_proof.h"
#include "fieldvault/core/custody.h"

namespace fv::core {

// `proofs`: the bundle's checked proof items, for a forwarded report's origin.
std::string encode_sender_claims(const detail::ReportDocument& doc,
                                 const std::map<std::string, detail::CarriedProof>& proofs);
// Throws fv::Error(Integrity) for a stored text this version did not write.
SenderClaims decode_sender_claims(std::string_view text);

}  // namespace fv::core
