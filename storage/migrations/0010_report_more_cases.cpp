// Schema v10: a report can be in several cases (issue 13). reports.case_id
// stays the report's main case (the one whose name a bundle may carry); the
// other cases it is also in are listed here. A report in no main case is in
// no other case either (core keeps that rule), so "no case" stays
// `case_id IS NULL`. Grouping only: no revision, nothing of the content.
#include "migration.h"

namespace fv::storage::detail {

namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE report_more_cases (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  case_id   INTEGER NOT NULL REFERENCES cases(id),
  added_at  INTEGER NOT NULL,
  PRIMARY KEY (report_id, case_id)
) WITHOUT ROWID;
CREATE INDEX report_more_cases_by_case ON report_more_cases(case_id, report_id);
)sql";

}  // namespace

const Migration kMigration0010{10, "a report in several cases", kSql};

}  // namespace fv::storage::detail
