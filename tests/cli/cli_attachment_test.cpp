// attach, report add --attach, attachment get.
#include <random>

#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliAttachmentTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
};

std::string binary_bytes(std::size_t size, unsigned seed) {
    std::mt19937 gen(seed);
    std::string bytes(size, '\0');
    for (auto& b : bytes) b = static_cast<char>(gen() & 0xffu);
    return bytes;
}

TEST_F(CliAttachmentTest, AttachAndGetGiveBackTheSameBytes) {
    const auto id = add_report({"--title", "With evidence"});
    const auto bytes = binary_bytes(300 * 1024 + 7, 1);
    const auto source = write_file("photo.jpg", bytes);
    const auto a = unlocked({"attach", std::to_string(id), source.string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const auto attachment_id = std::stoll(a.out);

    const auto doc = show_json(id);
    ASSERT_EQ(doc.at("attachments").size(), 1u);
    const auto& att = doc.at("attachments")[0];
    EXPECT_EQ(att.at("id"), attachment_id);
    EXPECT_EQ(att.at("name"), "photo.jpg");
    EXPECT_EQ(att.at("size"), bytes.size());
    EXPECT_EQ(att.at("sha256"), sha256_hex(bytes));
    EXPECT_TRUE(att.contains("media_type"));
    EXPECT_EQ(list_json().at("reports")[0].at("attachments"), 1);

    const auto out = files_dir() / "out.jpg";
    const auto g = unlocked({"attachment", "get", std::to_string(attachment_id), "--out", out.string()});
    ASSERT_EQ(g.exit_code, 0) << g.err;
    EXPECT_EQ(read_file(out), bytes);
}

TEST_F(CliAttachmentTest, ZeroByteAttachment) {
    const auto id = add_report({"--title", "Empty file"});
    const auto source = write_file("empty.txt", "");
    const auto a = unlocked({"attach", std::to_string(id), source.string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const auto doc = show_json(id);
    const auto& att = doc.at("attachments").at(0);
    EXPECT_EQ(att.at("size"), 0);
    EXPECT_EQ(att.at("sha256"), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const auto out = files_dir() / "empty.out";
    ASSERT_EQ(unlocked({"attachment", "get", std::to_string(att.at("id").get<std::int64_t>()), "--out", out.string()})
                  .exit_code,
              0);
    EXPECT_TRUE(fs::exists(out));
    EXPECT_EQ(fs::file_size(out), 0u);
}

TEST_F(CliAttachmentTest, ReportAddWithAttachmentsStoresAll) {
    const auto one = write_file("one.bin", binary_bytes(1000, 2));
    const auto two = write_file("二.txt", "中文内容");
    const auto id = add_report({"--title", "Two files", "--attach", one.string(), "--attach", two.string()});
    const auto doc = show_json(id);
    ASSERT_EQ(doc.at("attachments").size(), 2u);
    EXPECT_EQ(doc.at("attachments")[1].at("name"), "二.txt");
    EXPECT_EQ(doc.at("attachments")[1].at("sha256"), sha256_hex("中文内容"));
}

TEST_F(CliAttachmentTest, ReportAddWithADirectoryStoresNothing) {
    const auto good = write_file("good.bin", "abc");
    const auto r = unlocked({"report", "add", "--title", "T", "--attach", good.string(), "--attach", files_dir().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_TRUE(list_json().at("reports").empty());
}

TEST_F(CliAttachmentTest, ReportAddWithAMissingFileStoresNothing) {
    const auto good = write_file("good.bin", "abc");
    const auto r = unlocked({"report", "add", "--title", "T", "--attach", good.string(), "--attach",
                             (files_dir() / "missing.bin").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_TRUE(list_json().at("reports").empty());
    // The audit log records no report either.
    const auto log = nlohmann::json::parse(unlocked({"log", "--json"}).out);
    for (const auto& e : log.at("entries")) EXPECT_NE(e.at("action"), "report_create");
}

TEST_F(CliAttachmentTest, AttachWithOneBadPathStoresNone) {
    const auto id = add_report({"--title", "T"});
    const auto good = write_file("good.bin", "abc");
    for (const auto& bad : {files_dir() / "missing.bin", files_dir()}) {
        const auto r = unlocked({"attach", std::to_string(id), good.string(), bad.string()});
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    }
    EXPECT_TRUE(show_json(id).at("attachments").empty());
    EXPECT_EQ(unlocked({"attach", "999", good.string()}).exit_code, 1);
}

TEST_F(CliAttachmentTest, AttachToAFinalReportIsRefused) {
    const auto id = add_report({"--title", "T"});
    ASSERT_EQ(unlocked({"report", "finalize", std::to_string(id)}).exit_code, 0);
    const auto good = write_file("good.bin", "abc");
    EXPECT_EQ(unlocked({"attach", std::to_string(id), good.string()}).exit_code, 1);
    EXPECT_TRUE(show_json(id).at("attachments").empty());
}

TEST_F(CliAttachmentTest, GetRefusesToOverwriteAnExistingFile) {
    const auto id = add_report({"--title", "T"});
    const auto source = write_file("evidence.bin", "secret evidence");
    const auto a = unlocked({"attach", std::to_string(id), source.string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const auto existing = write_file("existing.txt", "keep me");
    const auto r = unlocked({"attachment", "get", std::to_string(std::stoll(a.out)), "--out", existing.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(is_one_error_line(r.err)) << r.err;
    EXPECT_EQ(read_file(existing), "keep me");
    EXPECT_EQ(unlocked({"attachment", "get", "999", "--out", (files_dir() / "new").string()}).exit_code, 1);
    EXPECT_FALSE(fs::exists(files_dir() / "new"));
}

}  // namespace
// Issue 12, item 3: a dot-file name is stored visible; a program-like name
// is flagged in `report show` (text) and in its JSON ("name_risk").
TEST_F(CliAttachmentTest, HiddenNamesAreRenamedAndProgramNamesFlagged) {
    const auto id = add_report({"--title", "With evidence"});
    const auto dotfile = write_file(".bash_profile", "echo planted");
    const auto program = write_file("invoice.pdf.exe", "MZ");
    ASSERT_EQ(unlocked({"attach", std::to_string(id), dotfile.string(), program.string()}).exit_code, 0);
    const auto show = unlocked({"report", "show", std::to_string(id)});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_NE(show.out.find("_bash_profile"), std::string::npos) << show.out;
    EXPECT_NE(show.out.find("would run as a program"), std::string::npos) << show.out;
    const auto doc = nlohmann::json::parse(unlocked({"report", "show", std::to_string(id), "--json"}).out);
    const auto& files = doc.at("attachments");
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].at("name"), "_bash_profile");
    EXPECT_EQ(files[0].at("name_risk"), "none");
    EXPECT_EQ(files[1].at("name_risk"), "program");
}

}  // namespace fv::test
