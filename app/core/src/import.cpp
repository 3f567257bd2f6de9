#include "fieldvault/core/import.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "bundle_document.h"
#include "bundle_streams.h"
#include "fieldvault/core/attachments.h"
#include "contact_records.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/file_names.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/reports.h"
#include "carried_proof.h"
#include "sender_claims.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/custody.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/report_json.h"
#include "fieldvault/storage/received.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {

namespace fs = std::filesystem;

namespace {

std::ifstream open_bundle(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw Error(ErrorKind::NotFound, tr_args("no such file: {1}", {file.string()}));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, tr_args("cannot read {1}", {file.string()}));
    return in;
}

[[noreturn]] void inconsistent(const std::string& why) {
    throw Error(ErrorKind::Integrity, tr_args("content tampered or inconsistent: {1}", {why}));
}

// The signed manifest as shown to the user, and the vault's knowledge of its signer.
BundleCheck describe(storage::Database& db, const crypto::BundleReader& reader) {
    const auto& m = reader.manifest();
    BundleCheck c;
    c.bundle_id = crypto::to_hex(m.bundle_id);
    c.created_at = m.created_at;
    c.sequence = m.sequence;
    c.signer_card = m.signer.card();
    c.signer_fingerprint = m.signer.fingerprint();
    if (auto contact = find_contact(db, m.signer)) {
        c.signer_contact = contact->name;
        c.signer_verified = contact->verified;
    }
    for (const auto& r : m.recipients) c.recipient_fingerprints.push_back(r.fingerprint());
    c.metadata = decode_export_metadata(m.metadata);
    for (const auto& i : m.items) c.items.push_back(ReceivedItem{i.id, i.kind, i.name, i.size, crypto::to_hex(i.sha256)});
    c.manifest_hash = crypto::to_hex(reader.manifest_hash());
    c.header_hash = crypto::to_hex(reader.header_hash());
    storage::ReceivedRepository received(db);
    c.already_imported = received.find_bundle(c.bundle_id).has_value();
    const auto last = received.last_sequence_from(c.signer_fingerprint);
    c.sequence_not_increasing = last != 0 && c.sequence <= last;
    return c;
}

crypto::IdentityKeys own_keys(storage::Database& db) {
    auto keys = storage::IdentityRepository(db).keys();
    if (!keys) throw Error(ErrorKind::Integrity, tr("the vault has no identity"));
    return std::move(*keys);
}

std::string read_small_item(crypto::BundleReader& reader, const crypto::BundleItem& item) {
    if (item.size > detail::kMaxReportDocumentBytes) inconsistent("report document " + item.id + " is too large");
    std::string text(static_cast<std::size_t>(item.size), '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        const auto n = reader.read({reinterpret_cast<std::uint8_t*>(text.data()) + got, text.size() - got});
        if (n == 0) break;
        got += n;
    }
    // One more read returns 0 once the reader has checked the item's size and SHA-256.
    std::uint8_t probe = 0;
    if (reader.read({&probe, 1}) != 0 || got != text.size()) inconsistent("item " + item.id + " has the wrong size");
    return text;
}

