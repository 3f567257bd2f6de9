#include "exclusive_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>
#include <string>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"

namespace fv::core::detail {

namespace fs = std::filesystem;

namespace {

// fsync a file we have just written (a read-only descriptor is enough on Linux).
void sync_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (fd >= 0) ::close(fd);
        throw Error(ErrorKind::Io, "could not flush " + path.string() + ": " + std::strerror(errno));
    }
    ::close(fd);
}

[[noreturn]] void write_failed(const fs::path& out, int error) {
    if (error == ENOSPC || error == EFBIG || error == EDQUOT)
        throw Error(ErrorKind::Io, "disk full: writing " + out.string() + " failed");
    throw Error(ErrorKind::Io, "writing " + out.string() + " failed (disk full?)");
}

void sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

void write_new_file(const fs::path& out, const std::function<void(std::ostream&)>& fill,
                    const std::function<void()>& before_rename) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(out, ec))) throw Error(ErrorKind::Invalid, "will not overwrite existing " + out.string());
    const auto dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::NotFound, "no such folder: " + dir.string());

    const auto tmp = dir / ("." + out.filename().string() + ".fieldvault-" + crypto::random_hex_id(8) + ".part");
    try {
        {
            std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
            if (!file) throw Error(ErrorKind::Io, "cannot write in " + dir.string() + ": " + std::strerror(errno));
            ::chmod(tmp.c_str(), S_IRUSR | S_IWUSR);
            try {
                fill(file);
                file.flush();
            } catch (const std::ios_base::failure& e) {
                // A writer that set exceptions(badbit) on a stream over `file`
                // (export does) sees a failed write as ios_base::failure: report
                // it as the Io error it is, not as an internal error. When another
                // thread wrote (export's hashing stage), its errno is in the code.
                write_failed(out, e.code().category() == std::generic_category() ? e.code().value() : errno);
            }
            if (!file) write_failed(out, errno);
        }
        sync_file(tmp);
        if (before_rename) before_rename();
        if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, out.c_str(), RENAME_NOREPLACE) != 0) {
            // File systems without RENAME_NOREPLACE (some FUSE and NFS mounts,
            // e.g. USB sticks through ntfs-3g): link() never replaces a name either.
            if ((errno != EINVAL && errno != ENOSYS) || ::link(tmp.c_str(), out.c_str()) != 0)
                throw Error(ErrorKind::Io, "could not create " + out.string() + ": " + std::strerror(errno));
            ::unlink(tmp.c_str());
        }
        sync_directory(dir);
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
}

}  // namespace fv::core::detail
