#include <charconv>
#include <string>

#include <nlohmann/json.hpp>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/received.h"

namespace fv::storage {

namespace {

constexpr std::string_view kBundleColumns =
    "id, bundle_id, signer_card, signer_fingerprint, sequence, created_at, received_at, manifest_hash, header_hash, "
    "metadata, file_sha256";

std::uint64_t parse_sequence(const std::string& text) {
    std::uint64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) throw Error(ErrorKind::Integrity, "a stored bundle sequence is malformed");
    return value;
}

ReceivedBundleRecord read_bundle(const Statement& s, int first) {
    ReceivedBundleRecord r;
    r.id = s.column_int(first);
    r.bundle_id = s.column_text(first + 1);
    r.signer_card = s.column_text(first + 2);
    r.signer_fingerprint = s.column_text(first + 3);
    r.sequence = parse_sequence(s.column_text(first + 4));
    r.created_at = s.column_int(first + 5);
    r.received_at = s.column_int(first + 6);
    r.manifest_hash = s.column_text(first + 7);
    r.header_hash = s.column_text(first + 8);
    r.metadata = s.column_text(first + 9);
    r.file_sha256 = s.column_text(first + 10);
    return r;
}

std::string select_bundles(std::string_view where) {
    return "SELECT " + std::string(kBundleColumns) + " FROM received_bundles " + std::string(where);
}

}  // namespace

std::optional<ReceivedBundleRecord> ReceivedRepository::find_bundle(std::string_view bundle_id_hex) {
    auto stmt = db_.prepare(select_bundles("WHERE bundle_id = ?"));
    stmt.bind(1, bundle_id_hex);
    if (!stmt.step()) return std::nullopt;
    return read_bundle(stmt, 0);
}

std::int64_t ReceivedRepository::add_bundle(const ReceivedBundleRecord& r) {
    db_.prepare("INSERT INTO received_bundles (bundle_id, signer_card, signer_fingerprint, sequence, created_at, "
                "received_at, manifest_hash, header_hash, metadata, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, r.bundle_id)
        .bind(2, r.signer_card)
        .bind(3, r.signer_fingerprint)
        .bind(4, std::to_string(r.sequence))
        .bind(5, r.created_at)
        .bind(6, r.received_at)
        .bind(7, r.manifest_hash)
        .bind(8, r.header_hash)
        .bind(9, r.metadata)
        .bind(10, r.file_sha256)
        .run();
    return db_.last_insert_id();
}

void ReceivedRepository::link_report(std::int64_t report_id, std::int64_t bundle_row, std::string_view item_id,
                                     const std::vector<std::string>& redacted_fields) {
    db_.prepare("INSERT INTO received_reports (report_id, bundle_row, item_id, redacted_fields) VALUES (?, ?, ?, ?)")
        .bind(1, report_id)
        .bind(2, bundle_row)
        .bind(3, item_id)
        .bind(4, nlohmann::json(redacted_fields).dump())
        .run();
}

std::optional<ReportProvenance> ReceivedRepository::provenance(std::int64_t report_id) {
    std::string sql = "SELECT r.item_id, r.redacted_fields, ";
    for (std::string_view cols = kBundleColumns; !cols.empty();) {
        const auto comma = cols.find(", ");
        sql += "b." + std::string(cols.substr(0, comma));
        cols = comma == std::string_view::npos ? std::string_view{} : cols.substr(comma + 2);
        if (!cols.empty()) sql += ", ";
    }
    sql += " FROM received_reports r JOIN received_bundles b ON b.id = r.bundle_row WHERE r.report_id = ?";
    auto stmt = db_.prepare(sql);
    stmt.bind(1, report_id);
    if (!stmt.step()) return std::nullopt;
    ReportProvenance p;
    p.item_id = stmt.column_text(0);
    try {
        p.redacted_fields = nlohmann::json::parse(stmt.column_text(1)).get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorKind::Integrity, "a received report's redaction list is malformed");
    }
    p.bundle = read_bundle(stmt, 2);
    return p;
}

std::map<std::int64_t, std::string> ReceivedRepository::received_report_signers() {
    auto stmt = db_.prepare(
        "SELECT r.report_id, b.signer_fingerprint FROM received_reports r JOIN received_bundles b ON b.id = r.bundle_row");
    std::map<std::int64_t, std::string> out;
    while (stmt.step()) out.emplace(stmt.column_int(0), stmt.column_text(1));
    return out;
}

std::vector<ReceivedBundleRecord> ReceivedRepository::bundles() {
    auto stmt = db_.prepare(select_bundles("ORDER BY received_at, id"));
    std::vector<ReceivedBundleRecord> out;
    while (stmt.step()) out.push_back(read_bundle(stmt, 0));
    return out;
}

std::uint64_t ReceivedRepository::last_sequence_from(std::string_view signer_fingerprint) {
    auto stmt = db_.prepare("SELECT sequence FROM received_bundles WHERE signer_fingerprint = ?");
    stmt.bind(1, signer_fingerprint);
    std::uint64_t highest = 0;
    while (stmt.step()) highest = std::max(highest, parse_sequence(stmt.column_text(0)));
    return highest;
}

std::uint64_t ReceivedRepository::next_export_sequence(std::string_view signing_key_hex) {
    auto stmt = db_.prepare("SELECT last_sequence FROM export_sequences WHERE signing_key = ?");
    stmt.bind(1, signing_key_hex);
    std::int64_t next = 1;
    if (stmt.step()) {
        next = stmt.column_int(0) + 1;
        db_.prepare("UPDATE export_sequences SET last_sequence = ? WHERE signing_key = ?")
            .bind(1, next)
            .bind(2, signing_key_hex)
            .run();
    } else {
        db_.prepare("INSERT INTO export_sequences (signing_key, last_sequence) VALUES (?, 1)")
            .bind(1, signing_key_hex)
            .run();
    }
    return static_cast<std::uint64_t>(next);
}

}  // namespace fv::storage
