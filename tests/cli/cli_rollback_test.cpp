// The rollback attack of issue 12, through the CLI: copy vault.db aside, add a
// report with an attachment, put the old vault.db back. The vault is refused
// (exit 5) with nothing deleted; accept-rollback opens it on the person's word.
#include <fstream>

#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliRollbackTest : public CliTest {
protected:
    std::map<std::string, std::string> blob_files() const {
        std::map<std::string, std::string> files;
        for (const auto& [path, bytes] : vault_snapshot()) {
            const auto name = fs::relative(path, vault_dir()).string();
            if (name.rfind("blobs/", 0) == 0) files[name] = bytes;
        }
        return files;
    }
    // The state of issue 12's report: returns the newer database's bytes.
    std::string put_back_an_older_database() {
        init_vault();
        add_report({"--title", "first"});
        const auto old_db = read_file(vault_dir() / "vault.db");
        const auto evidence = write_file("newer.txt", "evidence that came later");
        add_report({"--title", "second", "--attach", evidence.string()});
        EXPECT_EQ(blob_files().size(), 1u);
        const auto new_db = read_file(vault_dir() / "vault.db");
        std::ofstream(vault_dir() / "vault.db", std::ios::binary | std::ios::trunc) << old_db;
        return new_db;
    }
};

TEST_F(CliRollbackTest, UnlockCheckShowsTheLastEntry) {
    init_vault();
    add_report({"--title", "first"});
    const auto text = unlocked({"unlock-check"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("Last entry #2 at "), std::string::npos) << text.out;
    const auto json = unlocked({"unlock-check", "--json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["unlocked"], true);
    EXPECT_EQ(doc["last_entry"], 2);
    EXPECT_TRUE(doc["last_entry_at"].is_string());
    EXPECT_EQ(doc["rollback_accepted"], false);
}

TEST_F(CliRollbackTest, AnOlderDatabaseIsRefusedWithExitFiveAndNothingIsDeleted) {
    put_back_an_older_database();
    const auto before = vault_snapshot();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"unlock-check"}, {"report", "list"}, {"log", "verify"}}) {
        const auto r = unlocked(args);
        EXPECT_EQ(r.exit_code, 5) << args[0] << ": " << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
        EXPECT_NE(r.err.find("older than its last recorded state"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("Entry #4 was recorded at 20"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("stops before entry #4"), std::string::npos) << r.err;
    }
    EXPECT_EQ(vault_snapshot(), before);  // the newer attachment file is still there, untouched
    EXPECT_EQ(blob_files().size(), 1u);
}

TEST_F(CliRollbackTest, AcceptRollbackOpensRecordsTheChoiceAndKeepsTheNewerFile) {
    put_back_an_older_database();
    const auto blobs = blob_files();
    const auto r = unlocked({"accept-rollback"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("entries up to #4"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("1 attachment file(s)"), std::string::npos) << r.err;
    EXPECT_TRUE(blob_files().empty());
    std::size_t quarantined = 0;
    for (const auto& [path, bytes] : vault_snapshot()) {
        if (fs::relative(path, vault_dir()).string().rfind("quarantine/", 0) == 0) {
            ++quarantined;
            EXPECT_EQ(bytes, blobs.begin()->second);
        }
    }
    EXPECT_EQ(quarantined, 1u);

    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
    EXPECT_EQ(unlocked({"log", "verify"}).exit_code, 0);
    const auto log = unlocked({"log", "--json"});
    ASSERT_EQ(log.exit_code, 0) << log.err;
    EXPECT_NE(log.out.find("accept_rollback"), std::string::npos) << log.out;
    // Nothing more to accept now.
    const auto again = unlocked({"accept-rollback"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("Nothing to accept"), std::string::npos) << again.out;
}

TEST_F(CliRollbackTest, PuttingTheNewerDatabaseBackOpensAsBefore) {
    const auto new_db = put_back_an_older_database();
    ASSERT_EQ(unlocked({"unlock-check"}).exit_code, 5);
    std::ofstream(vault_dir() / "vault.db", std::ios::binary | std::ios::trunc) << new_db;
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
    const auto list = list_json();
    EXPECT_EQ(list.at("reports").size(), 2u);
}

TEST_F(CliRollbackTest, AWrongPassphraseStillSaysWrongPassphrase) {
    put_back_an_older_database();
    EXPECT_EQ(cli({"unlock-check"}, "not the passphrase\n").exit_code, 3);
}

}  // namespace
}  // namespace fv::test
