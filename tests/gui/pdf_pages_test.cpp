// The PDF preview's model (issue 14): PDFs made in memory with cairo and
// pango, opened from memory and drawn one page at a time by poppler; the
// pixels checked where the shapes are; damaged, truncated, empty, locked and
// oversized files refused with a calm message; nothing printed on stderr.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "fieldvault/model/error.h"
#include "models/pdf_pages.h"
#include "pdf_test_support.h"

namespace fv::gui::test {
namespace {

SecretBuffer secret_of(const std::string& bytes) {
    return SecretBuffer::from_bytes({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

std::unique_ptr<PdfDocument> open_pdf(const std::string& bytes, const PdfLimits& limits = {}) {
    return PdfDocument::open(secret_of(bytes), limits);
}

struct Rgba {
    int r = 0, g = 0, b = 0, a = 0;
};

Rgba pixel(const RenderedPage& page, int x, int y) {
    const auto bytes = page.rgba.reveal();
    const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(page.width) + static_cast<std::size_t>(x)) * 4u;
    return {bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]};
}

bool is_red(const Rgba& p) { return p.r > 200 && p.g < 60 && p.b < 60 && p.a == 255; }
bool is_green(const Rgba& p) { return p.g > 100 && p.r < 60 && p.b < 60; }
bool is_blue(const Rgba& p) { return p.b > 200 && p.r < 60 && p.g < 60; }
bool is_white(const Rgba& p) { return p.r > 245 && p.g > 245 && p.b > 245 && p.a == 255; }

// Dark pixels in a band (the text's ink).
int dark_pixels(const RenderedPage& page, int x0, int y0, int x1, int y1) {
    int count = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const auto p = pixel(page, x, y);
            if (p.r < 100 && p.g < 100 && p.b < 100) ++count;
        }
    return count;
}

PdfPageSpec letter_page() {
    PdfPageSpec page;  // 300 x 400 points
    page.boxes.push_back({30, 30, 100, 100, 1, 0, 0});
    page.text = "Seen 你好 警察";
    return page;
}

std::vector<PdfPageSpec> three_pages() {
    std::vector<PdfPageSpec> pages(3);
    pages[0].boxes.push_back({0, 20, 300, 40, 1, 0, 0});     // red band at the top
    pages[1].boxes.push_back({0, 180, 300, 40, 0, 0.6, 0});  // green band in the middle
    pages[2].boxes.push_back({0, 340, 300, 40, 0, 0, 1});    // blue band at the bottom
    return pages;
}

// The message of the fv::Error that `run` throws ("" if none).
template <typename F>
std::string refusal(F&& run) {
    try {
        run();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
        return e.what();
    }
    return {};
}

TEST(PdfPages, DrawsOnePageWithItsShapeAndTextWhereExpected) {
    const auto document = open_pdf(make_pdf({letter_page()}));
    ASSERT_EQ(document->page_count(), 1);
    EXPECT_EQ(document->pages_rendered(), 0u);  // opening draws nothing
    const auto page = document->render(0, 300);
    EXPECT_EQ(page.width, 300);
    EXPECT_EQ(page.height, 400);
    EXPECT_FALSE(page.reduced);
    ASSERT_EQ(page.rgba.size(), 300u * 400u * 4u);
    EXPECT_TRUE(is_red(pixel(page, 80, 80)));    // inside the square
    EXPECT_TRUE(is_white(pixel(page, 200, 80)));  // beside it
    EXPECT_TRUE(is_white(pixel(page, 80, 200)));  // below it
    EXPECT_GT(dark_pixels(page, 15, 335, 290, 395), 100);  // the line of text has ink
    EXPECT_EQ(dark_pixels(page, 150, 150, 290, 300), 0);   // blank paper has none

    // Twice as wide: the same page, everything twice as far.
    const auto big = document->render(0, 600);
    EXPECT_EQ(big.width, 600);
    EXPECT_EQ(big.height, 800);
    EXPECT_TRUE(is_red(pixel(big, 160, 160)));
    EXPECT_TRUE(is_white(pixel(big, 400, 160)));
    EXPECT_EQ(document->pages_rendered(), 2u);
}

TEST(PdfPages, ChineseTextIsInTheTestDocument) {
    // The control for the ink check above: pango really wrote the Chinese
    // words into the PDF (poppler's text layer reads them back).
    const auto bytes = make_pdf({letter_page()});
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    ASSERT_TRUE(document);
    const std::unique_ptr<poppler::page> page(document->create_page(0));
    const auto text = page->text().to_utf8();
    const std::string utf8(text.begin(), text.end());
    EXPECT_NE(utf8.find("你好"), std::string::npos) << utf8;
    EXPECT_NE(utf8.find("警察"), std::string::npos) << utf8;
}

TEST(PdfPages, EachOfThreePagesIsDrawnOnItsOwn) {
    const auto document = open_pdf(make_pdf(three_pages()));
    ASSERT_EQ(document->page_count(), 3);
    const auto second = document->render(1, 300);
    EXPECT_EQ(second.index, 1);
    EXPECT_TRUE(is_green(pixel(second, 150, 200)));
    EXPECT_TRUE(is_white(pixel(second, 150, 40)));
    EXPECT_TRUE(is_white(pixel(second, 150, 360)));
    const auto third = document->render(2, 300);
    EXPECT_TRUE(is_blue(pixel(third, 150, 360)));
    EXPECT_TRUE(is_white(pixel(third, 150, 200)));
    const auto first = document->render(0, 300);
    EXPECT_TRUE(is_red(pixel(first, 150, 40)));
    EXPECT_EQ(document->pages_rendered(), 3u);
}

TEST(PdfPages, OfFiveHundredPagesOnlyTheOneAskedForIsDrawn) {
    std::vector<PdfPageSpec> pages(500);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pages[i].width = 200;
        pages[i].height = 200;
        pages[i].boxes.push_back({0, static_cast<double>(i % 10) * 20.0, 200, 20, 0, 0, 1});
    }
    const auto document = open_pdf(make_pdf(pages));
    ASSERT_EQ(document->page_count(), 500);
    const auto last = document->render(499, 200);
    EXPECT_TRUE(is_blue(pixel(last, 100, 190)));  // page 500: its band in the tenth row
    EXPECT_EQ(document->pages_rendered(), 1u);
}

TEST(PdfPages, APageOutOfRangeIsRefused) {
    const auto document = open_pdf(make_pdf({letter_page()}));
    EXPECT_NE(refusal([&] { (void)document->render(1, 300); }).find("no such page"), std::string::npos);
    EXPECT_NE(refusal([&] { (void)document->render(-1, 300); }).find("no such page"), std::string::npos);
}

TEST(PdfPages, EmptyNotAPdfDamagedAndTruncatedFilesAreRefusedCalmly) {
    EXPECT_EQ(refusal([] { (void)open_pdf(""); }), "This file is empty.");
    EXPECT_EQ(refusal([] { (void)open_pdf("Dear Li,\nthis is not a PDF.\n"); }),
              "This file is not a PDF the app can show.");
    const std::string damaged = "This PDF seems to be damaged and cannot be shown.";
    EXPECT_EQ(refusal([] { (void)open_pdf("%PDF-1.7\n" + std::string(5000, '\x17') + "\n%%EOF\n"); }), damaged);
    EXPECT_EQ(refusal([] { (void)open_pdf("%PDF-1.4\n"); }), damaged);
    const auto whole = make_pdf(three_pages());
    for (const double part : {0.1, 0.5, 0.8}) {
        const auto cut = whole.substr(0, static_cast<std::size_t>(static_cast<double>(whole.size()) * part));
        EXPECT_EQ(refusal([&] { (void)open_pdf(cut); }), damaged) << part;
    }
}

TEST(PdfPages, APasswordProtectedPdfIsRefusedWithAPlainMessage) {
    const auto bytes = make_encrypted_pdf("secret");
    EXPECT_EQ(refusal([&] { (void)open_pdf(bytes); }),
              "This PDF is locked with a password; it cannot be shown here.");
    // The control: the file really is an encrypted PDF, which its password opens.
    std::unique_ptr<poppler::document> unlocked(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size()), "", "secret"));
    ASSERT_TRUE(unlocked);
    EXPECT_FALSE(unlocked->is_locked());
    const std::unique_ptr<poppler::page> page(unlocked->create_page(0));
    poppler::page_renderer renderer;
    const auto image = renderer.render_page(page.get());
    ASSERT_TRUE(image.is_valid());
    ASSERT_EQ(image.width(), 200);
    const auto* pixels = reinterpret_cast<const std::uint8_t*>(image.const_data());
    const std::size_t at = 70u * static_cast<std::size_t>(image.bytes_per_row()) + 70u * 4u;
    EXPECT_GT(pixels[at + 2], 200);  // red (argb32: B, G, R, A in memory)
    EXPECT_LT(pixels[at + 1], 60);
}

