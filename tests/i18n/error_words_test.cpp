// The desktop app shows every error through describe_error() (views/view.h):
// storage's and crypto's words come out in the person's language as core's own
// do (issue 14; core::user_message), and English is unchanged.
#include <gtest/gtest.h>

#include <exception>
#include <string>

#include "fieldvault/core/i18n.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/model/error.h"
#include "views/view.h"

namespace fv::gui::test {
namespace {

class ErrorWords : public ::testing::Test {
protected:
    void SetUp() override { core::init_translations("en"); }
    void TearDown() override { core::set_language("en"); }
};

TEST_F(ErrorWords, TheDesktopAppShowsLowerLayerErrorsInThePersonsLanguage) {
    const auto full_disk = std::make_exception_ptr(Error(ErrorKind::Io, "cannot store the attachment: disk full"));
    const auto refused = std::make_exception_ptr(crypto::BundleError(
        crypto::BundleErrorCode::ContentTampered, "content tampered or truncated: chunk 1 was altered, reordered, duplicated or cut"));
    EXPECT_EQ(describe_error(full_disk), "cannot store the attachment: disk full");
    EXPECT_EQ(describe_error(refused), "content tampered or truncated: chunk 1 was altered, reordered, duplicated or cut");

    core::set_language("zh_CN");
    EXPECT_EQ(describe_error(full_disk), "无法保存附件：磁盘已满");
    const auto shown = describe_error(refused);
    EXPECT_EQ(shown.rfind("加密包的内容被改动过或被截断，已拒收", 0), 0u) << shown;
    EXPECT_NE(shown.find("chunk 1 was altered"), std::string::npos) << shown;  // the technical reason kept
    core::set_language("zh_TW");
    EXPECT_EQ(describe_error(full_disk), "無法儲存附件：磁碟已滿");
    // A wrong passphrase on a screen that has its own words for it keeps them.
    const auto wrong = std::make_exception_ptr(Error(ErrorKind::Unlock, "wrong passphrase"));
    EXPECT_EQ(describe_error(wrong), "密碼短語不對");
}

}  // namespace
}  // namespace fv::gui::test
