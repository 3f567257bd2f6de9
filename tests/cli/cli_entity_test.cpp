// entity add | alias | link | unlink | list | show through the binary: one
// person under two scripts, linked reports and reports whose words name them.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliEntityTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
};

TEST_F(CliEntityTest, OnePersonUnderTwoNamesAcrossReports) {
    const auto chinese = add_report({"--title", "电话", "--narrative", "王警官又打电话给我母亲。"});
    const auto english = add_report({"--title", "Call", "--translation", "Officer Wang called my mother again."});
    const auto other = add_report({"--title", "Other", "--narrative", "Officer Li came."});
    auto r = unlocked({"entity", "add", "王警官"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("fieldvault-cli entity alias 王警官 NAME"), std::string::npos) << r.out;
    ASSERT_EQ(unlocked({"entity", "alias", "王警官", "Officer Wang"}).exit_code, 0);
    r = unlocked({"entity", "link", "officer WANG", "--report", std::to_string(chinese)});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    const auto show = nlohmann::json::parse(unlocked({"entity", "show", "王警官", "--json"}).out);
    EXPECT_EQ(show.at("aliases"), nlohmann::json({"王警官", "Officer Wang"}));
    EXPECT_EQ(show.at("report_ids"), nlohmann::json({chinese}));
    EXPECT_EQ(show.at("named_in_report_ids"), nlohmann::json({chinese, english}));
    (void)other;
    const auto text = unlocked({"entity", "show", "Officer Wang"}).out;
    EXPECT_NE(text.find("also known as: Officer Wang"), std::string::npos) << text;
    EXPECT_NE(text.find("reports whose words name it: " + std::to_string(chinese) + " " + std::to_string(english)),
              std::string::npos)
        << text;

    ASSERT_EQ(unlocked({"entity", "unlink", "王警官", "--report", std::to_string(chinese)}).exit_code, 0);
    const auto list = nlohmann::json::parse(unlocked({"entity", "list", "--json"}).out);
    ASSERT_EQ(list.at("entities").size(), 1u);
    EXPECT_TRUE(list["entities"][0].at("report_ids").empty());
}

TEST_F(CliEntityTest, ClashesAndUnknownsAreClearErrors) {
    ASSERT_EQ(unlocked({"entity", "add", "Overseas service station", "--kind", "organisation"}).exit_code, 0);
    auto r = unlocked({"entity", "add", "overseas SERVICE station"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("already names"), std::string::npos) << r.err;
    r = unlocked({"entity", "add", "x", "--kind", "ghost"});
    EXPECT_EQ(r.exit_code, 1);
    r = unlocked({"entity", "show", "nobody"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no person or organisation named 'nobody'"), std::string::npos) << r.err;
    r = unlocked({"entity", "link", "Overseas service station", "--report", "42"});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("no report 42"), std::string::npos) << r.err;
    EXPECT_EQ(unlocked({"entity"}).exit_code, 2);
    EXPECT_NE(unlocked({"entity", "list"}).out.find("Overseas service station  (organisation)"), std::string::npos);
}

}  // namespace
}  // namespace fv::test
