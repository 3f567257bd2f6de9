#include "fieldvault/core/cases.h"

#include <string>

#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

std::string subject_of(std::int64_t case_id) { return "case:" + std::to_string(case_id); }

}  // namespace

std::int64_t CaseService::create(std::string_view name) {
    validate_case_name(name);
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    storage::CaseRepository cases(db);
    if (cases.find_by_name(name)) throw Error(ErrorKind::Invalid, "case: a case with this name already exists");
    const auto id = cases.find_or_create(name, now);
    storage::AuditLog(db).append("case_create", subject_of(id), "", now);
    tx.commit();
    return id;
}

void CaseService::rename(std::int64_t case_id, std::string_view new_name) {
    validate_case_name(new_name);
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    storage::CaseRepository cases(db);
    const auto current = cases.get(case_id);
    if (!current) throw Error(ErrorKind::NotFound, "no case with id " + std::to_string(case_id));
    if (current->name == new_name) return;  // nothing changes, nothing to record
    cases.rename(case_id, new_name);        // refuses a name another case has
    storage::AuditLog(db).append("case_rename", subject_of(case_id), "", now);
    tx.commit();
}

void CaseService::move_reports(const std::vector<std::int64_t>& report_ids, std::int64_t case_id) {
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    if (case_id != 0 && !storage::CaseRepository(db).get(case_id))
        throw Error(ErrorKind::NotFound, "no case with id " + std::to_string(case_id));
    storage::ReportRepository reports(db);
    storage::AuditLog audit(db);
    for (const auto id : report_ids) {
        const auto report = reports.get(id);
        if (!report) throw Error(ErrorKind::NotFound, "no report with id " + std::to_string(id));
        if (report->case_id == case_id) continue;
        reports.set_case(id, case_id, now);
        audit.append("report_move", "report:" + std::to_string(id),
                     case_id == 0 ? std::string("no case") : subject_of(case_id), now);
    }
    tx.commit();
}

std::vector<storage::CaseRecord> CaseService::list() { return storage::CaseRepository(session_.db()).list(); }

std::vector<storage::ReportRecord> CaseService::load_reports(std::optional<std::int64_t> case_id,
                                                             const Progress& progress) {
    auto& db = session_.db();
    storage::ReportRepository reports(db);
    const auto rows = reports.list(case_id);
    std::vector<storage::ReportRecord> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        if (auto report = reports.get(row.id)) out.push_back(std::move(*report));
        if (progress) progress(out.size(), rows.size());
    }
    return out;
}

}  // namespace fv::core
