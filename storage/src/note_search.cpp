#include "note_search.h"

#include <string>
#include <vector>

#include "fieldvault/storage/annotations.h"
#include "fts_text.h"

namespace fv::storage::detail {

bool has_note_search(Database& db) {
    return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'note_search'").step();
}

namespace {

std::string people_text(Database& db, std::int64_t report_id) {
    auto stmt = db.prepare(
        "SELECT e.name FROM report_entities r JOIN entities e ON e.id = r.entity_id WHERE r.report_id = ?1 "
        "UNION ALL SELECT a.alias FROM report_entities r JOIN entity_aliases a ON a.entity_id = r.entity_id "
        "WHERE r.report_id = ?1");
    stmt.bind(1, report_id);
    std::string out;
    while (stmt.step()) {
        if (!out.empty()) out += '\n';
        out += stmt.column_text(0);
    }
    return out;
}

void write_row(Database& db, std::int64_t report_id) {
    db.prepare("DELETE FROM note_search WHERE docid = ?").bind(1, report_id).run();
    const auto notes = AnnotationRepository(db).latest(report_id);
    const auto people = people_text(db, report_id);
    if (!notes && people.empty()) return;
    std::string tags;
    if (notes)
        for (const auto& tag : notes->tags) tags += tag + "\n";
    db.prepare("INSERT INTO note_search (docid, notes, tags, translation, people) VALUES (?, ?, ?, ?, ?)")
        .bind(1, report_id)
        .bind(2, fts_index_text(notes ? notes->notes : std::string()))
        .bind(3, fts_index_text(tags))
        .bind(4, fts_index_text(notes ? notes->translation : std::string()))
        .bind(5, fts_index_text(people))
        .run();
}

std::vector<std::int64_t> ids_of(Database& db, const char* sql, std::int64_t bound = 0) {
    auto stmt = db.prepare(sql);
    if (bound != 0) stmt.bind(1, bound);
    std::vector<std::int64_t> ids;
    while (stmt.step()) ids.push_back(stmt.column_int(0));
    return ids;
}

}  // namespace

void index_notes_for_search(Database& db, std::int64_t report_id) {
    if (has_note_search(db)) write_row(db, report_id);
}

void index_entity_reports_for_search(Database& db, std::int64_t entity_id) {
    if (!has_note_search(db)) return;
    for (const auto id : ids_of(db, "SELECT report_id FROM report_entities WHERE entity_id = ?", entity_id))
        write_row(db, id);
}

void index_all_notes_for_search(Database& db) {
    // Only reports with notes or people have a row (100,000 reports without: no work).
    for (const auto id : ids_of(db, "SELECT report_id FROM report_annotations UNION SELECT report_id FROM report_entities"))
        write_row(db, id);
}

const char* matching_report_ids_sql(Database& db, bool distinct) {
    // A vault with no notes and no people (most of them) pays nothing for the
    // second table: the UNION's de-duplication costs a few ms per 10,000 hits.
    if (!has_note_search(db) || !db.prepare("SELECT 1 FROM note_search LIMIT 1").step())
        return "SELECT docid FROM report_search WHERE report_search MATCH ?1";
    if (!distinct)
        return "SELECT docid FROM report_search WHERE report_search MATCH ?1 "
               "UNION ALL SELECT docid FROM note_search WHERE note_search MATCH ?1";
    return "SELECT docid FROM report_search WHERE report_search MATCH ?1 "
           "UNION SELECT docid FROM note_search WHERE note_search MATCH ?1";
}

}  // namespace fv::storage::detail
