#pragma once
// Small POSIX file helpers for the vault folder: atomic replacement of the key
// header and bounded reads. Errors become fv::Error(Io) (disk full said clearly).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace fv::storage::detail {

// fv::Error(Io) "<what>: <strerror>", or "<what>: disk full" for ENOSPC.
[[noreturn]] void io_error(std::string_view what, int err);

// Closes the descriptor on every path out.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd();
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const noexcept { return fd_; }
    int release() noexcept { return std::exchange(fd_, -1); }

private:
    int fd_;
};

// write(2) until done (EINTR retried); errors are io_error(what, errno).
void write_all(int fd, std::span<const std::uint8_t> bytes, std::string_view what);
// read(2) until `out` is full or the file ends; returns the byte count.
std::size_t read_up_to(int fd, std::span<std::uint8_t> out, std::string_view what);
// fsync a folder, so that files created or renamed in it survive a crash.
void sync_folder(const std::filesystem::path& folder);

// Writes `bytes` to `dir/name` via `dir/name.tmp`: write, fsync the file, rename
// over the target, fsync the folder. The file gets mode 0600.
void write_file_atomically(const std::filesystem::path& dir, std::string_view name, std::string_view bytes);

// The two halves of write_file_atomically, so a caller can order several files
// (and tests can stop between the halves): write and fsync `dir/name.tmp`, then
// rename it over `dir/name` and fsync the folder.
void write_temp_file(const std::filesystem::path& dir, std::string_view name, std::string_view bytes);
void replace_with_temp_file(const std::filesystem::path& dir, std::string_view name);

// Reads at most `max_size` bytes; a larger file throws fv::Error(Integrity) unread.
std::string read_bounded_file(const std::filesystem::path& path, std::size_t max_size);

// The first `count` bytes of a file (fewer if it is shorter).
std::string read_file_prefix(const std::filesystem::path& path, std::size_t count);

// Copies `from` to a new file `to` (mode 0600, refused if it exists) and fsyncs it.
void copy_file_privately(const std::filesystem::path& from, const std::filesystem::path& to);

// fsync an existing file.
void sync_file(const std::filesystem::path& path);

// Creates an empty file with mode 0600, failing if it exists.
void create_private_file(const std::filesystem::path& path);

}  // namespace fv::storage::detail
