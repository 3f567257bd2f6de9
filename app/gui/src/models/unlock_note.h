#pragma once
// The sentence the report list shows once after an unlock: the audit log's
// newest entry (so a person notices when work they remember is missing),
// and what the unlock did or noticed (an older copy accepted, the recovery
// key used, files put aside or brought back).
#include <string>

#include "fieldvault/core/session.h"

namespace fv::gui {

std::string unlock_note(const core::UnlockReport& report);

}  // namespace fv::gui
