#pragma once
// Writing that is never lost: the report being written is kept inside the
// encrypted vault (never in a plain file) every few seconds and before any
// lock or quick exit, and offered back at the next unlock until it is saved
// or thrown away. One draft at a time (the editor holds one report).
#include <cstdint>
#include <optional>
#include <string>

#include "fieldvault/core/records.h"
#include "fieldvault/core/session.h"

namespace fv::core {

struct KeptDraft {
    std::int64_t report_id = 0;  // 0: a new report, not saved yet
    std::string case_name;
    ReportContent content;
    std::int64_t saved_at = 0;
};

class DraftService {
public:
    explicit DraftService(Session& session) : session_(session) {}

    // Keeps `draft` (replacing the one kept before); saved_at is set to now.
    void keep(std::int64_t report_id, const std::string& case_name, const ReportContent& content);
    // The kept draft, if any. One that can no longer be read (damaged) is
    // thrown away and nullopt returned: it must not block the person.
    std::optional<KeptDraft> kept();
    void discard();

private:
    Session& session_;
};

}  // namespace fv::core
