// Test helper: exit 0 if FILE is a PNG of at least MIN_W x MIN_H whose pixels
// are not all alike (a blank or failed render is one colour); with R G B
// MIN_PIXELS, also at least MIN_PIXELS pixels of that colour (within 12 per
// channel), e.g. a test pattern's bar that only a drawn preview can show.
// Usage: fieldvault_png_check FILE MIN_W MIN_H [R G B MIN_PIXELS]
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 4 && argc != 8) {
        std::fprintf(stderr, "usage: %s FILE MIN_W MIN_H [R G B MIN_PIXELS]\n", argv[0]);
        return 2;
    }
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(argv[1], &width, &height, &channels, 3);
    if (pixels == nullptr) {
        std::fprintf(stderr, "png_check: cannot decode %s\n", argv[1]);
        return 1;
    }
    const int min_w = std::atoi(argv[2]);
    const int min_h = std::atoi(argv[3]);
    const std::size_t count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3;
    double sum = 0.0, sum_sq = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        const double v = pixels[i];
        sum += v;
        sum_sq += v * v;
    }
    long matching = 0;
    if (argc == 8) {
        const int want[3] = {std::atoi(argv[4]), std::atoi(argv[5]), std::atoi(argv[6])};
        for (std::size_t i = 0; i < count; i += 3) {
            bool close = true;
            for (std::size_t c = 0; c < 3; ++c) close = close && std::abs(pixels[i + c] - want[c]) <= 12;
            if (close) ++matching;
        }
    }
    stbi_image_free(pixels);
    const double mean = sum / static_cast<double>(count);
    const double variance = sum_sq / static_cast<double>(count) - mean * mean;
    std::printf("%s: %dx%d, mean %.1f, variance %.1f\n", argv[1], width, height, mean, variance);
    if (width < min_w || height < min_h) {
        std::fprintf(stderr, "png_check: image is smaller than %dx%d\n", min_w, min_h);
        return 1;
    }
    // Text on a plain background gives a variance in the hundreds; a blank
    // frame gives ~0.
    if (variance < 20.0) {
        std::fprintf(stderr, "png_check: image looks blank\n");
        return 1;
    }
    if (argc == 8) {
        std::printf("%ld pixels of colour %s %s %s\n", matching, argv[4], argv[5], argv[6]);
        if (matching < std::atol(argv[7])) {
            std::fprintf(stderr, "png_check: fewer than %s pixels of that colour\n", argv[7]);
            return 1;
        }
    }
    return 0;
}
