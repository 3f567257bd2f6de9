#pragma once
// People and organisations named in reports: a perpetrator, an officer, an
// overseas "service station". Each has the names it goes by across scripts
// and spellings (王警官 = Officer Wang = officer  wang), and the reports the
// organisation links to it. Reports whose words contain one of those names
// are found too ("mentions"), so a pattern across reports shows even before
// anyone links them. The organisation's own records, never exported.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/core/session.h"

namespace fv::core {

struct Entity {
    std::int64_t id = 0;
    std::string name;
    std::string kind;                      // person | organisation | place | other
    std::vector<std::string> aliases;      // every name it goes by, its own first
    std::vector<std::int64_t> report_ids;  // linked by the organisation, ascending
};

// How an alias is matched: ASCII letters folded to lower case, runs of white
// space made one space, trimmed. Chinese, Uyghur and Tibetan text is kept as is.
std::string alias_key(std::string_view alias);

class EntityService {
public:
    explicit EntityService(Session& session) : session_(session) {}

    // A new entity named `name` (also its first alias), audited. Throws
    // fv::Error(Invalid) for an empty, non-UTF-8 or over-long (200 bytes) name,
    // an unknown kind, or a name that already names an entity.
    Entity create(std::string_view name, std::string_view kind = "person");
    // `alias` is another name of the entity `name` names (any of its aliases
    // finds it). Throws Invalid when the alias already names another entity,
    // NotFound for an unknown entity.
    Entity add_alias(std::string_view name, std::string_view alias);
    // By any of its names. Throws fv::Error(NotFound) "no person or organisation named ...".
    Entity get(std::string_view name);
    std::vector<Entity> list();  // by name
    void link(std::string_view name, std::int64_t report_id);    // audited; NotFound for an unknown report
    void unlink(std::string_view name, std::int64_t report_id);  // audited
    std::vector<Entity> of_report(std::int64_t report_id);
    // Report id -> the names of the people and organisations linked to it (for the timeline).
    std::map<std::int64_t, std::vector<std::string>> names_by_report();
    // Reports whose title, account, translation, perpetrators, relatives or
    // witnesses name it: one of its names as whole words (contains_whole_name,
    // letters case-folded), linked or not; ascending.
    std::vector<std::int64_t> mentions(std::string_view name);

private:
    Session& session_;
};

}  // namespace fv::core
