#pragma once
// Decoding an attachment's image (PNG, JPEG, GIF, BMP) in memory for a
// preview, with limits checked before decoding: a crafted or huge file is
// refused calmly instead of exhausting memory. No ImGui, no GL.
#include <cstdint>
#include <span>

#include "fieldvault/model/secret.h"

namespace fv::gui {

struct ImageLimits {
    std::uint64_t max_bytes = 64ull << 20;  // encoded file size
    int max_side = 8192;                    // pixels, width and height each
};

struct DecodedImage {
    int width = 0;
    int height = 0;
    SecretBuffer rgba;  // width * height * 4 bytes, wiped when freed
};

// True if the bytes start like a PNG, JPEG, GIF or BMP file (the formats we
// hand to the decoder; others are never parsed).
bool looks_like_image(std::span<const std::uint8_t> bytes) noexcept;

// Throws fv::Error(Invalid) with a calm one-line reason: too large (bytes or
// pixels), not an image we can show, or damaged.
DecodedImage decode_image(std::span<const std::uint8_t> bytes, const ImageLimits& limits = {});

}  // namespace fv::gui
