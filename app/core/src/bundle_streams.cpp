#include "bundle_streams.h"

#include <cstring>
#include <span>

#include "fieldvault/crypto/error.h"

namespace fv::core::detail {

namespace {

constexpr std::size_t kBufferBytes = 64 * 1024;

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

HashingSink::int_type HashingSink::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
}

std::streamsize HashingSink::xsputn(const char* s, std::streamsize n) {
    target_.write(s, n);
    if (!target_) return 0;
    hash_.update(as_bytes(s, static_cast<std::size_t>(n)));
    bytes_ += static_cast<std::uint64_t>(n);
    return n;
}

int HashingSink::sync() {
    target_.flush();
    return target_ ? 0 : -1;
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

}  // namespace fv::core::detail
