#include "fieldvault/core/reports.h"
#include "fieldvault/core/i18n.h"

#include <string>

#include "attachment_import.h"
#include "case_membership.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

std::int64_t case_id_for(storage::Database& db, std::string_view case_name, std::int64_t now) {
    if (case_name.empty()) return 0;
    const std::string name(case_name);
    validate_case_name(name);
    return storage::CaseRepository(db).find_or_create(name, now);
}

std::string subject_of(std::int64_t id) { return "report:" + std::to_string(id); }

// The current state of a report that may still change; `refusal` (an FV_N_ msgid
// with {1} for the id) says why not if final.
ReportRecord load_draft(storage::ReportRepository& reports, std::int64_t id, const char* refusal) {
    auto current = reports.get(id);
    if (!current) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(id)}));
    if (current->status == ReportStatus::Final)
        throw Error(ErrorKind::Invalid, tr_args(refusal, {std::to_string(id)}));
    return std::move(*current);
}

}  // namespace

std::int64_t ReportService::create(const ReportContent& content, std::string_view case_name) {
    return create_with_attachments(content, case_name, {});
}

std::int64_t ReportService::create_with_attachments(const ReportContent& content, std::string_view case_name,
                                                    const std::vector<std::filesystem::path>& files) {
    validate_report(content);
    for (const auto& file : files) detail::check_source_file(file);  // fail before writing anything
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    const auto id = storage::ReportRepository(db).create(case_id_for(db, case_name, now), content, now);
    storage::AuditLog(db).append("report_create", subject_of(id), "revision 1", now);
    for (const auto& file : files) detail::import_attachment(db, id, file, now, {});
    tx.commit();
    return id;
}

void ReportService::edit(std::int64_t id, const ReportContent& content, std::optional<std::string_view> case_name) {
    validate_report(content);
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    storage::ReportRepository reports(db);
    const auto current = load_draft(reports, id, FV_N_("report {1} is final and can no longer be edited"));
    const auto case_id = case_name ? case_id_for(db, *case_name, now) : current.case_id;
    reports.update(id, case_id, content, now);
    detail::settle_cases(reports, id, now);
    storage::AuditLog(db).append("report_edit", subject_of(id), "revision " + std::to_string(current.revision + 1), now);
    tx.commit();
}

void ReportService::finalize(std::int64_t id) {
    auto& db = session_.db();
    const auto now = now_seconds();
    storage::Transaction tx(db);
    storage::ReportRepository reports(db);
    const auto current = load_draft(reports, id, FV_N_("report {1} is already final"));
    reports.set_status(id, ReportStatus::Final, now);
    storage::AuditLog(db).append("report_finalize", subject_of(id), "revision " + std::to_string(current.revision), now);
    tx.commit();
}

void ReportService::delete_draft(std::int64_t id) {
    auto& db = session_.db();
    std::vector<std::filesystem::path> files;
    {
        const auto now = now_seconds();
        storage::Transaction tx(db);
        const auto attachments = storage::AttachmentStore(db).list_for_report(id).size();
        files = storage::ReportRepository(db).remove_draft(id);
        storage::AuditLog(db).append("report_delete", subject_of(id),
                                     "draft, " + std::to_string(attachments) + " attachment(s)", now);
        tx.commit();
    }
    std::error_code ignored;
    for (const auto& file : files) std::filesystem::remove(file, ignored);
}

ReportDetail ReportService::get(std::int64_t id) {
    auto& db = session_.db();
    auto report = storage::ReportRepository(db).get(id);
    if (!report) throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(id)}));
    ReportDetail detail;
    if (report->case_id != 0) {
        if (auto c = storage::CaseRepository(db).get(report->case_id)) detail.case_name = c->name;
    }
    storage::CaseRepository cases(db);
    for (const auto other : storage::ReportRepository(db).more_cases(id))
        if (auto c = cases.get(other)) detail.other_case_names.push_back(c->name);
    storage::AttachmentStore store(db);
    detail.attachments = store.list_for_report(id);
    if (!detail.attachments.empty()) {
        const auto captions = store.captions_for_report(id);
        for (auto& a : detail.attachments)
            if (const auto found = captions.find(a.id); found != captions.end()) a.caption = found->second;
    }
    detail.revisions = storage::ReportRepository(db).revisions(id);
    detail.report = std::move(*report);
    return detail;
}

std::vector<ReportSummary> ReportService::list(std::string_view case_name) {
    auto& db = session_.db();
    if (case_name.empty()) return storage::ReportRepository(db).list();
    const auto found = storage::CaseRepository(db).find_by_name(std::string(case_name));
    if (!found) return {};
    return storage::ReportRepository(db).list(found->id);
}

std::vector<ReportSummary> ReportService::search(std::string_view query) {
    if (!is_valid_utf8(query)) throw Error(ErrorKind::Invalid, tr("search: query is not valid UTF-8"));
    return storage::ReportRepository(session_.db()).search_summaries(query);
}

ReportSummaryPage ReportService::list_first_page(std::string_view case_name, std::size_t limit) {
    auto& db = session_.db();
    if (case_name.empty()) return storage::ReportRepository(db).list_first_page(limit);
    const auto found = storage::CaseRepository(db).find_by_name(std::string(case_name));
    if (!found) return {};
    return storage::ReportRepository(db).list_first_page(limit, found->id);
}

ReportSummaryPage ReportService::search_first_page(std::string_view query, std::size_t limit) {
    if (!is_valid_utf8(query)) throw Error(ErrorKind::Invalid, tr("search: query is not valid UTF-8"));
    return storage::ReportRepository(session_.db()).search_first_page(query, limit);
}

std::vector<CaseRecord> ReportService::cases() { return storage::CaseRepository(session_.db()).list(); }

}  // namespace fv::core
