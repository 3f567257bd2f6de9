#pragma once
// Cases group reports (an advocate keeps one per person interviewed): create,
// rename, move reports between them. Each action is one transaction with its
// audit-log entry; case names never go into the log (they can name a person).
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "fieldvault/core/session.h"
#include "fieldvault/core/records.h"

namespace fv::core {

class CaseService {
public:
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;
    explicit CaseService(Session& session) : session_(session) {}

    // Throws fv::Error(Invalid) for an empty, non-UTF-8 or already used name.
    std::int64_t create(std::string_view name);
    // Throws fv::Error(Invalid) for an empty or duplicate name, NotFound for an unknown case.
    void rename(std::int64_t case_id, std::string_view new_name);
    // Moves every listed report to `case_id` (0 = no case), all or none: it is
    // then in that case only. Grouping is not content: final reports (received
    // ones too) move as well, with no new revision.
    void move_reports(const std::vector<std::int64_t>& report_ids, std::int64_t case_id);
    // A report can be in several cases: puts each report in `case_id` too,
    // keeping its other cases (its main case if it had none). All or none.
    void add_reports(const std::vector<std::int64_t>& report_ids, std::int64_t case_id);
    // Takes each report out of `case_id` only; a report not in it is skipped.
    // When its main case goes, the first of its other cases becomes the main one.
    void remove_reports(const std::vector<std::int64_t>& report_ids, std::int64_t case_id);
    // Every case the report is in, its main case first (the one a bundle may name).
    std::vector<CaseRecord> cases_of(std::int64_t report_id);
    std::vector<CaseRecord> list();
    // The case of that exact name, or nullopt.
    std::optional<CaseRecord> find(std::string_view name);

    // The current content of the reports of one case (nullopt = all reports,
    // 0 = reports in no case), without revisions or attachments: what the
    // timeline needs. `progress` may throw to stop (e.g. on cancel).
    std::vector<ReportRecord> load_reports(std::optional<std::int64_t> case_id,
                                                    const Progress& progress = {});

private:
    Session& session_;
};

}  // namespace fv::core
