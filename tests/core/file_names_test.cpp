#include <gtest/gtest.h>

#include "fieldvault/core/file_names.h"
#include "fieldvault/core/text.h"

using fv::core::sanitize_file_name;

TEST(FileNames, KeepsOrdinaryNamesIncludingChinese) {
    EXPECT_EQ(sanitize_file_name("photo.jpg"), "photo.jpg");
    EXPECT_EQ(sanitize_file_name("截图 2026-03-14.png"), "截图 2026-03-14.png");
}

TEST(FileNames, DropsAnyPath) {
    EXPECT_EQ(sanitize_file_name("/home/user/secret/place/photo.jpg"), "photo.jpg");
    EXPECT_EQ(sanitize_file_name("../../etc/passwd"), "passwd");
}

TEST(FileNames, RefusesDotNamesAndEmpty) {
    EXPECT_EQ(sanitize_file_name(""), "attachment");
    EXPECT_EQ(sanitize_file_name("."), "attachment");
    EXPECT_EQ(sanitize_file_name(".."), "attachment");
}

TEST(FileNames, ReplacesControlAndBidiOverrideCharacters) {
    // "invoice\u202Egpj.exe" would display as "invoiceexe.jpg".
    EXPECT_EQ(sanitize_file_name("invoice\xE2\x80\xAEgpj.exe"), "invoice_gpj.exe");
    EXPECT_EQ(sanitize_file_name("a\nb\tc\x1B[31m"), "a_b_c_[31m");
}

TEST(FileNames, ReplacesInvalidUtf8AndBoundsLength) {
    const auto fixed = sanitize_file_name("bad\xFFname");
    EXPECT_TRUE(fv::core::is_valid_utf8(fixed));
    EXPECT_EQ(fixed, "bad\xEF\xBF\xBDname");
    const auto long_name = sanitize_file_name(std::string(5000, 'x') + ".txt");
    EXPECT_LE(long_name.size(), 200u);
    const auto long_cjk = sanitize_file_name(std::string(300, 'a') + "中中中");
    EXPECT_TRUE(fv::core::is_valid_utf8(long_cjk));  // never cut inside a character
}

// Regression (fuzz_report_document): each invalid byte becomes a 3-byte U+FFFD,
// and these replacements used to bypass the length bound, so a 255-byte name
// of invalid bytes (legal on Linux) became 765 bytes, too long to extract.
TEST(FileNames, BoundsLengthWhenReplacingInvalidBytes) {
    const auto name = sanitize_file_name(std::string(255, '\xE1'));
    EXPECT_LE(name.size(), 200u);
    EXPECT_TRUE(fv::core::is_valid_utf8(name));
    EXPECT_EQ(sanitize_file_name(name), name);  // sanitizing is idempotent
    const auto mixed = sanitize_file_name(std::string(150, 'a') + std::string(100, '\xFF'));
    EXPECT_LE(mixed.size(), 200u);
    EXPECT_EQ(mixed.substr(0, 150), std::string(150, 'a'));
}

namespace {

// Issue 12, item 3: a sender named an attachment ".bash_profile"; it was
// stored (and extracted) under that name.
TEST(FileNames, ALeadingDotBecomesAnUnderscore) {
    using fv::core::sanitize_file_name;
    EXPECT_EQ(sanitize_file_name(".bash_profile"), "_bash_profile");
    EXPECT_EQ(sanitize_file_name("x/.ssh"), "_ssh");
    EXPECT_EQ(sanitize_file_name("...hidden"), "_..hidden");
    EXPECT_EQ(sanitize_file_name("photo.jpg"), "photo.jpg");  // inner dots stay
    EXPECT_EQ(sanitize_file_name(sanitize_file_name(".a")), "_a");  // idempotent
}

TEST(FileNames, RiskSaysHiddenOrProgram) {
    using fv::core::file_name_risk;
    using fv::core::FileNameRisk;
    EXPECT_EQ(file_name_risk(".bash_profile"), FileNameRisk::Hidden);
    EXPECT_EQ(file_name_risk("invoice.pdf.exe"), FileNameRisk::Program);
    EXPECT_EQ(file_name_risk("run-me.SH"), FileNameRisk::Program);
    EXPECT_EQ(file_name_risk("会议.desktop"), FileNameRisk::Program);
    EXPECT_EQ(file_name_risk("照片.jpg"), FileNameRisk::None);
    EXPECT_EQ(file_name_risk("notes"), FileNameRisk::None);
    EXPECT_EQ(file_name_risk("archive.tar.gz"), FileNameRisk::None);
}

}  // namespace
