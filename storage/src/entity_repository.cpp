#include "fieldvault/storage/entities.h"

#include "note_search.h"

namespace fv::storage {

std::int64_t EntityRepository::create(std::string_view name, std::string_view kind, std::int64_t now) {
    db_.prepare("INSERT INTO entities (name, kind, created_at) VALUES (?, ?, ?)")
        .bind(1, name)
        .bind(2, kind)
        .bind(3, now)
        .run();
    return db_.last_insert_id();
}

void EntityRepository::add_alias(std::int64_t entity_id, std::string_view alias, std::string_view key) {
    db_.prepare("INSERT INTO entity_aliases (entity_id, alias, key) VALUES (?, ?, ?)")
        .bind(1, entity_id)
        .bind(2, alias)
        .bind(3, key)
        .run();
    detail::index_entity_reports_for_search(db_, entity_id);
}

std::optional<std::int64_t> EntityRepository::find_by_key(std::string_view key) {
    auto stmt = db_.prepare("SELECT entity_id FROM entity_aliases WHERE key = ?");
    stmt.bind(1, key);
    if (!stmt.step()) return std::nullopt;
    return stmt.column_int(0);
}

std::optional<EntityRecord> EntityRepository::get(std::int64_t id) {
    auto stmt = db_.prepare("SELECT id, name, kind, created_at FROM entities WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    EntityRecord e{stmt.column_int(0), stmt.column_text(1), stmt.column_text(2), stmt.column_int(3), {}, {}};
    auto aliases = db_.prepare("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY rowid");
    aliases.bind(1, id);
    while (aliases.step()) e.aliases.push_back(aliases.column_text(0));
    auto reports = db_.prepare("SELECT report_id FROM report_entities WHERE entity_id = ? ORDER BY report_id");
    reports.bind(1, id);
    while (reports.step()) e.report_ids.push_back(reports.column_int(0));
    return e;
}

std::vector<EntityRecord> EntityRepository::list() {
    std::vector<std::int64_t> ids;
    auto stmt = db_.prepare("SELECT id FROM entities ORDER BY name");
    while (stmt.step()) ids.push_back(stmt.column_int(0));
    std::vector<EntityRecord> out;
    for (const auto id : ids) out.push_back(*get(id));
    return out;
}

void EntityRepository::link(std::int64_t report_id, std::int64_t entity_id) {
    db_.prepare("INSERT OR IGNORE INTO report_entities (report_id, entity_id) VALUES (?, ?)")
        .bind(1, report_id)
        .bind(2, entity_id)
        .run();
    detail::index_notes_for_search(db_, report_id);
}

void EntityRepository::unlink(std::int64_t report_id, std::int64_t entity_id) {
    db_.prepare("DELETE FROM report_entities WHERE report_id = ? AND entity_id = ?")
        .bind(1, report_id)
        .bind(2, entity_id)
        .run();
    detail::index_notes_for_search(db_, report_id);
}

std::vector<std::int64_t> EntityRepository::of_report(std::int64_t report_id) {
    auto stmt = db_.prepare("SELECT entity_id FROM report_entities WHERE report_id = ? ORDER BY entity_id");
    stmt.bind(1, report_id);
    std::vector<std::int64_t> out;
    while (stmt.step()) out.push_back(stmt.column_int(0));
    return out;
}

std::vector<std::int64_t> EntityRepository::reports_with_people_word(std::string_view word) {
    // LIKE with its wildcards escaped: the word is matched as written.
    std::string pattern = "%";
    for (const char c : word) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    pattern += '%';
    auto stmt = db_.prepare(
        "SELECT report_id FROM report_perpetrators WHERE names LIKE ?1 ESCAPE '\\' "
        "OR description LIKE ?1 ESCAPE '\\' "
        "UNION SELECT report_id FROM report_relatives WHERE relationship LIKE ?1 ESCAPE '\\' "
        "OR what_happened LIKE ?1 ESCAPE '\\' OR by_whom LIKE ?1 ESCAPE '\\' OR how_known LIKE ?1 ESCAPE '\\' "
        "UNION SELECT report_id FROM report_witnesses WHERE name LIKE ?1 ESCAPE '\\' "
        "OR statement LIKE ?1 ESCAPE '\\' ORDER BY report_id");
    stmt.bind(1, pattern);
    std::vector<std::int64_t> out;
    while (stmt.step()) out.push_back(stmt.column_int(0));
    return out;
}

}  // namespace fv::storage
