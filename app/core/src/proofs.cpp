#include "fieldvault/core/proofs.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/user_message.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/custody.h"
#include "fieldvault/storage/received.h"
#include "output_files.h"

namespace fv::core {

namespace fs = std::filesystem;
namespace bf = crypto::bundle_format;

namespace {

// RFC 8410 SubjectPublicKeyInfo for an Ed25519 key: this prefix, then the 32 bytes.
constexpr std::uint8_t kEd25519SpkiPrefix[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b,
                                               0x65, 0x70, 0x03, 0x21, 0x00};

std::string ed25519_pem(const crypto::PublicKey& key) {
    std::vector<std::uint8_t> der(std::begin(kEd25519SpkiPrefix), std::end(kEd25519SpkiPrefix));
    der.insert(der.end(), key.begin(), key.end());
    return "-----BEGIN PUBLIC KEY-----\n" + crypto::to_base64(der) + "\n-----END PUBLIC KEY-----\n";
}

std::string as_text(std::span<const std::uint8_t> bytes) { return {bytes.begin(), bytes.end()}; }

std::string manifest_listing(const crypto::BundleManifest& m) {
    std::ostringstream out;
    out << "bundle " << crypto::to_hex(m.bundle_id) << "\n";
    out << "signed at (the signer's clock, Unix seconds UTC) " << m.created_at << "\n";
    out << "sequence " << m.sequence << "\n";
    out << "signer " << m.signer.fingerprint() << "\n";
    for (const auto& r : m.recipients) out << "recipient " << r.fingerprint() << "\n";
    for (const auto& i : m.items)
        out << "item " << i.id << " " << i.kind << " " << i.size << " bytes sha256 " << crypto::to_hex(i.sha256)
            << " " << i.name << "\n";
    return out.str();
}

std::vector<std::uint8_t> read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::NotFound, tr_args("missing {1}", {file.filename().string()}));
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string file_sha256(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, tr_args("cannot read {1}", {file.string()}));
    crypto::Sha256 hash;
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > 0) hash.update({reinterpret_cast<const std::uint8_t*>(buffer.data()), got});
    }
    if (in.bad()) throw Error(ErrorKind::Io, tr_args("cannot read {1}", {file.string()}));
    return crypto::to_hex(hash.finish());
}

bool is_proof_folder(const fs::path& folder) {
    std::error_code ec;
    return fs::is_regular_file(folder / "manifest.bin", ec);
}

std::vector<fs::path> proof_folders(const fs::path& root) {
    std::vector<fs::path> out;
    auto scan = [&](const fs::path& dir) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) return;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.is_directory() && is_proof_folder(entry.path())) out.push_back(entry.path());
    };
    if (is_proof_folder(root)) out.push_back(root);
    scan(root);
    scan(root / "proofs");
    std::sort(out.begin(), out.end());
    return out;
}

struct VerifiedManifest {
    crypto::BundleManifest manifest;
    std::string signer;
};

ProofCheck check_one(const fs::path& folder, std::vector<VerifiedManifest>& verified) {
    ProofCheck check;
    check.folder = folder;
    try {
        crypto::BundleProof proof{read_all(folder / "header.bin"), read_all(folder / "manifest.bin"),
                                  read_all(folder / "signature.bin")};
        const auto manifest = crypto::verify_bundle_proof(proof);
        check.bundle_id = crypto::to_hex(manifest.bundle_id);
        check.signer_fingerprint = manifest.signer.fingerprint();
        check.signed_at = manifest.created_at;
        check.items = manifest.items.size();
        for (const auto& r : manifest.recipients) check.recipient_fingerprints.push_back(r.fingerprint());
        // Kept report documents must be the signed items, byte for byte.
        std::error_code ec;
        if (fs::is_directory(folder / "documents", ec)) {
            for (const auto& entry : fs::directory_iterator(folder / "documents")) {
                const auto id = entry.path().stem().string();
                const auto item = std::find_if(manifest.items.begin(), manifest.items.end(),
                                               [&](const crypto::BundleItem& i) { return i.id == id; });
                if (item == manifest.items.end() || item->kind != "report")
                    throw Error(ErrorKind::Integrity, tr_args("report document {1} is not in the signed manifest", {id}));
                if (file_sha256(entry.path()) != crypto::to_hex(item->sha256))
                    throw Error(ErrorKind::Integrity, tr_args("report document {1} was changed after it was signed", {id}));
                ++check.documents_checked;
            }
        }
        verified.push_back(VerifiedManifest{manifest, check.signer_fingerprint});
    } catch (const Error& e) {
        check.problem = user_message(e);
    }
    return check;
}

// SHA256SUMS as sha256sum writes it: "<64 hex>  <name>" per line.
std::map<std::string, std::string> read_sums(const fs::path& file) {
    std::map<std::string, std::string> sums;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.size() > 66 && line[64] == ' ' && (line[65] == ' ' || line[65] == '*'))
            sums[line.substr(66)] = line.substr(0, 64);
    }
    return sums;
}

}  // namespace

