#pragma once
// Writing the plain files of a legal export or a proof folder: new files only
// (mode 0600, never over an existing file or symlink), new folders only (0700).
#include <filesystem>
#include <functional>
#include <string_view>

namespace fv::core::detail {

// Throws fv::Error(Invalid) if it exists, fv::Error(Io) if it cannot be made.
void make_new_folder(const std::filesystem::path& folder);
// Writes and fsyncs `bytes` into a new file. Throws fv::Error(Io) (full disk,
// no permission) or fv::Error(Invalid) (exists); a partial file is removed.
void write_output_file(const std::filesystem::path& file, std::string_view bytes);
// The same, with the bytes pushed by `fill` (each call writes them at once).
void write_output_file(const std::filesystem::path& file,
                       const std::function<void(const std::function<void(std::string_view)>&)>& fill);

}  // namespace fv::core::detail
