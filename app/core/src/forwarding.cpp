#include "forwarding.h"
#include "fieldvault/core/i18n.h"

#include "carried_proof.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/custody.h"
#include "fieldvault/storage/received.h"

namespace fv::core::detail {

std::string proof_item_id(const std::string& bundle_id_hex) { return "proof-" + bundle_id_hex; }

void merge_forwarded_proofs(std::map<std::string, ForwardedProof>& into, std::map<std::string, ForwardedProof>&& more) {
    for (auto& [id, proof] : more) {
        auto [at, fresh] = into.try_emplace(id, std::move(proof));
        if (!fresh) at->second.documents.merge(proof.documents);
    }
}

ForwardedReport forwarded_report(storage::Database& db, std::int64_t report_id) {
    storage::CustodyRepository custody(db);
    const auto cannot = [&](const std::string& why) {
        return Error(ErrorKind::Invalid, tr_args("report {1} cannot be forwarded: {2}", {std::to_string(report_id), why}));
    };
    if (!custody.carried_proofs_of(report_id).empty())
        throw cannot(tr("it was itself forwarded to this vault (forwarding it again is not supported yet)"));
    const auto deliveries = custody.deliveries(report_id);
    if (deliveries.empty())
        throw cannot(tr("it arrived before this vault kept senders' signatures, so its sender's signature cannot go with it"));
    std::map<std::int64_t, std::string> bundle_ids;
    for (const auto& b : storage::ReceivedRepository(db).bundles()) bundle_ids.emplace(b.id, b.bundle_id);

    ForwardedReport out;
    std::vector<std::string> proof_ids;
    std::string last_document;
    for (const auto& d : deliveries) {
        const auto kept = custody.proof(d.bundle_row);
        if (!kept) throw cannot(tr("the signature of one of the bundles it came in was not kept"));
        const auto document = kept->documents.find(d.item_id);
        if (document == kept->documents.end()) throw cannot(tr("its signed report document was not kept"));
        const auto item = proof_item_id(bundle_ids.at(d.bundle_row));
        auto [proof, fresh] =
            out.proofs.try_emplace(item, ForwardedProof{{kept->header, kept->manifest, kept->signature}, {}});
        if (fresh) proof_ids.push_back(item);
        // Only this report's document: the bundle's other reports are not forwarded.
        proof->second.documents.emplace(d.item_id, document->second);
        last_document = document->second;
    }
    out.doc = decode_report_document(last_document);
    if (out.doc.report_uid.empty())
        throw cannot(tr("its sender's program gave it no report id, so the next receiver could not tell it apart"));
    out.doc.attachments.clear();
    out.doc.attachments_left_out = 0;
    out.doc.origin = DocumentOrigin{proof_ids, deliveries.back().item_id, 0};
    for (const auto& b : storage::ReceivedRepository(db).bundles())
        if (b.id == deliveries.back().bundle_row) out.doc.origin->received_at = b.received_at;
    return out;
}

}  // namespace fv::core::detail
