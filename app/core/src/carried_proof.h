#pragma once
// A proof item (kind "proof") of a forwarded bundle: the first sender's
// signed header, manifest, signature and report documents, so that the next
// receiver checks the first sender's signature too (docs/report-document.md,
// "Forwarded reports"). JSON with base64 bytes, at most 16 MiB.
#include <map>
#include <string>
#include <string_view>

#include "fieldvault/crypto/bundle.h"

namespace fv::core::detail {

inline constexpr std::string_view kProofItemKind = "proof";

struct CarriedProof {
    crypto::BundleProof proof;
    std::map<std::string, std::string> documents;  // report item id -> document bytes as signed
    crypto::BundleManifest manifest;                // filled by decode, once verified
};

std::string encode_carried_proof(const crypto::BundleProof& proof, const std::map<std::string, std::string>& documents);
// Parses, checks the signature (crypto::verify_bundle_proof) and that every
// document is a report item of the manifest with its SHA-256. Throws
// fv::Error(Integrity) naming the problem.
CarriedProof decode_carried_proof(std::string_view text);

}  // namespace fv::core::detail
