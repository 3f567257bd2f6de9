// case list | add | remove | move | rename through the binary: one report in
// several cases, found by `report list --case` under each, and clear errors.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliCaseTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }

    std::vector<std::int64_t> ids_in(const std::string& case_name) {
        const auto r = unlocked({"report", "list", "--case", case_name, "--json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        const auto document = nlohmann::json::parse(r.out);  // kept: the loop reads into it
        std::vector<std::int64_t> ids;
        for (const auto& row : document.at("reports")) ids.push_back(row.at("id").get<std::int64_t>());
        return ids;
    }
};

TEST_F(CliCaseTest, OneReportInSeveralCases) {
    const auto visit = add_report({"--title", "Police visited my mother", "--case", "Mei"});
    const auto call = add_report({"--title", "Call from Officer Wang"});
    auto r = unlocked({"case", "add", "Officer Wang", "--report", std::to_string(visit), "--report",
                       std::to_string(call)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("New case 'Officer Wang'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("now holds 2 report(s)"), std::string::npos) << r.out;
    EXPECT_EQ(ids_in("Mei"), std::vector<std::int64_t>{visit});
    EXPECT_EQ(ids_in("Officer Wang").size(), 2u);

    const auto show = nlohmann::json::parse(unlocked({"report", "show", std::to_string(visit), "--json"}).out);
    EXPECT_EQ(show.at("case"), "Mei");
    EXPECT_EQ(show.at("other_cases"), nlohmann::json({"Officer Wang"}));
    EXPECT_NE(unlocked({"report", "show", std::to_string(visit)}).out.find("Also in cases: Officer Wang"),
              std::string::npos);
    const auto list = nlohmann::json::parse(unlocked({"case", "list", "--json"}).out);
    ASSERT_EQ(list.at("cases").size(), 2u);
    for (const auto& c : list["cases"]) EXPECT_EQ(c.at("reports"), c.at("name") == "Mei" ? 1 : 2) << c;

    ASSERT_EQ(unlocked({"case", "remove", "Mei", "--report", std::to_string(visit)}).exit_code, 0);
    EXPECT_TRUE(ids_in("Mei").empty());
    const auto after = nlohmann::json::parse(unlocked({"report", "show", std::to_string(visit), "--json"}).out);
    EXPECT_EQ(after.at("case"), "Officer Wang");  // its other case became its main one
    EXPECT_TRUE(after.at("other_cases").empty());

    ASSERT_EQ(unlocked({"case", "rename", "Officer Wang", "王警官"}).exit_code, 0);
    EXPECT_EQ(ids_in("王警官").size(), 2u);
    ASSERT_EQ(unlocked({"case", "move", "Mei", "--report", std::to_string(call)}).exit_code, 0);
    EXPECT_EQ(ids_in("Mei"), std::vector<std::int64_t>{call});
    EXPECT_EQ(ids_in("王警官"), std::vector<std::int64_t>{visit});
    // The timeline and export by case use the same membership.
    EXPECT_NE(unlocked({"timeline", "--case", "王警官"}).out.find("Police visited my mother"), std::string::npos);
}

TEST_F(CliCaseTest, UnknownReportsAndCasesAreClearErrorsThatChangeNothing) {
    const auto report = add_report({"--title", "One"});
    auto r = unlocked({"case", "add", "New", "--report", std::to_string(report), "--report", "4242"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("4242"), std::string::npos) << r.err;
    EXPECT_NE(unlocked({"case", "list"}).out.find("No cases yet"), std::string::npos);  // no case made
    r = unlocked({"case", "remove", "Ghost", "--report", std::to_string(report)});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no case named 'Ghost'"), std::string::npos) << r.err;
    EXPECT_EQ(unlocked({"case", "add", "X"}).exit_code, 2);  // --report is required
    ASSERT_EQ(unlocked({"case", "add", "A", "--report", std::to_string(report)}).exit_code, 0);
    ASSERT_EQ(unlocked({"case", "add", "B", "--report", std::to_string(report)}).exit_code, 0);
    r = unlocked({"case", "rename", "A", "B"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(ids_in("A"), std::vector<std::int64_t>{report});
}

}  // namespace
}  // namespace fv::test

namespace fv::test {
namespace {

// --language chooses the messages' language before or after the command; a
// report's own --language (the account's language) stays the report's.
class CliLanguageTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
};

TEST_F(CliLanguageTest, MessagesInChineseAndTheAccountsLanguageStaysTheReports) {
    const auto id = add_report({"--title", "警察", "--language", "zh-Hans"});
    auto r = unlocked({"report", "list"});
    EXPECT_NE(r.out.find("TITLE"), std::string::npos) << r.out;  // English by default
    r = unlocked({"--language", "zh_CN", "report", "list"});
    EXPECT_NE(r.out.find("标题"), std::string::npos) << r.out;
    r = unlocked({"report", "list", "--language", "zh_TW"});
    EXPECT_NE(r.out.find("標題"), std::string::npos) << r.out;
    EXPECT_EQ(show_json(id).at("language"), "zh-Hans");
    // The account's language given to a command is never taken for the messages'.
    r = unlocked({"report", "edit", std::to_string(id), "--language", "zh-Hant", "--title", "警察又来了"});
    EXPECT_NE(r.out.find("saved as revision 2"), std::string::npos) << r.out;
    EXPECT_EQ(show_json(id).at("language"), "zh-Hant");
    r = unlocked({"report", "list"});
    EXPECT_NE(r.out.find("TITLE"), std::string::npos) << r.out;  // the report's language did not change ours
}

}  // namespace
}  // namespace fv::test
