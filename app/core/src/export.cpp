#include "fieldvault/core/export.h"

#include <algorithm>
#include <map>
#include <set>

#include "bundle_document.h"
#include "carried_proof.h"
#include "forwarding.h"
#include "report_document_builder.h"
#include "sensitive_echo.h"
#include "bundle_streams.h"
#include "exclusive_file.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/received.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/crypto/threaded_sink.h"

namespace fv::core {

namespace {

struct PlannedItem {
    crypto::BundleItem item;
    std::string document;             // a report document's bytes
    std::int64_t attachment_id = 0;   // else an attachment streamed from the vault
};

struct Recipients {
    std::vector<crypto::PublicIdentity> identities;
    std::vector<ExportRecipient> shown;
};

Recipients resolve_recipients(storage::Database& db, const std::vector<std::string>& names) {
    if (names.empty()) throw Error(ErrorKind::Invalid, tr("export needs at least one recipient (--to NAME)"));
    Recipients out;
    std::set<std::string> seen;
    for (const auto& name : names) {
        if (!seen.insert(name).second) continue;
        const auto contact = storage::ContactRepository(db).find_by_name(name);
        if (!contact) throw Error(ErrorKind::NotFound, tr_args("no contact named '{1}' (see: contact list)", {name}));
        out.identities.push_back(crypto::PublicIdentity::parse_card(contact->card));
        out.shown.push_back(ExportRecipient{contact->name, contact->fingerprint, contact->verified});
    }
    if (out.identities.size() > crypto::BundleLimits::kMaxRecipients)
        throw Error(ErrorKind::Invalid, tr("a bundle can be addressed to at most 8 recipients"));
    return out;
}

void check_stated_name(const std::string& name) {
    if (!name.empty() && !is_plain_name(name))
        throw Error(ErrorKind::Invalid, tr("the name to state must be 1 to 100 bytes, without control characters, direction marks, slashes or '..'"));
}

std::vector<std::int64_t> select_reports(Session& session, const ExportRequest& request) {
    auto& db = session.db();
    if (request.scope == ExportRequest::Scope::Source) {
        auto ids = SourceService(session).get(request.source_name).report_ids;
        if (ids.empty()) throw Error(ErrorKind::Invalid, tr("nothing to export: no report selected"));
        return ids;
    }
    const auto received = storage::ReceivedRepository(db).received_report_signers();
    storage::ReportRepository reports(db);
    std::vector<std::int64_t> ids;
    if (request.scope == ExportRequest::Scope::Reports) {
        for (const auto id : request.report_ids) {
            if (!reports.get(id)) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(id)}));
            // A received report is forwarded: it goes as its sender signed it,
            // with their signature (forwarding.h), never re-signed as this vault's own.
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
    } else {
        std::optional<std::int64_t> case_id;
        if (request.scope == ExportRequest::Scope::Case) {
            const auto found = storage::CaseRepository(db).find_by_name(request.case_name);
            if (!found) throw Error(ErrorKind::NotFound, tr_args("no case named '{1}'", {request.case_name}));
            case_id = found->id;
        }
        for (const auto& s : reports.list(case_id)) {
            // "All" is what this vault wrote; a case takes its received reports too.
            if (request.scope == ExportRequest::Scope::Case || !received.count(s.id)) ids.push_back(s.id);
        }
        std::sort(ids.begin(), ids.end());
    }
    if (ids.empty()) throw Error(ErrorKind::Invalid, tr("nothing to export: no report selected"));
    return ids;
}

crypto::Sha256Digest digest_from_hex(const std::string& hex) {
    const auto bytes = crypto::from_hex(hex);
    crypto::Sha256Digest digest{};
    if (bytes.size() != digest.size()) throw Error(ErrorKind::Integrity, tr("a stored attachment hash is malformed"));
    std::copy(bytes.begin(), bytes.end(), digest.begin());
    return digest;
}

// A stored name the bundle format refuses (e.g. one containing "..") travels
// under a neutral name; the report document keeps the original.
std::string bundle_name_for(const storage::AttachmentRecord& a) {
    if (crypto::bundle_format::name_problem(a.name).empty()) return a.name;
    return "attachment-" + std::to_string(a.id);
}

// The items to seal and, from the same loop, the plan a preview shows.
struct Plan {
    std::vector<PlannedItem> items;
    ExportPlan shown;
};

