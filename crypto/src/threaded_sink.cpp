#include "fieldvault/crypto/threaded_sink.h"

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

namespace {

void wipe(std::vector<std::uint8_t>& buffer) noexcept {
    wipe_memory(buffer.data(), buffer.size());
}

}  // namespace

ThreadedSink::ThreadedSink(Consume consume, std::size_t depth, std::size_t batch_bytes)
    : consume_(std::move(consume)), depth_(depth), batch_bytes_(batch_bytes) {
    if (depth_ == 0) throw Error(ErrorKind::Invalid, "a pipeline stage needs at least one buffer");
    worker_ = std::thread([this] { run(); });
}

ThreadedSink::~ThreadedSink() {
    stop();
    wipe(filling_);
    for (auto& buffer : queued_) wipe(buffer);
    for (auto& buffer : spare_) wipe(buffer);
}

void ThreadedSink::stop() noexcept {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
}

std::vector<std::uint8_t> ThreadedSink::take_buffer() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return in_flight_ < depth_ || error_; });
    if (error_) std::rethrow_exception(error_);
    if (closing_ || stopping_) throw Error(ErrorKind::Invalid, "push after finish");
    ++in_flight_;
    if (spare_.empty()) return {};
    auto buffer = std::move(spare_.back());
    spare_.pop_back();
    return buffer;
}

void ThreadedSink::enqueue(std::vector<std::uint8_t> buffer) {
    {
        std::lock_guard lock(mutex_);
        queued_.push_back(std::move(buffer));
    }
    changed_.notify_all();
}

void ThreadedSink::push(std::span<const std::uint8_t> bytes) {
    if (batch_bytes_ == 0) {
        auto buffer = take_buffer();
        buffer.assign(bytes.begin(), bytes.end());  // reuses the capacity of a spare buffer
        enqueue(std::move(buffer));
        return;
    }
    if (bytes.empty()) return;
    if (!has_filling_) {
        filling_ = take_buffer();
        filling_.clear();
        has_filling_ = true;
    }
    filling_.insert(filling_.end(), bytes.begin(), bytes.end());
    if (filling_.size() >= batch_bytes_) {
        has_filling_ = false;
        enqueue(std::move(filling_));
        filling_ = {};
    }
}

void ThreadedSink::finish() {
    if (has_filling_) {
        has_filling_ = false;
        enqueue(std::move(filling_));
        filling_ = {};
    }
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
    if (error_) std::rethrow_exception(error_);
}

void ThreadedSink::run() {
    for (;;) {
        std::vector<std::uint8_t> buffer;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !queued_.empty() || closing_; });
            if (stopping_ || queued_.empty()) return;  // stopped, or closed and drained
            buffer = std::move(queued_.front());
            queued_.pop_front();
        }
        std::exception_ptr failure;
        try {
            consume_(buffer);
        } catch (...) {
            failure = std::current_exception();
        }
        wipe(buffer);
        {
            std::lock_guard lock(mutex_);
            --in_flight_;
            spare_.push_back(std::move(buffer));
            if (failure) {
                error_ = failure;
                stopping_ = true;
            }
        }
        changed_.notify_all();
        if (failure) return;
    }
}

}  // namespace fv::crypto
