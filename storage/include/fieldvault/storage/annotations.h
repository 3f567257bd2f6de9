#pragma once
// The organisation's notes, tags and translation of a report (schema v7), one
// row per revision, append-only. No transaction of its own: the caller's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fieldvault/storage/database.h"

namespace fv::storage {

struct AnnotationRecord {
    std::int64_t report_id = 0;
    std::int64_t revision = 0;  // 1, 2, 3...
    std::string notes;
    std::vector<std::string> tags;
    std::string translation;
    std::string translator;
    std::int64_t created_at = 0;
};

class AnnotationRepository {
public:
    explicit AnnotationRepository(Database& db) : db_(db) {}

    std::optional<AnnotationRecord> latest(std::int64_t report_id);
    std::vector<AnnotationRecord> history(std::int64_t report_id);  // oldest first
    // Stores `record` as the report's next revision and returns its number.
    std::int64_t add(const AnnotationRecord& record);

private:
    Database& db_;
};

}  // namespace fv::storage
