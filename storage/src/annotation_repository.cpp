#include "fieldvault/storage/annotations.h"

#include <nlohmann/json.hpp>

#include "fieldvault/model/error.h"
#include "note_search.h"

namespace fv::storage {

namespace {

constexpr const char* kColumns = "SELECT report_id, revision, notes, tags, translation, translator, created_at ";

AnnotationRecord read_row(const Statement& s) {
    AnnotationRecord r;
    r.report_id = s.column_int(0);
    r.revision = s.column_int(1);
    r.notes = s.column_text(2);
    const auto tags = nlohmann::json::parse(s.column_text(3), nullptr, false);
    if (!tags.is_array()) throw Error(ErrorKind::Integrity, "a stored annotation's tags are damaged");
    for (const auto& tag : tags) {
        if (!tag.is_string()) throw Error(ErrorKind::Integrity, "a stored annotation's tags are damaged");
        r.tags.push_back(tag.get<std::string>());
    }
    r.translation = s.column_text(4);
    r.translator = s.column_text(5);
    r.created_at = s.column_int(6);
    return r;
}

}  // namespace

std::optional<AnnotationRecord> AnnotationRepository::latest(std::int64_t report_id) {
    auto stmt = db_.prepare(std::string(kColumns) +
                            "FROM report_annotations WHERE report_id = ? ORDER BY revision DESC LIMIT 1");
    stmt.bind(1, report_id);
    if (!stmt.step()) return std::nullopt;
    return read_row(stmt);
}

std::vector<AnnotationRecord> AnnotationRepository::history(std::int64_t report_id) {
    auto stmt = db_.prepare(std::string(kColumns) + "FROM report_annotations WHERE report_id = ? ORDER BY revision");
    stmt.bind(1, report_id);
    std::vector<AnnotationRecord> out;
    while (stmt.step()) out.push_back(read_row(stmt));
    return out;
}

std::int64_t AnnotationRepository::add(const AnnotationRecord& record) {
    const auto previous = latest(record.report_id);
    const std::int64_t revision = previous ? previous->revision + 1 : 1;
    db_.prepare("INSERT INTO report_annotations (report_id, revision, notes, tags, translation, translator, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, record.report_id)
        .bind(2, revision)
        .bind(3, record.notes)
        .bind(4, nlohmann::json(record.tags).dump())
        .bind(5, record.translation)
        .bind(6, record.translator)
        .bind(7, record.created_at)
        .run();
    detail::index_notes_for_search(db_, record.report_id);
    return revision;
}

}  // namespace fv::storage
