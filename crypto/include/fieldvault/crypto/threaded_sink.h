#pragma once
// One stage of a byte pipeline on its own thread: bytes push()ed here are
// copied into one of a few reused buffers and handed, in order, to `consume`
// on a worker thread. Streaming an attachment is several CPU-heavy passes
// (decrypt, hash, encrypt, hash, write); splitting them across two threads
// lets a two-core laptop run them side by side (docs/performance.md).
// Memory stays bounded: at most `depth` chunks are in flight, and push()
// waits when all are. Buffers are wiped before they are reused or freed.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace fv::crypto {

class ThreadedSink {
public:
    using Consume = std::function<void(std::span<const std::uint8_t> bytes)>;

    // With batch_bytes > 0, pushes are gathered into chunks of at least that
    // many bytes before they are handed over (fewer thread hand-offs), for
    // consumers that do not care where one push ends; empty pushes are then
    // dropped. With 0, every push is one chunk, as pushed.
    explicit ThreadedSink(Consume consume, std::size_t depth = 4, std::size_t batch_bytes = 0);
    // Stops the worker without waiting for pending chunks (they are dropped):
    // the error path. Call finish() to complete normally.
    ~ThreadedSink();
    ThreadedSink(const ThreadedSink&) = delete;
    ThreadedSink& operator=(const ThreadedSink&) = delete;

    // Queues a copy of `bytes` (an empty span is delivered too). Rethrows what
    // `consume` threw, once it has failed.
    void push(std::span<const std::uint8_t> bytes);
    // Waits until every pushed chunk is consumed; rethrows what `consume` threw.
    void finish();

private:
    std::vector<std::uint8_t> take_buffer();  // waits for a free slot; counts it in flight
    void enqueue(std::vector<std::uint8_t> buffer);
    void run();
    void stop() noexcept;

    Consume consume_;
    std::size_t depth_;
    std::size_t batch_bytes_;
    std::vector<std::uint8_t> filling_;  // the batch being gathered (producer's side)
    bool has_filling_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<std::uint8_t>> queued_;
    std::vector<std::vector<std::uint8_t>> spare_;
    std::size_t in_flight_ = 0;  // queued or being consumed
    bool closing_ = false;       // no more pushes: drain and end
    bool stopping_ = false;      // end now, dropping what is queued
    std::exception_ptr error_;
    std::thread worker_;
};

}  // namespace fv::crypto
