#include "output_files.h"
#include "fieldvault/core/i18n.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exclusive_file.h"
#include "fieldvault/model/error.h"

namespace fv::core::detail {

namespace fs = std::filesystem;

void make_new_folder(const fs::path& folder) {
    if (::mkdir(folder.c_str(), 0700) == 0) return;
    if (errno == EEXIST) throw Error(ErrorKind::Invalid, tr_args("will not write into an existing {1}", {folder.string()}));
    throw Error(ErrorKind::Io, tr_args("cannot create {1}: {2}", {folder.string(), std::strerror(errno)}));
}

void write_output_file(const fs::path& file,
                       const std::function<void(const std::function<void(std::string_view)>&)>& fill) {
    const int fd = open_new_private_file(file);
    if (fd < 0) {
        if (errno == EEXIST) throw Error(ErrorKind::Invalid, tr_args("will not overwrite {1}", {file.string()}));
        throw Error(ErrorKind::Io, tr_args("cannot create {1}: {2}", {file.string(), std::strerror(errno)}));
    }
    bool closed = false;
    auto fail = [&](const std::string& why) {
        closed = true;
        ::close(fd);
        ::unlink(file.c_str());
        throw Error(ErrorKind::Io, tr_args("cannot write {1}: {2}", {file.string(), why}));
    };
    try {
        fill([&](std::string_view bytes) {
            while (!bytes.empty()) {
                const auto n = ::write(fd, bytes.data(), bytes.size());
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) fail(std::strerror(errno));
                bytes.remove_prefix(static_cast<std::size_t>(n));
            }
        });
    } catch (const Error&) {
        if (!closed) {
            ::close(fd);
            ::unlink(file.c_str());
        }
        throw;
    }
    if (::fsync(fd) != 0) fail(std::strerror(errno));
    if (::close(fd) != 0) {
        ::unlink(file.c_str());
        throw Error(ErrorKind::Io, tr_args("cannot write {1}", {file.string()}));
    }
}

void write_output_file(const fs::path& file, std::string_view bytes) {
    write_output_file(file, [&](const auto& write) { write(bytes); });
}

}  // namespace fv::core::detail
