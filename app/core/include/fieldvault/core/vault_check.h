#pragma once
// "Is my vault whole?": the whole-vault check both faces offer (fieldvault-cli
// check, the Settings screen). Reads every database page, every attachment end
// to end and the audit chain, lists files of blobs/ that no attachment
// names, and compares the freshness anchor with the database. Changes nothing in the vault (not even the audit log). The result is
// codes and ids (model/vault_check.h): each face words them for people.
#include <cstdint>
#include <functional>

#include "fieldvault/core/session.h"
#include "fieldvault/model/vault_check.h"

namespace fv::core {

using model::check_finding_code;
using model::check_section_code;
using model::CheckFinding;
using model::CheckFindingKind;
using model::CheckSection;
using model::CheckSectionResult;
using model::is_damage;
// findings: one entry per damaged (or, for UnreferencedFile, merely
// noticed) item; new check sections add a CheckFindingKind and a CheckSection.
using VaultCheckReport = model::VaultCheckResult;

class VaultCheckService {
public:
    // Bytes done and total (database pages, then attachment plaintext). It may
    // throw to stop the check (as the export's does); that exception comes out of run().
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;
    // Asked throughout, also during the database's own integrity check (e.g.
    // [&] { return job.cancelled(); }); true stops the check.
    using CancelFlag = std::function<bool()>;

    explicit VaultCheckService(Session& session) : session_(session) {}

    // Damage is in the report, never thrown. Throws fv::Error(Invalid,
    // "cancelled") when cancelled, and fv::Error(Invalid) if the session is locked.
    [[nodiscard]] VaultCheckReport run(const Progress& progress = {}, const CancelFlag& cancelled = {});

private:
    Session& session_;
};

}  // namespace fv::core
