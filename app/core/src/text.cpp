#include "fieldvault/core/text.h"

#include <cstdint>

namespace fv::core {

bool is_valid_utf8(std::string_view text) noexcept {
    // Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<std::uint8_t>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (n - i <= extra) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<std::uint8_t>(text[i + k]);
            if ((cc & 0xC0u) != 0x80u) return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
        if (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
        i += extra + 1;
    }
    return true;
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > s.size()) return false;
    value = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const char c = s[pos + k];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool valid_time_and_zone(std::string_view s, std::size_t pos) {
    int hour = 0, minute = 0, second = 0;
    if (!digits(s, pos, 2, hour) || pos + 2 >= s.size() || s[pos + 2] != ':' ||
        !digits(s, pos + 3, 2, minute))
        return false;
    if (hour > 23 || minute > 59) return false;
    pos += 5;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, second) || second > 60) return false;
        pos += 3;
    }
    if (pos == s.size()) return true;
    if (s[pos] == 'Z') return pos + 1 == s.size();
    if (s[pos] != '+' && s[pos] != '-') return false;
    int zh = 0, zm = 0;
    if (!digits(s, pos + 1, 2, zh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, zm))
        return false;
    return zh <= 14 && zm <= 59 && pos + 6 == s.size();
}

}  // namespace

bool is_valid_iso8601(std::string_view s) noexcept {
    int year = 0, month = 0, day = 0;
    if (!digits(s, 0, 4, year) || year < 1900 || year > 2999) return false;
    if (s.size() == 4) return true;
    if (s[4] != '-' || !digits(s, 5, 2, month) || month < 1 || month > 12) return false;
    if (s.size() == 7) return true;
    if (s.size() < 10 || s[7] != '-' || !digits(s, 8, 2, day) || day < 1 ||
        day > days_in_month(year, month))
        return false;
    if (s.size() == 10) return true;
    if (s[10] != 'T' && s[10] != ' ') return false;
    return valid_time_and_zone(s, 11);
}

}  // namespace fv::core
