#include "exclusive_file.h"
#include "fieldvault/core/i18n.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <streambuf>
#include <system_error>
#include <string>
#include <vector>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"

namespace fv::core::detail {

namespace fs = std::filesystem;

int open_new_private_file(const fs::path& path) noexcept {
    return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
}

namespace {

// The temporary file, created 0600 with O_EXCL and O_NOFOLLOW: it is the
// user's alone from its first byte (a plaintext extract must never be
// readable by another local user, not even for the instant before a chmod),
// and an attacker's symlink or file under its name is refused, not followed.
class NewFileBuffer final : public std::streambuf {
public:
    explicit NewFileBuffer(const fs::path& path)
        : fd_(open_new_private_file(path)),
          buffer_(64 * 1024) {
        if (fd_ >= 0) setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    ~NewFileBuffer() override {
        if (fd_ >= 0) ::close(fd_);
    }
    NewFileBuffer(const NewFileBuffer&) = delete;
    NewFileBuffer& operator=(const NewFileBuffer&) = delete;

    bool opened() const noexcept { return fd_ >= 0; }
    int error() const noexcept { return error_; }  // errno of the first failed write
    // Everything written reaches the disk, or the errno of what failed.
    int flush_and_sync() {
        if (sync() != 0) return error_;
        if (::fsync(fd_) != 0) return errno;
        return 0;
    }

protected:
    int_type overflow(int_type ch) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        const char* data = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0 && error_ == 0) {
            const ssize_t n = ::write(fd_, data, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                error_ = n < 0 ? errno : EIO;
                break;
            }
            data += n;
            left -= static_cast<std::size_t>(n);
            written_ += static_cast<std::uint64_t>(n);
        }
        // Start writing every 8 MiB to the disk now, in the background, so the
        // fsync at the end waits for the last few MiB instead of the whole file.
        if (written_ - started_ >= kWritebackBytes) {
            ::sync_file_range(fd_, static_cast<off_t>(started_), static_cast<off_t>(written_ - started_),
                              SYNC_FILE_RANGE_WRITE);
            started_ = written_;
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        return error_ == 0;
    }

    static constexpr std::uint64_t kWritebackBytes = 8u << 20;
    int fd_;
    std::vector<char> buffer_;
    int error_ = 0;
    std::uint64_t written_ = 0;  // bytes written so far
    std::uint64_t started_ = 0;  // bytes whose write to disk has been started
};

[[noreturn]] void write_failed(const fs::path& out, int error) {
    if (error == ENOSPC || error == EFBIG || error == EDQUOT)
        throw Error(ErrorKind::Io, tr_args("disk full: writing {1} failed", {out.string()}));
    throw Error(ErrorKind::Io, tr_args("writing {1} failed (disk full?)", {out.string()}));
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
    if (fs::exists(fs::symlink_status(out, ec))) throw Error(ErrorKind::Invalid, tr_args("will not overwrite existing {1}", {out.string()}));
    const auto dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::NotFound, tr_args("no such folder: {1}", {dir.string()}));

    // Hidden, and without the program's name: a left-over one must not say what made it.
    const auto tmp = dir / ("." + out.filename().string() + "." + crypto::random_hex_id(8) + ".part");
    try {
        {
            NewFileBuffer buffer(tmp);
            if (!buffer.opened())
                throw Error(ErrorKind::Io, tr_args("cannot write in {1}: {2}", {dir.string(), std::strerror(errno)}));
            std::ostream file(&buffer);
            try {
                fill(file);
                file.flush();
            } catch (const std::ios_base::failure& e) {
                // A writer that set exceptions(badbit) on a stream over `file`
                // (export does) sees a failed write as ios_base::failure: report
                // it as the Io error it is, not as an internal error. When another
                // thread wrote (export's hashing stage), its errno is in the code.
                write_failed(out, e.code().category() == std::generic_category() ? e.code().value()
                                                                                  : buffer.error());
            }
            if (!file) write_failed(out, buffer.error());
            if (const int error = buffer.flush_and_sync(); error != 0) write_failed(out, error);
        }
        if (before_rename) before_rename();
        if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, out.c_str(), RENAME_NOREPLACE) != 0) {
            // File systems without RENAME_NOREPLACE (some FUSE and NFS mounts,
            // e.g. USB sticks through ntfs-3g): link() never replaces a name either.
            if ((errno != EINVAL && errno != ENOSYS) || ::link(tmp.c_str(), out.c_str()) != 0)
                throw Error(ErrorKind::Io, tr_args("could not create {1}: {2}", {out.string(), std::strerror(errno)}));
            ::unlink(tmp.c_str());
        }
        sync_directory(dir);
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
}

}  // namespace fv::core::detail
