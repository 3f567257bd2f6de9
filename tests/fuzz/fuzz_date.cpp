// Fuzzes the date/time parser behind `report add/edit --occurred/--end`, the
// dates inside received reports and the timeline (core::parse_iso8601,
// app/core/dates.h, and core::is_valid_iso8601 on top of it; the CLI passes
// the text through unchanged and validate_report checks it).
// Beyond "no crash": a differential check against an independent,
// deliberately plain reference written from the documented grammar
//   YYYY | YYYY-MM | YYYY-MM-DD | YYYY-MM-DD(T| )HH:MM[:SS][Z|(+|-)HH:MM]
// (years 1900-2999, real days of the month incl. leap years, seconds up to
// 60 for a leap second, zone offsets up to 14:59). Any disagreement traps,
// and so does a parsed date whose fields or days contradict its text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/text.h"

namespace {

// Reads exactly n digits at s[pos] into *out; false if any is not a digit.
bool number(std::string_view s, std::size_t pos, std::size_t n, long* out) {
    if (s.size() < pos + n) {
        return false;
    }
    long v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

long month_length(long year, long month) {
    switch (month) {
        case 4: case 6: case 9: case 11: return 30;
        case 2: {
            const bool leap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0);
            return leap ? 29 : 28;
        }
        default: return 31;
    }
}

bool reference(std::string_view s) {
    long year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, zh = 0, zm = 0;
    if (!number(s, 0, 4, &year) || year < 1900 || year > 2999) return false;
    if (s.size() == 4) return true;
    if (s.size() < 7 || s[4] != '-' || !number(s, 5, 2, &month) || month < 1 || month > 12) return false;
    if (s.size() == 7) return true;
    if (s.size() < 10 || s[7] != '-' || !number(s, 8, 2, &day) || day < 1 || day > month_length(year, month))
        return false;
    if (s.size() == 10) return true;
    if (s[10] != 'T' && s[10] != ' ') return false;
    std::string_view rest = s.substr(11);
    if (rest.size() < 5 || rest[2] != ':' || !number(rest, 0, 2, &hour) || !number(rest, 3, 2, &minute) ||
        hour > 23 || minute > 59)
        return false;
    rest.remove_prefix(5);
    if (!rest.empty() && rest[0] == ':') {
        if (rest.size() < 3 || !number(rest, 1, 2, &second) || second > 60) return false;
        rest.remove_prefix(3);
    }
    if (rest.empty() || rest == "Z") return true;
    if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' || !number(rest, 1, 2, &zh) ||
        !number(rest, 4, 2, &zm))
        return false;
    return zh <= 14 && zm <= 59;
}

// What parse_iso8601 read must agree with the text it read it from.
bool consistent(std::string_view text, const fv::core::IsoDate& date) {
    using fv::core::IsoPrecision;
    const bool has_day = date.precision >= IsoPrecision::Day;
    if (date.month.has_value() != (date.precision >= IsoPrecision::Month)) return false;
    if (date.day.has_value() != has_day) return false;
    if (date.time.has_value() != (date.precision >= IsoPrecision::Minute)) return false;
    if (date.first_day > date.last_day) return false;
    const std::string first = fv::core::format_day(date.first_day);
    if (text.substr(0, 4) != std::string_view(first).substr(0, 4)) return false;
    if (has_day) return date.first_day == date.last_day && text.substr(0, 10) == first;
    if (date.month && text.substr(0, 7) != std::string_view(first).substr(0, 7)) return false;
    if (fv::core::civil_day(date.first_day).day != 1) return false;  // a month or a year starts on the 1st
    const auto last = fv::core::civil_day(date.last_day);
    return fv::core::day_number(last.year, last.month, last.day) == date.last_day &&
           fv::core::civil_day(date.last_day + 1).day == 1;  // a month or a year ends on its last day
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (fv::core::is_valid_iso8601(text) != reference(text)) {
        __builtin_trap();
    }
    const auto parsed = fv::core::parse_iso8601(text);
    if (parsed.has_value() != reference(text) || (parsed && !consistent(text, *parsed))) {
        __builtin_trap();
    }
    // Valid dates are plain ASCII, so also valid UTF-8.
    if (fv::core::is_valid_iso8601(text) && !fv::core::is_valid_utf8(text)) {
        __builtin_trap();
    }
    return 0;
}
