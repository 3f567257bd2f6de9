#include "file_io.h"

#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "fieldvault/model/error.h"

namespace fv::storage::detail {

[[noreturn]] void io_error(std::string_view what, int err) {
    std::string message(what);
    if (err == ENOSPC) {
        message += ": disk full";
    } else if (err == EFBIG) {
        // e.g. a vault on a FAT32 stick (4 GiB per file), or a process file-size limit.
        message += ": disk full for this file (larger than the file system or a limit allows)";
    } else if (err == EDQUOT) {
        message += ": disk full (quota exceeded)";
    } else {
        message += std::string(": ") + std::strerror(err);
    }
    throw Error(ErrorKind::Io, message);
}

Fd::~Fd() {
    if (fd_ >= 0) ::close(fd_);
}

void write_all(int fd, std::span<const std::uint8_t> bytes, std::string_view what) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            io_error(what, errno);
        }
        done += static_cast<std::size_t>(n);
    }
}

std::size_t read_up_to(int fd, std::span<std::uint8_t> out, std::string_view what) {
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            io_error(what, errno);
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    return done;
}

void sync_folder(const std::filesystem::path& folder) {
    Fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) io_error("cannot sync the vault folder", errno);
}

namespace {

std::span<const std::uint8_t> as_bytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::span<std::uint8_t> as_writable_bytes(std::string& text) {
    return {reinterpret_cast<std::uint8_t*>(text.data()), text.size()};
}

}  // namespace

void write_temp_file(const std::filesystem::path& dir, std::string_view name, std::string_view bytes) {
    const auto temp = dir / (std::string(name) + ".tmp");
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) io_error("cannot write the key header", errno);
    try {
        write_all(fd.get(), as_bytes(bytes), "cannot write the key header");
        if (::fsync(fd.get()) != 0) io_error("cannot write the key header", errno);
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (::close(fd.release()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        io_error("cannot write the key header", err);
    }
}

void replace_with_temp_file(const std::filesystem::path& dir, std::string_view name) {
    const auto target = dir / std::string(name);
    const auto temp = dir / (std::string(name) + ".tmp");
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        io_error("cannot replace the key header", err);
    }
    sync_folder(dir);
}

void write_file_atomically(const std::filesystem::path& dir, std::string_view name, std::string_view bytes) {
    write_temp_file(dir, name, bytes);
    replace_with_temp_file(dir, name);
}

std::string read_bounded_file(const std::filesystem::path& path, std::size_t max_size) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) io_error("cannot read " + path.filename().string(), errno);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) io_error("cannot read " + path.filename().string(), errno);
    if (!S_ISREG(st.st_mode) || st.st_size < 0 || static_cast<std::uint64_t>(st.st_size) > max_size) {
        throw Error(ErrorKind::Integrity, "corrupted key header");
    }
    std::string out(static_cast<std::size_t>(st.st_size), '\0');
    out.resize(read_up_to(fd.get(), as_writable_bytes(out), "cannot read " + path.filename().string()));
    return out;
}

std::string read_file_prefix(const std::filesystem::path& path, std::size_t count) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) io_error("cannot read " + path.filename().string(), errno);
    std::string out(count, '\0');
    out.resize(read_up_to(fd.get(), as_writable_bytes(out), "cannot read " + path.filename().string()));
    return out;
}

void copy_file_privately(const std::filesystem::path& from, const std::filesystem::path& to) {
    Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) io_error("cannot read " + from.filename().string(), errno);
    Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (out.get() < 0) io_error("cannot create " + to.filename().string(), errno);
    try {
        std::vector<std::uint8_t> buffer(1 << 20);
        for (;;) {
            const auto got = read_up_to(in.get(), buffer, "cannot read " + from.filename().string());
            if (got == 0) break;
            write_all(out.get(), std::span(buffer).first(got), "cannot write " + to.filename().string());
        }
        if (::fsync(out.get()) != 0) io_error("cannot write " + to.filename().string(), errno);
    } catch (...) {
        ::unlink(to.c_str());
        throw;
    }
}

void sync_file(const std::filesystem::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) io_error("cannot sync " + path.filename().string(), errno);
}

void create_private_file(const std::filesystem::path& path) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) io_error("cannot create " + path.filename().string(), errno);
}

}  // namespace fv::storage::detail
