#include "views/text_preview.h"

#include <string_view>

#include "fieldvault/core/i18n.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"

namespace fv::gui {

TextPreview make_text_preview(std::span<const std::uint8_t> bytes, std::size_t max_bytes) {
    TextPreview preview;
    std::size_t length = bytes.size();
    if (length > max_bytes) {
        preview.truncated = true;
        length = max_bytes;
        // Step back over continuation bytes (10xxxxxx) so no character is cut in two.
        while (length > 0 && (bytes[length] & 0xC0u) == 0x80u) --length;
    }
    const std::string_view shown(reinterpret_cast<const char*>(bytes.data()), length);
    if (!core::is_valid_utf8(shown) || shown.find('\0') != std::string_view::npos)
        throw Error(ErrorKind::Invalid,
                    core::tr("This file is not plain UTF-8 text; save a copy to open it in another program."));
    preview.text.assign(shown);
    return preview;
}

}  // namespace fv::gui
