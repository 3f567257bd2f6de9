#pragma once
#include <string_view>

namespace fv::core {

bool is_valid_utf8(std::string_view text) noexcept;
// ISO-8601 date or date-time as the vault accepts it: parse_iso8601 (dates.h)
// succeeds. Kept as the yes/no question the validator and the fuzzer ask.
bool is_valid_iso8601(std::string_view text) noexcept;

}  // namespace fv::core
