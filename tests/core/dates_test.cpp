// The one date parser (core/dates.h): what it accepts, what it reads out of
// a date, the day arithmetic, start/end ranges and the display formats.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"

namespace fv::core {
namespace {

constexpr std::int64_t kMarch14th2026 = 20526;  // days since 1970-01-01

TEST(Dates, ReadsEachPrecision) {
    const auto year = parse_iso8601("2026");
    ASSERT_TRUE(year);
    EXPECT_EQ(year->precision, IsoPrecision::Year);
    EXPECT_EQ(year->year, 2026);
    EXPECT_FALSE(year->month);
    EXPECT_FALSE(year->day);
    EXPECT_FALSE(year->time);
    EXPECT_EQ(format_day(year->first_day), "2026-01-01");
    EXPECT_EQ(format_day(year->last_day), "2026-12-31");

    const auto month = parse_iso8601("2024-02");
    ASSERT_TRUE(month);
    EXPECT_EQ(month->precision, IsoPrecision::Month);
    EXPECT_EQ(month->month, 2);
    EXPECT_FALSE(month->day);
    EXPECT_EQ(format_day(month->first_day), "2024-02-01");
    EXPECT_EQ(format_day(month->last_day), "2024-02-29");  // a leap year

    const auto day = parse_iso8601("2026-03-14");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->precision, IsoPrecision::Day);
    EXPECT_EQ(day->day, 14);
    EXPECT_FALSE(day->time);
    EXPECT_EQ(day->first_day, kMarch14th2026);
    EXPECT_EQ(day->last_day, kMarch14th2026);
}

TEST(Dates, ReadsATimeWrittenWithATOrASpace) {
    for (const char* text : {"2026-03-14T18:30", "2026-03-14 18:30"}) {
        const auto date = parse_iso8601(text);
        ASSERT_TRUE(date) << text;
        EXPECT_EQ(date->precision, IsoPrecision::Minute) << text;
        ASSERT_TRUE(date->time) << text;
        EXPECT_EQ(date->time->hour, 18);
        EXPECT_EQ(date->time->minute, 30);
        EXPECT_EQ(date->time->second, 0);
        EXPECT_FALSE(date->utc_offset_minutes) << text;
        EXPECT_EQ(date->first_day, kMarch14th2026) << text;
        EXPECT_EQ(date->last_day, kMarch14th2026) << text;
    }
    const auto seconds = parse_iso8601("2026-03-14 18:30:05");
    ASSERT_TRUE(seconds);
    EXPECT_EQ(seconds->precision, IsoPrecision::Second);
    EXPECT_EQ(seconds->time->second, 5);
    EXPECT_EQ(parse_iso8601("2024-02-29T00:00:60Z")->time->second, 60);  // a leap second
}

TEST(Dates, ReadsTheZone) {
    EXPECT_EQ(parse_iso8601("2026-03-14T18:30Z")->utc_offset_minutes, 0);
    EXPECT_EQ(parse_iso8601("2026-03-14T18:30:05+08:00")->utc_offset_minutes, 480);
    EXPECT_EQ(parse_iso8601("2026-03-14 18:30-05:30")->utc_offset_minutes, -330);
    EXPECT_EQ(parse_iso8601("2026-03-14T18:30+14:59")->utc_offset_minutes, 14 * 60 + 59);
    // The day is the one written, not the UTC day.
    EXPECT_EQ(parse_iso8601("2026-03-14T23:30-05:00")->first_day, kMarch14th2026);
}

TEST(Dates, AcceptsExactlyWhatTheValidatorAccepts) {
    // The edge cases of tests/fuzz/corpus/fuzz_date and more; is_valid_iso8601
    // must give the same answer, since it is built on the same parser.
    for (const char* text : {"1900", "2999-12-31", "2024-02-29", "2000-02-29", "2026-03-14T00:00",
                             "2026-03-14T23:59:59", "2026-03-14T18:30:60Z", "2026-03-14T18:30-00:00",
                             "2026-03-14 18:30+14:59"}) {
        EXPECT_TRUE(parse_iso8601(text)) << text;
        EXPECT_TRUE(is_valid_iso8601(text)) << text;
    }
    for (const char* text : {"", "26", "1899", "1899-12-31", "3000", "2026-", "2026-1", "2026-13", "2026-00",
                             "2026-03-", "2026-03-1", "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31",
                             "2026-03-00", "2026-03-14T", "2026-03-14 ", "2026-03-14T24:00", "2026-03-14T18:60",
                             "2026-03-14T18:30:61", "2026-03-14T18:30:", "2026-03-14T18:3", "2026-03-14T1830",
                             "2026-03-14T18:30+8", "2026-03-14T18:30+15:00", "2026-03-14T18:30+08:60",
                             "2026-03-14T18:30+0800", "2026-03-14T18:30Zx", "2026-03-14T18:30z",
                             "2026-03-14t18:30", "2026-03-14_18:30", "2026/03/14", "14.03.2026", "2026-03-14x",
                             "yesterday", "2026-03-14T18:30:05+08:00junk", "+2026", " 2026"}) {
        EXPECT_FALSE(parse_iso8601(text)) << text;
        EXPECT_FALSE(is_valid_iso8601(text)) << text;
    }
}

TEST(Dates, DayNumbersRoundTripOverEveryAcceptedYear) {
    EXPECT_EQ(day_number(1970, 1, 1), 0);
    EXPECT_EQ(day_number(1900, 1, 1), -25567);
    EXPECT_EQ(day_number(2999, 12, 31), 376199);
    EXPECT_EQ(format_day(-1), "1969-12-31");
    std::int64_t expected = day_number(1900, 1, 1);
    for (int year = 1900; year <= 2999; ++year)
        for (int month = 1; month <= 12; ++month)
            for (int day = 1; day <= days_in_month(year, month); ++day) {
                ASSERT_EQ(day_number(year, month, day), expected) << year << "-" << month << "-" << day;
                const auto civil = civil_day(expected);
                ASSERT_EQ(civil.year, year);
                ASSERT_EQ(civil.month, month);
                ASSERT_EQ(civil.day, day);
                ++expected;
            }
    EXPECT_EQ(days_in_month(1900, 2), 28);
    EXPECT_EQ(days_in_month(2000, 2), 29);
    EXPECT_EQ(days_in_month(2026, 13), 0);
}

TEST(DateRanges, NoDateIsNotAnError) {
    const auto result = parse_date_range("", "");
    EXPECT_FALSE(result.range);
    EXPECT_EQ(result.error, DateRangeError::None);
}

TEST(DateRanges, AStartAloneCoversItsOwnDays) {
    const auto result = parse_date_range("2026-03", "");
    ASSERT_TRUE(result.range);
    EXPECT_EQ(result.error, DateRangeError::None);
    EXPECT_FALSE(result.range->end);
    EXPECT_EQ(format_day(result.range->first_day), "2026-03-01");
    EXPECT_EQ(format_day(result.range->last_day), "2026-03-31");
}

TEST(DateRanges, AnEndExtendsTheRange) {
    const auto result = parse_date_range("2026-03-14 18:30", "2026-04");
    ASSERT_TRUE(result.range);
    EXPECT_EQ(result.error, DateRangeError::None);
    ASSERT_TRUE(result.range->end);
    EXPECT_EQ(result.range->first_day, kMarch14th2026);
    EXPECT_EQ(format_day(result.range->last_day), "2026-04-30");
    // An end within the start's month does not shorten it.
    EXPECT_EQ(format_day(parse_date_range("2026-03", "2026-03-10").range->last_day), "2026-03-31");
}

TEST(DateRanges, ReportsWhatIsWrong) {
    EXPECT_EQ(parse_date_range("", "2026-03-14").error, DateRangeError::EndWithoutStart);
    EXPECT_FALSE(parse_date_range("", "2026-03-14").range);
    EXPECT_EQ(parse_date_range("last week", "").error, DateRangeError::BadStart);
    EXPECT_FALSE(parse_date_range("last week", "").range);

    // A bad or earlier end is an error, but the start still places the report.
    const auto bad_end = parse_date_range("2026-03-14", "soon");
    EXPECT_EQ(bad_end.error, DateRangeError::BadEnd);
    ASSERT_TRUE(bad_end.range);
    EXPECT_FALSE(bad_end.range->end);
    EXPECT_EQ(bad_end.range->last_day, kMarch14th2026);
    const auto earlier = parse_date_range("2026-03-14", "2026-03-13");
    EXPECT_EQ(earlier.error, DateRangeError::EndBeforeStart);
    ASSERT_TRUE(earlier.range);
    EXPECT_EQ(earlier.range->last_day, kMarch14th2026);
}

TEST(DateRanges, ComparesTimesOnlyWhenTheyCanBeCompared) {
    EXPECT_EQ(parse_date_range("2026-03-14T18:30", "2026-03-14 18:00").error, DateRangeError::EndBeforeStart);
    EXPECT_EQ(parse_date_range("2026-03-14T18:30", "2026-03-14T18:30").error, DateRangeError::None);
    EXPECT_EQ(parse_date_range("2026-03-14T18:30", "2026-03-14T18:30:01").error, DateRangeError::None);
    // Zones: 00:10 at +02:00 is 22:10 UTC, before 23:30 UTC the day before.
    EXPECT_EQ(parse_date_range("2026-03-14T23:30Z", "2026-03-15T00:10+02:00").error, DateRangeError::EndBeforeStart);
    EXPECT_EQ(parse_date_range("2026-03-15T01:00+14:00", "2026-03-14T12:00Z").error, DateRangeError::None);
    // A day against a time of that day, or a time with a zone against one
    // without: only the days are compared.
    EXPECT_EQ(parse_date_range("2026-03-14T18:30", "2026-03-14").error, DateRangeError::None);
    EXPECT_EQ(parse_date_range("2026-03-14T18:30Z", "2026-03-14T08:00").error, DateRangeError::None);
    EXPECT_EQ(parse_date_range("2026-03-14", "2026-03").error, DateRangeError::None);  // March covers the 14th
    EXPECT_EQ(parse_date_range("2026-03-14", "2026-02").error, DateRangeError::EndBeforeStart);
}

ErrorKind validation_error(const std::string& start, const std::string& end) {
    ReportContent content;
    content.title = "t";
    content.occurred_start = start;
    content.occurred_end = end;
    try {
        validate_report(content);
    } catch (const Error& e) {
        return e.kind();
    }
    return ErrorKind::Io;  // stands for "accepted": validate_report never throws Io
}

TEST(DateRanges, TheValidatorRefusesAnEndBeforeTheStart) {
    EXPECT_EQ(validation_error("2026-03-14", "2026-03-13"), ErrorKind::Invalid);
    EXPECT_EQ(validation_error("2026-03-14 18:30", "2026-03-14 18:00"), ErrorKind::Invalid);
    EXPECT_EQ(validation_error("2026-03-14 18:30", "2026-03-14 19:00"), ErrorKind::Io);
    EXPECT_EQ(validation_error("2026-03-14", ""), ErrorKind::Io);
}

TEST(TimeDisplay, FormatsUtc) {
    EXPECT_EQ(format_utc_time(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_utc_time(1773513000), "2026-03-14T18:30:00Z");
    EXPECT_EQ(format_utc_time(-1), "1969-12-31T23:59:59Z");
}

// Sets TZ for one test and puts it back.
class LocalZone {
public:
    explicit LocalZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) saved_ = old;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~LocalZone() {
        if (saved_) {
            ::setenv("TZ", saved_->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    LocalZone(const LocalZone&) = delete;
    LocalZone& operator=(const LocalZone&) = delete;

private:
    std::optional<std::string> saved_;
};

TEST(TimeDisplay, FormatsLocalTimeInTheMachinesZone) {
    {
        const LocalZone utc("UTC0");
        EXPECT_EQ(format_local_time(1773513000), "2026-03-14 18:30");
    }
    {
        const LocalZone beijing("CST-8");  // POSIX form: UTC+8, needs no tz database
        EXPECT_EQ(format_local_time(1773513000), "2026-03-15 02:30");
    }
}


TEST(DayWindow, BoundsCoverWholeDaysMonthsAndYears) {
    const auto march = parse_day_window("2026-03", "2026-03");
    EXPECT_FALSE(march.open());
    EXPECT_TRUE(occurs_within("2026-03-01", march));
    EXPECT_TRUE(occurs_within("2026-03-31T23:59", march));
    EXPECT_FALSE(occurs_within("2026-02-28", march));
    EXPECT_FALSE(occurs_within("2026-04-01 00:00", march));
    // A report written with a space is placed like one written with 'T' (the
    // list's old text compare hid "2026-03-14 18:30" from a From of
    // "2026-03-14T18:00", because ' ' sorts before 'T').
    const auto from_day = parse_day_window("2026-03-14T18:00", "");
    EXPECT_TRUE(occurs_within("2026-03-14 18:30", from_day));
    EXPECT_TRUE(occurs_within("2026-03-14T18:30", from_day));
    EXPECT_FALSE(occurs_within("2026-03-13 23:59", from_day));
    // A date known only to the year or month covers its days: "2026" is within March 2026.
    EXPECT_TRUE(occurs_within("2026", march));
    EXPECT_TRUE(occurs_within("2026-02", parse_day_window("2026-02-15", "")));
    EXPECT_FALSE(occurs_within("2025", march));
}

TEST(DayWindow, OpenBoundsUndatedReportsAndWhatIsNotADate) {
    EXPECT_TRUE(parse_day_window("", "").open());
    EXPECT_TRUE(occurs_within("", parse_day_window("", "")));
    EXPECT_FALSE(occurs_within("", parse_day_window("2000", "")));
    EXPECT_FALSE(occurs_within("soon", parse_day_window("", "2030")));
    const auto bad = parse_day_window("March", "2026-02-30");
    EXPECT_TRUE(bad.from_invalid);
    EXPECT_TRUE(bad.to_invalid);
    EXPECT_TRUE(bad.open());
    const auto half = parse_day_window("2026", "nope");
    EXPECT_FALSE(half.from_invalid);
    EXPECT_TRUE(half.to_invalid);
    EXPECT_TRUE(occurs_within("2027-01-01", half));
    EXPECT_FALSE(occurs_within("2025-12-31", half));
}

TEST(CompareStoredDates, OrdersLikeTimeWhateverTheSeparator) {
    EXPECT_LT(compare_stored_dates("2026-03-14T09:00", "2026-03-14 18:30"), 0);
    EXPECT_GT(compare_stored_dates("2026-03-14 18:30", "2026-03-14T09:00"), 0);
    EXPECT_EQ(compare_stored_dates("2026-03-14 18:30", "2026-03-14T18:30"), 0);
    EXPECT_LT(compare_stored_dates("2026-03", "2026-03-01"), 0);
    EXPECT_LT(compare_stored_dates("", "1999"), 0);
    EXPECT_EQ(compare_stored_dates("", ""), 0);
}

}  // namespace
}  // namespace fv::core
