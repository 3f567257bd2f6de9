#pragma once
// One background thread for long work (Argon2id, hashing a large attachment),
// so a face that draws frames never blocks. Jobs run in submission order; each
// can report progress and is asked to stop through a cancel flag. A job's
// completion callback never runs on the worker: the owner calls poll() from its
// own thread (the GUI's frame loop), which runs the callbacks there. Knows
// nothing of ImGui, so the CLI and tests can use it too.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace fv::core {

using JobId = std::uint64_t;

// What a running job sees: progress to report and a flag to check.
class JobContext {
public:
    void set_progress(std::uint64_t done, std::uint64_t total) noexcept {
        done_.store(done, std::memory_order_relaxed);
        total_.store(total, std::memory_order_relaxed);
    }
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }
    // Throws fv::Error(Invalid, "cancelled") if cancel was asked: a convenient
    // way out of a deep call stack (e.g. from a progress callback).
    void throw_if_cancelled() const;

private:
    friend class Worker;
    std::atomic<std::uint64_t> done_{0};
    std::atomic<std::uint64_t> total_{0};
    std::atomic<bool> cancelled_{false};
};

// How a job ended, handed to its completion callback.
struct JobOutcome {
    bool cancelled = false;      // cancel was asked (the job may still have finished)
    std::exception_ptr error;    // what the job threw, if anything
    bool ok() const noexcept { return !error; }
};

struct JobProgress {
    JobId id = 0;
    std::string label;           // short, non-secret, e.g. "Opening the vault"
    std::uint64_t done = 0;
    std::uint64_t total = 0;     // 0 = unknown (show an indeterminate state)
    bool cancel_requested = false;
};

class Worker {
public:
    using Work = std::function<void(JobContext&)>;
    using Done = std::function<void(const JobOutcome&)>;

    Worker();
    // Cancels what is queued or running and joins; completion callbacks that
    // were not polled are dropped.
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    JobId submit(std::string label, Work work, Done done = {});
    void cancel(JobId id) noexcept;
    void cancel_all() noexcept;

    // Runs, on the calling thread, the completion callbacks of jobs that have
    // finished since the last call. Returns how many ran.
    std::size_t poll();
    // True when nothing is queued, running, or waiting to be polled.
    bool idle() const;
    // The running job, or the first queued one; nullopt if none.
    std::optional<JobProgress> current() const;
    // Blocks until nothing is queued or running (completions still need poll()).
    void wait_until_idle() const;

private:
    struct Job {
        JobId id = 0;
        std::string label;
        Work work;
        Done done;
        std::shared_ptr<JobContext> context;
    };
    struct Finished {
        Done done;
        JobOutcome outcome;
    };

    void run();

    mutable std::mutex mutex_;
    mutable std::condition_variable wake_;      // new job or stop
    mutable std::condition_variable drained_;   // queue empty and nothing running
    std::deque<Job> queue_;
    std::optional<Job> running_;
    std::vector<Finished> finished_;
    JobId next_id_ = 1;
    bool stop_ = false;
    std::thread thread_;  // last: starts after every member above exists
};

}  // namespace fv::core
