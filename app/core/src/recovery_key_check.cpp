#include "fieldvault/core/recovery_key_check.h"

#include "fieldvault/crypto/recovery_key.h"
#include "fieldvault/model/error.h"

namespace fv::core {

bool recovery_key_matches(std::string_view shown, std::string_view typed) noexcept {
    try {
        const auto expected = crypto::RecoveryKey::parse(shown);
        const auto given = crypto::RecoveryKey::parse(typed);
        return expected.equals(given);
    } catch (...) {
        return false;  // not a recovery key (yet): a typo, or still being typed
    }
}

}  // namespace fv::core
