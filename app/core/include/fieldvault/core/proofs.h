#pragma once
// Proof that outlives the bundle (docs/bundle-format.md, "Re-verifying a
// sender's signature later"). For every imported bundle
// the vault keeps its signed header, manifest, signature and report
// documents; written out as a proof folder, they let anyone, with no key and
// no Fieldvault if need be (b2sum, openssl, sha256sum), check that the
// signer signed this list of files and reports, and that a file is one of them.
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "fieldvault/core/session.h"

namespace fv::core {

// One kept signature, as checked.
struct ProofCheck {
    std::filesystem::path folder;
    std::string bundle_id;           // hex
    std::string signer_fingerprint;
    std::int64_t signed_at = 0;      // the bundle's time (the signer's clock)
    std::vector<std::string> recipient_fingerprints;
    std::size_t items = 0;
    std::size_t documents_checked = 0;  // report documents kept beside it, each matching the manifest
    std::string problem;                // "" when the signature and every kept document verify
};

// One evidence file of a legal export, as checked.
struct EvidenceCheck {
    std::string file;         // relative to the evidence folder
    std::string sha256;       // what the file holds now
    bool matches_list = false;     // equals its line in SHA256SUMS
    std::string signed_by;    // fingerprint of a verified proof whose manifest lists this SHA-256 ("" if none)
};

struct ProofFolderCheck {
    std::vector<ProofCheck> proofs;
    std::vector<EvidenceCheck> evidence;
    std::vector<std::string> problems;  // every reason it does not verify, in plain words
    bool ok() const noexcept { return problems.empty() && !proofs.empty(); }
};

// The proof folders of every bundle a received report came with.
std::vector<std::string> proof_bundle_ids(Session& session, std::int64_t report_id);
// Writes the proof of an imported bundle into `folder`/<bundle id>/ (the
// folder must exist): its signed header, manifest and signature whole, and
// of its signed report documents only those of `report_uids` (the bundle's
// other reports are not part of this export). Throws fv::Error(NotFound) for
// a bundle with no kept proof (imported before this version kept them).
void write_bundle_proof(Session& session, const std::string& bundle_id, const std::filesystem::path& folder,
                        const std::set<std::string>& report_uids);

// Checks a folder with no vault and no key: a proof folder, a folder of
// proof folders, or a legal export (its proofs/ and evidence/). Every kept
// signature, every kept report document against its manifest, every evidence
// file against SHA256SUMS and against the signed manifests. Throws
// fv::Error(NotFound) for a folder that does not exist.
[[nodiscard]] ProofFolderCheck verify_proof_folder(const std::filesystem::path& folder);

}  // namespace fv::core
