#pragma once
// Creating a new file so that a failed or killed writer never leaves a file
// under the final name: write a hidden temporary file beside it (mode 0600),
// flush, fsync, then rename without replacing (renameat2 RENAME_NOREPLACE) and
// fsync the folder. Used by attachment extract and by bundle export.
#include <filesystem>
#include <functional>
#include <ostream>

namespace fv::core::detail {

// Throws fv::Error(Invalid) if `out` exists, fv::Error(NotFound) if its folder
// does not, fv::Error(Io) on a write failure; whatever `fill` throws passes
// through. On any failure the temporary file is removed.
// `before_rename` (optional) runs once the temporary file is complete and on
// disk, just before the rename: export commits its audit entry there, so a
// bundle never appears under its final name without being recorded. If it
// throws, the temporary file is removed and nothing is renamed.
// Opens `path` for writing as a new file, mode 0600 from its creation (no
// chmod afterwards, so no moment when another user could open it), refusing
// an existing file or symlink under that name (O_EXCL|O_NOFOLLOW). Returns the
// descriptor, or -1 with errno set.
int open_new_private_file(const std::filesystem::path& path) noexcept;

void write_new_file(const std::filesystem::path& out, const std::function<void(std::ostream&)>& fill,
                    const std::function<void()>& before_rename = {});

}  // namespace fv::core::detail
