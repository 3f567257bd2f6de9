#pragma once
// The audit log's chain hash: SHA-256 (hex) over a canonical, length-prefixed
// encoding of one entry's fields and the previous entry's hash.
#include <cstdint>
#include <string>
#include <string_view>

namespace fv::storage::detail {

inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string audit_entry_hash(std::int64_t seq, std::int64_t at, std::string_view action, std::string_view subject,
                             std::string_view detail, std::string_view prev_hash);

}  // namespace fv::storage::detail
