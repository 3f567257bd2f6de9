#include <algorithm>
#include <unordered_map>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/report_json.h"
#include "fieldvault/storage/repositories.h"
#include "fts_text.h"
#include "note_search.h"
#include "savepoint.h"

namespace fv::storage {

namespace {

// The scalar columns of `reports` that mirror ReportContent, in bind order.
constexpr std::string_view kScalarColumns =
    "title, occurred_start, occurred_end, date_precision, host_country, host_city, place, origin_country, "
    "demands_detail, narrative, narrative_language, translation, translation_language, translator, "
    "impact_detail, risk_level";
constexpr int kScalarCount = 16;

void bind_scalars(Statement& stmt, int first, const ReportContent& c) {
    const std::string_view values[kScalarCount] = {
        c.title,      c.occurred_start,     c.occurred_end, c.date_precision,       c.host_country, c.host_city,
        c.place,      c.origin_country,     c.demands_detail, c.narrative,          c.narrative_language,
        c.translation, c.translation_language, c.translator, c.impact_detail,       c.risk_level};
    for (int i = 0; i < kScalarCount; ++i) stmt.bind(first + i, values[i]);
}

void read_scalars(const Statement& stmt, int first, ReportContent& c) {
    std::string* targets[kScalarCount] = {
        &c.title,       &c.occurred_start,       &c.occurred_end, &c.date_precision, &c.host_country, &c.host_city,
        &c.place,       &c.origin_country,       &c.demands_detail, &c.narrative,    &c.narrative_language,
        &c.translation, &c.translation_language, &c.translator,   &c.impact_detail,  &c.risk_level};
    for (int i = 0; i < kScalarCount; ++i) *targets[i] = stmt.column_text(first + i);
}

// Tables holding a list of codes; names are constants, never user text.
struct CodeTable {
    std::string_view table;
    std::string_view column;
    std::vector<std::string> ReportContent::*member;
};
constexpr CodeTable kCodeTables[] = {
    {"report_tactics", "code", &ReportContent::tactics},
    {"report_channels", "code", &ReportContent::channels},
    {"report_demands", "code", &ReportContent::demands},
    {"report_impacts", "code", &ReportContent::impacts},
    {"report_sensitive_fields", "field", &ReportContent::sensitive_fields},
};
constexpr std::string_view kChildTables[] = {
    "report_tactics",   "report_channels",  "report_identifiers", "report_perpetrators",    "report_demands",
    "report_relatives", "report_witnesses", "report_impacts",     "report_reported_to", "report_sensitive_fields"};

std::string join(std::string_view a, std::string_view b, std::string_view c = {}) {
    std::string out(a);
    out += b;
    out += c;
    return out;
}

void insert_children(Database& db, std::int64_t id, const ReportContent& c) {
    for (const auto& t : kCodeTables) {
        auto stmt = db.prepare(join("INSERT INTO ", t.table, join(" (report_id, position, ", t.column, ") VALUES (?, ?, ?)")));
        std::int64_t position = 0;
        for (const auto& code : c.*(t.member)) {
            stmt.bind(1, id).bind(2, position++).bind(3, code);
            stmt.run();
            stmt.reset();
        }
    }
    std::int64_t position = 0;
    auto ids = db.prepare("INSERT INTO report_identifiers (report_id, position, channel, value) VALUES (?, ?, ?, ?)");
    for (const auto& i : c.identifiers) {
        ids.bind(1, id).bind(2, position++).bind(3, i.channel).bind(4, i.value).run();
        ids.reset();
    }
    position = 0;
    auto perps = db.prepare(
        "INSERT INTO report_perpetrators (report_id, position, affiliation, names, description) VALUES (?, ?, ?, ?, ?)");
    for (const auto& p : c.perpetrators) {
        perps.bind(1, id).bind(2, position++).bind(3, p.affiliation).bind(4, p.names).bind(5, p.description).run();
        perps.reset();
    }
    position = 0;
    auto rels = db.prepare(
        "INSERT INTO report_relatives (report_id, position, relationship, location, what_happened, by_whom, "
        "how_known) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& r : c.relatives) {
        rels.bind(1, id).bind(2, position++).bind(3, r.relationship).bind(4, r.location).bind(5, r.what_happened);
        rels.bind(6, r.by_whom).bind(7, r.how_known).run();
        rels.reset();
    }
    position = 0;
    auto wits = db.prepare(
        "INSERT INTO report_witnesses (report_id, position, name, contact, statement) VALUES (?, ?, ?, ?, ?)");
    for (const auto& w : c.witnesses) {
        wits.bind(1, id).bind(2, position++).bind(3, w.name).bind(4, w.contact).bind(5, w.statement).run();
        wits.reset();
    }
    position = 0;
    auto reps = db.prepare(
        "INSERT INTO report_reported_to (report_id, position, authority, date, reference, outcome) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& r : c.reported_to) {
        reps.bind(1, id).bind(2, position++).bind(3, r.authority).bind(4, r.date).bind(5, r.reference);
        reps.bind(6, r.outcome).run();
        reps.reset();
    }
}

void delete_children(Database& db, std::int64_t id) {
    for (const auto table : kChildTables) db.prepare(join("DELETE FROM ", table, " WHERE report_id = ?")).bind(1, id).run();
}

void load_children(Database& db, std::int64_t id, ReportContent& c) {
    for (const auto& t : kCodeTables) {
        auto stmt = db.prepare(join("SELECT ", t.column, join(" FROM ", t.table, " WHERE report_id = ? ORDER BY position")));
        stmt.bind(1, id);
        while (stmt.step()) (c.*(t.member)).push_back(stmt.column_text(0));
    }
    auto ids = db.prepare("SELECT channel, value FROM report_identifiers WHERE report_id = ? ORDER BY position");
    ids.bind(1, id);
    while (ids.step()) c.identifiers.push_back({ids.column_text(0), ids.column_text(1)});
    auto perps = db.prepare(
        "SELECT affiliation, names, description FROM report_perpetrators WHERE report_id = ? ORDER BY position");
    perps.bind(1, id);
    while (perps.step()) c.perpetrators.push_back({perps.column_text(0), perps.column_text(1), perps.column_text(2)});
    auto rels = db.prepare(
        "SELECT relationship, location, what_happened, by_whom, how_known FROM report_relatives "
        "WHERE report_id = ? ORDER BY position");
    rels.bind(1, id);
    while (rels.step()) {
        c.relatives.push_back({rels.column_text(0), rels.column_text(1), rels.column_text(2), rels.column_text(3),
                               rels.column_text(4)});
    }
    auto wits = db.prepare("SELECT name, contact, statement FROM report_witnesses WHERE report_id = ? ORDER BY position");
    wits.bind(1, id);
    while (wits.step()) c.witnesses.push_back({wits.column_text(0), wits.column_text(1), wits.column_text(2)});
    auto reps = db.prepare(
        "SELECT authority, date, reference, outcome FROM report_reported_to WHERE report_id = ? ORDER BY position");
    reps.bind(1, id);
    while (reps.step()) {
        c.reported_to.push_back({reps.column_text(0), reps.column_text(1), reps.column_text(2), reps.column_text(3)});
    }
}

void insert_revision(Database& db, std::int64_t id, std::int64_t number, std::int64_t now, const ReportContent& c) {
    const std::string json = canonical_report_json(c);
    const std::string digest = crypto::to_hex(crypto::sha256(json));
    db.prepare("INSERT INTO revisions (report_id, number, created_at, content, content_sha256) VALUES (?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, number)
        .bind(3, now)
        .bind(4, json)
        .bind(5, digest)
        .run();
}

void index_for_search(Database& db, std::int64_t id, const ReportContent& c) {
    db.prepare("DELETE FROM report_search WHERE docid = ?").bind(1, id).run();
    db.prepare("INSERT INTO report_search (docid, title, narrative, translation) VALUES (?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, detail::fts_index_text(c.title))
        .bind(3, detail::fts_index_text(c.narrative))
        .bind(4, detail::fts_index_text(c.translation))
        .run();
}

void bind_case(Statement& stmt, int index, std::int64_t case_id) {
    if (case_id == 0) {
        stmt.bind_null(index);
    } else {
        stmt.bind(index, case_id);
    }
}

// A status code the vault did not write is damage, not a third state.
ReportStatus status_from_column(const std::string& code) {
    const auto status = model::parse_status(code);
    if (!status) throw Error(ErrorKind::Integrity, "a report has an unknown status in the database");
    return *status;
}

struct CurrentState {
    ReportStatus status;
    std::int64_t revision;
};

CurrentState current_state(Database& db, std::int64_t id) {
    auto stmt = db.prepare("SELECT status, revision FROM reports WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) throw Error(ErrorKind::NotFound, "no such report");
    return {status_from_column(stmt.column_text(0)), stmt.column_int(1)};
}

}  // namespace

std::int64_t ReportRepository::create(std::int64_t case_id, const ReportContent& content, std::int64_t now) {
    detail::Savepoint scope(db_, "report_create");
    auto stmt = db_.prepare(join("INSERT INTO reports (case_id, status, created_at, updated_at, revision, ",
                                 kScalarColumns, ") VALUES (?, 'draft', ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bind_case(stmt, 1, case_id);
    stmt.bind(2, now).bind(3, now);
    bind_scalars(stmt, 4, content);
    stmt.run();
    const std::int64_t id = db_.last_insert_id();
    insert_children(db_, id, content);
    insert_revision(db_, id, 1, now, content);
    index_for_search(db_, id, content);
    scope.release();
    return id;
}

void ReportRepository::update(std::int64_t id, std::int64_t case_id, const ReportContent& content, std::int64_t now) {
    const auto state = current_state(db_, id);
    if (state.status == ReportStatus::Final) throw Error(ErrorKind::Invalid, "report is final");
    const std::int64_t revision = state.revision + 1;
    detail::Savepoint scope(db_, "report_update");
    std::string sql = "UPDATE reports SET case_id = ?, updated_at = ?, revision = ?";
    std::string_view columns = kScalarColumns;
    // "a, b, c" -> "a = ?, b = ?, c = ?"
    while (!columns.empty()) {
        const auto comma = columns.find(", ");
        sql += ", ";
        sql += columns.substr(0, comma);
        sql += " = ?";
        columns = comma == std::string_view::npos ? std::string_view{} : columns.substr(comma + 2);
    }
    sql += " WHERE id = ?";
    auto stmt = db_.prepare(sql);
    bind_case(stmt, 1, case_id);
    stmt.bind(2, now).bind(3, revision);
    bind_scalars(stmt, 4, content);
    stmt.bind(4 + kScalarCount, id);
    stmt.run();
    delete_children(db_, id);
    insert_children(db_, id, content);
    insert_revision(db_, id, revision, now, content);
    index_for_search(db_, id, content);
    scope.release();
}

void ReportRepository::set_case(std::int64_t id, std::int64_t case_id, std::int64_t now) {
    (void)current_state(db_, id);  // throws NotFound
    auto stmt = db_.prepare("UPDATE reports SET case_id = ?, updated_at = ? WHERE id = ?");
    bind_case(stmt, 1, case_id);
    stmt.bind(2, now).bind(3, id).run();
}

void ReportRepository::set_status(std::int64_t id, ReportStatus status, std::int64_t now) {
    const auto state = current_state(db_, id);
    // A final report stays final: nothing is silently changed after sign-off.
    if (state.status == ReportStatus::Final) throw Error(ErrorKind::Invalid, "report is final");
    db_.prepare("UPDATE reports SET status = ?, updated_at = ? WHERE id = ?").bind(1, model::status_code(status)).bind(2, now).bind(3, id).run();
}

std::optional<ReportRecord> ReportRepository::get(std::int64_t id) {
    auto stmt = db_.prepare(join("SELECT COALESCE(case_id, 0), status, created_at, updated_at, revision, ",
                                 kScalarColumns, " FROM reports WHERE id = ?"));
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    ReportRecord record;
    record.id = id;
    record.case_id = stmt.column_int(0);
    record.status = status_from_column(stmt.column_text(1));
    record.created_at = stmt.column_int(2);
    record.updated_at = stmt.column_int(3);
    record.revision = stmt.column_int(4);
    read_scalars(stmt, 5, record.content);
    load_children(db_, id, record.content);
    return record;
}

namespace {

// The columns of a ReportSummary, from report_summaries (schema v5), which
// triggers keep in step with reports, report_tactics and attachments.
constexpr std::string_view kSummaryColumns =
    "SELECT s.id, COALESCE(s.case_id, 0), s.title, s.status, s.occurred_start, s.created_at, s.updated_at, "
    "s.attachment_count, s.tactics ";
constexpr std::string_view kNewestFirst = " ORDER BY s.updated_at DESC, s.id DESC";

// Tactic codes are vocabulary codes (letters, digits, '_', '-'): never a comma.
std::vector<std::string> split_codes(const std::string& joined) {
    std::vector<std::string> codes;
    std::size_t start = 0;
    while (start < joined.size()) {
        std::size_t end = joined.find(',', start);
        if (end == std::string::npos) end = joined.size();
        if (end > start) codes.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return codes;
}

ReportSummary read_summary(const Statement& stmt) {
    return ReportSummary{stmt.column_int(0),  stmt.column_int(1), stmt.column_text(2),
                         status_from_column(stmt.column_text(3)), stmt.column_text(4), stmt.column_int(5),
                         stmt.column_int(6), stmt.column_int(7), split_codes(stmt.column_text(8)), {}};
}

std::vector<ReportSummary> read_summaries(Statement& stmt) {
    std::vector<ReportSummary> out;
    while (stmt.step()) out.push_back(read_summary(stmt));
    return out;
}

// " WHERE ..." for a case filter (nullopt: none; 0: no case), bound as ?1.
// A report is in a case as its main case or as one of its other cases.
std::string case_condition(std::optional<std::int64_t> case_id) {
    if (!case_id) return {};
    return *case_id == 0 ? " WHERE s.case_id IS NULL"
                         : " WHERE (s.case_id = ?1 OR s.id IN "
                           "(SELECT report_id FROM report_more_cases WHERE case_id = ?1))";
}

// Fills each row's other cases: one read of report_more_cases (a few rows per
// report in a case at most), not one query per row.
void attach_more_cases(Database& db, std::vector<ReportSummary>& rows) {
    if (rows.empty()) return;
    // Lists are also read at older schemas while a migration is checked.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_more_cases'").step()) return;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> more;
    auto stmt = db.prepare("SELECT report_id, case_id FROM report_more_cases ORDER BY report_id, case_id");
    while (stmt.step()) more[stmt.column_int(0)].push_back(stmt.column_int(1));
    if (more.empty()) return;
    for (auto& row : rows)
        if (const auto found = more.find(row.id); found != more.end()) row.more_case_ids = found->second;
}

void bind_case_condition(Statement& stmt, std::optional<std::int64_t> case_id) {
    if (case_id && *case_id != 0) stmt.bind(1, *case_id);
}

// Up to this many hits, the first page reads each hit's summary row and keeps
// the newest; above it, walking the newest-first index is cheaper (it meets
// `limit` hits after about limit * reports / hits entries). sqrt(50 * 100,000)
// is ~2,200: the two costs cross near there for a 100,000-report vault.
constexpr std::size_t kFewHits = 2000;

bool newer(const ReportSummary& a, const ReportSummary& b) {
    return a.updated_at != b.updated_at ? a.updated_at > b.updated_at : a.id > b.id;
}

}  // namespace

std::vector<ReportSummary> ReportRepository::list(std::optional<std::int64_t> case_id) {
    auto stmt = db_.prepare(std::string(kSummaryColumns) + "FROM report_summaries s" + case_condition(case_id) +
                            std::string(kNewestFirst));
    bind_case_condition(stmt, case_id);
    auto rows = read_summaries(stmt);
    attach_more_cases(db_, rows);
    return rows;
}

ReportSummaryPage ReportRepository::list_first_page(std::size_t limit, std::optional<std::int64_t> case_id) {
    ReportSummaryPage page;
    auto count = db_.prepare("SELECT count(*) FROM report_summaries s" + case_condition(case_id));
    bind_case_condition(count, case_id);
    if (count.step()) page.total = count.column_int(0);
    auto stmt = db_.prepare(std::string(kSummaryColumns) + "FROM report_summaries s" + case_condition(case_id) +
                            std::string(kNewestFirst) + " LIMIT ?2");
    bind_case_condition(stmt, case_id);
    stmt.bind(2, static_cast<std::int64_t>(limit));
    page.rows = read_summaries(stmt);
    attach_more_cases(db_, page.rows);
    return page;
}

std::vector<RevisionRecord> ReportRepository::revisions(std::int64_t id) {
    auto stmt = db_.prepare(
        "SELECT number, created_at, content, content_sha256 FROM revisions WHERE report_id = ? ORDER BY number");
    stmt.bind(1, id);
    std::vector<RevisionRecord> out;
    while (stmt.step()) {
        RevisionRecord rev;
        rev.report_id = id;
        rev.number = stmt.column_int(0);
        rev.created_at = stmt.column_int(1);
        const std::string json = stmt.column_text(2);
        rev.content_sha256 = stmt.column_text(3);
        if (crypto::to_hex(crypto::sha256(json)) != rev.content_sha256) {
            throw Error(ErrorKind::Integrity, "a revision does not match its recorded SHA-256");
        }
        try {
            rev.content = parse_report_json(json);
        } catch (const Error&) {
            throw Error(ErrorKind::Integrity, "a stored revision is malformed");
        }
        out.push_back(std::move(rev));
    }
    return out;
}

std::vector<std::int64_t> ReportRepository::search(std::string_view query) {
    const std::string match = detail::fts_match_query(query);
    if (match.empty()) return {};
    // CROSS JOIN keeps the matches as the outer loop (SQLite does not reorder it).
    auto stmt = db_.prepare("SELECT s.id FROM (" + std::string(detail::matching_report_ids_sql(db_)) +
                            ") m CROSS JOIN report_summaries s ON s.id = m.docid" + std::string(kNewestFirst));
    stmt.bind(1, match);
    std::vector<std::int64_t> out;
    while (stmt.step()) out.push_back(stmt.column_int(0));
    return out;
}

std::vector<ReportSummary> ReportRepository::search_summaries(std::string_view query) {
    const std::string match = detail::fts_match_query(query);
    if (match.empty()) return {};
    auto stmt = db_.prepare(std::string(kSummaryColumns) + "FROM (" + std::string(detail::matching_report_ids_sql(db_)) +
                            ") m CROSS JOIN report_summaries s ON s.id = m.docid" + std::string(kNewestFirst));
    stmt.bind(1, match);
    auto rows = read_summaries(stmt);
    attach_more_cases(db_, rows);
    return rows;
}

ReportSummaryPage ReportRepository::search_first_page(std::string_view query, std::size_t limit) {
    ReportSummaryPage page;
    const std::string match = detail::fts_match_query(query);
    if (match.empty()) return page;
    // The matching ids alone: FTS4 reads only its doclists for this, not the
    // stored text, and no report row is touched.
    std::vector<std::int64_t> hits;
    {
        auto stmt = db_.prepare(detail::matching_report_ids_sql(db_, /*distinct=*/false));  // sorted and made unique below
        stmt.bind(1, match);
        while (stmt.step()) hits.push_back(stmt.column_int(0));
    }
    std::sort(hits.begin(), hits.end());
    hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
    page.total = static_cast<std::int64_t>(hits.size());
    if (hits.empty() || limit == 0) return page;

    auto by_id = db_.prepare(std::string(kSummaryColumns) + "FROM report_summaries s WHERE s.id = ?");
    const auto fetch = [&](std::int64_t id) {
        by_id.bind(1, id);
        const bool found = by_id.step();
        if (found) page.rows.push_back(read_summary(by_id));
        by_id.reset();
        return found;
    };
    if (hits.size() <= kFewHits) {
        std::int64_t found = 0;
        for (const auto id : hits) found += fetch(id) ? 1 : 0;
        page.total = found;  // as search_summaries' join would count them
        const auto keep = std::min(limit, page.rows.size());
        std::partial_sort(page.rows.begin(), page.rows.begin() + static_cast<std::ptrdiff_t>(keep), page.rows.end(),
                          newer);
        page.rows.resize(keep);
        attach_more_cases(db_, page.rows);
        return page;
    }
    // Many hits: the newest-first index (id is the rowid, so the index alone
    // answers) meets `limit` of them after a few hundred entries.
    std::vector<std::int64_t> first;
    auto newest = db_.prepare("SELECT s.id FROM report_summaries s" + std::string(kNewestFirst));
    while (first.size() < limit && newest.step()) {
        const auto id = newest.column_int(0);
        if (std::binary_search(hits.begin(), hits.end(), id)) first.push_back(id);
    }
    for (const auto id : first) fetch(id);
    attach_more_cases(db_, page.rows);
    return page;
}

}  // namespace fv::storage

namespace fv::storage {

// A received report is final (a read-only record of what was sent); a new
// delivery of it from its sender adds a revision all the same. Through
// update(), so search and lists stay in step; the status is final again before
// the savepoint ends.
void ReportRepository::add_received_revision(std::int64_t id, const ReportContent& content, std::int64_t now) {
    const auto current = get(id);
    if (!current) throw Error(ErrorKind::NotFound, "no report with id " + std::to_string(id));
    detail::Savepoint scope(db_, "report_received_revision");
    db_.prepare("UPDATE reports SET status = 'draft' WHERE id = ?").bind(1, id).run();
    update(id, current->case_id, content, now);
    db_.prepare("UPDATE reports SET status = 'final' WHERE id = ?").bind(1, id).run();
    scope.release();
}

std::vector<std::int64_t> ReportRepository::more_cases(std::int64_t id) {
    auto stmt = db_.prepare("SELECT case_id FROM report_more_cases WHERE report_id = ? ORDER BY case_id");
    stmt.bind(1, id);
    std::vector<std::int64_t> out;
    while (stmt.step()) out.push_back(stmt.column_int(0));
    return out;
}

void ReportRepository::add_more_case(std::int64_t id, std::int64_t case_id, std::int64_t now) {
    db_.prepare("INSERT OR IGNORE INTO report_more_cases (report_id, case_id, added_at) VALUES (?, ?, ?)")
        .bind(1, id)
        .bind(2, case_id)
        .bind(3, now)
        .run();
}

void ReportRepository::remove_more_case(std::int64_t id, std::int64_t case_id) {
    db_.prepare("DELETE FROM report_more_cases WHERE report_id = ? AND case_id = ?").bind(1, id).bind(2, case_id).run();
}

std::vector<std::filesystem::path> ReportRepository::remove_draft(std::int64_t id) {
    const auto report = get(id);
    if (!report) throw Error(ErrorKind::NotFound, "no report with id " + std::to_string(id));
    if (report->status != ReportStatus::Draft)
        throw Error(ErrorKind::Invalid, "report " + std::to_string(id) + " is final: it is kept as a record");
    auto origin = db_.prepare("SELECT 1 FROM report_origins WHERE report_id = ?");
    origin.bind(1, id);
    if (origin.step())
        throw Error(ErrorKind::Invalid,
                    "report " + std::to_string(id) + " was sent in a bundle: it is kept, so what was sent stays on record");
    origin.reset();
    detail::Savepoint scope(db_, "report_remove_draft");
    std::vector<std::filesystem::path> files;
    AttachmentStore attachments(db_);
    for (const auto& a : attachments.list_for_report(id))
        if (auto file = attachments.remove(a.id)) files.push_back(std::move(*file));
    // The append-only triggers let this report's revisions and notes go only
    // while it is named here (schema v11).
    for (const char* sql : {"INSERT INTO reports_being_deleted (report_id) VALUES (?)",
                            "DELETE FROM revisions WHERE report_id = ?", "DELETE FROM report_annotations WHERE report_id = ?",
                            "DELETE FROM report_entities WHERE report_id = ?", "DELETE FROM draft_autosave WHERE report_id = ?",
                            "DELETE FROM report_search WHERE docid = ?", "DELETE FROM reports WHERE id = ?",
                            "DELETE FROM reports_being_deleted WHERE report_id = ?"})
        db_.prepare(sql).bind(1, id).run();
    if (detail::has_note_search(db_)) db_.prepare("DELETE FROM note_search WHERE docid = ?").bind(1, id).run();
    scope.release();
    return files;
}

}  // namespace fv::storage