std::vector<std::string> proof_bundle_ids(Session& session, std::int64_t report_id) {
    auto& db = session.db();
    std::map<std::int64_t, std::string> ids;
    for (const auto& b : storage::ReceivedRepository(db).bundles()) ids.emplace(b.id, b.bundle_id);
    std::vector<std::string> out;
    for (const auto& d : storage::CustodyRepository(db).deliveries(report_id)) {
        const auto& id = ids.at(d.bundle_row);
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    // A forwarded report: its first sender's bundles too.
    for (const auto& id : storage::CustodyRepository(db).carried_proofs_of(report_id))
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out;
}

void write_bundle_proof(Session& session, const std::string& bundle_id, const fs::path& folder,
                        const std::set<std::string>& report_uids) {
    auto& db = session.db();
    storage::CustodyRepository custody(db);
    const auto bundle = storage::ReceivedRepository(db).find_bundle(bundle_id);
    const auto kept = bundle ? custody.proof(bundle->id) : custody.carried_proof(bundle_id);
    if (!bundle && !kept) throw Error(ErrorKind::NotFound, tr_args("no imported bundle {1}", {bundle_id}));
    if (!kept)
        throw Error(ErrorKind::NotFound, tr_args("bundle {1} was imported before this vault kept proofs", {bundle_id}));
    const auto manifest = crypto::verify_bundle_proof(crypto::BundleProof{kept->header, kept->manifest, kept->signature});
    const auto dir = folder / bundle_id;
    detail::make_new_folder(dir);
    detail::write_output_file(dir / "header.bin", as_text(kept->header));
    detail::write_output_file(dir / "manifest.bin", as_text(kept->manifest));
    detail::write_output_file(dir / "signature.bin", as_text(kept->signature));
    const auto message = bf::signed_message(bf::blake2b_512(kept->header), bf::blake2b_512(kept->manifest));
    detail::write_output_file(dir / "signed-message.bin", as_text(message));
    detail::write_output_file(dir / "signer.pem", ed25519_pem(manifest.signer.signing_key));
    detail::write_output_file(dir / "signer.card", manifest.signer.card() + "\n");
    detail::write_output_file(dir / "manifest.txt", manifest_listing(manifest));
    std::map<std::string, std::string> documents;
    for (const auto& [item, document] : kept->documents) {
        const auto parsed = nlohmann::json::parse(document, nullptr, false);
        if (parsed.is_object() && parsed.contains("report_uid") && parsed["report_uid"].is_string() &&
            report_uids.count(parsed["report_uid"].get<std::string>()))
            documents.emplace(item, document);
    }
    if (!documents.empty()) {
        detail::make_new_folder(dir / "documents");
        for (const auto& [item, document] : documents)
            detail::write_output_file(dir / "documents" / (item + ".json"), document);
    }
}

ProofFolderCheck verify_proof_folder(const fs::path& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) throw Error(ErrorKind::NotFound, tr_args("no such folder: {1}", {root.string()}));
    ProofFolderCheck result;
    std::vector<VerifiedManifest> verified;
    for (const auto& folder : proof_folders(root)) {
        auto check = check_one(folder, verified);
        if (!check.problem.empty())
            result.problems.push_back(folder.filename().string() + ": " + check.problem);  // i18n: not text (the name and core's own words)
        result.proofs.push_back(std::move(check));
    }
    if (result.proofs.empty()) result.problems.push_back(tr("no kept signature (proof folder) was found here"));

    const auto evidence = root / "evidence";
    if (fs::is_directory(evidence, ec)) {
        const auto sums = read_sums(evidence / "SHA256SUMS");
        std::map<std::string, bool> seen;
        for (const auto& entry : fs::recursive_directory_iterator(evidence)) {
            if (!entry.is_regular_file() || entry.path().filename() == "SHA256SUMS") continue;
            EvidenceCheck e;
            e.file = fs::relative(entry.path(), evidence).string();
            e.sha256 = file_sha256(entry.path());
            const auto listed = sums.find(e.file);
            e.matches_list = listed != sums.end() && listed->second == e.sha256;
            seen[e.file] = true;
            for (const auto& v : verified) {
                const auto hit = std::find_if(v.manifest.items.begin(), v.manifest.items.end(), [&](const auto& i) {
                    return i.kind == "attachment" && crypto::to_hex(i.sha256) == e.sha256;
                });
                if (hit != v.manifest.items.end()) {
                    e.signed_by = v.signer;
                    break;
                }
            }
            if (!e.matches_list) result.problems.push_back(tr_args("{1}: does not match its line in SHA256SUMS", {e.file}));
            if (e.signed_by.empty())
                result.problems.push_back(tr_args("{1}: not signed: its SHA-256 is in no signed manifest kept here (true of evidence from the exporter's own reports; for a received file it means the file was replaced)", {e.file}));
            result.evidence.push_back(std::move(e));
        }
        for (const auto& [name, hash] : sums)
            if (!seen.count(name)) result.problems.push_back(tr_args("{1}: listed in SHA256SUMS but missing", {name}));
    }
    return result;
}

}  // namespace fv::core