Plan plan_items(storage::Database& db, const std::vector<std::int64_t>& ids, const ExportRequest& request,
                bool assign_ids) {
    Plan plan;
    auto& summary = plan.shown.metadata;
    summary.sensitive_included = request.include_sensitive;
    summary.sender_name = request.stated_name;
    summary.attachments_included = request.include_attachments;
    std::vector<PlannedItem> attachments;
    std::map<std::string, detail::ForwardedProof> proofs;  // proof item id -> each bundle's once
    storage::AttachmentStore store(db);
    const auto received = storage::ReceivedRepository(db).received_report_signers();
    for (const auto id : ids) {
        const bool forwarded = received.count(id) != 0;
        detail::ReportDocument doc;
        std::string case_name;
        if (forwarded) {
            auto f = detail::forwarded_report(db, id);
            doc = std::move(f.doc);
            detail::merge_forwarded_proofs(proofs, std::move(f.proofs));
        } else {
            doc = detail::build_report_document(db, id, assign_ids);
            case_name = std::move(doc.case_name);
            doc.case_name.clear();
        }
        ExportPlanReport shown;
        shown.id = id;
        shown.title = doc.content.title;
        shown.forwarded = forwarded;
        if (forwarded) {
            // As the first sender signed it: nothing to redact or add here.
        } else if (request.include_sensitive) {
            shown.sensitive_sent = doc.content.sensitive_fields;
            doc.case_name = case_name;
        } else {
            const auto original = doc.content;
            doc.redacted_fields = detail::redact_sensitive(doc.content);
            shown.left_out_fields = doc.redacted_fields;
            shown.left_out_but_told = detail::sensitive_words_still_told(original, doc.content);
            shown.case_name_left_out = !case_name.empty();
        }
        if (!forwarded) detail::seal_revision_hash(doc);
        const std::string item_id = "report-" + std::to_string(id);
        const auto captions = store.captions_for_report(id);
        for (const auto& a : store.list_for_report(id)) {
            if (!request.include_attachments) {
                ++doc.attachments_left_out;
                ++shown.attachments_left_out;
                continue;
            }
            ++shown.attachments;
            shown.attachment_bytes += a.size;
            const std::string att_item = "attachment-" + std::to_string(a.id);
            // A caption goes with its file: it says no more than the file itself shows.
            const auto caption = captions.find(a.id);
            doc.attachments.push_back(detail::DocumentAttachment{att_item, a.name, a.media_type, a.size, a.sha256,
                                                                 a.created_at,
                                                                 caption == captions.end() ? "" : caption->second});
            attachments.push_back(PlannedItem{{att_item, "attachment", bundle_name_for(a), a.size, digest_from_hex(a.sha256)},
                                              {}, a.id});
        }
        summary.attachments_left_out += doc.attachments_left_out;
        if (!doc.redacted_fields.empty()) summary.redacted.push_back(RedactedItem{item_id, doc.redacted_fields});
        plan.shown.reports.push_back(std::move(shown));
        PlannedItem item;
        item.document = detail::encode_report_document(doc);
        item.item = crypto::BundleItem{item_id, "report", item_id + ".json", item.document.size(),
                                       crypto::sha256(item.document)};
        plan.items.push_back(std::move(item));
    }
    summary.reports = plan.items.size();
    summary.attachments = attachments.size();
    summary.proofs = proofs.size();
    // Proofs first, then report documents, then attachments: the importer
    // knows each signature before the reports that rely on it, and where each
    // attachment belongs before its bytes arrive.
    std::vector<PlannedItem> ordered;
    for (auto& [id, proof] : proofs) {
        PlannedItem p;
        p.document = detail::encode_carried_proof(proof.proof, proof.documents);
        p.item = crypto::BundleItem{id, std::string(detail::kProofItemKind), id + ".json", p.document.size(),
                                    crypto::sha256(p.document)};
        ordered.push_back(std::move(p));
    }
    for (auto& r : plan.items) ordered.push_back(std::move(r));
    plan.items = std::move(ordered);
    for (auto& a : attachments) plan.items.push_back(std::move(a));
    for (const auto& p : plan.items) plan.shown.payload_bytes += p.item.size;
    return plan;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

}  // namespace

std::size_t ExportPlan::attachments() const noexcept {
    std::size_t n = 0;
    for (const auto& r : reports) n += r.attachments;
    return n;
}

std::uint64_t ExportPlan::attachment_bytes() const noexcept {
    std::uint64_t n = 0;
    for (const auto& r : reports) n += r.attachment_bytes;
    return n;
}

std::size_t ExportPlan::attachments_left_out() const noexcept {
    std::size_t n = 0;
    for (const auto& r : reports) n += r.attachments_left_out;
    return n;
}

ExportPlan ExportService::plan(const ExportRequest& request) {
    auto& db = session_.db();
    check_stated_name(request.stated_name);
    const auto recipients = resolve_recipients(db, request.recipients);
    const auto ids = select_reports(session_, request);
    auto plan = plan_items(db, ids, request, false);
    plan.shown.recipients = recipients.shown;
    return std::move(plan.shown);
}

