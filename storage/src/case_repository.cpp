#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"

namespace fv::storage {

namespace {

CaseRecord read_case(const Statement& stmt) {
    return CaseRecord{stmt.column_int(0), stmt.column_text(1), stmt.column_int(2)};
}

}  // namespace

std::int64_t CaseRepository::find_or_create(std::string_view name, std::int64_t now) {
    if (name.empty()) throw Error(ErrorKind::Invalid, "a case needs a name");
    if (auto existing = find_by_name(name)) return existing->id;
    db_.prepare("INSERT INTO cases (name, created_at) VALUES (?, ?)").bind(1, name).bind(2, now).run();
    return db_.last_insert_id();
}

std::optional<CaseRecord> CaseRepository::find_by_name(std::string_view name) {
    auto stmt = db_.prepare("SELECT id, name, created_at FROM cases WHERE name = ?");
    stmt.bind(1, name);
    if (!stmt.step()) return std::nullopt;
    return read_case(stmt);
}

std::optional<CaseRecord> CaseRepository::get(std::int64_t id) {
    auto stmt = db_.prepare("SELECT id, name, created_at FROM cases WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step()) return std::nullopt;
    return read_case(stmt);
}

std::vector<CaseRecord> CaseRepository::list() {
    auto stmt = db_.prepare("SELECT id, name, created_at FROM cases ORDER BY name, id");
    std::vector<CaseRecord> out;
    while (stmt.step()) out.push_back(read_case(stmt));
    return out;
}

void CaseRepository::rename(std::int64_t id, std::string_view new_name) {
    if (new_name.empty()) throw Error(ErrorKind::Invalid, "a case needs a name");
    if (!get(id)) throw Error(ErrorKind::NotFound, "no such case");
    if (auto other = find_by_name(new_name); other && other->id != id) {
        throw Error(ErrorKind::Invalid, "a case with this name already exists");
    }
    db_.prepare("UPDATE cases SET name = ? WHERE id = ?").bind(1, new_name).bind(2, id).run();
}

}  // namespace fv::storage
