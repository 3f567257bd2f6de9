#include "fieldvault/storage/draft_autosave.h"

#include <nlohmann/json.hpp>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/report_json.h"

namespace fv::storage {

void DraftRepository::put(const DraftRecord& draft) {
    db_.prepare("INSERT OR REPLACE INTO draft_autosave (slot, report_id, case_name, content, saved_at) "
                "VALUES (1, ?, ?, ?, ?)")
        .bind(1, draft.report_id)
        .bind(2, draft.case_name)
        .bind(3, report_to_json(draft.content).dump())
        .bind(4, draft.saved_at)
        .run();
}

std::optional<DraftRecord> DraftRepository::get() {
    auto stmt = db_.prepare("SELECT report_id, case_name, content, saved_at FROM draft_autosave WHERE slot = 1");
    if (!stmt.step()) return std::nullopt;
    DraftRecord d;
    d.report_id = stmt.column_int(0);
    d.case_name = stmt.column_text(1);
    const auto json = nlohmann::json::parse(stmt.column_text(2), nullptr, false);
    if (json.is_discarded() || !json.is_object()) throw Error(ErrorKind::Integrity, "the kept draft is damaged");
    try {
        d.content = report_from_json(json);
    } catch (const Error&) {
        throw Error(ErrorKind::Integrity, "the kept draft is damaged");
    }
    d.saved_at = stmt.column_int(3);
    return d;
}

void DraftRepository::clear() { db_.exec("DELETE FROM draft_autosave"); }

}  // namespace fv::storage
