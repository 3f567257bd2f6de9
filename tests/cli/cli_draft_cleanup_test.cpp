// report delete, attachment remove, attachment caption through the binary:
// both deletions need --yes, final reports stay whole, captions show.
#include "cli_fixture.h"

namespace fv::test {
namespace {

class CliDraftCleanupTest : public CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        init_vault();
    }
    std::int64_t attach(std::int64_t report, const std::string& name) {
        const auto file = write_file(name, std::string(2000, 'x'));
        const auto r = unlocked({"attach", std::to_string(report), file.string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return std::stoll(r.out);
    }
};

TEST_F(CliDraftCleanupTest, AWrongFileComesOffAndAFileGetsACaption) {
    const auto id = add_report({"--title", "Visit"});
    const auto wrong = attach(id, "wrong.jpg");
    const auto right = attach(id, "right.jpg");
    auto r = unlocked({"attachment", "remove", std::to_string(wrong)});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("add --yes"), std::string::npos) << r.err;
    EXPECT_EQ(show_json(id).at("attachments").size(), 2u);
    r = unlocked({"attachment", "remove", std::to_string(wrong), "--yes"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("was not touched"), std::string::npos) << r.out;
    ASSERT_EQ(show_json(id).at("attachments").size(), 1u);

    r = unlocked({"attachment", "caption", std::to_string(right), "微信截图"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(show_json(id).at("attachments")[0].at("caption"), "微信截图");
    EXPECT_NE(unlocked({"report", "show", std::to_string(id)}).out.find("caption: 微信截图"), std::string::npos);
    EXPECT_EQ(unlocked({"attachment", "caption", std::to_string(right), "a\nb"}).exit_code, 1);

    ASSERT_EQ(unlocked({"report", "finalize", std::to_string(id)}).exit_code, 0);
    r = unlocked({"attachment", "remove", std::to_string(right), "--yes"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("is final"), std::string::npos) << r.err;
}

TEST_F(CliDraftCleanupTest, ADraftIsDeletedForGoodOnlyWithYes) {
    const auto keep = add_report({"--title", "Keep"});
    const auto gone = add_report({"--title", "Gone"});
    attach(gone, "photo.jpg");
    EXPECT_EQ(unlocked({"report", "delete", std::to_string(gone)}).exit_code, 2);
    EXPECT_EQ(list_json().at("reports").size(), 2u);
    auto r = unlocked({"report", "delete", std::to_string(gone), "--yes"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto list = list_json().at("reports");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].at("id"), keep);
    EXPECT_NE(unlocked({"log"}).out.find("report_delete"), std::string::npos);
    EXPECT_EQ(unlocked({"log", "verify"}).exit_code, 0);
    r = unlocked({"report", "delete", std::to_string(gone), "--yes"});
    EXPECT_EQ(r.exit_code, 1);
    ASSERT_EQ(unlocked({"report", "finalize", std::to_string(keep)}).exit_code, 0);
    EXPECT_EQ(unlocked({"report", "delete", std::to_string(keep), "--yes"}).exit_code, 1);
    EXPECT_EQ(list_json().at("reports").size(), 1u);
}

}  // namespace
}  // namespace fv::test
