#pragma once
#include <string_view>

namespace fv::core {

bool is_valid_utf8(std::string_view text) noexcept;
// ISO-8601 date or date-time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM].
bool is_valid_iso8601(std::string_view text) noexcept;

}  // namespace fv::core
