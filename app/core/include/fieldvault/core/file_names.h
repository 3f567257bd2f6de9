#pragma once
#include <string>
#include <string_view>

namespace fv::core {

// The name an attachment is stored under: the last path component only, with
// invalid UTF-8 replaced, control and bidirectional-override characters
// replaced by '_', "." and ".." refused (renamed), and the length bounded.
std::string sanitize_file_name(std::string_view raw);

}  // namespace fv::core
