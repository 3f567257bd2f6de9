#include <gtest/gtest.h>

#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"

using fv::Error;
using fv::ErrorKind;
using fv::core::ReportContent;
using fv::core::validate_report;

namespace {

ReportContent valid_report() {
    ReportContent c;
    c.title = "Visit from \"community association\"";
    c.occurred_start = "2026-03-14T18:30";
    c.date_precision = "exact";
    c.tactics = {"harassment", "coercion_by_proxy"};
    c.channels = {"wechat"};
    c.identifiers = {{"wechat", "wxid_abc123"}};
    c.perpetrators = {{"police", "Officer Li", "two men"}};
    c.demands = {"return_home"};
    c.relatives = {{"mother", "Fuzhou", "questioned", "local police", "phone call"}};
    c.narrative = "中国警察找我父母";
    c.risk_level = "high";
    c.sensitive_fields = {"relatives"};
    return c;
}

ErrorKind kind_of(const ReportContent& c) {
    try {
        validate_report(c);
    } catch (const Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "expected validation to fail";
    return ErrorKind::Io;
}

}  // namespace

TEST(ReportValidation, AcceptsACompleteReport) { EXPECT_NO_THROW(validate_report(valid_report())); }

TEST(ReportValidation, RejectsEmptyOrBlankTitle) {
    auto c = valid_report();
    c.title = "";
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
    c.title = "  \t";
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
}

TEST(ReportValidation, RejectsInvalidUtf8InAnyTextField) {
    const std::string bad = "ok\xC3\x28";
    std::vector<std::function<void(ReportContent&)>> setters = {
        [&](ReportContent& c) { c.title = bad; },
        [&](ReportContent& c) { c.narrative = bad; },
        [&](ReportContent& c) { c.translation = bad; },
        [&](ReportContent& c) { c.place = bad; },
        [&](ReportContent& c) { c.identifiers[0].value = bad; },
        [&](ReportContent& c) { c.perpetrators[0].description = bad; },
        [&](ReportContent& c) { c.relatives[0].location = bad; },
        [&](ReportContent& c) { c.witnesses = {{bad, "", ""}}; },
    };
    for (auto& set : setters) {
        auto c = valid_report();
        set(c);
        EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
    }
}

TEST(ReportValidation, RejectsUnknownCodes) {
    auto c = valid_report();
    c.tactics.push_back("alien_abduction");
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
    c = valid_report();
    c.risk_level = "extreme";
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
    c = valid_report();
    c.sensitive_fields = {"password"};
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
    c = valid_report();
    c.identifiers[0].channel = "carrier_pigeon";
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
}

TEST(ReportValidation, RejectsBadDates) {
    auto c = valid_report();
    c.occurred_start = "last tuesday";
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
    c = valid_report();
    c.occurred_start = "";
    c.occurred_end = "2026-03-15";
    EXPECT_EQ(kind_of(c), ErrorKind::Invalid);
}

TEST(ReportValidation, ErrorNamesTheFieldButNotItsContent) {
    auto c = valid_report();
    c.narrative = std::string("SECRET-MARKER") + "\xFF";
    try {
        validate_report(c);
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("narrative"), std::string::npos);
        EXPECT_EQ(std::string(e.what()).find("SECRET-MARKER"), std::string::npos);
    }
}
