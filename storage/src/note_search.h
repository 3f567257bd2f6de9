#pragma once
// The organisation's own words about a report, searchable (schema v12): the
// newest revision of its notes, tags and translation (report_annotations) and
// the names and other names of the people and groups linked to it
// (entities). One row of the FTS4 table note_search per report, docid = the
// report's id, kept up to date by the repositories that change them; a search
// matches a report through report_search or note_search.
#include <cstdint>

#include "fieldvault/storage/database.h"

namespace fv::storage::detail {

// True once the vault has schema v12 (older schemas are opened by migration tests).
bool has_note_search(Database& db);
// Writes the report's row again from what is stored now (no row when there is
// nothing to index). Does nothing before schema v12.
void index_notes_for_search(Database& db, std::int64_t report_id);
// Every report linked to the entity, again (a name added to it).
void index_entity_reports_for_search(Database& db, std::int64_t entity_id);
// Every report, again (the migration that makes the table).
void index_all_notes_for_search(Database& db);
// The ids of reports whose text or notes match `match` (an FTS MATCH
// expression from fts_match_query), as an SQL select with one parameter (?1);
// `distinct` false: a report matched by both tables may come twice (the
// caller removes duplicates itself).
const char* matching_report_ids_sql(Database& db, bool distinct = true);

}  // namespace fv::storage::detail
