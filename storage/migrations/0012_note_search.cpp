// Schema v12: the organisation's notes, tags and translation of a report and
// the names of the people and groups linked to it can be searched (issue 13).
// An FTS4 table beside report_search; its rows are written from code (the
// index text rewrites Chinese into bigrams, which SQL alone cannot), so the
// migration fills it for the reports already there.
#include "migration.h"
#include "note_search.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE VIRTUAL TABLE note_search USING fts4(notes, tags, translation, people, tokenize=unicode61);
)sql";

}  // namespace

const Migration kMigration0012{12, "notes and people searchable", kSql, &index_all_notes_for_search};

}  // namespace fv::storage::detail
