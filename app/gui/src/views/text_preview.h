#pragma once
// The start of a text attachment for an in-app preview: valid UTF-8 only
// (anything else is refused, not guessed at), cut at a character boundary.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace fv::gui {

struct TextPreview {
    std::string text;        // decrypted content: wipe it (wipe_string) when done
    bool truncated = false;  // the file is longer than what is shown
};

inline constexpr std::size_t kTextPreviewBytes = 64 * 1024;

// Throws fv::Error(Invalid) if the shown part is not valid UTF-8 or holds NUL bytes.
TextPreview make_text_preview(std::span<const std::uint8_t> bytes, std::size_t max_bytes = kTextPreviewBytes);

}  // namespace fv::gui
