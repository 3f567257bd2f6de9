#include "fieldvault/core/cases.h"
#include "fieldvault/core/i18n.h"

#include <string>

#include "case_membership.h"

#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

std::string subject_of(std::int64_t case_id) { return "case:" + std::to_string(case_id); }

void require_case(storage::Database& db, std::int64_t case_id) {
    if (!storage::CaseRepository(db).get(case_id))
        throw Error(ErrorKind::NotFound, tr_args("no case with id {1}", {std::to_string(case_id)}));
}

ReportRecord require_report(storage::ReportRepository& reports, std::int64_t id) {
    auto report = reports.get(id);
    if (!report) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(id)}));
    return std::move(*report);
}

bool listed(const std::vector<std::int64_t>& ids, std::int64_t id) {
    for (const auto other : ids)
        if (other == id) return true;
    return false;
}

}  // namespace

namespace detail {

void settle_cases(storage::ReportRepository& reports, std::int64_t report_id, std::int64_t now) {
    const auto report = reports.get(report_id);
    if (!report) return;
    auto more = reports.more_cases(report_id);
    if (report->case_id != 0) {
        if (listed(more, report->case_id)) reports.remove_more_case(report_id, report->case_id);
        return;
    }
    if (more.empty()) return;
    reports.set_case(report_id, more.front(), now);
    reports.remove_more_case(report_id, more.front());
}

}  // namespace detail

std::int64_t CaseService::create(std::string_view name) {
    validate_case_name(name);
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    storage::CaseRepository cases(db);
    if (cases.find_by_name(name)) throw Error(ErrorKind::Invalid, tr("case: a case with this name already exists"));
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
    if (!current) throw Error(ErrorKind::NotFound, tr_args("no case with id {1}", {std::to_string(case_id)}));
    if (current->name == new_name) return;  // nothing changes, nothing to record
    cases.rename(case_id, new_name);        // refuses a name another case has
    storage::AuditLog(db).append("case_rename", subject_of(case_id), "", now);
    tx.commit();
}

void CaseService::move_reports(const std::vector<std::int64_t>& report_ids, std::int64_t case_id) {
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    if (case_id != 0) require_case(db, case_id);
    storage::ReportRepository reports(db);
    storage::AuditLog audit(db);
    for (const auto id : report_ids) {
        const auto report = require_report(reports, id);
        const auto more = reports.more_cases(id);
        if (report.case_id == case_id && more.empty()) continue;
        for (const auto other : more) reports.remove_more_case(id, other);
        if (report.case_id != case_id) reports.set_case(id, case_id, now);
        audit.append("report_move", "report:" + std::to_string(id),
                     case_id == 0 ? std::string("no case") : subject_of(case_id), now);
    }
    tx.commit();
}

void CaseService::add_reports(const std::vector<std::int64_t>& report_ids, std::int64_t case_id) {
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    require_case(db, case_id);
    storage::ReportRepository reports(db);
    storage::AuditLog audit(db);
    for (const auto id : report_ids) {
        const auto report = require_report(reports, id);
        if (report.case_id == case_id || listed(reports.more_cases(id), case_id)) continue;
        if (report.case_id == 0)
            reports.set_case(id, case_id, now);
        else
            reports.add_more_case(id, case_id, now);
        audit.append("report_case_add", "report:" + std::to_string(id), subject_of(case_id), now);
    }
    tx.commit();
}

void CaseService::remove_reports(const std::vector<std::int64_t>& report_ids, std::int64_t case_id) {
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    require_case(db, case_id);
    storage::ReportRepository reports(db);
    storage::AuditLog audit(db);
    for (const auto id : report_ids) {
        const auto report = require_report(reports, id);
        if (report.case_id == case_id)
            reports.set_case(id, 0, now);  // settle_cases moves the first other case up
        else if (listed(reports.more_cases(id), case_id))
            reports.remove_more_case(id, case_id);
        else
            continue;
        detail::settle_cases(reports, id, now);
        audit.append("report_case_remove", "report:" + std::to_string(id), subject_of(case_id), now);
    }
    tx.commit();
}

std::vector<CaseRecord> CaseService::cases_of(std::int64_t report_id) {
    auto& db = session_.db();
    storage::ReportRepository reports(db);
    const auto report = require_report(reports, report_id);
    std::vector<CaseRecord> out;
    storage::CaseRepository cases(db);
    if (report.case_id != 0)
        if (auto c = cases.get(report.case_id)) out.push_back(std::move(*c));
    for (const auto other : reports.more_cases(report_id))
        if (auto c = cases.get(other)) out.push_back(std::move(*c));
    return out;
}

std::vector<storage::CaseRecord> CaseService::list() { return storage::CaseRepository(session_.db()).list(); }

std::optional<CaseRecord> CaseService::find(std::string_view name) {
    return storage::CaseRepository(session_.db()).find_by_name(name);
}

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
