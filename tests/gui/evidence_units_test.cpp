// The non-ImGui parts of evidence and the file browser: image decoding
// limits, text preview, directory listing. (The timeline's analysis is
// core's: tests/core/report_analysis_test.cpp.)
#include <gtest/gtest.h>
#include <stb/stb_image_write.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "models/directory_listing.h"
#include "fieldvault/model/error.h"
#include "headless_ui.h"
#include "views/image_preview.h"
#include "views/text_preview.h"

namespace fv::gui::test {
namespace {

std::vector<std::uint8_t> png_of(int width, int height) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width * height * 3), 0x80);
    std::vector<std::uint8_t> out;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            auto* bytes = static_cast<std::vector<std::uint8_t>*>(context);
            const auto* begin = static_cast<const std::uint8_t*>(data);
            bytes->insert(bytes->end(), begin, begin + size);
        },
        &out, width, height, 3, pixels.data(), width * 3);
    return out;
}

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

std::span<const std::uint8_t> bytes_of(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

TEST(ImagePreview, DecodesAPngToRgba) {
    const auto png = png_of(7, 5);
    const auto image = decode_image(png);
    EXPECT_EQ(image.width, 7);
    EXPECT_EQ(image.height, 5);
    ASSERT_EQ(image.rgba.size(), 7u * 5u * 4u);
    EXPECT_EQ(image.rgba.reveal()[0], 0x80);
    EXPECT_EQ(image.rgba.reveal()[3], 0xFF);  // opaque alpha added
}

TEST(ImagePreview, RefusesOverLimitsBeforeDecoding) {
    const auto png = png_of(40, 10);
    EXPECT_NE(error_of([&] { decode_image(png, ImageLimits{1ull << 20, 32}); }).find("40 x 10 pixels"),
              std::string::npos);
    EXPECT_NE(error_of([&] { decode_image(png, ImageLimits{16, 8192}); }).find("too large"), std::string::npos);
}

TEST(ImagePreview, DamagedAndNonImagesAreRefusedCalmly) {
    auto png = png_of(16, 16);
    png.resize(40);  // header survives, the pixel data does not
    EXPECT_NE(error_of([&] { decode_image(png); }).find("damaged"), std::string::npos);
    EXPECT_NE(error_of([&] { decode_image(bytes_of("just some text")); }).find("not an image"), std::string::npos);
    // A TGA-like or PSD file is never handed to the decoder.
    EXPECT_FALSE(looks_like_image(bytes_of("8BPS....")));
    EXPECT_TRUE(looks_like_image(bytes_of("GIF89a......")));
}

TEST(TextPreview, ShowsUtf8AndCutsAtACharacterBoundary) {
    const std::string text = "警察来了 and more";
    const auto whole = make_text_preview(bytes_of(text));
    EXPECT_EQ(whole.text, text);
    EXPECT_FALSE(whole.truncated);
    // 4 bytes ends inside the second Hanzi (3 bytes each): cut back to the first.
    const auto cut = make_text_preview(bytes_of(text), 4);
    EXPECT_EQ(cut.text, "警");
    EXPECT_TRUE(cut.truncated);
}

TEST(TextPreview, InvalidUtf8AndNulAreRefused) {
    EXPECT_NE(error_of([] { make_text_preview(bytes_of(std::string("ab\xff\xfe", 4))); }).find("UTF-8"),
              std::string::npos);
    EXPECT_FALSE(error_of([] { make_text_preview(bytes_of(std::string("a\0b", 3))); }).empty());
}

class DirectoryListingTest : public ::testing::Test {
protected:
    void touch(const std::string& name, const std::string& bytes = "x") {
        std::ofstream(dir_.path() / name, std::ios::binary) << bytes;
    }
    TempDir dir_;
};

TEST_F(DirectoryListingTest, FoldersFirstSortedWithoutCaseHiddenOff) {
    touch("b.txt");
    touch("A.txt", "four");
    touch(".secret");
    std::filesystem::create_directory(dir_.path() / "zeta");
    std::filesystem::create_directory(dir_.path() / "Alpha");
    std::filesystem::create_directory(dir_.path() / ".hidden_dir");
    const auto listing = list_directory(dir_.path(), false);
    EXPECT_TRUE(listing.error.empty());
    std::vector<std::string> names;
    for (const auto& e : listing.entries) names.push_back(e.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Alpha", "zeta", "A.txt", "b.txt"}));
    EXPECT_TRUE(listing.entries[0].is_directory);
    EXPECT_EQ(listing.entries[2].size, 4u);

    const auto with_hidden = list_directory(dir_.path(), true);
    names.clear();
    for (const auto& e : with_hidden.entries) names.push_back(e.name);
    EXPECT_EQ(names, (std::vector<std::string>{".hidden_dir", "Alpha", "zeta", ".secret", "A.txt", "b.txt"}));
}

TEST_F(DirectoryListingTest, MissingOrNonFolderGivesAMessage) {
    touch("file.txt");
    const auto missing = list_directory(dir_.path() / "nope", false);
    EXPECT_TRUE(missing.entries.empty());
    EXPECT_NE(missing.error.find("does not exist"), std::string::npos);
    EXPECT_NE(list_directory(dir_.path() / "file.txt", false).error.find("not a folder"), std::string::npos);
}

TEST_F(DirectoryListingTest, UnreadableFolderGivesAMessage) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder";
    const auto locked = dir_.path() / "locked";
    std::filesystem::create_directory(locked);
    ::chmod(locked.c_str(), 0);
    const auto listing = list_directory(locked, false);
    ::chmod(locked.c_str(), 0700);
    EXPECT_NE(listing.error.find("permission denied"), std::string::npos);
}

TEST_F(DirectoryListingTest, ShortcutsAreHomeThenMountedVolumes) {
    const auto media = dir_.path() / "media";
    const auto user_media = media / "amina";
    std::filesystem::create_directories(user_media / "USB STICK");
    std::filesystem::create_directories(media / "cdrom");
    const auto shortcuts = folder_shortcuts("/home/amina", {user_media, dir_.path() / "run-media-missing", media});
    ASSERT_EQ(shortcuts.size(), 3u);
    EXPECT_EQ(shortcuts[0].label, "Home");
    EXPECT_EQ(shortcuts[1].path, user_media / "USB STICK");
    EXPECT_EQ(shortcuts[2].path, media / "cdrom");  // the user's own folder under /media is not a volume
    EXPECT_EQ(default_media_roots("amina"),
              (std::vector<std::filesystem::path>{"/media/amina", "/run/media/amina", "/media"}));
}

}  // namespace
}  // namespace fv::gui::test
