#include "fieldvault/core/audit.h"

#include "fieldvault/storage/repositories.h"

namespace fv::core {

std::vector<storage::AuditEntry> AuditService::entries() { return storage::AuditLog(session_.db()).entries(); }

AuditVerification AuditService::verify() {
    storage::AuditLog log(session_.db());
    AuditVerification result;
    result.first_bad_seq = log.verify();
    result.ok = !result.first_bad_seq.has_value();
    result.entries = log.entries().size();
    return result;
}

}  // namespace fv::core
