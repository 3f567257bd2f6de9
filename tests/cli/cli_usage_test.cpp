// Command-line misuse exits 2 with one error line; --help exits 0.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliUsageTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
};

TEST_F(CliUsageTest, MisuseExitsTwoWithOneErrorLine) {
    const std::vector<std::vector<std::string>> cases{
        {},
        {"frobnicate"},
        {"report"},
        {"report", "add"},                          // --title is required
        {"report", "show"},                         // id is required
        {"report", "show", "abc"},                  // not a number
        {"report", "show", "1", "--bogus"},
        {"report", "list", "extra"},
        {"attach"},
        {"attach", "1"},                            // no files
        {"attachment"},
        {"attachment", "get", "1"},                 // --out is required
        {"recover", "--recovery-key"},              // option without its value
        {"search"},
        {"log", "bogus"},
        {"init", "--name"},                         // option without its value
    };
    for (const auto& args : cases) {
        const auto r = unlocked(args);
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        EXPECT_EQ(r.exit_code, 2) << joined << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << joined << ": " << r.err;
        EXPECT_TRUE(r.out.empty()) << joined;
    }
}

TEST_F(CliUsageTest, UsageErrorsAreReportedBeforeAnyPassphraseIsRead) {
    // Even with a wrong passphrase, a usage error is a usage error.
    const auto r = cli({"report", "show", "abc"}, "wrong\n");
    EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CliUsageTest, HelpExitsZero) {
    const auto r = run_cli({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* command : {"init", "passwd", "unlock-check", "recover", "identity", "report", "attach",
                                "attachment", "search", "log"})
        EXPECT_NE(r.out.find(command), std::string::npos) << command;
    const auto sub = run_cli({"report", "add", "--help"});
    EXPECT_EQ(sub.exit_code, 0);
    EXPECT_NE(sub.out.find("--tactic"), std::string::npos);
    EXPECT_NE(sub.out.find("--attach"), std::string::npos);
}

}  // namespace
}  // namespace fv::test
