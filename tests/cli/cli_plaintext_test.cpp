// A scripted session with marker text in every field and in an attachment,
// then a scan of every file under the vault folder and the child's TMPDIR:
// the marker bytes must appear nowhere (the vault is encrypted, and nothing
// is spilled to temporary files).
#include <algorithm>
#include <fstream>
#include <unistd.h>

#include "cli_fixture.h"

namespace fv::test {
namespace {

const std::string kLatin = "MARKER-LATIN-7f3a";
const std::string kChinese = "标记中文测试";

// Paths of files under `dir` whose bytes contain `needle`.
std::vector<std::string> files_containing(const fs::path& dir, const std::string& needle) {
    std::vector<std::string> hits;
    if (!fs::exists(dir)) return hits;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const auto bytes = read_file(entry.path());
        if (std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end()) != bytes.end())
            hits.push_back(entry.path().string());
    }
    return hits;
}

TEST(CliPlaintextScan, TheScannerFindsAMarkerWhenOneIsThere) {
    // Positive control: the scan below would notice a leak.
    const auto dir = fs::temp_directory_path() / ("fv-scan-control-" + std::to_string(::getpid()));
    fs::create_directories(dir / "sub");
    {
        std::ofstream(dir / "sub" / "f.bin", std::ios::binary) << "xx" << kChinese << "yy";
    }
    EXPECT_EQ(files_containing(dir, kChinese).size(), 1u);
    EXPECT_TRUE(files_containing(dir, kLatin).empty());
    fs::remove_all(dir);
}

TEST_F(CliTest, NoPlaintextOnDiskAfterAFullSession) {
    const auto m = kLatin + " " + kChinese;
    ASSERT_EQ(cli({"init", "--name", "name " + m}, std::string(kPass) + "\n").exit_code, 0);

    // Sources and outputs live outside the scanned folders, as a user's own files would.
    const auto evidence = write_file("evidence " + kLatin + ".txt", "evidence bytes " + m + " end");
    const auto narrative_file = write_file("narrative.txt", "narrative from file " + m);
    const auto id = add_report({"--title", "title " + m, "--case", "case " + m, "--occurred", "2026-03-14",
                                "--location", "place " + m, "--host-country", "hc " + m, "--city", "city " + m,
                                "--origin-country", "oc " + m, "--tactic", "harassment", "--channel", "wechat",
                                "--identifier", "wechat:id-" + m, "--perpetrator", "police:names " + m,
                                "--demand", "return_home", "--demands-detail", "dd " + m, "--relative",
                                "rel " + m + ":what " + m, "--narrative-file", narrative_file.string(),
                                "--language", "lang " + m, "--translation", "translation " + m,
                                "--translation-language", "tl " + m, "--translator", "translator " + m,
                                "--witness", "witness " + m + ":statement " + m, "--impact", "psychological",
                                "--impact-detail", "impact " + m, "--reported-to", "auth " + m + ":ref " + m,
                                "--risk", "high", "--sensitive", "relatives", "--attach", evidence.string()});
    ASSERT_GT(id, 0);
    ASSERT_EQ(unlocked({"report", "edit", std::to_string(id), "--title", "edited " + m, "--narrative",
                        "中国警察找我父母 " + m})
                  .exit_code,
              0);
    ASSERT_EQ(unlocked({"attach", std::to_string(id), evidence.string()}).exit_code, 0);
    const auto second = add_report({"--title", "second " + m, "--narrative", m});

    // Reading everything back proves it went in (and exercises the read paths).
    const auto show = unlocked({"report", "show", std::to_string(id), "--json"});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const auto doc = nlohmann::json::parse(show.out);
    EXPECT_EQ(doc.at("title"), "edited " + m);
    EXPECT_EQ(doc.at("witnesses")[0].at("statement"), "statement " + m);
    EXPECT_EQ(doc.at("attachments").size(), 2u);
    const auto search_latin = unlocked({"search", kLatin, "--json"});
    ASSERT_EQ(search_latin.exit_code, 0) << search_latin.err;
    EXPECT_EQ(nlohmann::json::parse(search_latin.out).at("reports").size(), 2u);
    const auto search_chinese = unlocked({"search", kChinese, "--json"});
    ASSERT_EQ(search_chinese.exit_code, 0) << search_chinese.err;
    EXPECT_EQ(nlohmann::json::parse(search_chinese.out).at("reports").size(), 2u);
    ASSERT_EQ(unlocked({"report", "list", "--case", "case " + m}).exit_code, 0);
    ASSERT_EQ(unlocked({"report", "show", std::to_string(second)}).exit_code, 0);
    ASSERT_EQ(unlocked({"identity", "--json"}).exit_code, 0);
    ASSERT_EQ(unlocked({"log", "--json"}).exit_code, 0);
    ASSERT_EQ(unlocked({"log", "verify"}).exit_code, 0);
    const auto out = files_dir() / "extracted.txt";
    const auto attachment_id = doc.at("attachments")[0].at("id").get<std::int64_t>();
    ASSERT_EQ(unlocked({"attachment", "get", std::to_string(attachment_id), "--out", out.string()}).exit_code, 0);
    EXPECT_EQ(read_file(out), read_file(evidence));
    ASSERT_EQ(unlocked({"report", "finalize", std::to_string(id)}).exit_code, 0);
    ASSERT_EQ(cli({"passwd"}, std::string(kPass) + "\nsecond passphrase\n").exit_code, 0);

    // The scan is not vacuous: the vault holds data.
    std::uintmax_t vault_bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(vault_dir()))
        if (entry.is_regular_file()) vault_bytes += entry.file_size();
    EXPECT_GT(vault_bytes, 4096u);

    for (const auto& marker : {kLatin, kChinese, std::string("evidence bytes"), std::string("中国警察")}) {
        EXPECT_EQ(files_containing(vault_dir(), marker), std::vector<std::string>{}) << marker;
        EXPECT_EQ(files_containing(tmp_dir(), marker), std::vector<std::string>{}) << marker;
    }
    // Nor are the passphrases written anywhere.
    EXPECT_EQ(files_containing(vault_dir(), kPass), std::vector<std::string>{});
    EXPECT_EQ(files_containing(vault_dir(), "second passphrase"), std::vector<std::string>{});
}

}  // namespace
}  // namespace fv::test
