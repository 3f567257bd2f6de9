// search (Latin and Chinese), log, log verify.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliSearchLogTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
};

std::vector<std::int64_t> ids_of(const nlohmann::json& doc) {
    std::vector<std::int64_t> ids;
    for (const auto& r : doc.at("reports")) ids.push_back(r.at("id").get<std::int64_t>());
    return ids;
}

TEST_F(CliSearchLogTest, SearchFindsLatinAndChineseText) {
    const auto chinese = add_report({"--title", "家人", "--narrative", "中国警察找我父母"});
    const auto latin = add_report({"--title", "Embassy meeting", "--narrative", "They asked me to attend a meeting"});
    add_report({"--title", "Unrelated", "--narrative", "nothing here"});

    const auto c = unlocked({"search", "警察", "--json"});
    ASSERT_EQ(c.exit_code, 0) << c.err;
    EXPECT_EQ(ids_of(nlohmann::json::parse(c.out)), std::vector<std::int64_t>{chinese});

    const auto l = unlocked({"search", "meeting", "--json"});
    ASSERT_EQ(l.exit_code, 0) << l.err;
    const auto doc = nlohmann::json::parse(l.out);
    EXPECT_EQ(ids_of(doc), std::vector<std::int64_t>{latin});
    EXPECT_EQ(doc.at("reports")[0].at("title"), "Embassy meeting");

    const auto none = unlocked({"search", "xylophone", "--json"});
    ASSERT_EQ(none.exit_code, 0) << none.err;
    EXPECT_TRUE(nlohmann::json::parse(none.out).at("reports").empty());

    const auto table = unlocked({"search", "警察"});
    EXPECT_NE(table.out.find("家人"), std::string::npos);
    EXPECT_EQ(table.out.find("Unrelated"), std::string::npos);

    EXPECT_EQ(unlocked({"search", "bad \xff"}).exit_code, 1);
}

TEST_F(CliSearchLogTest, LogListsEveryActionInAChain) {
    const auto id = add_report({"--title", "T"});
    ASSERT_EQ(unlocked({"report", "edit", std::to_string(id), "--title", "U"}).exit_code, 0);
    ASSERT_EQ(unlocked({"report", "finalize", std::to_string(id)}).exit_code, 0);

    const auto r = unlocked({"log", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto entries = nlohmann::json::parse(r.out).at("entries");
    ASSERT_EQ(entries.size(), 4u);
    const std::vector<std::string> actions{"create_vault", "report_create", "report_edit", "report_finalize"};
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        EXPECT_EQ(e.at("seq"), i + 1);
        EXPECT_EQ(e.at("action"), actions[i]);
        for (const char* key : {"at", "subject", "detail", "prev_hash", "hash"}) EXPECT_TRUE(e.contains(key)) << key;
        if (i > 0) {
            EXPECT_EQ(e.at("prev_hash"), entries[i - 1].at("hash"));
        }
    }
    EXPECT_EQ(entries[0].at("prev_hash"), std::string(64, '0'));
    // Titles are content: the log must not carry them.
    EXPECT_EQ(r.out.find("\"U\""), std::string::npos);

    const auto table = unlocked({"log"});
    ASSERT_EQ(table.exit_code, 0);
    EXPECT_NE(table.out.find("report_finalize"), std::string::npos);
}

TEST_F(CliSearchLogTest, LogVerifyCountsEntries) {
    add_report({"--title", "T"});
    const auto r = unlocked({"log", "verify"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto count = nlohmann::json::parse(unlocked({"log", "--json"}).out).at("entries").size();
    EXPECT_EQ(r.out, "audit log verified: " + std::to_string(count) + " entries\n");
    EXPECT_EQ(cli({"log", "verify"}, "wrong\n").exit_code, 3);
}

}  // namespace
}  // namespace fv::test