TEST(PdfPages, APdfWithOnlyAnOwnerPasswordIsShown) {
    // Encrypted, but with an empty user password (printing or copying limited,
    // as many official PDFs are): readers open it without asking, and so do we.
    const auto page = open_pdf(make_encrypted_pdf(""))->render(0, 200);
    EXPECT_EQ(page.width, 200);
    EXPECT_TRUE(is_red(pixel(page, 70, 70)));  // the contents were decrypted
    EXPECT_TRUE(is_white(pixel(page, 150, 200)));
}

TEST(PdfPages, APageTurnedByItsOwnRotateIsDrawnTurned) {
    // A scan saved sideways: 200 x 300 points, /Rotate 90, shown 300 wide and 200 tall.
    const auto page = open_pdf(make_rotated_pdf(90))->render(0, 300);
    EXPECT_EQ(page.width, 300);
    EXPECT_EQ(page.height, 200);
    EXPECT_TRUE(is_red(pixel(page, 230, 70)));  // the top left corner went to the top right
    EXPECT_TRUE(is_white(pixel(page, 70, 70)));
    const auto upright = open_pdf(make_rotated_pdf(0))->render(0, 200);
    EXPECT_EQ(upright.width, 200);
    EXPECT_EQ(upright.height, 300);
    EXPECT_TRUE(is_red(pixel(upright, 70, 70)));
}

