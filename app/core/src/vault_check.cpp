#include "fieldvault/core/vault_check.h"

#include "fieldvault/core/user_message.h"

#include "fieldvault/storage/vault.h"
#include "fieldvault/storage/vault_check.h"

namespace fv::core {

VaultCheckReport VaultCheckService::run(const Progress& progress, const CancelFlag& cancelled) {
    storage::VaultCheckControl control;
    control.progress = progress;
    control.cancelled = cancelled;
    auto report = storage::check_vault(session_.db(), control);
    // The freshness anchor, as the unlock judged it, once more now.
    const auto problem = session_.vault().freshness_problem();
    report.sections.push_back(CheckSectionResult{CheckSection::Freshness, true, {}});
    if (!problem.empty()) {
        CheckFinding finding;
        finding.kind = CheckFindingKind::FreshnessFailed;
        finding.message = problem;
        report.findings.push_back(std::move(finding));
    }
    // storage's words, in the person's language where known (user_message.h).
    for (auto& finding : report.findings) finding.message = user_text(finding.message);
    for (auto& section : report.sections) section.why_skipped = user_text(section.why_skipped);
    return report;
}

}  // namespace fv::core
