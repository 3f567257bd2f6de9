#include "fieldvault/storage/draft_autosave.h"

#include <nlohmann/json.hpp>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/report_json.h"

namespace fv::storage {

namespace {

constexpr const char* kColumns = "SELECT draft_key, report_id, case_name, content, saved_at FROM draft_autosave ";

// nullopt for a row that does not parse (damaged): the caller drops it.
std::optional<DraftRecord> read_row(const Statement& stmt) {
    DraftRecord d;
    d.key = stmt.column_text(0);
    d.report_id = stmt.column_int(1);
    d.case_name = stmt.column_text(2);
    const auto json = nlohmann::json::parse(stmt.column_text(3), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return std::nullopt;
    try {
        d.content = report_from_json(json);
    } catch (const Error&) {
        return std::nullopt;
    }
    d.saved_at = stmt.column_int(4);
    return d;
}

}  // namespace

void DraftRepository::put(const DraftRecord& draft) {
    db_.prepare("INSERT OR REPLACE INTO draft_autosave (draft_key, report_id, case_name, content, saved_at) "
                "VALUES (?, ?, ?, ?, ?)")
        .bind(1, draft.key)
        .bind(2, draft.report_id)
        .bind(3, draft.case_name)
        .bind(4, report_to_json(draft.content).dump())
        .bind(5, draft.saved_at)
        .run();
}

std::vector<DraftRecord> DraftRepository::list() {
    std::vector<DraftRecord> out;
    std::vector<std::string> damaged;
    {
        auto stmt = db_.prepare(std::string(kColumns) + "ORDER BY saved_at DESC, draft_key");
        while (stmt.step()) {
            if (auto d = read_row(stmt)) out.push_back(std::move(*d));
            else damaged.push_back(stmt.column_text(0));
        }
    }
    for (const auto& key : damaged) remove(key);
    return out;
}

std::optional<DraftRecord> DraftRepository::get(std::string_view key) {
    auto stmt = db_.prepare(std::string(kColumns) + "WHERE draft_key = ?");
    stmt.bind(1, key);
    if (!stmt.step()) return std::nullopt;
    return read_row(stmt);
}

void DraftRepository::remove(std::string_view key) {
    db_.prepare("DELETE FROM draft_autosave WHERE draft_key = ?").bind(1, key).run();
}

}  // namespace fv::storage
