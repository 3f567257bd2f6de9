#pragma once
// Writing that is never lost: the report being written is kept inside the
// encrypted vault (never in a plain file) every few seconds and before any
// lock or quick exit, and offered back at the next unlock until it is saved
// or thrown away. Each editing session keeps under its own key, so writing
// kept earlier and not yet taken back is never overwritten.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/core/records.h"
#include "fieldvault/core/session.h"

namespace fv::core {

struct KeptDraft {
    std::string key;             // the editing session's
    std::int64_t report_id = 0;  // 0: a new report, not saved yet
    std::string case_name;
    ReportContent content;
    std::int64_t saved_at = 0;
};

class DraftService {
public:
    explicit DraftService(Session& session) : session_(session) {}

    // A new editing session's key (random).
    static std::string new_key();
    // Keeps the text under `key` (replacing what that key kept before); saved_at is now.
    void keep(std::string_view key, std::int64_t report_id, const std::string& case_name,
              const ReportContent& content);
    // Everything kept, newest first. One that can no longer be read (damaged)
    // is thrown away and left out: it must not block the person.
    std::vector<KeptDraft> kept();
    std::optional<KeptDraft> get(std::string_view key);
    void discard(std::string_view key);

private:
    Session& session_;
};

}  // namespace fv::core
