// init, unlock-check, passwd, recover, identity, --passphrase-file.
#include <algorithm>
#include <cctype>
#include <fstream>

#include "cli_fixture.h"

namespace fv::test {
namespace {

std::size_t count_digits(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; }));
}

TEST_F(CliTest, InitPrintsFingerprintAndRecoveryKeyOnce) {
    const auto r = cli({"init", "--name", "Ana"}, std::string(kPass) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto fingerprint = line_after(r.out, "Identity fingerprint: ");
    const auto key = line_after(r.out, "Recovery key: ");
    EXPECT_EQ(count_digits(fingerprint), 30u) << fingerprint;
    EXPECT_EQ(key.rfind("FVRK-", 0), 0u) << key;
    EXPECT_NE(r.out.find("Write the recovery key down"), std::string::npos);
    EXPECT_EQ(r.out.find(kPass), std::string::npos);
    EXPECT_EQ(r.err.find(kPass), std::string::npos);
    // The key is not kept anywhere the CLI can show it again.
    const auto identity = unlocked({"identity"});
    ASSERT_EQ(identity.exit_code, 0) << identity.err;
    EXPECT_EQ(identity.out.find(key), std::string::npos);
}

TEST_F(CliTest, InitRefusesAnExistingVaultAndLeavesItAlone) {
    init_vault();
    const auto before = vault_snapshot();
    const auto r = cli({"init"}, "another passphrase\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_EQ(vault_snapshot(), before);
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
}

TEST_F(CliTest, InitRefusesAnEmptyPassphrase) {
    for (const std::string input : {"\n", "", "\r\n"}) {
        const auto r = cli({"init"}, input);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_NE(r.err.find("passphrase must not be empty"), std::string::npos) << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    }
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 1);  // no vault was made
}

TEST_F(CliTest, UnlockCheckRightPassphraseExitsZero) {
    init_vault();
    const auto r = unlocked({"unlock-check"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(CliTest, UnlockCheckWrongPassphraseExitsThreeAndChangesNothing) {
    init_vault();
    const auto before = vault_snapshot();
    ASSERT_FALSE(before.empty());
    for (const std::string wrong : {"not-the-one 7c1e\n", "correct horse battery stapl\n", "\n"}) {
        const auto r = cli({"unlock-check"}, wrong);
        EXPECT_EQ(r.exit_code, 3) << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
        EXPECT_EQ(r.err.find("7c1e"), std::string::npos) << "the passphrase was echoed";
        EXPECT_EQ(r.err.find("stapl"), std::string::npos) << "the passphrase was echoed";
    }
    EXPECT_EQ(vault_snapshot(), before);
}

TEST_F(CliTest, OnlyTheFirstLineOfStdinIsThePassphrase) {
    init_vault();
    EXPECT_EQ(cli({"unlock-check"}, std::string(kPass) + "\nsomething else\n").exit_code, 0);
    EXPECT_EQ(cli({"unlock-check"}, std::string(kPass) + "\r\n").exit_code, 0);
    EXPECT_EQ(cli({"unlock-check"}, kPass).exit_code, 0);  // no newline at the end
    EXPECT_EQ(cli({"unlock-check"}, std::string(kPass) + " \n").exit_code, 3);  // spaces are kept
}

TEST_F(CliTest, PassphraseFileWorks) {
    init_vault();
    const auto good = write_file("pass.txt", std::string(kPass) + "\r\n");
    const auto bad = write_file("bad.txt", "nope\n");
    EXPECT_EQ(cli({"--passphrase-file", good.string(), "unlock-check"}).exit_code, 0);
    EXPECT_EQ(cli({"unlock-check", "--passphrase-file", good.string()}).exit_code, 0);
    EXPECT_EQ(cli({"--passphrase-file", bad.string(), "unlock-check"}).exit_code, 3);
    EXPECT_EQ(cli({"--passphrase-file", (files_dir() / "missing").string(), "unlock-check"}).exit_code, 1);
}

TEST_F(CliTest, PasswdReplacesThePassphrase) {
    init_vault();
    const auto r = cli({"passwd"}, std::string(kPass) + "\nnew passphrase 新\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(cli({"unlock-check"}, std::string(kPass) + "\n").exit_code, 3);
    EXPECT_EQ(cli({"unlock-check"}, "new passphrase 新\n").exit_code, 0);
}

TEST_F(CliTest, PasswdWithAWrongOldPassphraseExitsThree) {
    init_vault();
    const auto r = cli({"passwd"}, "not it\nnew passphrase\n");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
    EXPECT_EQ(cli({"unlock-check"}, "new passphrase\n").exit_code, 3);
}

TEST_F(CliTest, PasswdRefusesAnEmptyNewPassphrase) {
    init_vault();
    for (const auto& input : {std::string(kPass) + "\n\n", std::string(kPass) + "\n"}) {
        const auto r = cli({"passwd"}, input);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_NE(r.err.find("passphrase must not be empty"), std::string::npos) << r.err;
    }
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
}

// Issue 12, item 6: the CLI applies the GUI's rule (core enforces it for both):
// a new passphrase needs at least 8 characters, counted as characters, not bytes.
TEST_F(CliTest, InitPasswdAndRecoverRefuseAShortPassphrase) {
    const auto refused = cli({"init"}, "seven77\n");
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("at least 8 characters"), std::string::npos) << refused.err;
    EXPECT_TRUE(is_one_error_line(refused.err)) << refused.err;
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 1);  // no vault was made

    const auto created = init_vault();
    const auto passwd = cli({"passwd"}, std::string(kPass) + "\n短密码\n");  // 3 characters, 9 bytes
    EXPECT_EQ(passwd.exit_code, 1);
    EXPECT_NE(passwd.err.find("at least 8 characters"), std::string::npos) << passwd.err;
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);  // the old passphrase still opens it

    const auto recover = cli({"recover", "--recovery-key", created.recovery_key}, "short\n");
    EXPECT_EQ(recover.exit_code, 1);
    EXPECT_NE(recover.err.find("at least 8 characters"), std::string::npos) << recover.err;
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
    // Eight characters are enough, also in Chinese.
    EXPECT_EQ(cli({"passwd"}, std::string(kPass) + "\n我的八个字的密码\n").exit_code, 0);
}

TEST_F(CliTest, RecoverWithThePrintedKeySetsANewPassphrase) {
    const auto created = init_vault();
    ASSERT_FALSE(created.recovery_key.empty());
    const auto r = cli({"recover", "--recovery-key", created.recovery_key}, "recovered passphrase\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(cli({"unlock-check"}, "recovered passphrase\n").exit_code, 0);
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 3);
    // The recovery key keeps working after use.
    EXPECT_EQ(cli({"recover", "--recovery-key", created.recovery_key}, "third one\n").exit_code, 0);
}

// After a recovery the CLI suggests rekey; rekey prints a new recovery key
// once, keeps the passphrase and the reports, and the old recovery key and an
// old copy of vault.key then open nothing.
TEST_F(CliTest, RecoverSuggestsRekeyWhichReplacesTheOldKeys) {
    const auto created = init_vault();
    const auto id = add_report({"--title", "钥匙 before rekey"});
    const auto old_key_file = read_file(vault_dir() / "vault.key");
    const auto recovered = cli({"recover", "--recovery-key", created.recovery_key}, std::string(kPass) + "\n");
    ASSERT_EQ(recovered.exit_code, 0) << recovered.err;
    EXPECT_NE(recovered.out.find("fieldvault-cli rekey"), std::string::npos) << recovered.out;

    const auto rekeyed = unlocked({"rekey"});
    ASSERT_EQ(rekeyed.exit_code, 0) << rekeyed.err;
    const auto new_key = line_after(rekeyed.out, "New recovery key: ");
    ASSERT_FALSE(new_key.empty()) << rekeyed.out;
    EXPECT_NE(new_key, created.recovery_key);
    EXPECT_EQ(rekeyed.out.find(created.recovery_key), std::string::npos);
    EXPECT_EQ(show_json(id).at("title"), "钥匙 before rekey");  // same passphrase, same reports

    EXPECT_EQ(cli({"recover", "--recovery-key", created.recovery_key}, "another passphrase\n").exit_code, 3);
    EXPECT_EQ(cli({"recover", "--recovery-key", new_key}, std::string(kPass) + "\n").exit_code, 0);
    // The old key header (old passphrase slot, old database key) opens nothing now.
    const auto current_key_file = read_file(vault_dir() / "vault.key");
    for (const char* name : {"vault.key", "vault.key.bak"}) {
        std::ofstream out(vault_dir() / name, std::ios::binary | std::ios::trunc);
        out << old_key_file;
    }
    const auto old_header = unlocked({"unlock-check"});
    // The passphrase still opens the old header, but its database key is gone: exit 4, said plainly.
    EXPECT_EQ(old_header.exit_code, 4) << old_header.err;
    EXPECT_NE(old_header.err.find("does not belong to this key header"), std::string::npos) << old_header.err;
    for (const char* name : {"vault.key", "vault.key.bak"}) {
        std::ofstream out(vault_dir() / name, std::ios::binary | std::ios::trunc);
        out << current_key_file;
    }
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
}

TEST_F(CliTest, RekeyWithAWrongPassphraseExitsThreeAndChangesNothing) {
    init_vault();
    const auto before = vault_snapshot();
    const auto r = cli({"rekey"}, "not the passphrase\n");
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_EQ(r.out.find("recovery key"), std::string::npos);
    EXPECT_EQ(vault_snapshot(), before);
}

TEST_F(CliTest, RecoverRefusesAnEmptyNewPassphrase) {
    const auto created = init_vault();
    const auto r = cli({"recover", "--recovery-key", created.recovery_key}, "\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("passphrase must not be empty"), std::string::npos) << r.err;
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
}

TEST_F(CliTest, RecoverWithAWrongKeyExitsThree) {
    const auto created = init_vault();
    // A well-formed key of another vault.
    const auto other_dir = base() / "other";
    const auto other = run_cli({"--vault", other_dir.string(), "init"}, "another vault passphrase\n", {{"TMPDIR", tmp_dir().string()}});
    ASSERT_EQ(other.exit_code, 0) << other.err;
    const auto other_key = line_after(other.out, "Recovery key: ");
    ASSERT_FALSE(other_key.empty());
    ASSERT_NE(other_key, created.recovery_key);
    const auto before = vault_snapshot();

    auto r = cli({"recover", "--recovery-key", other_key}, "new\n");
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    // A mistyped key (one character changed) fails too.
    auto typo = created.recovery_key;
    typo[typo.size() - 1] = typo.back() == 'A' ? 'B' : 'A';
    EXPECT_EQ(cli({"recover", "--recovery-key", typo}, "new\n").exit_code, 3);
    EXPECT_EQ(cli({"recover", "--recovery-key", "FVRK-0000"}, "new\n").exit_code, 3);
    EXPECT_EQ(cli({"recover", "--recovery-key", ""}, "new\n").exit_code, 3);
    EXPECT_EQ(vault_snapshot(), before);
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
}

TEST_F(CliTest, RecoverReadsTheKeyFromStandardInputBeforeTheNewPassphrase) {
    const auto created = init_vault();
    // Lower case with spaces instead of dashes, as someone might copy it from paper.
    auto typed = created.recovery_key;
    for (auto& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto r = cli({"recover"}, typed + "\nrecovered passphrase\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("the new passphrase is set"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(created.recovery_key.substr(5)), std::string::npos);
    EXPECT_EQ(r.err.find(created.recovery_key.substr(5)), std::string::npos);
    EXPECT_EQ(cli({"unlock-check"}, "recovered passphrase\n").exit_code, 0);
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 3);
}

TEST_F(CliTest, RecoverReadsTheKeyFromThePassphraseFile) {
    const auto created = init_vault();
    const auto file = write_file("recover.txt", created.recovery_key + "\r\nfrom a file\r\n");
    const auto r = cli({"--passphrase-file", file.string(), "recover"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(cli({"unlock-check"}, "from a file\n").exit_code, 0);
    // With --recovery-key the file's first line is the new passphrase, as before.
    const auto second = write_file("second.txt", "second one\n");
    ASSERT_EQ(cli({"--passphrase-file", second.string(), "recover", "--recovery-key", created.recovery_key}).exit_code,
              0);
    EXPECT_EQ(cli({"unlock-check"}, "second one\n").exit_code, 0);
}

TEST_F(CliTest, RecoverWithAWrongKeyOnStandardInputExitsThree) {
    const auto created = init_vault();
    const auto other = run_cli({"--vault", (base() / "other").string(), "init"}, "another vault passphrase\n",
                               {{"TMPDIR", tmp_dir().string()}});
    ASSERT_EQ(other.exit_code, 0) << other.err;
    const auto other_key = line_after(other.out, "Recovery key: ");
    ASSERT_FALSE(other_key.empty());
    ASSERT_NE(other_key, created.recovery_key);
    const auto before = vault_snapshot();
    const auto r = cli({"recover"}, other_key + "\nnew passphrase\n");
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_NE(r.err.find("wrong recovery key"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(other_key.substr(5)), std::string::npos);
    EXPECT_EQ(vault_snapshot(), before);
    EXPECT_EQ(cli({"unlock-check"}, "new passphrase\n").exit_code, 3);
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
}

TEST_F(CliTest, RecoverWithAMalformedKeyOnStandardInputSaysWhatIsWrong) {
    const auto created = init_vault();
    const auto before = vault_snapshot();
    auto typo = created.recovery_key;
    typo[typo.size() - 1] = typo.back() == 'A' ? 'B' : 'A';
    const std::vector<std::pair<std::string, std::string>> cases{
        {"FVRK-0000", "wrong length"},
        {"", "wrong length (0 characters"},
        {typo, "checksum mismatch"},
        {created.recovery_key.substr(0, 10) + "#" + created.recovery_key.substr(11), "character 5 (not counting dashes and spaces) is not a letter or digit"},
    };
    for (const auto& [key, why] : cases) {
        const auto r = cli({"recover"}, key + "\nnew passphrase\n");
        EXPECT_EQ(r.exit_code, 3) << key << ": " << r.err;
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
        EXPECT_NE(r.err.find("invalid recovery key: " + why), std::string::npos) << r.err;
        if (key.size() > 5) {
            EXPECT_EQ(r.err.find(key.substr(5)), std::string::npos) << "the key was echoed";
        }
    }
    EXPECT_EQ(vault_snapshot(), before);
    EXPECT_EQ(unlocked({"unlock-check"}).exit_code, 0);
}

TEST_F(CliTest, RecoverHelpSaysTheKeyOptionIsVisibleToOthers) {
    const auto r = run_cli({"recover", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("--recovery-key"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("other users"), std::string::npos) << r.out;
}

TEST_F(CliTest, IdentityJsonHasCardAndFingerprint) {
    const auto created = init_vault({"--name", "Ana 李"});
    const auto r = unlocked({"identity", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc.at("name"), "Ana 李");
    EXPECT_EQ(doc.at("card").get<std::string>().rfind("fvid1-", 0), 0u);
    EXPECT_EQ(doc.at("fingerprint"), created.fingerprint);
    const auto text = unlocked({"identity"});
    EXPECT_NE(text.out.find(doc.at("card").get<std::string>()), std::string::npos);
    EXPECT_NE(text.out.find(created.fingerprint), std::string::npos);
    EXPECT_EQ(cli({"identity", "--json"}, "wrong\n").exit_code, 3);
}

TEST_F(CliTest, InitRefusesANameThatIsNotUtf8) {
    const auto r = cli({"init", "--name", "bad \xff\xfe name"}, std::string(kPass) + "\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(cli({"unlock-check"}, std::string(kPass) + "\n").exit_code, 1);
}

TEST_F(CliTest, CommandsOnAMissingVaultExitOne) {
    const auto r = unlocked({"report", "list"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_FALSE(fs::exists(vault_dir()));
}

TEST_F(CliTest, VaultComesFromTheEnvironmentWithoutVaultOption) {
    init_vault();
    const auto r = run_cli({"unlock-check"}, std::string(kPass) + "\n",
                           {{"FIELDVAULT_VAULT", vault_dir().string()}, {"TMPDIR", tmp_dir().string()}});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto wrong = run_cli({"unlock-check"}, "wrong\n",
                               {{"FIELDVAULT_VAULT", vault_dir().string()}, {"TMPDIR", tmp_dir().string()}});
    EXPECT_EQ(wrong.exit_code, 3);
}

}  // namespace
}  // namespace fv::test
