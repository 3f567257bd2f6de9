#include "fieldvault/core/entities.h"
#include "fieldvault/core/i18n.h"

#include <algorithm>
#include <set>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/entities.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::string_view kKinds[] = {"person", "organisation", "place", "other"};

std::string subject_of(std::int64_t id) { return "entity:" + std::to_string(id); }

void check_name(std::string_view name) {
    if (!is_valid_utf8(name)) throw Error(ErrorKind::Invalid, tr("name: not valid UTF-8 text"));
    if (name.size() > kMaxName) throw Error(ErrorKind::Invalid, tr("name: too long (at most 200 bytes)"));
    if (std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        throw Error(ErrorKind::Invalid, tr("name: no control characters"));
    if (alias_key(name).empty()) throw Error(ErrorKind::Invalid, tr("name: must not be empty"));
}

Entity from_record(storage::EntityRecord r) {
    return Entity{r.id, std::move(r.name), std::move(r.kind), std::move(r.aliases), std::move(r.report_ids)};
}

std::int64_t find_id(storage::Database& db, std::string_view name) {
    const auto id = storage::EntityRepository(db).find_by_key(alias_key(name));
    if (!id) throw Error(ErrorKind::NotFound, tr_args("no person or organisation named '{1}'", {name}));
    return *id;
}

// The words of a report an alias is looked for in, case-folded like keys:
// its account and everything said about the people in it.
std::string searchable_text(const ReportContent& c) {
    std::string text = c.title + "\n" + c.narrative + "\n" + c.translation;
    for (const auto& p : c.perpetrators) text += "\n" + p.names + "\n" + p.description;
    for (const auto& r : c.relatives)
        text += "\n" + r.relationship + "\n" + r.what_happened + "\n" + r.by_whom + "\n" + r.how_known;
    for (const auto& w : c.witnesses) text += "\n" + w.name + "\n" + w.statement;
    return alias_key(text);
}

}  // namespace

std::string alias_key(std::string_view alias) {
    std::string key;
    bool space = false;
    for (const char c : alias) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !key.empty();
            continue;
        }
        if (space) key += ' ';
        space = false;
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return key;
}

Entity EntityService::create(std::string_view name, std::string_view kind) {
    check_name(name);
    if (std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds))
        throw Error(ErrorKind::Invalid, tr("kind: one of person, organisation, place, other"));
    auto& db = session_.db();
    storage::Transaction tx(db);
    storage::EntityRepository entities(db);
    const auto key = alias_key(name);
    if (entities.find_by_key(key))
        throw Error(ErrorKind::Invalid, tr_args("'{1}' already names a person or organisation", {name}));
    const auto now = now_seconds();
    const auto id = entities.create(name, kind, now);
    entities.add_alias(id, name, key);
    storage::AuditLog(db).append("entity_create", subject_of(id), std::string(kind), now);
    tx.commit();
    return from_record(*entities.get(id));
}

Entity EntityService::add_alias(std::string_view name, std::string_view alias) {
    check_name(alias);
    auto& db = session_.db();
    storage::Transaction tx(db);
    storage::EntityRepository entities(db);
    const auto id = find_id(db, name);
    const auto key = alias_key(alias);
    if (const auto other = entities.find_by_key(key)) {
        if (*other == id) return from_record(*entities.get(id));  // already one of its names
        throw Error(ErrorKind::Invalid, tr_args("'{1}' already names another person or organisation", {alias}));
    }
    entities.add_alias(id, alias, key);
    storage::AuditLog(db).append("entity_alias", subject_of(id), "", now_seconds());
    tx.commit();
    return from_record(*entities.get(id));
}

Entity EntityService::get(std::string_view name) {
    auto& db = session_.db();
    return from_record(*storage::EntityRepository(db).get(find_id(db, name)));
}

std::vector<Entity> EntityService::list() {
    std::vector<Entity> out;
    for (auto& r : storage::EntityRepository(session_.db()).list()) out.push_back(from_record(std::move(r)));
    return out;
}

void EntityService::link(std::string_view name, std::int64_t report_id) {
    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto id = find_id(db, name);
    if (!storage::ReportRepository(db).get(report_id))
        throw Error(ErrorKind::NotFound, tr_args("no report {1}", {std::to_string(report_id)}));
    storage::EntityRepository entities(db);
    const auto linked = entities.of_report(report_id);
    if (std::find(linked.begin(), linked.end(), id) != linked.end()) return;  // already: nothing to record
    entities.link(report_id, id);
    storage::AuditLog(db).append("entity_link", "report:" + std::to_string(report_id), subject_of(id), now_seconds());
    tx.commit();
}

void EntityService::unlink(std::string_view name, std::int64_t report_id) {
    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto id = find_id(db, name);
    storage::EntityRepository(db).unlink(report_id, id);
    storage::AuditLog(db).append("entity_unlink", "report:" + std::to_string(report_id), subject_of(id), now_seconds());
    tx.commit();
}

std::vector<Entity> EntityService::of_report(std::int64_t report_id) {
    storage::EntityRepository entities(session_.db());
    std::vector<Entity> out;
    for (const auto id : entities.of_report(report_id)) out.push_back(from_record(*entities.get(id)));
    return out;
}

std::map<std::int64_t, std::vector<std::string>> EntityService::names_by_report() {
    std::map<std::int64_t, std::vector<std::string>> out;
    for (const auto& e : list())
        for (const auto id : e.report_ids) out[id].push_back(e.name);
    return out;
}

std::vector<std::int64_t> EntityService::mentions(std::string_view name) {
    const auto entity = get(name);
    ReportService reports(session_);
    std::set<std::int64_t> found;
    // The search index narrows the candidates (it finds Chinese substrings
    // too), and the people fields by the name's first word; each candidate is
    // then checked against the report's own words, as whole words.
    storage::EntityRepository stored(session_.db());
    for (const auto& alias : entity.aliases) {
        const auto key = alias_key(alias);
        std::set<std::int64_t> candidates;
        for (const auto& row : reports.search(alias)) candidates.insert(row.id);
        for (const auto id : stored.reports_with_people_word(key.substr(0, key.find(' ')))) candidates.insert(id);
        for (const auto id : candidates) {
            if (found.count(id)) continue;
            if (contains_whole_name(searchable_text(reports.get(id).report.content), key)) found.insert(id);
        }
    }
    return {found.begin(), found.end()};
}

}  // namespace fv::core
