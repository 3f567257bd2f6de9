// report add / list / show / edit / finalize and their --json shapes.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliReportTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
};

TEST_F(CliReportTest, AddPrintsIdAndListShowsIt) {
    const auto first = add_report({"--title", "Call from police", "--case", "Ana", "--occurred", "2026-03-14",
                                   "--tactic", "harassment", "--tactic", "coercion_by_proxy"});
    const auto second = add_report({"--title", "Second"});
    EXPECT_GT(first, 0);
    EXPECT_NE(first, second);

    const auto table = unlocked({"report", "list"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("Call from police"), std::string::npos);
    EXPECT_NE(table.out.find("2026-03-14"), std::string::npos);
    EXPECT_NE(table.out.find("Draft"), std::string::npos);  // the label; --json keeps the code

    const auto doc = list_json();
    ASSERT_EQ(doc.at("reports").size(), 2u);
    for (const auto& r : doc.at("reports")) {
        for (const char* key : {"id", "title", "status", "case", "occurred", "created_at", "updated_at", "attachments"})
            EXPECT_TRUE(r.contains(key)) << key;
        if (r.at("id") == first) {
            EXPECT_EQ(r.at("title"), "Call from police");
            EXPECT_EQ(r.at("case"), "Ana");
            EXPECT_EQ(r.at("occurred"), "2026-03-14");
            EXPECT_EQ(r.at("status"), "draft");
            EXPECT_EQ(r.at("attachments"), 0);
        } else {
            EXPECT_EQ(r.at("id"), second);
            EXPECT_TRUE(r.at("case").is_null());
        }
    }
}

TEST_F(CliReportTest, ShowJsonHasEveryFieldGroup) {
    const auto id = add_report({"--title", "Visit", "--case", "Case A", "--occurred", "2026-03-14T18:30",
                                "--end", "2026-03-14T19:00", "--precision", "day", "--location", "Café on Main St",
                                "--host-country", "CA", "--city", "Toronto", "--origin-country", "CN",
                                "--tactic", "surveillance", "--channel", "wechat", "--channel", "phone",
                                "--identifier", "wechat:handle_1", "--identifier", "social:https://x.example/a:b",
                                "--perpetrator", "police:Officer Wang", "--perpetrator", "unknown",
                                "--demand", "return_home", "--demands-detail", "Come back by May",
                                "--impact", "psychological", "--impact-detail", "Cannot sleep",
                                "--relative", "mother:questioned", "--witness", "Li:saw the car",
                                "--reported-to", "RCMP:file 123", "--risk", "high",
                                "--narrative", "They called.", "--language", "en",
                                "--translation", "Ils ont appelé.", "--translation-language", "fr",
                                "--translator", "Marie", "--sensitive", "relatives", "--sensitive", "place"});
    const auto doc = show_json(id);
    EXPECT_EQ(doc.at("id"), id);
    EXPECT_EQ(doc.at("title"), "Visit");
    EXPECT_EQ(doc.at("status"), "draft");
    EXPECT_EQ(doc.at("case"), "Case A");
    EXPECT_EQ(doc.at("occurred"), "2026-03-14T18:30");
    EXPECT_EQ(doc.at("end"), "2026-03-14T19:00");
    EXPECT_EQ(doc.at("precision"), "day");
    EXPECT_EQ(doc.at("location"), "Café on Main St");
    EXPECT_EQ(doc.at("host_country"), "CA");
    EXPECT_EQ(doc.at("city"), "Toronto");
    EXPECT_EQ(doc.at("origin_country"), "CN");
    EXPECT_EQ(doc.at("tactics"), nlohmann::json::array({"surveillance"}));
    EXPECT_EQ(doc.at("channels"), nlohmann::json::array({"wechat", "phone"}));
    ASSERT_EQ(doc.at("identifiers").size(), 2u);
    EXPECT_EQ(doc.at("identifiers")[1].at("channel"), "social");
    EXPECT_EQ(doc.at("identifiers")[1].at("value"), "https://x.example/a:b");
    ASSERT_EQ(doc.at("perpetrators").size(), 2u);
    EXPECT_EQ(doc.at("perpetrators")[0].at("affiliation"), "police");
    EXPECT_EQ(doc.at("perpetrators")[0].at("names"), "Officer Wang");
    EXPECT_EQ(doc.at("perpetrators")[1].at("names"), "");
    EXPECT_EQ(doc.at("demands"), nlohmann::json::array({"return_home"}));
    EXPECT_EQ(doc.at("demands_detail"), "Come back by May");
    EXPECT_EQ(doc.at("impacts"), nlohmann::json::array({"psychological"}));
    EXPECT_EQ(doc.at("impact_detail"), "Cannot sleep");
    EXPECT_EQ(doc.at("relatives")[0].at("relationship"), "mother");
    EXPECT_EQ(doc.at("relatives")[0].at("what_happened"), "questioned");
    EXPECT_EQ(doc.at("witnesses")[0].at("name"), "Li");
    EXPECT_EQ(doc.at("witnesses")[0].at("statement"), "saw the car");
    EXPECT_EQ(doc.at("reported_to")[0].at("authority"), "RCMP");
    EXPECT_EQ(doc.at("reported_to")[0].at("reference"), "file 123");
    EXPECT_EQ(doc.at("risk"), "high");
    EXPECT_EQ(doc.at("narrative"), "They called.");
    EXPECT_EQ(doc.at("language"), "en");
    EXPECT_EQ(doc.at("translation"), "Ils ont appelé.");
    EXPECT_EQ(doc.at("translation_language"), "fr");
    EXPECT_EQ(doc.at("translator"), "Marie");
    EXPECT_EQ(doc.at("sensitive"), nlohmann::json::array({"relatives", "place"}));
    ASSERT_EQ(doc.at("revisions").size(), 1u);
    EXPECT_EQ(doc.at("revisions")[0].at("number"), 1);
    EXPECT_EQ(doc.at("revisions")[0].at("sha256").get<std::string>().size(), 64u);
    EXPECT_TRUE(doc.at("attachments").is_array());
    EXPECT_TRUE(doc.at("attachments").empty());

    const auto text = unlocked({"report", "show", std::to_string(id)});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    for (const char* piece : {"Visit", "Toronto", "They called.", "Officer Wang", "surveillance", "Ils ont appelé."})
        EXPECT_NE(text.out.find(piece), std::string::npos) << piece;
}

TEST_F(CliReportTest, EditReplacesGivenFieldsAndKeepsTheRest) {
    const auto id = add_report({"--title", "Before", "--narrative", "Kept narrative", "--tactic", "harassment",
                                "--case", "A"});
    const auto r = unlocked({"report", "edit", std::to_string(id), "--title", "After", "--tactic", "smear_campaign",
                             "--tactic", "legal_abuse"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto doc = show_json(id);
    EXPECT_EQ(doc.at("title"), "After");
    EXPECT_EQ(doc.at("narrative"), "Kept narrative");
    EXPECT_EQ(doc.at("tactics"), nlohmann::json::array({"smear_campaign", "legal_abuse"}));
    EXPECT_EQ(doc.at("case"), "A");
    ASSERT_EQ(doc.at("revisions").size(), 2u);
    EXPECT_NE(doc.at("revisions")[0].at("sha256"), doc.at("revisions")[1].at("sha256"));

    // --case moves the report; an empty --case removes it from its case.
    ASSERT_EQ(unlocked({"report", "edit", std::to_string(id), "--case", "B"}).exit_code, 0);
    EXPECT_EQ(show_json(id).at("case"), "B");
    ASSERT_EQ(unlocked({"report", "edit", std::to_string(id), "--case", ""}).exit_code, 0);
    EXPECT_TRUE(show_json(id).at("case").is_null());
}

TEST_F(CliReportTest, FinalizeThenEditIsRefused) {
    const auto id = add_report({"--title", "To be final"});
    const auto f = unlocked({"report", "finalize", std::to_string(id)});
    ASSERT_EQ(f.exit_code, 0) << f.err;
    EXPECT_EQ(show_json(id).at("status"), "final");

    const auto e = unlocked({"report", "edit", std::to_string(id), "--title", "Changed"});
    EXPECT_EQ(e.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(e.err)) << e.err;
    const auto doc = show_json(id);
    EXPECT_EQ(doc.at("title"), "To be final");
    EXPECT_EQ(doc.at("revisions").size(), 1u);
    EXPECT_EQ(unlocked({"report", "finalize", std::to_string(id)}).exit_code, 1);
}

TEST_F(CliReportTest, UnknownTacticIsRefusedWithTheValidCodes) {
    const auto r = unlocked({"report", "add", "--title", "T", "--tactic", "harrasment"});
    EXPECT_TRUE(r.exit_code == 2 || r.exit_code == 1) << r.exit_code;
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_NE(r.err.find("harassment"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("coercion_by_proxy"), std::string::npos) << r.err;
    EXPECT_TRUE(list_json().at("reports").empty());
    for (const auto& bad : std::vector<std::vector<std::string>> {std::vector<std::string>{"--channel", "pigeon"},
                                               {"--demand", "nothing"},
                                               {"--impact", "none"},
                                               {"--risk", "extreme"},
                                               {"--precision", "roughly"},
                                               {"--sensitive", "everything"},
                                               {"--perpetrator", "aliens:Bob"},
                                               {"--identifier", "fax:123"},
                                               {"--identifier", "no-colon"}}) {
        std::vector<std::string> args{"report", "add", "--title", "T"};
        args.insert(args.end(), bad.begin(), bad.end());
        const auto b = unlocked(args);
        EXPECT_TRUE(b.exit_code == 2 || b.exit_code == 1) << bad[0] << " " << bad[1];
    }
    EXPECT_TRUE(list_json().at("reports").empty());
}

TEST_F(CliReportTest, InvalidUtf8IsRefusedAndNothingStored) {
    const std::string bad = "bad \xc3\x28 text";
    for (const auto& args : std::vector<std::vector<std::string>> {std::vector<std::string>{"--title", bad},
                                                {"--title", "ok", "--narrative", bad},
                                                {"--title", "ok", "--case", bad},
                                                {"--title", "ok", "--location", bad},
                                                {"--title", "ok", "--relative", "mother:" + bad}}) {
        std::vector<std::string> full{"report", "add"};
        full.insert(full.end(), args.begin(), args.end());
        const auto r = unlocked(full);
        EXPECT_EQ(r.exit_code, 1) << args[1];
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
        EXPECT_EQ(r.err.find("bad \xc3\x28"), std::string::npos) << "content echoed in the error";
    }
    EXPECT_TRUE(list_json().at("reports").empty());

    const auto id = add_report({"--title", "good"});
    EXPECT_EQ(unlocked({"report", "edit", std::to_string(id), "--title", bad}).exit_code, 1);
    EXPECT_EQ(show_json(id).at("title"), "good");
}

TEST_F(CliReportTest, BadDatesAndEmptyTitlesAreRefused) {
    EXPECT_EQ(unlocked({"report", "add", "--title", "T", "--occurred", "14/03/2026"}).exit_code, 1);
    EXPECT_EQ(unlocked({"report", "add", "--title", "T", "--occurred", "2026-13-01"}).exit_code, 1);
    EXPECT_EQ(unlocked({"report", "add", "--title", "   "}).exit_code, 1);
    EXPECT_EQ(unlocked({"report", "add", "--title", ""}).exit_code, 1);
    EXPECT_TRUE(list_json().at("reports").empty());
}

TEST_F(CliReportTest, NarrativeFromAFile) {
    const std::string narrative = "第一行\nsecond line\n";
    const auto file = write_file("narrative.txt", narrative);
    const auto id = add_report({"--title", "From file", "--narrative-file", file.string()});
    EXPECT_EQ(show_json(id).at("narrative"), narrative);
    const auto missing = unlocked({"report", "add", "--title", "x", "--narrative-file", (files_dir() / "nope").string()});
    EXPECT_EQ(missing.exit_code, 1);
    const auto both = unlocked({"report", "add", "--title", "x", "--narrative", "a", "--narrative-file", file.string()});
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_EQ(list_json().at("reports").size(), 1u);
}

TEST_F(CliReportTest, ListFiltersByCase) {
    const auto a = add_report({"--title", "one", "--case", "Alpha"});
    add_report({"--title", "two", "--case", "Beta"});
    const auto r = unlocked({"report", "list", "--case", "Alpha", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    ASSERT_EQ(doc.at("reports").size(), 1u);
    EXPECT_EQ(doc.at("reports")[0].at("id"), a);
}

TEST_F(CliReportTest, UnknownIdsExitOne) {
    EXPECT_EQ(unlocked({"report", "show", "999"}).exit_code, 1);
    EXPECT_EQ(unlocked({"report", "edit", "999", "--title", "x"}).exit_code, 1);
    EXPECT_EQ(unlocked({"report", "finalize", "999"}).exit_code, 1);
}

TEST_F(CliReportTest, WrongPassphraseStoresNothing) {
    const auto r = cli({"report", "add", "--title", "T"}, "wrong\n");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_TRUE(list_json().at("reports").empty());
}

}  // namespace
}  // namespace fv::test
