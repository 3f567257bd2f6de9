#pragma once
// "Did you write it down right?": the faces ask the person to type the
// recovery key back from their paper before going on. The same reading as
// unlocking with it (upper or lower case, dashes and spaces as they like).
#include <string_view>

namespace fv::core {

// True when `typed` is the same recovery key as `shown` (the text a vault's
// creation or rekey printed). False for a typo, a short key or anything that
// is not a recovery key at all. Constant time in the key bytes.
[[nodiscard]] bool recovery_key_matches(std::string_view shown, std::string_view typed) noexcept;

}  // namespace fv::core
