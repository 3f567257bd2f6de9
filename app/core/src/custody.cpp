#include "fieldvault/core/custody.h"
#include "fieldvault/core/i18n.h"

#include <nlohmann/json.hpp>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/custody.h"
#include "fieldvault/storage/received.h"
#include "fieldvault/storage/report_json.h"
#include "fieldvault/storage/repositories.h"
#include "sender_claims.h"

namespace fv::core {

namespace {
using json = nlohmann::json;

json origin_json(const detail::ReportDocument& doc, const std::map<std::string, detail::CarriedProof>& proofs) {
    if (!doc.origin) return nullptr;
    std::vector<std::string> bundles;
    for (const auto& id : doc.origin->proofs) bundles.push_back(crypto::to_hex(proofs.at(id).manifest.bundle_id));
    const auto& last = proofs.at(doc.origin->proofs.back()).manifest;
    return json{{"first_signer", last.signer.fingerprint()},
                {"first_bundle", crypto::to_hex(last.bundle_id)},
                {"first_signed_at", last.created_at},
                {"forwarder_received_at", doc.origin->received_at},
                {"proof_bundles", bundles}};
}
}  // namespace

std::string encode_sender_claims(const detail::ReportDocument& doc,
                                 const std::map<std::string, detail::CarriedProof>& proofs) {
    json revisions = json::array();
    for (const auto& r : doc.revisions)
        revisions.push_back(json{{"number", r.number}, {"created_at", r.created_at}, {"sha256", r.sha256}});
    json attachments = json::array();
    for (const auto& a : doc.attachments)
        attachments.push_back(json{{"name", a.name}, {"sha256", a.sha256}, {"added_at", a.added_at}});
    return json{{"schema_version", doc.schema_version},
                {"report_uid", doc.report_uid},
                {"status", model::status_code(doc.status)},
                {"case", doc.case_name},
                {"created_at", doc.created_at},
                {"updated_at", doc.updated_at},
                {"revision", doc.revision},
                {"revision_sha256", doc.revision_sha256},
                {"revisions", revisions},
                {"attachments", attachments},
                {"origin", origin_json(doc, proofs)}}
        .dump();
}

SenderClaims decode_sender_claims(std::string_view text) {
    try {
        const auto in = json::parse(text.begin(), text.end());
        SenderClaims c;
        c.schema_version = in.at("schema_version").get<int>();
        c.report_uid = in.at("report_uid").get<std::string>();
        c.status = model::parse_status(in.at("status").get<std::string>()).value_or(ReportStatus::Final);
        c.case_name = in.at("case").get<std::string>();
        c.created_at = in.at("created_at").get<std::int64_t>();
        c.updated_at = in.at("updated_at").get<std::int64_t>();
        c.revision = in.at("revision").get<std::int64_t>();
        c.revision_sha256 = in.at("revision_sha256").get<std::string>();
        for (const auto& r : in.at("revisions"))
            c.revisions.push_back(ClaimedRevision{r.at("number").get<std::int64_t>(),
                                                  r.at("created_at").get<std::int64_t>(),
                                                  r.at("sha256").get<std::string>()});
        for (const auto& a : in.at("attachments"))
            c.attachments.push_back(ClaimedAttachment{a.at("name").get<std::string>(), a.at("sha256").get<std::string>(),
                                                      a.at("added_at").get<std::int64_t>()});
        if (in.contains("origin") && !in.at("origin").is_null()) {
            const auto& o = in.at("origin");
            c.origin = ForwardOrigin{o.at("first_signer").get<std::string>(), o.at("first_bundle").get<std::string>(),
                                     o.at("first_signed_at").get<std::int64_t>(),
                                     o.at("forwarder_received_at").get<std::int64_t>(),
                                     o.at("proof_bundles").get<std::vector<std::string>>()};
        }
        return c;
    } catch (const json::exception&) {
        throw Error(ErrorKind::Integrity, tr("a stored delivery's sender claims are malformed"));
    }
}

std::vector<Delivery> report_deliveries(Session& session, std::int64_t report_id) {
    auto& db = session.db();
    storage::ReceivedRepository received(db);
    std::map<std::int64_t, storage::ReceivedBundleRecord> bundles;
    for (auto& b : received.bundles()) bundles.emplace(b.id, std::move(b));
    std::vector<Delivery> out;
    for (const auto& d : storage::CustodyRepository(db).deliveries(report_id)) {
        const auto& b = bundles.at(d.bundle_row);
        out.push_back(Delivery{b.bundle_id, b.signer_fingerprint, b.created_at, b.received_at, d.item_id,
                               d.local_revision, d.identical, decode_sender_claims(d.claims)});
    }
    return out;
}

std::vector<std::string> changed_fields(const ReportContent& before, const ReportContent& after) {
    const auto a = storage::report_to_json(before);
    const auto b = storage::report_to_json(after);
    std::vector<std::string> out;
    for (const auto& [key, value] : b.items()) {
        if (!a.contains(key) || a.at(key) != value) out.push_back(key);
    }
    return out;
}

std::vector<std::string> revision_changes(Session& session, std::int64_t report_id, std::int64_t from,
                                          std::int64_t to) {
    const auto revisions = storage::ReportRepository(session.db()).revisions(report_id);
    const ReportContent* before = nullptr;
    const ReportContent* after = nullptr;
    for (const auto& r : revisions) {
        if (r.number == from) before = &r.content;
        if (r.number == to) after = &r.content;
    }
    if (revisions.empty()) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(report_id)}));
    if (before == nullptr || after == nullptr)
        throw Error(ErrorKind::NotFound, tr_args("report {1} has no revision {2}", {std::to_string(report_id), std::to_string(before == nullptr ? from : to)}));
    return changed_fields(*before, *after);
}

}  // namespace fv::core
