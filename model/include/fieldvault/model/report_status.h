#pragma once
// A report is a draft (editable) or final (every later change refused). Typed,
// so no layer compares strings; the codes are what the database and bundles hold.
#include <optional>
#include <string_view>

namespace fv::model {

enum class ReportStatus { Draft, Final };

// "draft" or "final": the stable code stored in the vault and sent in bundles.
constexpr std::string_view status_code(ReportStatus status) noexcept {
    return status == ReportStatus::Final ? "final" : "draft";
}

// nullopt for anything but the two codes.
constexpr std::optional<ReportStatus> parse_status(std::string_view code) noexcept {
    if (code == "draft") return ReportStatus::Draft;
    if (code == "final") return ReportStatus::Final;
    return std::nullopt;
}

}  // namespace fv::model
