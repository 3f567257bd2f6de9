#include "bundle_streams.h"

#include <cerrno>
#include <cstring>
#include <ios>
#include <system_error>
#include <span>

#include "fieldvault/model/error.h"

namespace fv::core::detail {

namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;
// The file's hash-and-write stage: 4 x 512 KiB in flight, few thread hand-offs.
constexpr std::size_t kStageDepth = 4;
constexpr std::size_t kStageBatchBytes = 512 * 1024;

std::span<const std::uint8_t> as_bytes(const char* data, std::size_t size) {
    return {reinterpret_cast<const std::uint8_t*>(data), size};
}

}  // namespace

BundleItemSource::BundleItemSource(crypto::BundleReader& reader) : reader_(reader), buffer_(kBufferBytes) {
    setg(buffer_.data(), buffer_.data(), buffer_.data());
}

BundleItemSource::int_type BundleItemSource::underflow() {
    const auto got = reader_.read({reinterpret_cast<std::uint8_t*>(buffer_.data()), buffer_.size()});
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return got == 0 ? traits_type::eof() : traits_type::to_int_type(buffer_[0]);
}

HashingSink::HashingSink(std::ostream& target)
    : stage_([this, &target](std::span<const std::uint8_t> bytes) {
          hash_.update(bytes);
          target.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
          // errno belongs to this thread: it travels in the error code, so the
          // file's owner can say "disk full" (see write_new_file).
          if (!target) throw std::ios_base::failure("could not write the bundle", std::error_code(errno, std::generic_category()));
      }, kStageDepth, kStageBatchBytes) {}

HashingSink::~HashingSink() = default;

HashingSink::int_type HashingSink::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    xsputn(&c, 1);
    return ch;
}

std::streamsize HashingSink::xsputn(const char* s, std::streamsize n) {
    // No buffer of our own: the stage copies writes into its batches.
    stage_.push(as_bytes(s, static_cast<std::size_t>(n)));
    bytes_ += static_cast<std::uint64_t>(n);
    return n;
}

crypto::Sha256Digest HashingSink::finish() {
    stage_.finish();  // every byte hashed and handed to the target; its error, if any, is thrown here
    return hash_.finish();
}

HashingSource::HashingSource(std::istream& source) : source_(source), buffer_(kBufferBytes) {
    setg(buffer_.data(), buffer_.data(), buffer_.data());
}

HashingSource::int_type HashingSource::underflow() {
    source_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    const auto got = static_cast<std::size_t>(source_.gcount());
    if (source_.bad()) failed_ = true;
    hash_.update(as_bytes(buffer_.data(), got));
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return got == 0 ? traits_type::eof() : traits_type::to_int_type(buffer_[0]);
}

crypto::Sha256Digest HashingSource::finish() { return hash_.finish(); }

}  // namespace fv::core::detail
