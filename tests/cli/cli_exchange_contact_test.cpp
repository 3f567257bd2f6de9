// contact add / list / verify / remove through the binary, with exit codes.
#include "cli_fixture.h"
#include "fieldvault/crypto/identity.h"

namespace fv::test {
namespace {

class CliContactTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
};

TEST_F(CliContactTest, AddListVerifyRemove) {
    const auto other = crypto::IdentityKeys::generate();
    const auto add = unlocked({"contact", "add", "Org 人权", other.pub.card()});
    ASSERT_EQ(add.exit_code, 0) << add.err;
    EXPECT_NE(add.out.find(other.pub.fingerprint()), std::string::npos);
    // The suggested command can be pasted as it is: a name with a space is quoted.
    EXPECT_NE(add.out.find("fieldvault-cli contact verify 'Org 人权'\n"), std::string::npos) << add.out;

    auto list = unlocked({"contact", "list", "--json"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    auto doc = nlohmann::json::parse(list.out);
    ASSERT_EQ(doc.at("contacts").size(), 1u);
    EXPECT_EQ(doc["contacts"][0].at("name"), "Org 人权");
    EXPECT_EQ(doc["contacts"][0].at("fingerprint"), other.pub.fingerprint());
    EXPECT_EQ(doc["contacts"][0].at("verified"), false);

    // Not a terminal and no --yes: refused as usage, nothing changes.
    const auto refused = unlocked({"contact", "verify", "Org 人权"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(is_one_error_line(refused.err)) << refused.err;
    EXPECT_EQ(nlohmann::json::parse(unlocked({"contact", "list", "--json"}).out)["contacts"][0]["verified"], false);

    const auto verify = unlocked({"contact", "verify", "Org 人权", "--yes"});
    ASSERT_EQ(verify.exit_code, 0) << verify.err;
    EXPECT_NE(verify.out.find(other.pub.fingerprint()), std::string::npos);
    EXPECT_NE(verify.out.find("Your fingerprint:"), std::string::npos);
    doc = nlohmann::json::parse(unlocked({"contact", "list", "--json"}).out);
    EXPECT_EQ(doc["contacts"][0].at("verified"), true);

    const auto text = unlocked({"contact", "list"});
    EXPECT_NE(text.out.find("verified"), std::string::npos);

    ASSERT_EQ(unlocked({"contact", "remove", "Org 人权"}).exit_code, 0);
    doc = nlohmann::json::parse(unlocked({"contact", "list", "--json"}).out);
    EXPECT_TRUE(doc.at("contacts").empty());
}

TEST_F(CliContactTest, BadCardDuplicateAndUnknownNameExitOne) {
    const auto card = crypto::IdentityKeys::generate().pub.card();
    auto typo = card;
    typo[12] = typo[12] == 'a' ? 'b' : 'a';
    const auto bad = unlocked({"contact", "add", "x", typo});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(bad.err)) << bad.err;

    ASSERT_EQ(unlocked({"contact", "add", "x", card}).exit_code, 0);
    const auto dup = unlocked({"contact", "add", "x", crypto::IdentityKeys::generate().pub.card()});
    EXPECT_EQ(dup.exit_code, 1);
    EXPECT_NE(dup.err.find("already exists"), std::string::npos) << dup.err;

    EXPECT_EQ(unlocked({"contact", "verify", "nobody", "--yes"}).exit_code, 1);
    EXPECT_EQ(unlocked({"contact", "remove", "nobody"}).exit_code, 1);
    EXPECT_EQ(cli({"contact", "list"}, "wrong passphrase\n").exit_code, 3);
    EXPECT_EQ(unlocked({"contact", "add", "only-name"}).exit_code, 2);
}

}  // namespace
}  // namespace fv::test
