// Core's own messages and the errors of storage and crypto in the person's
// language (issue 14): what a face shows through core::user_message().
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/passphrase_strength.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/user_message.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/model/error.h"

namespace fv::core {
namespace {

bool has_chinese(const std::string& text) {
    // Every CJK ideograph and full-width punctuation mark is 3 bytes in UTF-8, lead byte 0xE3..0xE9 or 0xEF.
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 0xE3 && b <= 0xE9) || b == 0xEF) return true;
    }
    return false;
}

// The msgid with each {n} replaced by a detail as the lower layer would write it.
std::string filled(std::string pattern) {
    for (char n = '1'; n <= '9'; ++n) {
        const std::string marker = std::string("{") + n + "}";
        for (auto at = pattern.find(marker); at != std::string::npos; at = pattern.find(marker))
            pattern.replace(at, marker.size(), std::string("detail-") + n);
    }
    return pattern;
}

class UserMessage : public ::testing::Test {
protected:
    void SetUp() override { init_translations("en"); }
    void TearDown() override { set_language("en"); }
};

TEST_F(UserMessage, EnglishReadsExactlyAsTheLowerLayerWroteIt) {
    for (const char* msgid : lower_layer_msgids()) {
        const auto text = filled(msgid);
        EXPECT_EQ(user_message(Error(ErrorKind::Invalid, text)), text);
    }
}

TEST_F(UserMessage, EveryLowerLayerMessageIsChineseWithItsDetailsKept) {
    for (const char* lang : {"zh_CN", "zh_TW"}) {
        set_language(lang);
        for (const char* msgid : lower_layer_msgids()) {
            const auto text = filled(msgid);
            const auto shown = user_message(Error(ErrorKind::Integrity, text));
            EXPECT_TRUE(has_chinese(shown)) << lang << ": " << msgid << " -> " << shown;
            for (char n = '1'; n <= '9'; ++n) {
                if (std::string(msgid).find(std::string("{") + n + "}") != std::string::npos) {
                    EXPECT_NE(shown.find(std::string("detail-") + n), std::string::npos) << lang << ": " << shown;
                }
            }
        }
    }
}

TEST_F(UserMessage, TheCommonOnesInPlainChinese) {
    set_language("zh_CN");
    EXPECT_EQ(user_message(Error(ErrorKind::Unlock, "wrong passphrase")), "密码短语不对");
    EXPECT_EQ(user_message(Error(ErrorKind::NotFound, "no vault in this folder")), "这个文件夹里没有保险箱");
    // The system's words after a colon are themselves translated when known.
    EXPECT_EQ(user_message(Error(ErrorKind::Io, "cannot store the attachment: disk full")), "无法保存附件：磁盘已满");
    EXPECT_EQ(user_message(Error(ErrorKind::Io, "disk full: database or disk is full")),
              "磁盘已满：database or disk is full");
    set_language("zh_TW");
    EXPECT_EQ(user_message(Error(ErrorKind::Unlock, "wrong passphrase")), "密碼短語不對");
}

TEST_F(UserMessage, ARefusedBundleSaysSoWithTheCheckThatRefusedIt) {
    set_language("zh_CN");
    const crypto::BundleError named(crypto::BundleErrorCode::HeaderTampered, "header tampered: the header MAC does not match");
    const auto shown = user_message(named);
    EXPECT_NE(shown.find("已拒收"), std::string::npos) << shown;
    EXPECT_NE(shown.find("the header MAC does not match"), std::string::npos) << shown;
    EXPECT_EQ(shown.find("header tampered:"), std::string::npos) << shown;
    // A refusal whose text does not start with its check's name still says which check.
    const crypto::BundleError bare(crypto::BundleErrorCode::ManifestInvalid, "a recipient's encryption key is low order");
    const auto manifest = user_message(bare);
    EXPECT_NE(manifest.find("清单无效"), std::string::npos) << manifest;
    EXPECT_NE(manifest.find("low order"), std::string::npos) << manifest;
    set_language("en");
    EXPECT_EQ(user_message(named), "header tampered: the header MAC does not match");
}

TEST_F(UserMessage, OthersPassThroughAsTheyAre) {
    set_language("zh_CN");
    EXPECT_EQ(user_message(Error(ErrorKind::Invalid, "核心已经翻译好的句子")), "核心已经翻译好的句子");
    EXPECT_EQ(user_message(Error(ErrorKind::Invalid, "something no table knows")), "something no table knows");
    EXPECT_EQ(user_message(Error(ErrorKind::Invalid, "")), "");
    // A pattern with a detail never matches an empty detail.
    EXPECT_EQ(user_message(Error(ErrorKind::Io, "disk full: ")), "disk full: ");
    EXPECT_EQ(user_message(Error(ErrorKind::Unlock, "wrong passphrase, really")), "wrong passphrase, really");
}

// A vault check's findings are texts, not errors: the same table.
TEST_F(UserMessage, VaultCheckFindingsInThePersonsLanguage) {
    const std::string broken = "the audit log's hash chain breaks at this entry";
    EXPECT_EQ(user_text(broken), broken);
    set_language("zh_CN");
    EXPECT_EQ(user_text(broken), "操作记录的校验链在这一条断开了");
    EXPECT_EQ(user_text("the audit log stops before entry #12, which the vault recorded"),
              "操作记录在第 12 条之前就结束了，而保险箱记下了这一条");
    EXPECT_EQ(user_text("*** in database main ***"), "*** in database main ***");  // SQLite's own words stay
    EXPECT_EQ(user_text(""), "");
}

// Core marks its own messages where it throws them: they come out in the
// language chosen when they are thrown, and English is unchanged.
TEST_F(UserMessage, CoreThrowsInTheLanguageInUse) {
    ReportContent content;
    content.title = " ";
    auto message = [&] {
        try {
            validate_report(content);
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Invalid);
            return user_message(e);
        }
        return std::string();
    };
    EXPECT_EQ(message(), "title: must not be empty");
    set_language("zh_CN");
    EXPECT_EQ(message(), "标题：不能为空");
    content.title = "T";
    content.tactics = {"harrasment"};
    EXPECT_TRUE(has_chinese(message())) << message();
    EXPECT_NE(message().find("harrasment"), std::string::npos);  // the code typed is kept
}

TEST_F(UserMessage, PassphraseHintsInTheLanguageInUse) {
    EXPECT_STREQ(strength_hint(Strength::Weak), "Weak: easy to guess. Add more words.");
    set_language("zh_CN");
    for (const auto s : {Strength::Empty, Strength::TooShort, Strength::Weak, Strength::Fair, Strength::Strong})
        EXPECT_TRUE(has_chinese(strength_hint(s))) << strength_hint(s);
    try {
        require_acceptable_passphrase("short");
        ADD_FAILURE() << "a 5-character passphrase was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), strength_hint(Strength::TooShort));
        EXPECT_TRUE(has_chinese(e.what()));
    }
    set_language("zh_TW");
    EXPECT_TRUE(has_chinese(strength_hint(Strength::Strong)));
}

}  // namespace
}  // namespace fv::core
