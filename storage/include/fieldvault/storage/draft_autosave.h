#pragma once
// Autosaved drafts (schema v9), one per editing session (its key). Each call
// is its own statement; the caller need not hold a transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/storage/records.h"
#include "fieldvault/storage/database.h"

namespace fv::storage {

struct DraftRecord {
    std::string key;             // 32 hex: one editing session
    std::int64_t report_id = 0;  // 0: a new report
    std::string case_name;
    ReportContent content;
    std::int64_t saved_at = 0;
};

class DraftRepository {
public:
    explicit DraftRepository(Database& db) : db_(db) {}
    void put(const DraftRecord& draft);  // replaces the one kept before under its key
    // Newest first. A stored draft that does not parse is deleted and left out.
    std::vector<DraftRecord> list();
    std::optional<DraftRecord> get(std::string_view key);
    void remove(std::string_view key);

private:
    Database& db_;
};

}  // namespace fv::storage
