#include "views/image_preview.h"

// stb_image's implementation is compiled into Debian's libstb (linked through
// imgui's pkg-config), so no STB_IMAGE_IMPLEMENTATION here.
#include <stb/stb_image.h>

#include <cstring>
#include <string>

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"
#include "views/view.h"

namespace fv::gui {
namespace {

bool starts_with(std::span<const std::uint8_t> bytes, const char* magic, std::size_t length) noexcept {
    return bytes.size() >= length && std::memcmp(bytes.data(), magic, length) == 0;
}

}  // namespace

bool looks_like_image(std::span<const std::uint8_t> bytes) noexcept {
    return starts_with(bytes, "\x89PNG\r\n\x1a\n", 8) || starts_with(bytes, "\xff\xd8\xff", 3) ||
           starts_with(bytes, "GIF87a", 6) || starts_with(bytes, "GIF89a", 6) || starts_with(bytes, "BM", 2);
}

DecodedImage decode_image(std::span<const std::uint8_t> bytes, const ImageLimits& limits) {
    if (bytes.size() > limits.max_bytes)
        throw Error(ErrorKind::Invalid, core::tr_args("This image is too large to preview ({1}); save a copy to view it.",
                                                      {human_size(bytes.size())}));
    if (!looks_like_image(bytes))
        throw Error(ErrorKind::Invalid, core::tr("This file is not an image the app can show."));
    const auto length = static_cast<int>(bytes.size());  // fits: max_bytes is far below INT_MAX
    int width = 0, height = 0, channels = 0;
    // Header first: dimensions are checked before any pixel memory is taken.
    if (stbi_info_from_memory(bytes.data(), length, &width, &height, &channels) == 0 || width <= 0 || height <= 0)
        throw Error(ErrorKind::Invalid, core::tr("This picture seems to be damaged and cannot be shown."));
    if (width > limits.max_side || height > limits.max_side)
        throw Error(ErrorKind::Invalid,
                    core::tr_args("This image is too large to preview ({1} x {2} pixels); save a copy to view it.",
                                  {std::to_string(width), std::to_string(height)}));
    stbi_uc* pixels = stbi_load_from_memory(bytes.data(), length, &width, &height, &channels, 4);
    if (pixels == nullptr)
        throw Error(ErrorKind::Invalid, core::tr("This picture seems to be damaged and cannot be shown."));
    const auto size = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u;
    DecodedImage image;
    image.width = width;
    image.height = height;
    try {
        image.rgba = SecretBuffer::from_bytes({pixels, size});
    } catch (...) {
        wipe_memory(pixels, size);
        stbi_image_free(pixels);
        throw;
    }
    // The decoder's own buffer held the picture too: zero it before it goes.
    wipe_memory(pixels, size);
    stbi_image_free(pixels);
    return image;
}

}  // namespace fv::gui
