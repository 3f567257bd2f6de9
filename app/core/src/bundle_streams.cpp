#include "bundle_streams.h"
#include "fieldvault/core/i18n.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ios>
#include <span>
#include <system_error>

#include "fieldvault/model/error.h"

namespace fv::core::detail {

namespace {

constexpr std::size_t kItemBufferBytes = 64 * 1024;
// The file is read ahead in blocks of 1 MiB, at most kDepth of them in flight.
constexpr std::size_t kReadBlockBytes = 1 << 20;
constexpr std::size_t kDepth = 4;

std::span<const std::uint8_t> as_bytes(const char* data, std::size_t size) {
    return {reinterpret_cast<const std::uint8_t*>(data), size};
}

}  // namespace

BundleItemSource::BundleItemSource(crypto::BundleReader& reader) : reader_(reader), buffer_(kItemBufferBytes) {
    setg(buffer_.data(), buffer_.data(), buffer_.data());
}

BundleItemSource::int_type BundleItemSource::underflow() {
    const auto got = reader_.read({reinterpret_cast<std::uint8_t*>(buffer_.data()), buffer_.size()});
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return got == 0 ? traits_type::eof() : traits_type::to_int_type(buffer_[0]);
}

std::streamsize BundleItemSource::xsgetn(char* s, std::streamsize n) {
    std::streamsize done = 0;
    // What an earlier small read left in the buffer comes first.
    const auto buffered = std::min<std::streamsize>(n, egptr() - gptr());
    if (buffered > 0) {
        std::copy_n(gptr(), buffered, s);
        gbump(static_cast<int>(buffered));
        done = buffered;
    }
    while (done < n) {
        const auto got = reader_.read({reinterpret_cast<std::uint8_t*>(s + done), static_cast<std::size_t>(n - done)});
        if (got == 0) break;  // the item is complete and checked
        done += static_cast<std::streamsize>(got);
    }
    return done;
}

HashingSink::HashingSink(std::ostream& target) : target_(target) {}

HashingSink::int_type HashingSink::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    xsputn(&c, 1);
    return ch;
}

std::streamsize HashingSink::xsputn(const char* s, std::streamsize n) {
    target_.write(s, n);
    // errno travels in the error code, so the file's owner can say "disk full" (see write_new_file).
    if (!target_) throw std::ios_base::failure("could not write the bundle", std::error_code(errno, std::generic_category()));
    hash_.update(as_bytes(s, static_cast<std::size_t>(n)));
    bytes_ += static_cast<std::uint64_t>(n);
    return n;
}

crypto::Sha256Digest HashingSink::finish() { return hash_.finish(); }

HashingSource::HashingSource(std::istream& source) : source_(source) {
    setg(nullptr, nullptr, nullptr);
    worker_ = std::thread([this] { run(); });
}

HashingSource::~HashingSource() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
}

std::vector<char> HashingSource::take_free() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return in_flight_ < kDepth || stopping_; });
    if (stopping_) return {};
    ++in_flight_;
    if (free_.empty()) return std::vector<char>(kReadBlockBytes);
    auto block = std::move(free_.back());
    free_.pop_back();
    return block;
}

void HashingSource::run() {
    try {
        for (;;) {
            auto block = take_free();
            if (block.empty()) return;  // stopped
            block.resize(kReadBlockBytes);
            std::size_t got = 0;
            while (got < block.size() && source_) {
                source_.read(block.data() + got, static_cast<std::streamsize>(block.size() - got));
                got += static_cast<std::size_t>(source_.gcount());
            }
            const bool bad = source_.bad();
            hash_.update(as_bytes(block.data(), got));
            block.resize(got);
            {
                std::lock_guard lock(mutex_);
                if (got > 0) {
                    ready_.push_back(std::move(block));
                } else {
                    --in_flight_;
                }
                if (bad) failed_ = true;
                if (got == 0 || bad || !source_) ended_ = true;
            }
            changed_.notify_all();
            if (got == 0 || bad || !source_) return;
        }
    } catch (...) {
        {
            std::lock_guard lock(mutex_);
            error_ = std::current_exception();
            failed_ = true;
            ended_ = true;
        }
        changed_.notify_all();
    }
}

HashingSource::int_type HashingSource::underflow() {
    std::unique_lock lock(mutex_);
    if (holding_) {
        // The block just read is free again.
        holding_ = false;
        free_.push_back(std::move(current_));
        current_ = {};
        --in_flight_;
        changed_.notify_all();
    }
    changed_.wait(lock, [&] { return !ready_.empty() || ended_; });
    if (ready_.empty()) {
        setg(nullptr, nullptr, nullptr);
        return traits_type::eof();
    }
    current_ = std::move(ready_.front());
    ready_.pop_front();
    holding_ = true;
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(current_[0]);
}

bool HashingSource::failed() const noexcept {
    std::lock_guard lock(mutex_);
    return failed_;
}

crypto::Sha256Digest HashingSource::finish() {
    {
        // The hash is of the whole file: only once this stream has been read to its end.
        std::lock_guard lock(mutex_);
        if (!ended_ || !ready_.empty() || (holding_ && gptr() != egptr()))
            throw Error(ErrorKind::Invalid, tr("the bundle file was not read to its end"));
    }
    if (worker_.joinable()) worker_.join();  // it has ended (ended_ is set just before it returns)
    if (error_) std::rethrow_exception(error_);
    return hash_.finish();
}

}  // namespace fv::core::detail
