#pragma once
// The one autosaved draft (schema v9). Each call is its own statement; the
// caller need not hold a transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "fieldvault/storage/records.h"
#include "fieldvault/storage/database.h"

namespace fv::storage {

struct DraftRecord {
    std::int64_t report_id = 0;  // 0: a new report
    std::string case_name;
    ReportContent content;
    std::int64_t saved_at = 0;
};

class DraftRepository {
public:
    explicit DraftRepository(Database& db) : db_(db) {}
    void put(const DraftRecord& draft);  // replaces the one kept before
    // Throws fv::Error(Integrity) for a stored draft that does not parse.
    std::optional<DraftRecord> get();
    void clear();

private:
    Database& db_;
};

}  // namespace fv::storage
