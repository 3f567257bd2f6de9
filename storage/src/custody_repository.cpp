#include "fieldvault/storage/custody.h"

#include "fieldvault/model/error.h"

namespace fv::storage {

namespace {

std::vector<std::uint8_t> blob(const Statement& s, int column) {
    const auto bytes = s.column_blob(column);
    return {bytes.begin(), bytes.end()};
}

std::span<const std::uint8_t> bytes_of(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace

std::optional<std::string> CustodyRepository::uid_of(std::int64_t report_id) {
    auto stmt = db_.prepare("SELECT uid FROM report_origins WHERE report_id = ?");
    stmt.bind(1, report_id);
    if (!stmt.step()) return std::nullopt;
    return stmt.column_text(0);
}

std::string CustodyRepository::own_uid(std::int64_t report_id) {
    if (auto uid = uid_of(report_id)) return *uid;
    // SQLite's randomblob draws from the OS's random source: ids, not secrets.
    db_.prepare("INSERT INTO report_origins (report_id, uid, signer) VALUES (?, lower(hex(randomblob(16))), '')")
        .bind(1, report_id)
        .run();
    return *uid_of(report_id);
}

void CustodyRepository::add_received_origin(std::int64_t report_id, std::string_view uid,
                                            std::string_view signer_fingerprint) {
    db_.prepare("INSERT INTO report_origins (report_id, uid, signer) VALUES (?, ?, ?)")
        .bind(1, report_id)
        .bind(2, uid)
        .bind(3, signer_fingerprint)
        .run();
}

std::optional<std::int64_t> CustodyRepository::find_received(std::string_view signer_fingerprint,
                                                             std::string_view uid) {
    auto stmt = db_.prepare("SELECT report_id FROM report_origins WHERE signer = ? AND uid = ?");
    stmt.bind(1, signer_fingerprint).bind(2, uid);
    if (!stmt.step()) return std::nullopt;
    return stmt.column_int(0);
}

std::int64_t CustodyRepository::add_delivery(const DeliveryRecord& r) {
    db_.prepare("INSERT INTO received_deliveries (report_id, bundle_row, item_id, local_revision, identical, claims) "
                "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, r.report_id)
        .bind(2, r.bundle_row)
        .bind(3, r.item_id)
        .bind(4, r.local_revision)
        .bind(5, std::int64_t{r.identical ? 1 : 0})
        .bind(6, r.claims)
        .run();
    return db_.last_insert_id();
}

std::vector<DeliveryRecord> CustodyRepository::deliveries(std::int64_t report_id) {
    auto stmt = db_.prepare(
        "SELECT id, report_id, bundle_row, item_id, local_revision, identical, claims FROM received_deliveries "
        "WHERE report_id = ? ORDER BY id");
    stmt.bind(1, report_id);
    std::vector<DeliveryRecord> out;
    while (stmt.step()) {
        out.push_back(DeliveryRecord{stmt.column_int(0), stmt.column_int(1), stmt.column_int(2), stmt.column_text(3),
                                     stmt.column_int(4), stmt.column_int(5) != 0, stmt.column_text(6)});
    }
    return out;
}

void CustodyRepository::add_proof(std::int64_t bundle_row, const ProofRecord& p) {
    db_.prepare("INSERT INTO bundle_proofs (bundle_row, header, manifest, signature) VALUES (?, ?, ?, ?)")
        .bind(1, bundle_row)
        .bind_blob(2, p.header)
        .bind_blob(3, p.manifest)
        .bind_blob(4, p.signature)
        .run();
    for (const auto& [item, document] : p.documents) {
        db_.prepare("INSERT INTO bundle_documents (bundle_row, item_id, document) VALUES (?, ?, ?)")
            .bind(1, bundle_row)
            .bind(2, item)
            .bind_blob(3, bytes_of(document))
            .run();
    }
}

std::optional<ProofRecord> CustodyRepository::proof(std::int64_t bundle_row) {
    auto stmt = db_.prepare("SELECT header, manifest, signature FROM bundle_proofs WHERE bundle_row = ?");
    stmt.bind(1, bundle_row);
    if (!stmt.step()) return std::nullopt;
    ProofRecord p{blob(stmt, 0), blob(stmt, 1), blob(stmt, 2), {}};
    auto docs = db_.prepare("SELECT item_id, document FROM bundle_documents WHERE bundle_row = ? ORDER BY item_id");
    docs.bind(1, bundle_row);
    while (docs.step()) {
        const auto bytes = docs.column_blob(1);
        p.documents.emplace(docs.column_text(0), std::string(bytes.begin(), bytes.end()));
    }
    return p;
}

void CustodyRepository::add_carried_proof(std::string_view bundle_id, const ProofRecord& p) {
    if (!carried_proof(bundle_id)) {
        db_.prepare("INSERT INTO carried_proofs (bundle_id, header, manifest, signature) VALUES (?, ?, ?, ?)")
            .bind(1, bundle_id)
            .bind_blob(2, p.header)
            .bind_blob(3, p.manifest)
            .bind_blob(4, p.signature)
            .run();
    }
    // A later forward from the same first bundle carries other reports'
    // documents: they join the ones kept (the signature covers all of them).
    for (const auto& [item, document] : p.documents) {
        db_.prepare("INSERT OR IGNORE INTO carried_documents (bundle_id, item_id, document) VALUES (?, ?, ?)")
            .bind(1, bundle_id)
            .bind(2, item)
            .bind_blob(3, bytes_of(document))
            .run();
    }
}

std::optional<ProofRecord> CustodyRepository::carried_proof(std::string_view bundle_id) {
    auto stmt = db_.prepare("SELECT header, manifest, signature FROM carried_proofs WHERE bundle_id = ?");
    stmt.bind(1, bundle_id);
    if (!stmt.step()) return std::nullopt;
    ProofRecord p{blob(stmt, 0), blob(stmt, 1), blob(stmt, 2), {}};
    auto docs = db_.prepare("SELECT item_id, document FROM carried_documents WHERE bundle_id = ? ORDER BY item_id");
    docs.bind(1, bundle_id);
    while (docs.step()) {
        const auto bytes = docs.column_blob(1);
        p.documents.emplace(docs.column_text(0), std::string(bytes.begin(), bytes.end()));
    }
    return p;
}

void CustodyRepository::link_carried_proof(std::int64_t report_id, std::string_view bundle_id) {
    db_.prepare("INSERT OR IGNORE INTO report_carried_proofs (report_id, bundle_id) VALUES (?, ?)")
        .bind(1, report_id)
        .bind(2, bundle_id)
        .run();
}

std::vector<std::string> CustodyRepository::carried_proofs_of(std::int64_t report_id) {
    auto stmt = db_.prepare("SELECT bundle_id FROM report_carried_proofs WHERE report_id = ? ORDER BY rowid");
    stmt.bind(1, report_id);
    std::vector<std::string> out;
    while (stmt.step()) out.push_back(stmt.column_text(0));
    return out;
}

void CustodyRepository::merge(std::int64_t contact_id, std::int64_t into_contact) {
    if (contact_id == into_contact) throw Error(ErrorKind::Invalid, "a source cannot be merged into itself");
    const auto all = merges();
    if (all.count(into_contact))
        throw Error(ErrorKind::Invalid, "that contact is itself merged into another; merge into that one");
    db_.prepare("INSERT OR REPLACE INTO source_merges (contact_id, into_contact) VALUES (?, ?)")
        .bind(1, contact_id)
        .bind(2, into_contact)
        .run();
    // Sources merged into this one now follow it.
    db_.prepare("UPDATE source_merges SET into_contact = ? WHERE into_contact = ?")
        .bind(1, into_contact)
        .bind(2, contact_id)
        .run();
}

std::map<std::int64_t, std::int64_t> CustodyRepository::merges() {
    auto stmt = db_.prepare("SELECT contact_id, into_contact FROM source_merges");
    std::map<std::int64_t, std::int64_t> out;
    while (stmt.step()) out.emplace(stmt.column_int(0), stmt.column_int(1));
    return out;
}

}  // namespace fv::storage