// The manifest's name for an attachment must be the report document's name
// for it; the one exception is the exporter's neutral name "attachment-<digits>"
// (export.cpp, bundle_name_for) for a document name that the bundle format
// refuses as a manifest name. Both names are signed; a mismatch means the
// sender (or its software) said two things about one file.
bool names_agree(const std::string& manifest_name, const std::string& document_name) {
    if (manifest_name == document_name) return true;
    if (crypto::bundle_format::name_problem(document_name).empty()) return false;
    constexpr std::string_view kNeutral = "attachment-";
    if (manifest_name.size() <= kNeutral.size() || manifest_name.size() > kNeutral.size() + 19 ||
        manifest_name.compare(0, kNeutral.size(), kNeutral) != 0)
        return false;
    return std::all_of(manifest_name.begin() + static_cast<std::ptrdiff_t>(kNeutral.size()), manifest_name.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

std::string content_sha256(const storage::ReportContent& content) {
    return crypto::to_hex(crypto::sha256(storage::canonical_report_json(content)));
}

void drain_item(crypto::BundleReader& reader) {
    std::vector<std::uint8_t> buffer(64 * 1024);
    while (reader.read(buffer) != 0) {
    }
}

// Checks a report document against what it will be stored as and against the
// manifest; returns it ready for storing.
// A forwarded report must be exactly what its first sender signed, the
// forwarder must be one of that bundle's recipients, and each of its files
// must be in a list the first sender signed.
void check_forwarded_captions(const detail::ReportDocument& doc, const std::vector<const detail::CarriedProof*>& proofs,
                              const std::string& report_item);

void check_forwarded(const detail::ReportDocument& doc, const crypto::BundleManifest& manifest,
                     const std::map<std::string, detail::CarriedProof>& proofs, const std::string& report_item) {
    const auto& origin = *doc.origin;
    const crypto::PublicIdentity* first_signer = nullptr;
    std::vector<const detail::CarriedProof*> listed;
    for (const auto& id : origin.proofs) {
        const auto found = proofs.find(id);
        if (found == proofs.end()) inconsistent("report " + report_item + " relies on a proof the bundle lacks before it");
        if (first_signer != nullptr && !(found->second.manifest.signer == *first_signer))
            inconsistent("report " + report_item + " relies on proofs of two different signers");
        first_signer = &found->second.manifest.signer;
        listed.push_back(&found->second);
    }
    const auto& last = *listed.back();
    const auto recipients = last.manifest.recipients;
    if (std::find(recipients.begin(), recipients.end(), manifest.signer) == recipients.end())
        inconsistent("report " + report_item + " was forwarded by someone its first sender did not send it to");
    const auto signed_doc = last.documents.find(origin.item);
    if (signed_doc == last.documents.end())
        inconsistent("report " + report_item + " names a report its proof does not hold");
    const auto original = detail::decode_report_document(signed_doc->second);
    // Everything shown as the first sender's claim must be what they signed:
    // the content, and the status, case, times, history and redactions too.
    if (storage::canonical_report_json(original.content) != storage::canonical_report_json(doc.content) ||
        original.report_uid != doc.report_uid || original.revision_sha256 != doc.revision_sha256 ||
        original.status != doc.status || original.case_name != doc.case_name ||
        original.created_at != doc.created_at || original.updated_at != doc.updated_at ||
        original.revision != doc.revision || !(original.revisions == doc.revisions) ||
        original.redacted_fields != doc.redacted_fields)
        inconsistent("forwarded report " + report_item + " differs from what its first sender signed");
    for (const auto& a : doc.attachments) {
        const bool signed_file = std::any_of(listed.begin(), listed.end(), [&](const detail::CarriedProof* p) {
            return std::any_of(p->manifest.items.begin(), p->manifest.items.end(), [&](const crypto::BundleItem& i) {
                return i.kind == "attachment" && crypto::to_hex(i.sha256) == a.sha256;
            });
        });
        if (!signed_file)
            inconsistent("forwarded report " + report_item + " carries a file its first sender never signed");
    }
    check_forwarded_captions(doc, listed, report_item);
}

// A forwarded file's caption is one its first sender signed for that file
// (the same SHA-256) in one of the carried documents, or none: the forwarder
// may not put words in the first sender's mouth.
void check_forwarded_captions(const detail::ReportDocument& doc, const std::vector<const detail::CarriedProof*>& proofs,
                              const std::string& report_item) {
    std::set<std::pair<std::string, std::string>> signed_captions;  // (sha256, caption)
    bool decoded = false;
    for (const auto& a : doc.attachments) {
        if (a.caption.empty()) continue;
        if (!decoded) {
            for (const auto* proof : proofs)
                for (const auto& [item, text] : proof->documents)
                    for (const auto& signed_file : detail::decode_report_document(text).attachments)
                        signed_captions.emplace(signed_file.sha256, signed_file.caption);
            decoded = true;
        }
        if (signed_captions.count({a.sha256, a.caption}) == 0)
            inconsistent("forwarded report " + report_item + " differs from what its first sender signed (a caption)");
    }
}

detail::ReportDocument checked_document(const std::string& text, const crypto::BundleManifest& manifest,
                                        std::map<std::string, std::string>& attachment_owner,
                                        const std::string& report_item,
                                        const std::map<std::string, detail::CarriedProof>& proofs) {
    auto doc = detail::decode_report_document(text);
    try {
        validate_report(doc.content);
    } catch (const Error& e) {
        inconsistent(std::string("report ") + report_item + ": " + e.what());
    }
    if (doc.schema_version >= 2 && content_sha256(doc.content) != doc.revision_sha256)
        inconsistent("report " + report_item + " does not match the revision hash it states");
    for (const auto& a : doc.attachments) {
        const auto it = std::find_if(manifest.items.begin(), manifest.items.end(),
                                     [&](const crypto::BundleItem& i) { return i.id == a.item_id; });
        if (it == manifest.items.end() || it->kind != "attachment" || it->size != a.size ||
            crypto::to_hex(it->sha256) != a.sha256)
            inconsistent("report " + report_item + " lists an attachment the manifest does not match");
        if (!names_agree(it->name, a.name))
            inconsistent("attachment " + a.item_id + " has one name in the manifest and another in report " +
                         report_item);
        if (!attachment_owner.emplace(a.item_id, report_item).second)
            inconsistent("attachment " + a.item_id + " is claimed by two reports");
    }
    if (doc.origin) check_forwarded(doc, manifest, proofs, report_item);
    return doc;
}

// Reads every item in order. For import, `store` is set and each report and
// attachment is written inside the caller's transaction; for verify, items
// are read, checked and dropped. A report the same sender sent before (same
// stable id) gets a new revision, or is noted as identical, instead of a copy.
struct Received {
    std::vector<std::pair<std::string, std::int64_t>> reports;  // item id -> report id
    std::map<std::string, detail::ReportDocument> documents;
    std::map<std::string, std::string> document_bytes;  // as signed, for the proof
    std::map<std::string, ReportDelivery> outcome;        // item id -> what its arrival did
    std::map<std::string, detail::CarriedProof> proofs;   // proof item id -> checked proof
    std::size_t attachments = 0;
    std::size_t already_held = 0;  // files a report sent again already had
};

// Stores one report document; returns the report it now is.
std::int64_t store_report(storage::Database& db, const detail::ReportDocument& doc, const std::string& signer,
                          std::int64_t now, ReportDelivery& outcome) {
    storage::ReportRepository reports(db);
    storage::CustodyRepository custody(db);
    if (!doc.report_uid.empty()) {
        if (const auto existing = custody.find_received(signer, doc.report_uid)) {
            const auto current = reports.get(*existing);
            if (!current) inconsistent("a stored report is missing");
            outcome.report_id = *existing;
            if (storage::canonical_report_json(current->content) == storage::canonical_report_json(doc.content)) {
                outcome.kind = ReportDelivery::Kind::Identical;
                outcome.local_revision = current->revision;
            } else {
                reports.add_received_revision(*existing, doc.content, now);
                outcome.kind = ReportDelivery::Kind::NewRevision;
                outcome.local_revision = current->revision + 1;
            }
            return *existing;
        }
    }
    const auto id = reports.create(0, doc.content, now);
    if (!doc.report_uid.empty()) custody.add_received_origin(id, doc.report_uid, signer);
    outcome = ReportDelivery{id, ReportDelivery::Kind::New, 1};
    return id;
}

// The stored copy's file with this SHA-256, if it holds one already.
std::optional<std::int64_t> already_attached(storage::Database& db, std::int64_t report_id, const std::string& sha256) {
    for (const auto& a : storage::AttachmentStore(db).list_for_report(report_id))
        if (a.sha256 == sha256) return a.id;
    return std::nullopt;
}

// The sender's caption (report document version 3 on) is the file's caption
// here; a later delivery's caption replaces it, an empty one removes it.
void keep_caption(storage::Database& db, const detail::ReportDocument& doc, std::int64_t attachment_id,
                  const std::string& caption) {
    if (doc.schema_version >= 3) storage::AttachmentStore(db).set_caption(attachment_id, caption);
}

Received read_items(crypto::BundleReader& reader, storage::Database* store, std::int64_t now) {
    const auto& manifest = reader.manifest();
    const auto signer = manifest.signer.fingerprint();
    Received out;
    std::map<std::string, std::string> attachment_owner;  // attachment item -> report item
    std::map<std::string, std::int64_t> report_ids;
    std::set<std::string> uids;
    while (const auto* item = reader.next_item()) {
        if (item->kind == "report") {
            auto bytes = read_small_item(reader, *item);
            auto doc = checked_document(bytes, manifest, attachment_owner, item->id, out.proofs);
            if (!doc.report_uid.empty() && !uids.insert(doc.report_uid).second)
                inconsistent("two reports in the bundle have the same report_uid");
            if (store != nullptr) {
                ReportDelivery outcome;
                const auto id = store_report(*store, doc, signer, now, outcome);
                report_ids[item->id] = id;
                out.reports.emplace_back(item->id, id);
                if (doc.origin)
                    for (const auto& p : doc.origin->proofs)
                        storage::CustodyRepository(*store).link_carried_proof(
                            id, crypto::to_hex(out.proofs.at(p).manifest.bundle_id));
                out.outcome.emplace(item->id, outcome);
            }
            out.documents.emplace(item->id, std::move(doc));
            out.document_bytes.emplace(item->id, std::move(bytes));
        } else if (item->kind == detail::kProofItemKind) {
            if (!out.documents.empty()) inconsistent("proof " + item->id + " comes after a report");
            auto proof = detail::decode_carried_proof(read_small_item(reader, *item));
            if (store != nullptr)
                storage::CustodyRepository(*store).add_carried_proof(
                    crypto::to_hex(proof.manifest.bundle_id),
                    storage::ProofRecord{proof.proof.header, proof.proof.manifest, proof.proof.signature, proof.documents});
            out.proofs.emplace(item->id, std::move(proof));
        } else if (item->kind == "attachment") {
            const auto owner = attachment_owner.find(item->id);
            if (owner == attachment_owner.end()) inconsistent("attachment " + item->id + " belongs to no earlier report");
            const auto& document = out.documents.at(owner->second);
            const auto& listed = document.attachments;
            const auto entry = std::find_if(listed.begin(), listed.end(),
                                            [&](const detail::DocumentAttachment& a) { return a.item_id == item->id; });
            const auto report_id = store == nullptr ? 0 : report_ids.at(owner->second);
            // A file the stored copy already holds (a report sent again) is
            // read and checked, not stored twice.
            if (store == nullptr) {
                drain_item(reader);
            } else if (const auto held = already_attached(*store, report_id, entry->sha256)) {
                drain_item(reader);
                keep_caption(*store, document, *held, entry->caption);
                ++out.already_held;
            } else {
                detail::BundleItemSource source(reader);
                std::istream in(&source);
                in.exceptions(std::ios::badbit);
                const auto name = sanitize_file_name(entry->name);
                // The reader checks the item's SHA-256 before the stream ends
                // (it throws otherwise), so the store records it unhashed.
                const auto stored = storage::AttachmentStore(*store).import_verified(
                    report_id, in, name, guess_media_type(name), item->sha256, now);
                keep_caption(*store, document, stored, entry->caption);
            }
            ++out.attachments;
        } else {
            inconsistent("unknown item kind '" + item->kind + "'");
        }
    }
    reader.finish();
    if (out.attachments != attachment_owner.size()) inconsistent("a listed attachment is missing");
    return out;
}

}  // namespace

std::map<std::int64_t, std::string> received_report_signers(Session& session) {
    return storage::ReceivedRepository(session.db()).received_report_signers();
}

std::optional<ReportProvenance> report_provenance(Session& session, std::int64_t report_id) {
    const auto stored = storage::ReceivedRepository(session.db()).provenance(report_id);
    if (!stored) return std::nullopt;
    const auto& b = stored->bundle;
    ReportProvenance p;
    p.bundle_id = b.bundle_id;
    p.signer_card = b.signer_card;
    p.signer_fingerprint = b.signer_fingerprint;
    if (const auto contact = ContactService(session).find_by_card(b.signer_card)) {
        p.signer_contact = contact->name;
        p.signer_verified = contact->verified;
    }
    p.sequence = b.sequence;
    p.created_at = b.created_at;
    p.received_at = b.received_at;
    p.manifest_hash = b.manifest_hash;
    p.header_hash = b.header_hash;
    p.file_sha256 = b.file_sha256;
    p.item_id = stored->item_id;
    p.redacted_fields = stored->redacted_fields;
    p.metadata = decode_export_metadata(b.metadata);
    return p;
}

BundleInfo inspect_bundle(const fs::path& file) {
    auto in = open_bundle(file);
    const auto info = crypto::BundleReader::inspect(in);
    return BundleInfo{info.version, info.recipients, info.size};
}

BundleCheck ImportService::verify(const fs::path& file) {
    auto& db = session_.db();
    auto in = open_bundle(file);
    detail::HashingSource hashing(in);
    std::istream stream(&hashing);
    const auto keys = own_keys(db);
    crypto::BundleReader reader(keys, stream);
    auto check = describe(db, reader);
    read_items(reader, nullptr, 0);
    if (hashing.failed()) throw Error(ErrorKind::Io, tr_args("could not read {1}", {file.string()}));
    check.file_sha256 = crypto::to_hex(hashing.finish());
    return check;
}

ImportResult ImportService::import_bundle(const fs::path& file) {
    auto& db = session_.db();
    auto in = open_bundle(file);
    detail::HashingSource hashing(in);
    std::istream stream(&hashing);
    const auto keys = own_keys(db);
    crypto::BundleReader reader(keys, stream);
    ImportResult result;
    result.check = describe(db, reader);
    if (result.check.already_imported)
        throw Error(ErrorKind::Integrity, tr_args("already imported: bundle {1} is in this vault; nothing stored", {result.check.bundle_id}));

    const auto now = now_seconds();
    // Quarantine: items are released before the end of the file is verified,
    // so everything goes into one transaction that commits only after finish().
    storage::Transaction tx(db);
    const auto received = read_items(reader, &db, now);
    if (hashing.failed()) throw Error(ErrorKind::Io, tr_args("could not read {1}", {file.string()}));
    result.check.file_sha256 = crypto::to_hex(hashing.finish());

    const auto& signer = reader.manifest().signer;
    result.new_source = !result.check.signer_contact.has_value();
    result.source_contact = record_source(db, signer, now).name;

    storage::ReceivedRepository provenance(db);
    storage::ReceivedBundleRecord record;
    record.bundle_id = result.check.bundle_id;
    record.signer_card = result.check.signer_card;
    record.signer_fingerprint = result.check.signer_fingerprint;
    record.sequence = result.check.sequence;
    record.created_at = result.check.created_at;
    record.received_at = now;
    record.manifest_hash = result.check.manifest_hash;
    record.header_hash = result.check.header_hash;
    record.metadata = result.check.metadata.text;
    record.file_sha256 = result.check.file_sha256;
    const auto row = provenance.add_bundle(record);

    storage::CustodyRepository custody(db);
    const auto& proof = reader.proof();
    custody.add_proof(row, storage::ProofRecord{proof.header, proof.manifest, proof.signature, received.document_bytes});

    storage::AuditLog audit(db);
    std::string report_list;
    for (const auto& [item_id, report_id] : received.reports) {
        const auto& doc = received.documents.at(item_id);
        const auto& outcome = received.outcome.at(item_id);
        const std::string subject = "report:" + std::to_string(report_id);
        const std::string where = "bundle " + record.bundle_id + " item " + item_id;
        if (outcome.kind == ReportDelivery::Kind::New) {
            // Stored final: a received report is a read-only record of what was sent.
            storage::ReportRepository(db).set_status(report_id, ReportStatus::Final, now);
            provenance.link_report(report_id, row, item_id, doc.redacted_fields);
            audit.append("report_receive", subject, where, now);
        } else if (outcome.kind == ReportDelivery::Kind::NewRevision) {
            audit.append("report_receive_revision", subject,
                         where + ": revision " + std::to_string(outcome.local_revision), now);
        } else {
            audit.append("report_receive_identical", subject, where + ": nothing changed", now);
        }
        custody.add_delivery(storage::DeliveryRecord{0, report_id, row, item_id, outcome.local_revision,
                                                     outcome.kind == ReportDelivery::Kind::Identical,
                                                     encode_sender_claims(doc, received.proofs)});
        result.report_ids.push_back(report_id);
        result.deliveries.push_back(outcome);
        if (!report_list.empty()) report_list += ",";
        report_list += subject;
    }
    result.attachments = received.attachments - received.already_held;
    result.attachments_already_held = received.already_held;
    audit.append("import", "bundle:" + record.bundle_id,
                 "from " + record.signer_fingerprint + (result.new_source ? " (new unverified source)" : "") +
                     "; reports " + report_list + "; attachments " + std::to_string(result.attachments) +
                     "; sequence " + std::to_string(record.sequence) + "; sha256 " + record.file_sha256,
                 now);
    tx.commit();
    return result;
}

}  // namespace fv::core
