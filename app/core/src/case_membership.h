#pragma once
// The rule that keeps a report's cases tidy (schema v10): its main case is
// never also listed among its other cases, and a report with other cases has
// a main case (the first of them moves up when the main one goes), so "in no
// case" is simply "no main case". Called after anything changes a report's cases.
#include <cstdint>

#include "fieldvault/storage/repositories.h"

namespace fv::core::detail {

void settle_cases(storage::ReportRepository& reports, std::int64_t report_id, std::int64_t now);

}  // namespace fv::core::detail
