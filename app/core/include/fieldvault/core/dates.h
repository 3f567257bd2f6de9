#pragma once
// The one reader of the dates a report keeps (ISO 8601, stored exactly as
// entered) and the one writer of the dates and times the faces show. The
// validator, the timeline and the CLI all go through here, so a date the vault
// accepts is a date every screen can place.
//
// Plain C++20 on purpose: the fuzz build (clang-14) compiles this file too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fv::core {

// How much of a date was written, from least to most.
enum class IsoPrecision { Year, Month, Day, Minute, Second };

struct IsoTime {
    int hour = 0;    // 0-23
    int minute = 0;  // 0-59
    int second = 0;  // 0-60 (60: a leap second); 0 when not written
};

struct IsoDate {
    IsoPrecision precision = IsoPrecision::Year;
    int year = 0;                           // 1900-2999
    std::optional<int> month;               // 1-12
    std::optional<int> day;                 // 1-31, a real day of that month
    std::optional<IsoTime> time;            // as written (local to the zone, if any)
    std::optional<int> utc_offset_minutes;  // "Z" = 0, "+08:00" = 480; none written = nullopt
    // The days covered, counted from 1970-01-01 (day 0): "2026-03" covers
    // March 1 to 31; a day or a date-time covers its own (written) day.
    std::int64_t first_day = 0;
    std::int64_t last_day = 0;
};

// Accepts YYYY | YYYY-MM | YYYY-MM-DD | YYYY-MM-DD(T| )HH:MM[:SS][Z|(+|-)HH:MM]
// with years 1900-2999, real days of the month (leap years included), hours
// 0-23 (no 24:00), seconds up to 60 and zone offsets up to 14:59. Anything
// else, including trailing text, is nullopt.
[[nodiscard]] std::optional<IsoDate> parse_iso8601(std::string_view text) noexcept;

// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian).
struct CivilDay {
    int year = 1970;
    int month = 1;  // 1-12
    int day = 1;    // 1-31
};
[[nodiscard]] std::int64_t day_number(int year, int month, int day) noexcept;
[[nodiscard]] CivilDay civil_day(std::int64_t day) noexcept;
[[nodiscard]] int days_in_month(int year, int month) noexcept;

[[nodiscard]] std::string format_day(std::int64_t day);  // "2026-03-14"

// A report's "when": a start and an optional end.
struct DateRange {
    IsoDate start;
    std::optional<IsoDate> end;  // nullopt when none was given or it could not be used
    std::int64_t first_day = 0;  // start.first_day
    std::int64_t last_day = 0;   // the later of start.last_day and end->last_day
};

enum class DateRangeError {
    None,
    BadStart,         // the start is not an accepted date
    BadEnd,           // the end is not an accepted date
    EndWithoutStart,  // an end but no start
    EndBeforeStart,   // the end is earlier than the start
};

struct DateRangeResult {
    // nullopt when there is no usable start (none given, or not a date). A
    // bad or earlier end leaves the start alone in the range, so a screen can
    // still place the report; `error` says what the validator should refuse.
    std::optional<DateRange> range;
    DateRangeError error = DateRangeError::None;
};

// Empty strings mean "not given". An end is before the start when the last
// day it covers is before the start's first day or, when both carry a time
// that can be compared (both with a zone, or both without), an earlier time.
[[nodiscard]] DateRangeResult parse_date_range(std::string_view start, std::string_view end) noexcept;

// A "from ... to ..." filter on when reports happened, each bound any form
// parse_iso8601 accepts, by whole days: "2026-03" as From starts on March 1,
// as To ends on March 31. An empty bound is open; a bound that is not a date
// is flagged (so a screen can say so) and then left open.
struct DayWindow {
    std::optional<std::int64_t> first_day;  // nullopt: open
    std::optional<std::int64_t> last_day;   // nullopt: open
    bool from_invalid = false;
    bool to_invalid = false;
    [[nodiscard]] bool open() const noexcept { return !first_day && !last_day; }
};
[[nodiscard]] DayWindow parse_day_window(std::string_view from, std::string_view to) noexcept;
// Whether a report whose start is `occurred_start` (as stored) happened within
// `window`: the days that date covers ("2026-03" covers March) overlap it. A
// report with no usable date is outside any window that is not open.
[[nodiscard]] bool occurs_within(std::string_view occurred_start, const DayWindow& window) noexcept;

// Orders two dates as stored (<0, 0, >0) the way time runs: ISO text orders
// like time except for the separator, so 'T' and ' ' compare alike. Cheap (no
// parse): for sorting 100,000 rows.
[[nodiscard]] int compare_stored_dates(std::string_view a, std::string_view b) noexcept;

// Unix seconds for display. Local: "2026-03-14 18:30" in the machine's time
// zone (localtime_r; falls back to UTC if the time cannot be converted).
// UTC: "2026-03-14T18:30:00Z".
[[nodiscard]] std::string format_local_time(std::int64_t unix_seconds);
[[nodiscard]] std::string format_utc_time(std::int64_t unix_seconds);

}  // namespace fv::core
