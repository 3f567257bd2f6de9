#pragma once
#include <string>
#include <string_view>

namespace fv::core {

// The name an attachment is stored under: the last path component only, with
// invalid UTF-8 replaced, control and bidirectional-override characters
// replaced by '_', "." and ".." refused (renamed), a leading '.' made '_' (a
// sender must not plant ".bash_profile" in a home folder), and the length bounded.
std::string sanitize_file_name(std::string_view raw);

// What a person should be told before opening a file by this name.
enum class FileNameRisk {
    None,
    Hidden,   // starts with '.': hidden in file managers (only in vaults from before the rename rule)
    Program,  // an extension that runs as a program or script when opened (.exe, .sh, .desktop, ...)
};
FileNameRisk file_name_risk(std::string_view name) noexcept;

}  // namespace fv::core
