#pragma once
// --help with translated words lined up. CLI11 pads the left column
// ("--vault DIR") by bytes, but a translated placeholder ("--vault 文件夹")
// takes fewer terminal columns than it has bytes, so every description after
// one drifted left. This formatter pads by terminal columns instead; the
// rest (labels, groups, wrapping of long names) is CLI11's own.
#include <cstddef>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace fv::cli {

// The columns `text` takes on a terminal: East Asian wide characters (CJK,
// Hangul, full-width forms) take two, others one; a malformed byte counts one.
inline std::size_t terminal_columns(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        if (i + length > text.size()) length = 1;
        char32_t cp = length == 1 ? char32_t{lead} : static_cast<char32_t>(lead & (0x7Fu >> length));
        for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        columns += wide ? 2 : 1;
        i += length;
    }
    return columns;
}

class HelpFormatter : public CLI::Formatter {
public:
    // As CLI::detail::format_help, with the name measured in columns.
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
        const std::string description = make_option_desc(opt);
        const std::size_t width = get_column_width();
        const std::size_t used = terminal_columns(name);
        std::string out = name;
        if (used < width) out.append(width - used, ' ');
        if (!description.empty()) {
            if (used >= width) out += "\n" + std::string(width, ' ');
            for (const char c : description) {
                out += c;
                if (c == '\n') out.append(width, ' ');
            }
        }
        out += '\n';
        return out;
    }
};

}  // namespace fv::cli
