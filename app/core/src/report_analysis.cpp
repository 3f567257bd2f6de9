#include "fieldvault/core/report_analysis.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/vocabulary.h"
#include "fieldvault/model/secret.h"

namespace fv::core {
namespace {

// Every allocated byte, so an earlier, longer value is zeroed too.
void wipe(std::string& text) noexcept {
    text.resize(text.capacity());
    wipe_memory(text.data(), text.size());
    text.clear();
    text.shrink_to_fit();
}

void wipe_mark(TimelineMark& mark) noexcept {
    wipe(mark.title);
    wipe(mark.date_label);
    for (auto& name : mark.people) wipe(name);
    mark.people.clear();
}

std::string date_label(const ReportContent& c) {
    if (c.occurred_start.empty()) return {};
    std::string label = c.occurred_start;
    if (!c.occurred_end.empty()) label = tr_args("{1} to {2}", {label, c.occurred_end});
    if (c.date_precision == "approximate") label = tr_args("{1} (approximate)", {label});
    return label;
}

// Index of a tactic code in the vocabulary, for a stable legend order; "" last.
std::size_t tactic_rank(const std::string& code) {
    const auto list = entries(Vocabulary::Tactic);
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].code == code) return i;
    return code.empty() ? list.size() + 1 : list.size();
}

// A dated mark with what orders it within its first day: the time as
// written (-1 for none, so a bare date comes first).
struct Placed {
    TimelineMark mark;
    int second_of_day = -1;
};

// One identifier as written in one report, with its normalised key.
struct Occurrence {
    std::string key;
    const Identifier* source = nullptr;
    std::int64_t report_id = 0;
};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

std::string normalize_identifier(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.empty()) return {};
    // A phone number: digits with the separators people type, an optional leading '+'.
    std::string phone;
    bool is_phone = true;
    for (std::size_t i = 0; i < value.size() && is_phone; ++i) {
        const char c = value[i];
        if (is_digit(c)) {
            phone.push_back(c);
        } else if (c == '+' && i == 0) {
            phone.push_back('+');
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
            is_phone = false;
        }
    }
    if (is_phone && std::count_if(phone.begin(), phone.end(), is_digit) >= 5) {
        if (phone.rfind("00", 0) == 0) phone.replace(0, 2, "+");  // international prefix written as 00
        std::string key = "phone:" + phone;
        wipe(phone);
        return key;
    }
    wipe(phone);
    std::string text = "id:";  // everything else: an account, an address, a URL
    text.append(value);
    for (std::size_t i = 3; i < text.size(); ++i)
        if (text[i] >= 'A' && text[i] <= 'Z') text[i] = static_cast<char>(text[i] - 'A' + 'a');
    auto drop_front = [&text](std::string_view prefix) {
        if (std::string_view(text).substr(3).rfind(prefix, 0) == 0) text.erase(3, prefix.size());
    };
    drop_front("https://");
    drop_front("http://");
    drop_front("www.");
    drop_front("@");
    while (text.size() > 3 && text.back() == '/') text.pop_back();
    if (text.size() == 3) {
        wipe(text);
        return {};
    }
    return text;
}

ReportAnalysis::ReportAnalysis(ReportAnalysis&& other) noexcept { take(other); }

ReportAnalysis& ReportAnalysis::operator=(ReportAnalysis&& other) noexcept {
    if (this != &other) {
        clear();
        take(other);
    }
    return *this;
}

void ReportAnalysis::take(ReportAnalysis& other) noexcept {
    marks_ = std::move(other.marks_);
    undated_ = std::move(other.undated_);
    recurring_ = std::move(other.recurring_);
    tactics_ = std::move(other.tactics_);
    first_day_ = std::exchange(other.first_day_, 0);
    last_day_ = std::exchange(other.last_day_, 0);
    lanes_ = std::exchange(other.lanes_, 0);
    other.marks_.clear();
    other.undated_.clear();
    other.recurring_.clear();
    other.tactics_.clear();
}

