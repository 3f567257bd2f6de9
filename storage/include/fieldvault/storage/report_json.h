#pragma once
// The canonical JSON form of a report's content: what a revision stores and
// hashes, and what export reuses. Every field is always present, object keys are
// sorted, no insignificant whitespace, so equal content gives equal bytes.
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "fieldvault/storage/records.h"

namespace fv::storage {

// Version of the content layout, stored as "content_version".
inline constexpr int kReportContentVersion = 1;

nlohmann::json report_to_json(const ReportContent& content);
// Strict: the exact key set, the right types, a known content_version.
// Throws fv::Error(Invalid) with the offending key's name (never its value).
ReportContent report_from_json(const nlohmann::json& json);

std::string canonical_report_json(const ReportContent& content);
// Parses text made by canonical_report_json (any valid JSON of the right shape);
// throws fv::Error(Invalid) on malformed text.
ReportContent parse_report_json(std::string_view text);

}  // namespace fv::storage
