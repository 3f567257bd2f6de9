#pragma once
// What a set of reports shows when read together, computed once per load so
// that both faces (the GUI's timeline, `fieldvault-cli timeline`) say the
// same: each report's place on a day axis (a span when only the month or year
// is known, or a range was given; marked approximate when so recorded),
// stacked into lanes so marks do not hide each other; the reports with no
// usable date; the identifiers (phone numbers, accounts) that recur across
// reports; the distinct tactics present.
//
// It holds decrypted titles and identifiers: clear() and the destructor zero them.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/core/records.h"

namespace fv::core {

struct TimelineMark {
    std::int64_t report_id = 0;
    std::string title;          // decrypted: wiped by ReportAnalysis::clear()
    std::string date_label;     // as recorded, e.g. "2026-03" or "2026-03-14 to 2026-03-20"
    std::string tactic;         // first tactic code, "" if none
    std::int64_t first_day = 0; // days since 1970-01-01
    std::int64_t last_day = 0;  // == first_day for a single day
    bool span = false;          // covers more than one day (a range, or month/year precision)
    bool approximate = false;
    int lane = 0;               // 0 = nearest the axis
    std::vector<std::string> people;  // names of the people and organisations linked to it (name_people)
};

struct RecurringIdentifier {
    std::string key;                       // normalised: "phone:+8613800000000", "id:wxid_abc"
    std::string display;                   // as written in the earliest report (lowest id) that has it
    std::string channel;                   // the channel code written with it there
    std::vector<std::int64_t> report_ids;  // ascending, at least two
};

// The same number or account written differently gives the same key: phone
// numbers lose spaces, dashes, dots and brackets ("00" becomes "+"); accounts,
// e-mail addresses and URLs are compared without case, a leading '@', the
// scheme, "www." and a trailing '/'. "" for an empty value.
[[nodiscard]] std::string normalize_identifier(std::string_view value);

class ReportAnalysis {
public:
    ReportAnalysis() = default;
    explicit ReportAnalysis(const std::vector<ReportRecord>& reports) { build(reports); }
    ~ReportAnalysis() { clear(); }
    ReportAnalysis(const ReportAnalysis&) = delete;
    ReportAnalysis& operator=(const ReportAnalysis&) = delete;
    ReportAnalysis(ReportAnalysis&& other) noexcept;
    // Wipes what this one held before taking the other's.
    ReportAnalysis& operator=(ReportAnalysis&& other) noexcept;

    void build(const std::vector<ReportRecord>& reports);
    // Puts on each mark the names of the people and organisations linked to
    // its report (EntityService::names_by_report()).
    void name_people(const std::map<std::int64_t, std::vector<std::string>>& names_by_report);
    // Zeroes every decrypted string (titles, dates, identifiers) and empties the analysis.
    void clear() noexcept;
    bool empty() const noexcept { return marks_.empty() && undated_.empty(); }

    // Dated reports in time order (first day, then the time written, then id).
    const std::vector<TimelineMark>& marks() const noexcept { return marks_; }
    // Reports with no usable start date, in the order given.
    const std::vector<TimelineMark>& undated() const noexcept { return undated_; }
    // Most reports first, then by key.
    const std::vector<RecurringIdentifier>& recurring() const noexcept { return recurring_; }
    // Distinct first tactics present, in vocabulary order; "" (no tactic) last.
    const std::vector<std::string>& tactics() const noexcept { return tactics_; }
    // The axis: first and last day covered by any mark (0 when there is none).
    std::int64_t first_day() const noexcept { return first_day_; }
    std::int64_t last_day() const noexcept { return last_day_; }
    int lanes() const noexcept { return lanes_; }

private:
    void take(ReportAnalysis& other) noexcept;

    std::vector<TimelineMark> marks_;
    std::vector<TimelineMark> undated_;
    std::vector<RecurringIdentifier> recurring_;
    std::vector<std::string> tactics_;
    std::int64_t first_day_ = 0;
    std::int64_t last_day_ = 0;
    int lanes_ = 0;
};

}  // namespace fv::core
