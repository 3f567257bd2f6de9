#include "timeline_model.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "fieldvault/core/vocabulary.h"
#include "view.h"

namespace fv::gui {
namespace {

// Howard Hinnant's days_from_civil: proleptic Gregorian date to day number.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? static_cast<unsigned>(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

bool digits(std::string_view text, std::size_t from, std::size_t count, unsigned& value) noexcept {
    if (text.size() < from + count) return false;
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

void wipe_mark(TimelineMark& mark) noexcept {
    wipe_string(mark.title);
    wipe_string(mark.date_label);
}

std::string date_label(const core::ReportContent& c) {
    std::string label = c.occurred_start;
    if (!c.occurred_end.empty()) label += " to " + c.occurred_end;
    if (c.date_precision == "approximate") label += " (approximate)";
    return label;
}

// Index of a tactic code in the vocabulary, for a stable legend order.
std::size_t tactic_rank(const std::string& code) {
    const auto list = core::entries(core::Vocabulary::Tactic);
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].code == code) return i;
    return list.size();
}

}  // namespace

std::optional<DayRange> parse_day_range(std::string_view iso) {
    unsigned year = 0, month = 0, day = 0;
    if (!digits(iso, 0, 4, year)) return std::nullopt;
    if (iso.size() == 4) return DayRange{days_from_civil(year, 1, 1), days_from_civil(year, 12, 31)};
    if (iso.size() < 7 || iso[4] != '-' || !digits(iso, 5, 2, month) || month < 1 || month > 12) return std::nullopt;
    if (iso.size() == 7)
        return DayRange{days_from_civil(year, month, 1), days_from_civil(year, month, days_in_month(year, month))};
    if (iso.size() < 10 || iso[7] != '-' || !digits(iso, 8, 2, day) || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    if (iso.size() > 10 && iso[10] != 'T') return std::nullopt;
    const auto d = days_from_civil(year, month, day);
    return DayRange{d, d};
}

std::string format_day(std::int64_t day) {
    // civil_from_days (Hinnant), the inverse of days_from_civil.
    const std::int64_t z = day + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    char text[32];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return text;
}

std::string normalize_identifier(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.empty()) return {};
    // A phone number: digits with separators people type, an optional leading '+'.
    std::string phone;
    bool is_phone = true;
    for (std::size_t i = 0; i < value.size() && is_phone; ++i) {
        const char c = value[i];
        if (c >= '0' && c <= '9') {
            phone.push_back(c);
        } else if (c == '+' && phone.empty() && i == value.find_first_not_of(" ")) {
            phone.push_back('+');
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
            is_phone = false;
        }
    }
    const auto digit_count = std::count_if(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (is_phone && digit_count >= 5) {
        if (phone.rfind("00", 0) == 0) phone = "+" + phone.substr(2);  // international prefix written as 00
        return "phone:" + phone;
    }
    std::string text(value);
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const std::string_view prefix : {"https://", "http://"})
        if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
    if (text.rfind("www.", 0) == 0) text.erase(0, 4);
    if (!text.empty() && text.front() == '@') text.erase(0, 1);
    while (!text.empty() && text.back() == '/') text.pop_back();
    if (text.empty()) return {};
    return "id:" + text;
}

void TimelineModel::build(const std::vector<core::ReportRecord>& reports) {
    clear();
    std::map<std::string, RecurringIdentifier> by_key;
    for (const auto& report : reports) {
        const auto& c = report.content;
        TimelineMark mark;
        mark.report_id = report.id;
        mark.title = c.title;
        mark.date_label = date_label(c);
        mark.tactic = c.tactics.empty() ? std::string() : c.tactics.front();
        mark.approximate = c.date_precision == "approximate";
        const auto start = parse_day_range(c.occurred_start);
        if (!start) {
            undated_.push_back(std::move(mark));
        } else {
            auto last = start->last;
            if (const auto end = parse_day_range(c.occurred_end); end && end->last > last) last = end->last;
            mark.start_day = static_cast<double>(start->first);
            mark.end_day = static_cast<double>(last);
            mark.span = last > start->first;
            marks_.push_back(std::move(mark));
        }
        for (const auto& identifier : c.identifiers) {
            auto key = normalize_identifier(identifier.value);
            if (key.empty()) continue;
            auto& entry = by_key[key];
            if (entry.key.empty()) {
                entry.key = key;
                entry.display = identifier.value;
                entry.channel = identifier.channel;
            }
            if (std::find(entry.report_ids.begin(), entry.report_ids.end(), report.id) == entry.report_ids.end())
                entry.report_ids.push_back(report.id);
            wipe_string(key);
        }
    }
    for (auto& [key, entry] : by_key) {
        if (entry.report_ids.size() >= 2) {
            std::sort(entry.report_ids.begin(), entry.report_ids.end());
            recurring_.push_back(std::move(entry));
        } else {
            wipe_string(entry.key);
            wipe_string(entry.display);
        }
    }
    std::sort(recurring_.begin(), recurring_.end(), [](const auto& a, const auto& b) {
        if (a.report_ids.size() != b.report_ids.size()) return a.report_ids.size() > b.report_ids.size();
        return a.key < b.key;
    });

    std::sort(marks_.begin(), marks_.end(), [](const auto& a, const auto& b) {
        if (a.start_day != b.start_day) return a.start_day < b.start_day;
        return a.report_id < b.report_id;
    });
    if (!marks_.empty()) {
        first_day_ = marks_.front().start_day;
        last_day_ = first_day_;
        for (const auto& m : marks_) last_day_ = std::max(last_day_, m.end_day);
    }
    // Lanes: a mark goes to the first lane whose last mark ended well before
    // it starts (a gap of about 1/80 of the axis), so close marks stack.
    const double gap = std::max(1.0, (last_day_ - first_day_) / 80.0);
    std::vector<double> lane_end;
    for (auto& m : marks_) {
        std::size_t lane = 0;
        while (lane < lane_end.size() && lane_end[lane] + gap > m.start_day) ++lane;
        if (lane == lane_end.size()) lane_end.push_back(0.0);
        lane_end[lane] = m.end_day;
        m.lane = static_cast<int>(lane);
    }
    lanes_ = static_cast<int>(lane_end.size());

    for (const auto* list : {&marks_, &undated_})
        for (const auto& m : *list)
            if (std::find(tactics_.begin(), tactics_.end(), m.tactic) == tactics_.end()) tactics_.push_back(m.tactic);
    std::sort(tactics_.begin(), tactics_.end(),
              [](const std::string& a, const std::string& b) { return tactic_rank(a) < tactic_rank(b); });
    // "" (no tactic) ranks after every code since it is not in the vocabulary.
}

void TimelineModel::clear() noexcept {
    for (auto& m : marks_) wipe_mark(m);
    for (auto& m : undated_) wipe_mark(m);
    for (auto& r : recurring_) {
        wipe_string(r.key);
        wipe_string(r.display);
    }
    marks_.clear();
    undated_.clear();
    recurring_.clear();
    tactics_.clear();
    first_day_ = last_day_ = 0.0;
    lanes_ = 0;
}

}  // namespace fv::gui
