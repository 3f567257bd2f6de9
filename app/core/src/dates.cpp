#include "fieldvault/core/dates.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace fv::core {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Exactly `count` ASCII digits at text[pos], or false.
bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& value) noexcept {
    if (pos + count > text.size()) return false;
    value = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const char c = text[pos + k];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

bool is_leap(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// HH:MM[:SS][Z|(+|-)HH:MM] from text[pos] to the end.
bool parse_time_and_zone(std::string_view text, std::size_t pos, IsoDate& date) noexcept {
    IsoTime time;
    if (!read_digits(text, pos, 2, time.hour) || pos + 2 >= text.size() || text[pos + 2] != ':' ||
        !read_digits(text, pos + 3, 2, time.minute))
        return false;
    if (time.hour > 23 || time.minute > 59) return false;  // no 24:00
    date.precision = IsoPrecision::Minute;
    pos += 5;
    if (pos < text.size() && text[pos] == ':') {
        if (!read_digits(text, pos + 1, 2, time.second) || time.second > 60) return false;  // 60: leap second
        date.precision = IsoPrecision::Second;
        pos += 3;
    }
    date.time = time;
    if (pos == text.size()) return true;
    if (text[pos] == 'Z') {
        date.utc_offset_minutes = 0;
        return pos + 1 == text.size();
    }
    if (text[pos] != '+' && text[pos] != '-') return false;
    int zone_hours = 0, zone_minutes = 0;
    if (!read_digits(text, pos + 1, 2, zone_hours) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !read_digits(text, pos + 4, 2, zone_minutes))
        return false;
    if (zone_hours > 14 || zone_minutes > 59 || pos + 6 != text.size()) return false;
    const int offset = zone_hours * 60 + zone_minutes;
    date.utc_offset_minutes = text[pos] == '-' ? -offset : offset;
    return true;
}

// Seconds since the epoch as written, shifted by the zone when one is given.
std::int64_t written_instant(const IsoDate& date) noexcept {
    const IsoTime time = date.time.value_or(IsoTime{});
    return date.first_day * kSecondsPerDay + time.hour * 3600 + time.minute * 60 + time.second -
           std::int64_t{date.utc_offset_minutes.value_or(0)} * 60;
}

bool ends_before(const IsoDate& end, const IsoDate& start) noexcept {
    const bool both_timed = end.time && start.time;
    const bool zones_comparable = end.utc_offset_minutes.has_value() == start.utc_offset_minutes.has_value();
    if (both_timed && zones_comparable) return written_instant(end) < written_instant(start);
    return end.last_day < start.first_day;
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) noexcept {
    const std::int64_t quotient = value / divisor;
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

}  // namespace

std::optional<IsoDate> parse_iso8601(std::string_view text) noexcept {
    IsoDate date;
    if (!read_digits(text, 0, 4, date.year) || date.year < 1900 || date.year > 2999) return std::nullopt;
    if (text.size() == 4) {
        date.first_day = day_number(date.year, 1, 1);
        date.last_day = day_number(date.year, 12, 31);
        return date;
    }
    int month = 0;
    if (text[4] != '-' || !read_digits(text, 5, 2, month) || month < 1 || month > 12) return std::nullopt;
    date.month = month;
    date.precision = IsoPrecision::Month;
    if (text.size() == 7) {
        date.first_day = day_number(date.year, month, 1);
        date.last_day = day_number(date.year, month, days_in_month(date.year, month));
        return date;
    }
    int day = 0;
    if (text.size() < 10 || text[7] != '-' || !read_digits(text, 8, 2, day) || day < 1 ||
        day > days_in_month(date.year, month))
        return std::nullopt;
    date.day = day;
    date.precision = IsoPrecision::Day;
    date.first_day = date.last_day = day_number(date.year, month, day);
    if (text.size() == 10) return date;
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;  // people type a space as often as a 'T'
    if (!parse_time_and_zone(text, 11, date)) return std::nullopt;
    return date;
}

int days_in_month(int year, int month) noexcept {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil.
std::int64_t day_number(int year, int month, int day) noexcept {
    const std::int64_t y = std::int64_t{year} - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t month_from_march = (month + 9) % 12;
    const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

// Howard Hinnant's civil_from_days, the inverse of day_number.
CivilDay civil_day(std::int64_t day) noexcept {
    // Far beyond any real date; the clamp only keeps the arithmetic defined.
    constexpr std::int64_t kLimit = std::int64_t{1} << 40;
    const std::int64_t z = std::clamp(day, -kLimit, kLimit) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
    const std::int64_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    CivilDay civil;
    civil.year = static_cast<int>(year);
    civil.month = static_cast<int>(month);
    civil.day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    return civil;
}

std::string format_day(std::int64_t day) {
    const CivilDay civil = civil_day(day);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
    return text;
}

DateRangeResult parse_date_range(std::string_view start, std::string_view end) noexcept {
    DateRangeResult result;
    if (start.empty()) {
        if (!end.empty()) result.error = DateRangeError::EndWithoutStart;
        return result;
    }
    const auto from = parse_iso8601(start);
    if (!from) {
        result.error = DateRangeError::BadStart;
        return result;
    }
    DateRange range;
    range.start = *from;
    range.first_day = from->first_day;
    range.last_day = from->last_day;
    if (!end.empty()) {
        const auto to = parse_iso8601(end);
        if (!to) {
            result.error = DateRangeError::BadEnd;
        } else if (ends_before(*to, *from)) {
            result.error = DateRangeError::EndBeforeStart;
        } else {
            range.end = to;
            range.last_day = std::max(range.last_day, to->last_day);
        }
    }
    result.range = range;
    return result;
}

DayWindow parse_day_window(std::string_view from, std::string_view to) noexcept {
    DayWindow window;
    if (!from.empty()) {
        if (const auto date = parse_iso8601(from)) window.first_day = date->first_day;
        else window.from_invalid = true;
    }
    if (!to.empty()) {
        if (const auto date = parse_iso8601(to)) window.last_day = date->last_day;
        else window.to_invalid = true;
    }
    return window;
}

bool occurs_within(std::string_view occurred_start, const DayWindow& window) noexcept {
    if (window.open()) return true;
    const auto date = parse_iso8601(occurred_start);
    if (!date) return false;
    // The days the date covers ("2026" covers the year) overlap the window.
    if (window.first_day && date->last_day < *window.first_day) return false;
    if (window.last_day && date->first_day > *window.last_day) return false;
    return true;
}

int compare_stored_dates(std::string_view a, std::string_view b) noexcept {
    constexpr std::size_t kSeparator = 10;  // YYYY-MM-DD|HH:MM
    const auto normal = [](std::string_view text, std::size_t at) {
        const char c = text[at];
        return at == kSeparator && c == ' ' ? 'T' : c;
    };
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) {
        const char x = normal(a, i), y = normal(b, i);
        if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

std::string format_utc_time(std::int64_t unix_seconds) {
    const std::int64_t day = floor_div(unix_seconds, kSecondsPerDay);
    const auto second_of_day = static_cast<int>(unix_seconds - day * kSecondsPerDay);
    const CivilDay civil = civil_day(day);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", civil.year, civil.month, civil.day,
                  second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60);
    return text;
}

std::string format_local_time(std::int64_t unix_seconds) {
    const auto seconds = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    if (::localtime_r(&seconds, &local) == nullptr) {
        // Out of the C library's range: say so rather than show a wrong local time.
        std::string utc = format_utc_time(unix_seconds);
        return utc.substr(0, 10) + " " + utc.substr(11, 5) + " UTC";
    }
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min);
    return text;
}

}  // namespace fv::core
