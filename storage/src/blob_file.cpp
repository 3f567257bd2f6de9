#include "blob_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "fieldvault/crypto/blob_cipher.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/random.h"
#include "fieldvault/crypto/threaded_sink.h"
#include "file_io.h"

namespace fv::storage::detail {

namespace {

namespace fs = std::filesystem;
using crypto::kBlobChunkBytes;
using crypto::kBlobChunkOverhead;
using crypto::kBlobHeaderBytes;
using crypto::kBlobSealedChunkBytes;

constexpr std::string_view kSuffix = ".blob";
constexpr std::size_t kNameHexChars = 32;

// A buffer that held plaintext: zeroed before it is freed.
class WipedBytes {
public:
    explicit WipedBytes(std::size_t size) : bytes_(size) {}
    ~WipedBytes() { crypto::wipe_memory(bytes_.data(), bytes_.size()); }
    WipedBytes(const WipedBytes&) = delete;
    WipedBytes& operator=(const WipedBytes&) = delete;
    std::span<std::uint8_t> span() noexcept { return bytes_; }

private:
    std::vector<std::uint8_t> bytes_;
};

std::size_t fill(std::istream& in, std::span<std::uint8_t> buffer) {
    std::size_t done = 0;
    while (done < buffer.size() && in) {
        in.read(reinterpret_cast<char*>(buffer.data() + done), static_cast<std::streamsize>(buffer.size() - done));
        done += static_cast<std::size_t>(in.gcount());
    }
    if (in.bad()) throw Error(ErrorKind::Io, "cannot read the file being attached");
    return done;
}

// The sealed file size for `size` plaintext bytes: header, full chunks, and a
// last chunk of size % kBlobChunkBytes (empty when size is a multiple).
std::uint64_t sealed_size(std::uint64_t size) {
    const std::uint64_t chunks = size / kBlobChunkBytes + 1;
    return kBlobHeaderBytes + size + chunks * kBlobChunkOverhead;
}

}  // namespace

std::string new_blob_file_name() {
    std::array<std::uint8_t, kNameHexChars / 2> random{};
    crypto::random_bytes(random);
    return crypto::to_hex(random) + std::string(kSuffix);
}

bool is_blob_file_name(std::string_view name) noexcept {
    if (name.size() != kNameHexChars + kSuffix.size() || !name.ends_with(kSuffix)) return false;
    for (const char c : name.substr(0, kNameHexChars)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::uint64_t write_blob(const fs::path& path, const crypto::SecretBuffer& key, std::istream& in,
                         crypto::Sha256* hash, const std::function<void(std::uint64_t)>& progress) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0) io_error("cannot store the attachment", errno);
    try {
        crypto::BlobSealer sealer(key);
        write_all(fd.get(), sealer.header(), "cannot store the attachment");
        std::vector<std::uint8_t> sealed(kBlobSealedChunkBytes);
        // Reading and hashing (here) and sealing and writing (the stage's
        // thread) run side by side. A full chunk is never the last: a size that
        // is a multiple of the chunk size ends with an empty final chunk.
        // Every 8 MiB, the disk write of what was just written starts in the
        // background, so the fsync at the end waits for the last few MiB only.
        std::uint64_t written = kBlobHeaderBytes;
        std::uint64_t started = 0;
        crypto::ThreadedSink seal_and_write([&](std::span<const std::uint8_t> chunk) {
            const auto sealed_bytes = sealer.seal(chunk, chunk.size() < kBlobChunkBytes, sealed);
            write_all(fd.get(), std::span(sealed).first(sealed_bytes), "cannot store the attachment");
            written += sealed_bytes;
            if (written - started >= (8u << 20)) {
                ::sync_file_range(fd.get(), static_cast<off_t>(started), static_cast<off_t>(written - started),
                                  SYNC_FILE_RANGE_WRITE);
                started = written;
            }
        });
        WipedBytes plain(kBlobChunkBytes);
        std::uint64_t total = 0;
        for (;;) {
            const std::size_t n = fill(in, plain.span());
            const auto chunk = plain.span().first(n);
            if (hash != nullptr) hash->update(chunk);
            seal_and_write.push(chunk);
            total += n;
            if (progress && n > 0) progress(total);
            if (n < kBlobChunkBytes) break;
        }
        seal_and_write.finish();
        if (::fsync(fd.get()) != 0) io_error("cannot store the attachment", errno);
        if (::close(fd.release()) != 0) io_error("cannot store the attachment", errno);
        sync_folder(path.parent_path());
        return total;
    } catch (...) {
        std::error_code ignored;
        fs::remove(path, ignored);
        throw;
    }
}

void read_blob(const fs::path& path, const crypto::SecretBuffer& key, std::uint64_t size,
               const std::function<void(std::span<const std::uint8_t>)>& sink) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) {
        if (errno == ENOENT) throw Error(ErrorKind::Integrity, "an attachment file is missing from the vault");
        io_error("cannot read an attachment file", errno);
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) io_error("cannot read an attachment file", errno);
    if (!S_ISREG(st.st_mode)) throw Error(ErrorKind::Integrity, "an attachment file is not a regular file");
    // Cut or extended files are refused before any plaintext is released.
    if (static_cast<std::uint64_t>(st.st_size) != sealed_size(size)) {
        throw Error(ErrorKind::Integrity, "an attachment file has the wrong size (cut, extended or swapped)");
    }
    crypto::BlobHeader header{};
    if (read_up_to(fd.get(), header, "cannot read an attachment file") != header.size()) {
        throw Error(ErrorKind::Integrity, "an attachment file is cut");
    }
    crypto::BlobOpener opener(key, header);
    std::vector<std::uint8_t> sealed(kBlobSealedChunkBytes);
    WipedBytes plain(kBlobChunkBytes);
    std::uint64_t remaining = size;
    for (;;) {
        const bool last = remaining < kBlobChunkBytes;
        const std::size_t expected = (last ? static_cast<std::size_t>(remaining) : kBlobChunkBytes) + kBlobChunkOverhead;
        const auto got = read_up_to(fd.get(), std::span(sealed).first(expected), "cannot read an attachment file");
        if (got != expected) throw Error(ErrorKind::Integrity, "an attachment file is cut");
        const auto n = opener.open(std::span(sealed).first(got), last, plain.span());
        if (n > 0) sink(plain.span().first(n));
        remaining -= n;
        if (last) break;
    }
}

}  // namespace fv::storage::detail
