#pragma once
// What the timeline draws, computed once per load (not per frame): each
// report's place on a day axis (a span when only the month or year is known,
// marked approximate when so recorded), stacked into lanes so marks do not
// hide each other, and the identifiers (phone numbers, accounts) that recur
// across reports. No ImGui, so it is tested directly.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/core/reports.h"

namespace fv::gui {

struct TimelineMark {
    std::int64_t report_id = 0;
    std::string title;       // decrypted: wiped by TimelineModel::clear()
    std::string date_label;  // as recorded, e.g. "2026-03" or "2026-03-14 to 2026-03-20"
    std::string tactic;      // first tactic code, "" if none
    double start_day = 0.0;  // days since 1970-01-01
    double end_day = 0.0;    // == start_day for a single day
    bool span = false;       // a range (end date given, or month/year precision)
    bool approximate = false;
    int lane = 0;
};

struct RecurringIdentifier {
    std::string key;                      // normalised: "phone:+8613800000000", "id:wxid_abc"
    std::string display;                  // as first written
    std::string channel;                  // channel code of the first occurrence
    std::vector<std::int64_t> report_ids; // ascending, at least two
};

// The day number (days since 1970-01-01) of an ISO-8601 date's start, and of
// the last day it covers ("2026-03" covers March). nullopt if not a date.
struct DayRange {
    std::int64_t first = 0;
    std::int64_t last = 0;
};
std::optional<DayRange> parse_day_range(std::string_view iso);
std::string format_day(std::int64_t day);  // "2026-03-14"

// The same number or account written differently gives the same key: phone
// numbers lose spaces, dashes, dots and brackets ("00" becomes "+"); accounts,
// e-mail addresses and URLs are compared without case, a leading '@', the
// scheme, "www." and a trailing '/'. "" for an empty value.
std::string normalize_identifier(std::string_view value);

class TimelineModel {
public:
    TimelineModel() = default;
    ~TimelineModel() { clear(); }
    TimelineModel(const TimelineModel&) = delete;
    TimelineModel& operator=(const TimelineModel&) = delete;
    TimelineModel(TimelineModel&&) = default;
    TimelineModel& operator=(TimelineModel&&) = default;

    void build(const std::vector<core::ReportRecord>& reports);
    // Zeroes every decrypted string (titles, identifiers) and empties the model.
    void clear() noexcept;
    bool empty() const noexcept { return marks_.empty() && undated_.empty(); }

    const std::vector<TimelineMark>& marks() const noexcept { return marks_; }
    // Reports with no usable date (shown in a list beside the axis).
    const std::vector<TimelineMark>& undated() const noexcept { return undated_; }
    const std::vector<RecurringIdentifier>& recurring() const noexcept { return recurring_; }
    // Distinct first tactics present, in vocabulary order ("" = no tactic last).
    const std::vector<std::string>& tactics() const noexcept { return tactics_; }
    double first_day() const noexcept { return first_day_; }
    double last_day() const noexcept { return last_day_; }
    int lanes() const noexcept { return lanes_; }

private:
    std::vector<TimelineMark> marks_;
    std::vector<TimelineMark> undated_;
    std::vector<RecurringIdentifier> recurring_;
    std::vector<std::string> tactics_;
    double first_day_ = 0.0;
    double last_day_ = 0.0;
    int lanes_ = 0;
};

}  // namespace fv::gui
