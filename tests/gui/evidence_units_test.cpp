// The non-ImGui parts of evidence, the file browser and the timeline: image
// decoding limits, text preview, directory listing, timeline model.
#include <gtest/gtest.h>
#include <stb/stb_image_write.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "directory_listing.h"
#include "fieldvault/model/error.h"
#include "headless_ui.h"
#include "image_preview.h"
#include "text_preview.h"
#include "timeline_model.h"

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

model::ReportRecord report(std::int64_t id, const std::string& start, const std::string& precision,
                             std::vector<model::Identifier> identifiers = {},
                             std::vector<std::string> tactics = {}) {
    model::ReportRecord r;
    r.id = id;
    r.content.title = "report " + std::to_string(id);
    r.content.occurred_start = start;
    r.content.date_precision = precision;
    r.content.identifiers = std::move(identifiers);
    r.content.tactics = std::move(tactics);
    return r;
}

TEST(TimelineModel, NormalisesPhoneNumbersAndAccounts) {
    EXPECT_EQ(normalize_identifier("+86 138-0000 0000"), "phone:+8613800000000");
    EXPECT_EQ(normalize_identifier("0086 (138) 0000.0000"), "phone:+8613800000000");
    EXPECT_EQ(normalize_identifier("+86 138 0000 0000"), normalize_identifier("+8613800000000"));
    EXPECT_NE(normalize_identifier("+86 138 0000 0001"), normalize_identifier("+86 138 0000 0000"));
    EXPECT_EQ(normalize_identifier("@WXID_Example"), normalize_identifier("wxid_example"));
    EXPECT_EQ(normalize_identifier("https://www.Example.com/agent/"), normalize_identifier("example.com/agent"));
    EXPECT_EQ(normalize_identifier("  "), "");
    EXPECT_EQ(normalize_identifier("12"), "id:12");  // too short to be a phone number
}

TEST(TimelineModel, ParsesDatesWithTheirPrecision) {
    const auto day = parse_day_range("2026-03-14");
    ASSERT_TRUE(day);
    EXPECT_EQ(day->first, day->last);
    EXPECT_EQ(format_day(day->first), "2026-03-14");
    const auto month = parse_day_range("2024-02");
    ASSERT_TRUE(month);
    EXPECT_EQ(format_day(month->first), "2024-02-01");
    EXPECT_EQ(format_day(month->last), "2024-02-29");
    EXPECT_EQ(format_day(parse_day_range("2026-01-20T18:30Z")->first), "2026-01-20");
    EXPECT_FALSE(parse_day_range("2026-02-30"));
    EXPECT_FALSE(parse_day_range(""));
}

TEST(TimelineModel, MarksSpansLanesAndRecurringIdentifiers) {
    TimelineModel model;
    model.build({
        report(1, "2026-01-20", "day", {{"phone", "+86 138 0000 0000"}, {"wechat", "wxid_a"}}, {"harassment"}),
        report(2, "2026-03", "month", {{"whatsapp", "+8613800000000"}}, {"surveillance", "harassment"}),
        report(3, "2026-03-14", "approximate", {{"wechat", "WXID_A"}, {"email", "x@example.org"}}),
        report(4, "", "exact", {{"phone", "+86-138-0000-0000"}}),
        report(5, "2026-03-14", "day"),
    });
    ASSERT_EQ(model.marks().size(), 4u);
    ASSERT_EQ(model.undated().size(), 1u);
    EXPECT_EQ(model.undated()[0].report_id, 4);
    const auto& month = *std::find_if(model.marks().begin(), model.marks().end(),
                                      [](const auto& m) { return m.report_id == 2; });
    EXPECT_TRUE(month.span);
    EXPECT_EQ(month.end_day - month.start_day, 30.0);
    EXPECT_EQ(month.tactic, "surveillance");
    const auto& approx = *std::find_if(model.marks().begin(), model.marks().end(),
                                       [](const auto& m) { return m.report_id == 3; });
    EXPECT_TRUE(approx.approximate);
    // Reports 2, 3 and 5 overlap in March: three lanes.
    EXPECT_EQ(model.lanes(), 3);

    ASSERT_EQ(model.recurring().size(), 2u);
    EXPECT_EQ(model.recurring()[0].key, "phone:+8613800000000");
    EXPECT_EQ(model.recurring()[0].report_ids, (std::vector<std::int64_t>{1, 2, 4}));
    EXPECT_EQ(model.recurring()[0].display, "+86 138 0000 0000");
    EXPECT_EQ(model.recurring()[1].report_ids, (std::vector<std::int64_t>{1, 3}));
    EXPECT_EQ(model.tactics(), (std::vector<std::string>{"harassment", "surveillance", ""}));

    model.clear();
    EXPECT_TRUE(model.empty());
    EXPECT_TRUE(model.recurring().empty());
}

}  // namespace
}  // namespace fv::gui::test
