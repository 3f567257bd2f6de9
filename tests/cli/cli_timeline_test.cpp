// timeline [--case NAME] [--json]: the dated reports in time order (a date
// written with a space included), the undated ones, recurring identifiers.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliTimelineTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
        evening_ = add_report({"--title", "Call in the evening", "--occurred", "2026-03-14 18:30", "--tactic",
                               "harassment", "--identifier", "phone:+86 138 0000 0000"});
        month_ = add_report({"--title", "Letters all month", "--case", "Ana", "--occurred", "2026-03", "--precision",
                             "month", "--tactic", "coercion_by_proxy", "--identifier",
                             "whatsapp:0086-138-0000-0000"});
        undated_ = add_report({"--title", "Someone followed me", "--case", "Ana", "--identifier",
                               "wechat:wxid_only_once"});
    }

    nlohmann::json timeline_json(const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args{"timeline", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = unlocked(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }

    std::int64_t evening_ = 0;
    std::int64_t month_ = 0;
    std::int64_t undated_ = 0;
};

TEST_F(CliTimelineTest, TextListsDatedReportsInOrderThenUndatedThenRecurring) {
    const auto r = unlocked({"timeline"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto m = std::to_string(month_), e = std::to_string(evening_), u = std::to_string(undated_);
    const std::string expected =
        "Reports with a date, earliest first: 2\n"
        "  2026-03           report " + m + "  Letters all month  [Pressure through family]\n"
        "  2026-03-14 18:30  report " + e + "  Call in the evening  [Threats or harassment]\n"
        "\n"
        "Reports with no date: 1\n"
        "  report " + u + "  Someone followed me  [no tactic recorded]\n"
        "\n"
        "Numbers and accounts that appear in more than one report: 1\n"
        "  +86 138 0000 0000  (Phone call or text message)  in reports " + e + ", " + m + "\n";
    EXPECT_EQ(r.out, expected);
    EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(CliTimelineTest, JsonHasStableKeys) {
    const auto doc = timeline_json();
    ASSERT_EQ(doc.at("dated").size(), 2u);
    const auto& month = doc.at("dated")[0];
    EXPECT_EQ(month.at("id"), month_);
    EXPECT_EQ(month.at("title"), "Letters all month");
    EXPECT_EQ(month.at("date"), "2026-03");
    EXPECT_EQ(month.at("from"), "2026-03-01");
    EXPECT_EQ(month.at("to"), "2026-03-31");
    EXPECT_EQ(month.at("approximate"), false);
    EXPECT_EQ(month.at("tactic"), "coercion_by_proxy");
    const auto& evening = doc.at("dated")[1];
    EXPECT_EQ(evening.at("id"), evening_);
    EXPECT_EQ(evening.at("date"), "2026-03-14 18:30");
    EXPECT_EQ(evening.at("from"), "2026-03-14");
    EXPECT_EQ(evening.at("to"), "2026-03-14");

    ASSERT_EQ(doc.at("undated").size(), 1u);
    EXPECT_EQ(doc.at("undated")[0].at("id"), undated_);
    EXPECT_EQ(doc.at("undated")[0].at("title"), "Someone followed me");
    EXPECT_TRUE(doc.at("undated")[0].at("tactic").is_null());

    ASSERT_EQ(doc.at("recurring").size(), 1u);
    const auto& phone = doc.at("recurring")[0];
    EXPECT_EQ(phone.at("identifier"), "+86 138 0000 0000");  // as in the earliest report
    EXPECT_EQ(phone.at("channel"), "phone");
    EXPECT_EQ(phone.at("reports"), nlohmann::json::array({evening_, month_}));

    std::vector<std::string> keys;
    for (const auto& [key, value] : month.items()) keys.push_back(key);
    EXPECT_EQ(keys.size(), 8u);
    EXPECT_TRUE(month.at("people").empty());
}

// People and organisations linked to a report appear with it on the timeline.
TEST_F(CliTimelineTest, PeopleLinkedToAReportAreNamedOnIt) {
    ASSERT_EQ(unlocked({"entity", "add", "王警官"}).exit_code, 0);
    ASSERT_EQ(unlocked({"entity", "link", "王警官", "--report", std::to_string(evening_), "--report",
                        std::to_string(undated_)})
                  .exit_code,
              0);
    const auto doc = timeline_json();
    EXPECT_EQ(doc.at("dated")[1].at("people"), nlohmann::json({"王警官"}));
    EXPECT_TRUE(doc.at("dated")[0].at("people").empty());
    EXPECT_EQ(doc.at("undated")[0].at("people"), nlohmann::json({"王警官"}));
    const auto text = unlocked({"timeline"}).out;
    EXPECT_NE(text.find("Call in the evening  [Threats or harassment]  names: 王警官"), std::string::npos) << text;
}

TEST_F(CliTimelineTest, OneCaseOnly) {
    const auto doc = timeline_json({"--case", "Ana"});
    ASSERT_EQ(doc.at("dated").size(), 1u);
    EXPECT_EQ(doc.at("dated")[0].at("id"), month_);
    ASSERT_EQ(doc.at("undated").size(), 1u);
    EXPECT_EQ(doc.at("undated")[0].at("id"), undated_);
    EXPECT_TRUE(doc.at("recurring").empty());  // the phone number's other report is in no case
}

TEST_F(CliTimelineTest, AnUnknownCaseIsAnErrorThatDoesNotEchoTheName) {
    const auto r = unlocked({"timeline", "--case", "Nobody-Marker"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_EQ(r.err.find("Nobody-Marker"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST_F(CliTimelineTest, AnEmptyCaseSaysNone) {
    ASSERT_EQ(unlocked({"report", "edit", std::to_string(evening_), "--case", "Empty soon"}).exit_code, 0);
    ASSERT_EQ(unlocked({"report", "edit", std::to_string(evening_), "--case", "Ana"}).exit_code, 0);
    const auto r = unlocked({"timeline", "--case", "Empty soon"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "Reports with a date, earliest first: none\n"
              "\n"
              "Reports with no date: none\n"
              "\n"
              "Numbers and accounts that appear in more than one report: none\n");
}

TEST_F(CliTimelineTest, MisuseIsAUsageErrorAndHelpListsTheCommand) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"timeline", "extra"}, {"timeline", "--case"}, {"timeline", "--bogus"}}) {
        const auto r = cli(args, "wrong passphrase\n");  // a usage error comes before the passphrase
        EXPECT_EQ(r.exit_code, 2) << args.back() << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
        EXPECT_TRUE(r.out.empty());
    }
    const auto help = run_cli({"--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("timeline"), std::string::npos);
}

TEST_F(CliTimelineTest, AWrongPassphraseShowsNothing) {
    const auto r = cli({"timeline"}, "wrong passphrase\n");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_TRUE(r.out.empty());
}

}  // namespace
}  // namespace fv::test