ExportResult ExportService::export_bundle(const ExportRequest& request, const Progress& progress) {
    auto& db = session_.db();
    check_stated_name(request.stated_name);
    const auto recipients = resolve_recipients(db, request.recipients);
    const auto ids = select_reports(session_, request);
    const auto keys = storage::IdentityRepository(db).keys();
    if (!keys) throw Error(ErrorKind::Integrity, tr("the vault has no identity"));

    const auto now = now_seconds();
    // The sequence number and the audit entry commit only once the file exists.
    storage::Transaction tx(db);
    auto plan = plan_items(db, ids, request, true);

    crypto::BundleManifest manifest;
    manifest.bundle_id = crypto::BundleManifest::random_id();
    manifest.created_at = now;
    manifest.sequence = storage::ReceivedRepository(db).next_export_sequence(crypto::to_hex(keys->pub.signing_key));
    manifest.recipients = recipients.identities;
    manifest.metadata = encode_export_metadata(plan.shown.metadata);
    std::uint64_t total = 0;
    for (const auto& p : plan.items) {
        manifest.items.push_back(p.item);
        total += p.item.size;
    }

    crypto::Sha256Digest file_digest{};
    std::uint64_t file_size = 0;
    ExportResult result;
    auto fill_result = [&] {
        result.bundle_id = crypto::to_hex(manifest.bundle_id);
        result.sequence = manifest.sequence;
        result.file_sha256 = crypto::to_hex(file_digest);
        result.file_size = file_size;
        result.recipients = recipients.shown;
        result.report_ids = ids;
        result.attachments = plan.shown.metadata.attachments;
        result.redacted_reports = plan.shown.metadata.redacted.size();

        std::vector<std::string> to, reports;
        for (const auto& r : recipients.shown) to.push_back(r.fingerprint);
        for (const auto id : ids) reports.push_back("report:" + std::to_string(id));
        storage::AuditLog(db).append("export", "bundle:" + result.bundle_id,
                                     "to " + join(to, ", ") + "; reports " + join(reports, ",") + "; attachments " +
                                         std::to_string(result.attachments) + "; sensitive " +
                                         (request.include_sensitive ? "included" : "left out") + "; sequence " +
                                         std::to_string(result.sequence) + "; sha256 " + result.file_sha256,
                                     now);
    };
    detail::write_new_file(request.out, [&](std::ostream& file) {
        detail::HashingSink hashing(file);
        std::ostream out(&hashing);
        out.exceptions(std::ios::badbit);
        crypto::BundleWriter writer(*keys, manifest, out);
        storage::AttachmentStore store(db);
        std::uint64_t done = 0;
        for (const auto& p : plan.items) {
            if (p.attachment_id == 0) {
                writer.begin_item();  // a document: size and SHA-256 checked against the manifest
                writer.write({reinterpret_cast<const std::uint8_t*>(p.document.data()), p.document.size()});
            } else {
                // Straight from the vault's file into the writer. The manifest's
                // SHA-256 is the one recorded when the file was attached, and
                // the vault file's AEAD (under a key only the database holds)
                // authenticates every chunk as those very bytes (attachments of
                // schema v1-v2 are checked against that SHA-256 by the store):
                // the writer checks the size and does not hash them again. The
                // receiver checks the SHA-256 in any case (docs/bundle-format.md).
                // Reading and decrypting the vault's file (here) and sealing
                // (the writer, on the stage's thread) run side by side.
                writer.begin_item(crypto::BundleWriter::ItemCheck::SizeOnly);
                std::uint64_t item_done = 0;
                crypto::ThreadedSink to_writer([&writer](std::span<const std::uint8_t> bytes) { writer.write(bytes); });
                store.extract(p.attachment_id, [&](std::span<const std::uint8_t> bytes) {
                    to_writer.push(bytes);
                    item_done += bytes.size();
                    if (progress) progress(done + item_done, total);
                });
                to_writer.finish();
            }
            writer.end_item();
            done += p.item.size;
            if (progress) progress(done, total);
        }
        writer.finish();
        out.flush();
        file_digest = hashing.finish();
        file_size = hashing.bytes();
    }, [&] {
        // The bundle is complete on disk under its temporary name: record it
        // (sequence and audit entry) before it appears under the final name.
        // A kill between this commit and the rename leaves a recorded export
        // whose file is only the hidden temporary one: the log may say more
        // than left the vault, never less.
        fill_result();
        tx.commit();
    });
    return result;
}

}  // namespace fv::core
