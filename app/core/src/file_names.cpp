#include "fieldvault/core/file_names.h"

#include <cstdint>

#include "fieldvault/core/text.h"

namespace fv::core {
namespace {

constexpr std::size_t kMaxNameBytes = 200;

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if invalid.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    for (std::size_t len = 1; len <= 4 && i + len <= s.size(); ++len)
        if (is_valid_utf8(s.substr(i, len))) return len;
    return 0;
}

std::uint32_t decode(std::string_view seq) {
    const auto b0 = static_cast<std::uint8_t>(seq[0]);
    if (seq.size() == 1) return b0;
    std::uint32_t cp = b0 & (0xFFu >> (seq.size() + 1));
    for (std::size_t k = 1; k < seq.size(); ++k) cp = (cp << 6) | (static_cast<std::uint8_t>(seq[k]) & 0x3Fu);
    return cp;
}

bool is_unsafe(std::uint32_t cp) {
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return true;   // control characters
    if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)) return true;  // bidi marks/overrides
    if (cp >= 0x2066 && cp <= 0x2069) return true;                             // bidi isolates
    return cp == '/' || cp == '\\';
}

}  // namespace

std::string sanitize_file_name(std::string_view raw) {
    // Keep only the last path component.
    if (const auto slash = raw.find_last_of('/'); slash != std::string_view::npos) raw.remove_prefix(slash + 1);
    std::string out;
    for (std::size_t i = 0; i < raw.size();) {
        const auto len = sequence_length(raw, i);
        if (len == 0) {
            // The bound holds for replacements too (found by fuzz_report_document:
            // 255 invalid bytes used to become a 765-byte name).
            if (out.size() + 3 > kMaxNameBytes) break;
            out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
            ++i;
            continue;
        }
        const auto seq = raw.substr(i, len);
        if (out.size() + len > kMaxNameBytes) break;
        if (is_unsafe(decode(seq)))
            out += '_';
        else
            out += seq;
        i += len;
    }
    if (out.empty() || out == "." || out == "..") out = "attachment";
    if (out.front() == '.') out.front() = '_';  // never a hidden file ("_bash_profile")
    return out;
}

FileNameRisk file_name_risk(std::string_view name) noexcept {
    if (!name.empty() && name.front() == '.') return FileNameRisk::Hidden;
    const auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos) return FileNameRisk::None;
    std::string extension;
    for (const char c : name.substr(dot + 1)) extension += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    // Opened by a double click, these run code rather than show a document.
    static constexpr std::string_view kPrograms[] = {
        "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "cpl", "lnk", "vbs", "vbe", "js", "jse",
        "wsf", "ps1", "hta", "jar", "sh", "bash", "zsh", "csh", "run", "bin", "appimage", "desktop",
        "py", "pl", "rb", "deb", "rpm", "app", "command", "pkg", "dmg", "apk", "reg", "dll", "so"};
    for (const auto program : kPrograms)
        if (extension == program) return FileNameRisk::Program;
    return FileNameRisk::None;
}

}  // namespace fv::core