void ReportAnalysis::build(const std::vector<ReportRecord>& reports) {
    clear();
    std::vector<Placed> placed;
    std::vector<Occurrence> occurrences;
    for (const auto& report : reports) {
        const auto& c = report.content;
        TimelineMark mark;
        mark.report_id = report.id;
        mark.title = c.title;
        mark.date_label = date_label(c);
        mark.tactic = c.tactics.empty() ? std::string() : c.tactics.front();
        mark.approximate = c.date_precision == "approximate";
        // A bad or earlier end (the validator refuses both) leaves the start alone.
        const auto when = parse_date_range(c.occurred_start, c.occurred_end).range;
        if (!when) {
            undated_.push_back(std::move(mark));
        } else {
            mark.first_day = when->first_day;
            mark.last_day = when->last_day;
            mark.span = mark.last_day > mark.first_day;
            Placed entry{std::move(mark), -1};
            if (const auto& t = when->start.time) entry.second_of_day = t->hour * 3600 + t->minute * 60 + t->second;
            placed.push_back(std::move(entry));
        }
        for (const auto& identifier : c.identifiers) {
            auto key = normalize_identifier(identifier.value);
            if (!key.empty()) occurrences.push_back(Occurrence{std::move(key), &identifier, report.id});
        }
    }

    std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
        return std::tie(a.mark.first_day, a.second_of_day, a.mark.report_id) <
               std::tie(b.mark.first_day, b.second_of_day, b.mark.report_id);
    });
    for (auto& entry : placed) marks_.push_back(std::move(entry.mark));

    // Recurring identifiers: group equal keys, the earliest report first
    // (stable: within one report, the order written), whatever order the
    // reports came in.
    std::stable_sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
        return std::tie(a.key, a.report_id) < std::tie(b.key, b.report_id);
    });
    for (std::size_t i = 0; i < occurrences.size();) {
        std::size_t j = i;
        std::vector<std::int64_t> ids;
        for (; j < occurrences.size() && occurrences[j].key == occurrences[i].key; ++j)
            ids.push_back(occurrences[j].report_id);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (ids.size() >= 2) {
            const auto& first = occurrences[i];
            recurring_.push_back(
                RecurringIdentifier{first.key, first.source->value, first.source->channel, std::move(ids)});
        }
        i = j;
    }
    for (auto& occurrence : occurrences) wipe(occurrence.key);
    std::stable_sort(recurring_.begin(), recurring_.end(), [](const auto& a, const auto& b) {
        return a.report_ids.size() > b.report_ids.size();  // already in key order within a count
    });

    if (!marks_.empty()) {
        first_day_ = marks_.front().first_day;
        last_day_ = first_day_;
        for (const auto& m : marks_) last_day_ = std::max(last_day_, m.last_day);
    }
    // Lanes: a mark goes to the first lane whose last mark ended well before
    // it starts (a gap of about 1/80 of the axis), so close marks stack.
    const double gap = std::max(1.0, static_cast<double>(last_day_ - first_day_) / 80.0);
    std::vector<std::int64_t> lane_end;
    for (auto& m : marks_) {
        std::size_t lane = 0;
        while (lane < lane_end.size() && static_cast<double>(lane_end[lane]) + gap > static_cast<double>(m.first_day))
            ++lane;
        if (lane == lane_end.size()) lane_end.push_back(0);
        lane_end[lane] = m.last_day;
        m.lane = static_cast<int>(lane);
    }
    lanes_ = static_cast<int>(lane_end.size());

    for (const auto* list : {&marks_, &undated_})
        for (const auto& m : *list)
            if (std::find(tactics_.begin(), tactics_.end(), m.tactic) == tactics_.end()) tactics_.push_back(m.tactic);
    std::sort(tactics_.begin(), tactics_.end(),
              [](const std::string& a, const std::string& b) { return tactic_rank(a) < tactic_rank(b); });
}

void ReportAnalysis::name_people(const std::map<std::int64_t, std::vector<std::string>>& names_by_report) {
    for (auto* marks : {&marks_, &undated_}) {
        for (auto& mark : *marks) {
            const auto it = names_by_report.find(mark.report_id);
            if (it != names_by_report.end()) mark.people = it->second;
        }
    }
}

void ReportAnalysis::clear() noexcept {
    for (auto& m : marks_) wipe_mark(m);
    for (auto& m : undated_) wipe_mark(m);
    for (auto& r : recurring_) {
        wipe(r.key);
        wipe(r.display);
    }
    marks_.clear();
    undated_.clear();
    recurring_.clear();
    tactics_.clear();
    first_day_ = last_day_ = 0;
    lanes_ = 0;
}

}  // namespace fv::core
