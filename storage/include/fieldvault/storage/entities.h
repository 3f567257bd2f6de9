#pragma once
// People and organisations named in reports, their aliases and the reports
// linked to them (schema v8). No transaction of its own: the caller's.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/storage/database.h"

namespace fv::storage {

struct EntityRecord {
    std::int64_t id = 0;
    std::string name;
    std::string kind;  // person | organisation | place | other
    std::int64_t created_at = 0;
    std::vector<std::string> aliases;     // as written, its name first
    std::vector<std::int64_t> report_ids; // linked, ascending
};

class EntityRepository {
public:
    explicit EntityRepository(Database& db) : db_(db) {}

    std::int64_t create(std::string_view name, std::string_view kind, std::int64_t now);
    // `key` is the alias as matched (the caller normalises it).
    void add_alias(std::int64_t entity_id, std::string_view alias, std::string_view key);
    std::optional<std::int64_t> find_by_key(std::string_view key);
    std::optional<EntityRecord> get(std::int64_t id);
    std::vector<EntityRecord> list();  // by name
    void link(std::int64_t report_id, std::int64_t entity_id);    // idempotent
    void unlink(std::int64_t report_id, std::int64_t entity_id);
    std::vector<std::int64_t> of_report(std::int64_t report_id);  // entity ids
    // Reports whose people fields contain `word` (ASCII letters in any case):
    // a perpetrator's names or description, a relative's relationship, what
    // happened, by whom and how it is known, a witness's name or statement.
    // Candidates, for the caller to check.
    std::vector<std::int64_t> reports_with_people_word(std::string_view word);

private:
    Database& db_;
};

}  // namespace fv::storage
