// Test helper for the evidence screenshot: adds to a vault made by
// fieldvault_gui_make_test_vault an invented "[DEMO]" report with a picture
// attached. The picture is a test pattern generated here (colour bars, a grey
// ramp, a checkerboard and the word DEMO), written as a PNG into WORK only
// because the attach API takes a path, attached through the core service, and
// removed again. It holds no report content. The passphrase is the first line
// of standard input. Usage: fieldvault_gui_make_evidence_vault VAULT WORK
#include <stb/stb_image_write.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "fieldvault/core/reports.h"
#include "vault_maker.h"

namespace {

constexpr int kWidth = 480;
constexpr int kHeight = 270;
using Rgb = std::array<std::uint8_t, 3>;

// 5 x 7 letters, one row per byte, bit 4 the leftmost pixel.
constexpr std::array<std::array<std::uint8_t, 7>, 4> kDemoLetters{{
    {0x1E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1E},  // D
    {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F},  // E
    {0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11},  // M
    {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E},  // O
}};

// Colour bars (the magenta one is what the screenshot test looks for), then a
// grey ramp, then a checkerboard with "DEMO" in black on a white box.
std::vector<std::uint8_t> test_pattern() {
    constexpr std::array<Rgb, 7> kBars{{{235, 235, 235},
                                        {235, 235, 16},
                                        {16, 235, 235},
                                        {16, 235, 16},
                                        {255, 0, 255},
                                        {235, 16, 16},
                                        {16, 16, 235}}};
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(kWidth) * kHeight * 3);
    auto put = [&rgb](int x, int y, Rgb colour) {
        const auto at = (static_cast<std::size_t>(y) * kWidth + static_cast<std::size_t>(x)) * 3;
        for (std::size_t c = 0; c < 3; ++c) rgb[at + c] = colour[c];
    };
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            Rgb colour{};
            if (y < 150) {
                colour = kBars[static_cast<std::size_t>(x * 7 / kWidth)];
            } else if (y < 190) {
                const auto grey = static_cast<std::uint8_t>(x * 255 / (kWidth - 1));
                colour = {grey, grey, grey};
            } else {
                const bool dark = ((x / 20) + (y / 20)) % 2 == 0;
                colour = dark ? Rgb{60, 60, 60} : Rgb{180, 180, 180};
            }
            put(x, y, colour);
        }
    }
    // The word, 6 pixels per dot, on a white box in the checkerboard.
    constexpr int kDot = 6, kLeft = 160, kTop = 204;
    for (int y = kTop - 6; y < kTop + 7 * kDot + 6; ++y)
        for (int x = kLeft - 12; x < kLeft + 4 * 6 * kDot + 6; ++x) put(x, y, {255, 255, 255});
    for (std::size_t letter = 0; letter < kDemoLetters.size(); ++letter) {
        for (int row = 0; row < 7; ++row) {
            for (int col = 0; col < 5; ++col) {
                if ((kDemoLetters[letter][static_cast<std::size_t>(row)] & (0x10 >> col)) == 0) continue;
                const int x0 = kLeft + static_cast<int>(letter) * 6 * kDot + col * kDot;
                const int y0 = kTop + row * kDot;
                for (int y = y0; y < y0 + kDot; ++y)
                    for (int x = x0; x < x0 + kDot; ++x) put(x, y, {0, 0, 0});
            }
        }
    }
    return rgb;
}

// The pattern as PNG bytes.
std::string test_pattern_png() {
    const auto rgb = test_pattern();
    std::string png;
    const auto append = [](void* out, void* data, int size) {
        static_cast<std::string*>(out)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (stbi_write_png_to_func(append, &png, kWidth, kHeight, 3, rgb.data(), kWidth * 3) == 0)
        throw std::runtime_error("could not make the test pattern");
    return png;
}

}  // namespace

int main(int argc, char** argv) {
    return fv::gui::test::run_vault_maker(argc, argv, "make_evidence_vault", [](auto& session, const auto& work) {
        const auto content = fv::gui::test::demo_report(
            "Photo of a car parked outside my flat", "2026-04-02", "NL", "Utrecht", "surveillance", "in_person",
            "SAMPLE TEXT. The same car stood across the street three evenings in a row; I took a photo "
            "from the window. (The attached picture is a generated test pattern.)");
        const auto id = fv::core::ReportService(session).create(content, "Self");
        fv::gui::test::attach_generated(session, id, work / "demo-test-pattern.png", test_pattern_png());
    });
}
