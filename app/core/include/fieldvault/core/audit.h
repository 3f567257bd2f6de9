#pragma once
#include <optional>
#include <vector>

#include "fieldvault/core/session.h"
#include "fieldvault/core/records.h"

namespace fv::core {

struct AuditVerification {
    bool ok = false;
    std::size_t entries = 0;
    std::optional<std::int64_t> first_bad_seq;
};

class AuditService {
public:
    explicit AuditService(Session& session) : session_(session) {}
    std::vector<AuditEntry> entries();
    [[nodiscard]] AuditVerification verify();

private:
    Session& session_;
};

}  // namespace fv::core
