#pragma once
// After a file is safely in the vault, the person may want the original gone
// from Downloads or the desktop. What that can promise is stated plainly in
// the faces: the file's bytes are overwritten once and the file is removed,
// but on SSDs, USB sticks, copy-on-write file systems, backups, cloud sync or
// the trash, earlier copies of it may survive. Nothing here is a guarantee.
#include <filesystem>

namespace fv::core {

// Overwrites the regular file `file` with zeros (its whole length, flushed to
// the disk), then removes it. Refuses a symbolic link, a folder or anything
// that is not a regular file (fv::Error Invalid), a missing file (NotFound);
// an unwritable one gives fv::Error(Io) and leaves it in place.
void delete_original(const std::filesystem::path& file);

}  // namespace fv::core
