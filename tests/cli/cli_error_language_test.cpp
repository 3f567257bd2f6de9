// Issue 14: when something goes wrong, the person reads it in their language.
// Core's own messages, storage's (a wrong passphrase) and crypto's (a refused
// bundle) come out in Chinese with --language zh_CN / zh_TW, with the same
// exit codes; English is unchanged; the report table's status is a label.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_fixture.h"

namespace fv::test {
namespace {

// One line, as is_one_error_line() checks in English: "fieldvault-cli: 错误: ...".
bool is_one_chinese_error_line(const std::string& err, const char* error_word) {
    const std::string prefix = std::string("fieldvault-cli: ") + error_word + ": ";
    return err.rfind(prefix, 0) == 0 && err.size() > prefix.size() + 1 && err.back() == '\n' &&
           err.find('\n') == err.size() - 1;
}

class CliErrorLanguageTest : public CliTest {
protected:
    fs::path b_dir() const { return base() / "vault-b"; }
    CliResult cli_b(const std::vector<std::string>& args, const std::string& input = std::string(kPass) + "\n") const {
        std::vector<std::string> full{"--vault", b_dir().string()};
        full.insert(full.end(), args.begin(), args.end());
        return run_cli(full, input, {{"TMPDIR", tmp_dir().string()}});
    }
    // A bundle from this vault to vault B, as its bytes.
    std::string bundle_for_b() {
        init_vault();
        EXPECT_EQ(cli_b({"init"}, std::string(kPass) + "\n" + kPass + "\n").exit_code, 0);
        const auto card = nlohmann::json::parse(cli_b({"identity", "--json"}).out).at("card").get<std::string>();
        EXPECT_EQ(unlocked({"contact", "add", "org-b", card}).exit_code, 0);
        const auto id = add_report({"--title", "约谈记录", "--narrative", "他们打电话给我父母"});
        const auto out = files_dir() / "to-b.fvb";
        const auto r = unlocked({"export", "--to", "org-b", "--report", std::to_string(id), "--out", out.string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return read_file(out);
    }
};

TEST_F(CliErrorLanguageTest, AWrongPassphraseIsSaidInThePersonsLanguage) {
    init_vault();
    const auto zh_cn = cli({"--language", "zh_CN", "report", "list"}, "not the passphrase\n");
    EXPECT_EQ(zh_cn.exit_code, 3);
    EXPECT_TRUE(is_one_chinese_error_line(zh_cn.err, "错误")) << zh_cn.err;
    EXPECT_NE(zh_cn.err.find("密码短语不对"), std::string::npos) << zh_cn.err;
    EXPECT_EQ(zh_cn.err.find("wrong passphrase"), std::string::npos) << zh_cn.err;

    const auto zh_tw = cli({"--language", "zh_TW", "report", "list"}, "not the passphrase\n");
    EXPECT_EQ(zh_tw.exit_code, 3);
    EXPECT_NE(zh_tw.err.find("密碼短語不對"), std::string::npos) << zh_tw.err;

    const auto en = cli({"--language", "en", "report", "list"}, "not the passphrase\n");
    EXPECT_EQ(en.exit_code, 3);
    EXPECT_EQ(en.err, "fieldvault-cli: error: wrong passphrase\n");
}

TEST_F(CliErrorLanguageTest, CoresOwnRefusalsAreInThePersonsLanguage) {
    // Too short a passphrase at init: the strength hint, in Chinese.
    const auto init = cli({"--language", "zh_CN", "init"}, "short\nshort\n");
    EXPECT_NE(init.exit_code, 0);
    EXPECT_NE(init.err.find("太短了"), std::string::npos) << init.err;
    EXPECT_FALSE(fs::exists(vault_dir() / "vault.db")) << "a vault was made with a refused passphrase";

    init_vault();
    const auto empty_title = unlocked({"--language", "zh_CN", "report", "add", "--title", " "});
    EXPECT_EQ(empty_title.exit_code, 1);
    EXPECT_NE(empty_title.err.find("标题：不能为空"), std::string::npos) << empty_title.err;
    const auto missing = unlocked({"--language", "zh_TW", "report", "show", "404"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("沒有編號為 404 的報告"), std::string::npos) << missing.err;
    const auto english = unlocked({"--language", "en", "report", "show", "404"});
    EXPECT_EQ(english.err, "fieldvault-cli: error: no report with id 404\n");
}

TEST_F(CliErrorLanguageTest, ATamperedBundleIsRefusedInThePersonsLanguage) {
    auto bytes = bundle_for_b();
    ASSERT_GT(bytes.size(), 200u);
    bytes[bytes.size() - 5] = static_cast<char>(bytes[bytes.size() - 5] ^ 0x40);  // inside the last chunk
    const auto file = write_file("tampered.fvb", bytes);
    for (const char* command : {"verify", "import"}) {
        const auto zh = cli_b({"--language", "zh_CN", command, file.string()});
        EXPECT_EQ(zh.exit_code, 4) << command;
        EXPECT_TRUE(is_one_chinese_error_line(zh.err, "错误")) << zh.err;
        EXPECT_NE(zh.err.find("加密包的内容被改动过或被截断，已拒收"), std::string::npos) << command << ": " << zh.err;
        EXPECT_EQ(zh.err.find("content tampered or truncated"), std::string::npos) << zh.err;
        const auto en = cli_b({"--language", "en", command, file.string()});
        EXPECT_EQ(en.exit_code, 4);
        EXPECT_NE(en.err.find("content tampered or truncated: "), std::string::npos) << command << ": " << en.err;
    }
    // Not a bundle at all.
    const auto junk = write_file("junk.fvb", std::string(300, 'x'));
    const auto zh = cli_b({"--language", "zh_TW", "import", junk.string()});
    EXPECT_EQ(zh.exit_code, 4);
    EXPECT_NE(zh.err.find("這不是加密包，已拒收"), std::string::npos) << zh.err;
}

TEST_F(CliErrorLanguageTest, AnOlderDatabaseIsRefusedInThePersonsLanguage) {
    init_vault();
    const auto old_db = read_file(vault_dir() / "vault.db");
    add_report({"--title", "Written after the copy"});
    {
        std::ofstream out(vault_dir() / "vault.db", std::ios::binary | std::ios::trunc);
        out << old_db;
    }
    const auto zh = unlocked({"--language", "zh_CN", "report", "list"});
    EXPECT_EQ(zh.exit_code, 5);
    EXPECT_TRUE(is_one_chinese_error_line(zh.err, "错误")) << zh.err;
    EXPECT_NE(zh.err.find("比它最后记录的状态旧"), std::string::npos) << zh.err;
    EXPECT_NE(zh.err.find("什么都没有被修改或删除。第 "), std::string::npos) << zh.err;  // and when the newest entry was
    const auto en = unlocked({"--language", "en", "report", "list"});
    EXPECT_EQ(en.exit_code, 5);
    EXPECT_NE(en.err.find("older than its last recorded state"), std::string::npos) << en.err;
}

TEST_F(CliErrorLanguageTest, TheReportTableShowsTheStatusAsALabel) {
    init_vault();
    const auto draft = add_report({"--title", "Draft one"});
    const auto done = add_report({"--title", "Final one"});
    ASSERT_EQ(unlocked({"report", "finalize", std::to_string(done)}).exit_code, 0);
    const auto en = unlocked({"--language", "en", "report", "list"});
    ASSERT_EQ(en.exit_code, 0) << en.err;
    EXPECT_NE(en.out.find("Draft   "), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("Final   "), std::string::npos) << en.out;
    const auto zh = unlocked({"--language", "zh_CN", "report", "list"});
    ASSERT_EQ(zh.exit_code, 0) << zh.err;
    EXPECT_NE(zh.out.find("草稿"), std::string::npos) << zh.out;
    EXPECT_NE(zh.out.find("定稿"), std::string::npos) << zh.out;
    EXPECT_EQ(zh.out.find(" draft "), std::string::npos) << zh.out;
    const auto detail = unlocked({"--language", "zh_TW", "report", "show", std::to_string(done)});
    EXPECT_NE(detail.out.find("定稿"), std::string::npos) << detail.out;
    // The codes stay in --json.
    const auto doc = list_json();
    for (const auto& r : doc.at("reports"))
        EXPECT_EQ(r.at("status"), r.at("id") == draft ? "draft" : "final");
}

// A mistyped command line (CLI11's own errors) in plain words and the
// person's language, naming the option or value; exit 2, one line.
TEST_F(CliErrorLanguageTest, AMistypedCommandLineIsSaidInThePersonsLanguage) {
    init_vault();
    struct Case {
        std::vector<std::string> args;
        const char* english;
        const char* chinese;
    };
    const std::vector<Case> cases{
        {{"report", "add"}, "--title is needed (see --help)", "需要 --title"},
        {{"report", "show", "abc"}, "id: \"abc\" is not a value it takes", "不接受“abc”这个值"},
        {{"report", "show", "1", "2"}, "not expected here: 2", "这里不应有：2"},
        {{"report", "add", "--title", "t", "--narrative", "x", "--narrative-file", "y"},
         "--narrative and --narrative-file cannot be used together", "不能同时使用"},
        {{"report"}, "a command is needed", "需要一个命令"},
        {{"repport", "list"}, "there is no command \"repport\"", "没有“repport”这个命令"},
        {{"report", "list", "--case"}, "--case needs a value after it", "--case 后面需要一个值"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> en{"--language", "en"}, zh{"--language", "zh_CN"};
        en.insert(en.end(), c.args.begin(), c.args.end());
        zh.insert(zh.end(), c.args.begin(), c.args.end());
        const auto r_en = run_cli(en, "");
        EXPECT_EQ(r_en.exit_code, 2) << c.english;
        EXPECT_TRUE(is_one_error_line(r_en.err)) << r_en.err;
        EXPECT_NE(r_en.err.find(c.english), std::string::npos) << r_en.err;
        const auto r_zh = run_cli(zh, "");
        EXPECT_EQ(r_zh.exit_code, 2) << c.chinese;
        EXPECT_TRUE(is_one_chinese_error_line(r_zh.err, "错误")) << r_zh.err;
        EXPECT_NE(r_zh.err.find(c.chinese), std::string::npos) << r_zh.err;
    }
}

}  // namespace
}  // namespace fv::test
