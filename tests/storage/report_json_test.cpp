#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/report_json.h"
#include "test_support.h"

namespace fv::storage {
namespace {

void expect_invalid(std::string_view text) {
    try {
        parse_report_json(text);
        ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
    }
}

TEST(ReportJson, RoundTripsEveryField) {
    const auto content = test::full_content("json");
    EXPECT_EQ(parse_report_json(canonical_report_json(content)), content);
    EXPECT_EQ(parse_report_json(canonical_report_json(ReportContent{})), ReportContent{});
}

TEST(ReportJson, IsCanonical) {
    const auto content = test::full_content("c");
    const auto text = canonical_report_json(content);
    EXPECT_EQ(text, canonical_report_json(parse_report_json(text)));
    EXPECT_EQ(text.find('\n'), std::string::npos);
    // Keys sorted: "channels" precedes "title".
    EXPECT_LT(text.find("\"channels\""), text.find("\"title\""));
    auto changed = content;
    changed.tactics.push_back("other");
    EXPECT_NE(canonical_report_json(changed), text);
}

TEST(ReportJson, ListOrderMatters) {
    auto a = test::full_content("o");
    auto b = a;
    std::swap(b.tactics[0], b.tactics[1]);
    EXPECT_NE(canonical_report_json(a), canonical_report_json(b));
}

TEST(ReportJson, RefusesWrongShapes) {
    const auto good = nlohmann::json::parse(canonical_report_json(test::full_content("s")));
    expect_invalid("");
    expect_invalid("not json");
    expect_invalid("[]");
    expect_invalid("{}");
    auto missing = good;
    missing.erase("narrative");
    expect_invalid(missing.dump());
    auto extra = good;
    extra["surprise"] = 1;
    expect_invalid(extra.dump());
    auto wrong_type = good;
    wrong_type["title"] = 5;
    expect_invalid(wrong_type.dump());
    auto wrong_list = good;
    wrong_list["tactics"] = {1, 2};
    expect_invalid(wrong_list.dump());
    auto wrong_item = good;
    wrong_item["witnesses"][0].erase("contact");
    expect_invalid(wrong_item.dump());
    auto version = good;
    version["content_version"] = 2;
    expect_invalid(version.dump());
}

TEST(ReportJson, RefusesInvalidUtf8) {
    ReportContent content;
    content.title = "bad \xff\xfe bytes";
    try {
        canonical_report_json(content);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
    }
    expect_invalid(std::string("{\"title\": \"\xff\"}"));
}

}  // namespace
}  // namespace fv::storage
