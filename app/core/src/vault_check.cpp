#include "fieldvault/core/vault_check.h"

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
    return report;
}

}  // namespace fv::core
