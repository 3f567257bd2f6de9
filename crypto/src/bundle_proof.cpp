// Re-checking a kept proof (header, manifest, signature) with no secret key:
// what a lawyer or court does with proofs/ long after the bundle is gone.
#include <algorithm>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"

namespace fv::crypto {

namespace bf = bundle_format;

namespace {

[[noreturn]] void refuse(BundleErrorCode code, const std::string& why) {
    throw BundleError(code, std::string(bundle_error_name(code)) + ": " + why);
}

}  // namespace

BundleManifest verify_bundle_proof(const BundleProof& proof) {
    const auto& h = proof.header;
    if (h.size() < bf::kMagic.size() || !std::equal(bf::kMagic.begin(), bf::kMagic.end(), h.begin()))
        refuse(BundleErrorCode::NotABundle, "the kept header does not start with a Fieldvault bundle header");
    if (h.size() < bf::kHeaderFixedBytes) refuse(BundleErrorCode::HeaderTampered, "the kept header is cut short");
    if (h[bf::kMagic.size()] != bf::kVersion)
        refuse(BundleErrorCode::UnsupportedVersion, "the kept header is not of bundle format 2");
    const std::size_t n = h[bf::kMagic.size() + 1];
    if (n == 0 || n > BundleLimits::kMaxRecipients || h.size() != bf::header_bytes(n))
        refuse(BundleErrorCode::HeaderTampered, "the kept header has the wrong length for its recipients");
    if (proof.manifest.empty() || proof.manifest.size() > BundleLimits::kMaxManifestBytes)
        refuse(BundleErrorCode::ManifestInvalid, "the kept manifest is empty or too long");
    if (proof.signature.size() != bf::kSignatureBytes)
        refuse(BundleErrorCode::SignatureInvalid, "the kept signature is not 64 bytes");
    auto manifest = bf::decode_manifest(proof.manifest);  // ManifestInvalid with its reason
    if (!bf::verify_signature(manifest.signer.signing_key, proof.signature,
                              bf::signed_message(bf::blake2b_512(h), bf::blake2b_512(proof.manifest))))
        refuse(BundleErrorCode::SignatureInvalid, "the sender's signature does not match the kept header and manifest");
    if (manifest.recipients.size() != n)
        refuse(BundleErrorCode::ManifestInvalid, "the manifest and the header disagree on the number of recipients");
    return manifest;
}

}  // namespace fv::crypto