TEST(PdfPages, AFileOverTheSizeLimitIsNotParsed) {
    PdfLimits limits;
    limits.max_bytes = 100;
    EXPECT_NE(refusal([&] { (void)open_pdf(make_pdf({letter_page()}), limits); }).find("too large to preview"),
              std::string::npos);
}

TEST(PdfPages, AHugePageIsDrawnWithinThePixelCap) {
    PdfPageSpec huge;
    huge.width = 14400;  // 200 inches, the largest page PDF allows without a user unit
    huge.height = 14400;
    huge.boxes.push_back({6000, 6000, 2400, 2400, 1, 0, 0});
    PdfLimits limits;
    limits.max_side = 500;
    limits.max_pixels = 100000;
    const auto document = open_pdf(make_pdf({huge}), limits);
    const auto page = document->render(0, 20000);
    EXPECT_TRUE(page.reduced);
    EXPECT_LE(page.width, 500);
    EXPECT_LE(static_cast<long>(page.width) * page.height, 100000 + 1000);
    EXPECT_GE(page.width, 300);
    EXPECT_TRUE(is_red(pixel(page, page.width / 2, page.height / 2)));
    EXPECT_TRUE(is_white(pixel(page, 5, 5)));

    // An ordinary page asked at an absurd width: cut to the caps too.
    limits.max_side = 1000;
    limits.max_pixels = 1000000;
    const auto capped = open_pdf(make_pdf({letter_page()}), limits)->render(0, 1 << 30);
    EXPECT_TRUE(capped.reduced);
    EXPECT_LE(capped.width, 1000);
    EXPECT_LE(capped.height, 1000);
    EXPECT_LE(static_cast<long>(capped.width) * capped.height, 1000000);
    EXPECT_TRUE(is_red(pixel(capped, capped.width * 80 / 300, capped.height * 80 / 400)));
}

TEST(PdfPages, AHairThinPageIsRefusedCalmly) {
    PdfPageSpec thin;
    thin.width = 14400;
    thin.height = 2;
    const auto document = open_pdf(make_pdf({thin}));
    EXPECT_EQ(refusal([&] { (void)document->render(0, 800); }), "This page has an unusual size and cannot be shown.");
}

// Poppler prints what it finds wrong in a file (with byte offsets and, at
// times, names from it) on stderr by default: nothing may be printed.
TEST(PdfPages, NothingAboutTheDocumentIsPrinted) {
    std::fflush(stderr);
    int pipe_fds[2];
    ASSERT_EQ(::pipe2(pipe_fds, O_NONBLOCK), 0);
    const int saved = ::dup(2);
    ASSERT_GE(saved, 0);
    ::dup2(pipe_fds[1], 2);

    auto whole = make_pdf({letter_page()});
    // Damage the page's content stream: opening works, drawing meets garbage.
    const auto stream = whole.find("stream\n");
    if (stream != std::string::npos)
        for (std::size_t i = stream + 7; i < stream + 40 && i < whole.size(); ++i) whole[i] = '\x01';
    std::string messages;
    try {
        (void)open_pdf("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n");
    } catch (const Error& e) {
        messages += e.what();
    }
    try {
        (void)open_pdf(whole.substr(0, whole.size() / 2));
    } catch (const Error& e) {
        messages += e.what();
    }
    try {
        const auto document = open_pdf(whole);
        (void)document->render(0, 300);
    } catch (const Error& e) {
        messages += e.what();
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    ::close(pipe_fds[1]);
    std::string printed;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) printed.append(buffer, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    EXPECT_EQ(printed, "");
    EXPECT_FALSE(messages.empty());  // the damage was met (and told calmly, not printed)
}

TEST(PdfPages, LooksLikePdfFindsTheHeaderNearTheStart) {
    const std::string pdf = "%PDF-1.4\n";
    const std::string late = std::string(2000, ' ') + pdf;
    const std::string early = std::string(100, ' ') + pdf;
    auto span_of = [](const std::string& s) {
        return std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    };
    EXPECT_TRUE(looks_like_pdf(span_of(pdf)));
    EXPECT_TRUE(looks_like_pdf(span_of(early)));
    EXPECT_FALSE(looks_like_pdf(span_of(late)));
    EXPECT_FALSE(looks_like_pdf(span_of("")));
}

}  // namespace
}  // namespace fv::gui::test
