#pragma once
// Report services: create, edit (a new revision), finalise, read, list, search.
// Every action is one transaction together with its audit-log entry.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/core/session.h"
#include "fieldvault/core/records.h"

namespace fv::core {


struct ReportDetail {
    ReportRecord report;
    std::string case_name;  // its main case; empty if none
    std::vector<std::string> other_case_names;  // the other cases it is also in
    std::vector<AttachmentRecord> attachments;
    std::vector<RevisionRecord> revisions;
};

class ReportService {
public:
    explicit ReportService(Session& session) : session_(session) {}

    // Validates (UTF-8, non-empty title, known codes, ISO-8601 dates) and stores.
    // Throws fv::Error(Invalid) with the offending field named.
    std::int64_t create(const ReportContent& content, std::string_view case_name = {});
    // The report and all its evidence in one transaction: if any file cannot be
    // stored (missing, a directory, unreadable), nothing is stored.
    std::int64_t create_with_attachments(const ReportContent& content, std::string_view case_name,
                                         const std::vector<std::filesystem::path>& files);
    // A new revision; throws fv::Error(Invalid) if the report is final.
    // case_name: nullopt keeps the case, "" removes it.
    void edit(std::int64_t id, const ReportContent& content,
              std::optional<std::string_view> case_name = std::nullopt);
    void finalize(std::int64_t id);
    // Deletes a draft report that never left this vault, with its evidence,
    // in one audited transaction (the log keeps that it existed and how many
    // files it had, never its words). Its encrypted files become unreadable
    // (their keys are erased) and are removed. Throws fv::Error(Invalid) for a
    // final report or one that was sent in a bundle, NotFound if unknown.
    void delete_draft(std::int64_t id);

    ReportDetail get(std::int64_t id);  // throws fv::Error(NotFound)
    // Every report's list row, most recently updated first.
    std::vector<ReportSummary> list(std::string_view case_name = {});
    // The list rows of the reports matching `query`, most recently updated first.
    std::vector<ReportSummary> search(std::string_view query);

    // What a face shows at once while the whole list or search loads: the
    // first `limit` rows of list(case_name) or search(query), in the same
    // order, and how many rows the whole list or search has. Fast at any
    // vault size (it reads about `limit` rows, not every hit).
    static constexpr std::size_t kFirstPageRows = 50;
    ReportSummaryPage list_first_page(std::string_view case_name = {}, std::size_t limit = kFirstPageRows);
    ReportSummaryPage search_first_page(std::string_view query, std::size_t limit = kFirstPageRows);
    std::vector<CaseRecord> cases();

private:
    Session& session_;
};

// Throw fv::Error(Invalid) naming the field if content is not acceptable.
void validate_report(const ReportContent& content);
void validate_case_name(std::string_view name);

}  // namespace fv::core
