// The pipeline stage used to stream attachments on two cores: order, errors
// from either side, bounded memory, and a clean stop on the error path.
#include "fieldvault/crypto/threaded_sink.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>

#include "fieldvault/model/error.h"

namespace fv::crypto {
namespace {

std::span<const std::uint8_t> bytes_of(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

TEST(ThreadedSink, DeliversEveryChunkInOrderIncludingEmptyOnes) {
    std::vector<std::string> seen;
    ThreadedSink sink([&](std::span<const std::uint8_t> b) { seen.emplace_back(b.begin(), b.end()); }, 2);
    std::vector<std::string> sent;
    for (std::size_t i = 0; i < 200; ++i) {
        sent.push_back(i % 17 == 0 ? std::string() : std::string(1 + i * 13 % 5000, static_cast<char>('a' + i % 26)));
    }
    for (const auto& chunk : sent) sink.push(bytes_of(chunk));
    sink.finish();
    EXPECT_EQ(seen, sent);
}

TEST(ThreadedSink, TheConsumersErrorReachesTheProducer) {
    ThreadedSink sink([](std::span<const std::uint8_t> b) {
        if (!b.empty() && b[0] == 'x') throw Error(ErrorKind::Io, "disk full");
    });
    sink.push(bytes_of("fine"));
    sink.push(bytes_of("x marks the failure"));
    // The failure surfaces at a later push or at finish, as the same error.
    try {
        for (int i = 0; i < 1000; ++i) sink.push(bytes_of("more"));
        sink.finish();
        FAIL() << "the consumer's error was lost";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
        EXPECT_STREQ(e.what(), "disk full");
    }
}

TEST(ThreadedSink, AProducerErrorStopsTheStageWithoutFinishing) {
    std::atomic<int> consumed{0};
    try {
        ThreadedSink sink([&](std::span<const std::uint8_t>) { ++consumed; });
        sink.push(bytes_of("one"));
        throw std::runtime_error("source failed");
    } catch (const std::runtime_error&) {
        // The destructor stopped and joined the worker: nothing runs after this.
    }
    const int after = consumed.load();
    EXPECT_LE(after, 1);
    EXPECT_EQ(consumed.load(), after);
}

TEST(ThreadedSink, AtMostDepthChunksAreInFlight) {
    std::mutex gate_mutex;
    std::condition_variable gate_changed;
    bool open = false;
    std::atomic<int> consumed{0};
    ThreadedSink sink(
        [&](std::span<const std::uint8_t>) {
            std::unique_lock lock(gate_mutex);
            gate_changed.wait(lock, [&] { return open; });
            ++consumed;
        },
        3);
    std::atomic<int> pushed{0};
    std::thread producer([&] {
        for (int i = 0; i < 10; ++i) {
            sink.push(bytes_of("chunk"));
            ++pushed;
        }
    });
    // With the consumer held, exactly `depth` pushes can return.
    for (int i = 0; i < 1000 && pushed.load() < 3; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(pushed.load(), 3);
    EXPECT_EQ(consumed.load(), 0);
    {
        std::lock_guard lock(gate_mutex);
        open = true;
    }
    gate_changed.notify_all();
    producer.join();
    sink.finish();
    EXPECT_EQ(consumed.load(), 10);
}

TEST(ThreadedSink, BatchesGatherPushesIntoFewerLargerChunks) {
    std::string joined;
    std::size_t calls = 0;
    std::size_t largest = 0;
    ThreadedSink sink(
        [&](std::span<const std::uint8_t> b) {
            joined.append(b.begin(), b.end());
            ++calls;
            largest = std::max(largest, b.size());
        },
        2, 10000);
    std::string sent;
    for (std::size_t i = 0; i < 500; ++i) {
        const std::string chunk(i % 7 == 0 ? 0 : 100 + i % 50, static_cast<char>('A' + i % 26));
        sent += chunk;
        sink.push(bytes_of(chunk));
    }
    sink.finish();
    EXPECT_EQ(joined, sent);
    EXPECT_LE(calls, sent.size() / 10000 + 1);  // the last batch may be short
    EXPECT_GE(largest, 10000u);
}

TEST(ThreadedSink, RefusesZeroDepthAndPushAfterFinish) {
    EXPECT_THROW(ThreadedSink([](std::span<const std::uint8_t>) {}, 0), Error);
    ThreadedSink sink([](std::span<const std::uint8_t>) {});
    sink.finish();
    EXPECT_THROW(sink.push(bytes_of("late")), Error);
}

}  // namespace
}  // namespace fv::crypto
