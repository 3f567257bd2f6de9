#include "fieldvault/core/original_files.h"
#include "fieldvault/core/i18n.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string>

#include "fieldvault/model/error.h"

namespace fv::core {
namespace {

[[noreturn]] void fail(ErrorKind kind, const std::string& what, const std::filesystem::path& file) {
    throw Error(kind, what + ": " + file.filename().string());
}

}  // namespace

void delete_original(const std::filesystem::path& file) {
    struct stat info {};
    if (::lstat(file.c_str(), &info) != 0) {
        if (errno == ENOENT) fail(ErrorKind::NotFound, tr("the file is no longer there"), file);
        fail(ErrorKind::Io, tr_args("cannot look at the file ({1})", {std::strerror(errno)}), file);
    }
    if (S_ISLNK(info.st_mode)) fail(ErrorKind::Invalid, tr("this is a link to another file; it was left as it is"), file);
    if (!S_ISREG(info.st_mode)) fail(ErrorKind::Invalid, tr("this is not an ordinary file; it was left as it is"), file);
    // O_NOFOLLOW: a link swapped in since lstat is refused, never followed.
    const int fd = ::open(file.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) fail(ErrorKind::Io, tr_args("cannot write to the file ({1})", {std::strerror(errno)}), file);
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || opened.st_ino != info.st_ino || opened.st_dev != info.st_dev) {
        ::close(fd);
        fail(ErrorKind::Invalid, tr("the file changed while it was being deleted; it was left as it is"), file);
    }
    static const std::array<char, 64 * 1024> kZeros{};
    auto left = static_cast<std::uint64_t>(opened.st_size);
    while (left > 0) {
        const auto chunk = static_cast<std::size_t>(std::min<std::uint64_t>(left, kZeros.size()));
        const auto written = ::write(fd, kZeros.data(), chunk);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            const int saved = errno;
            ::close(fd);
            fail(ErrorKind::Io, tr_args("cannot overwrite the file ({1})", {std::strerror(saved)}), file);
        }
        left -= static_cast<std::uint64_t>(written);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) fail(ErrorKind::Io, tr("cannot flush the overwritten file to the disk"), file);
    if (::unlink(file.c_str()) != 0)
        fail(ErrorKind::Io, tr_args("the file was overwritten but not removed ({1})", {std::strerror(errno)}), file);
}

}  // namespace fv::core
