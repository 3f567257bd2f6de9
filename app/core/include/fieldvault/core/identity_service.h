#pragma once
#include <string>

#include "fieldvault/core/session.h"

namespace fv::core {

struct OwnIdentity {
    std::string name;
    std::string card;
    std::string fingerprint;
};

class IdentityService {
public:
    explicit IdentityService(Session& session) : session_(session) {}
    OwnIdentity own();

private:
    Session& session_;
};

}  // namespace fv::core
