// fv::core::Worker: jobs run off the calling thread; completions run in poll().
#include "fieldvault/core/worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "fieldvault/model/error.h"

namespace fv::core {
namespace {

TEST(Worker, RunsJobOnAnotherThreadAndCompletesOnlyInPoll) {
    Worker worker;
    std::thread::id job_thread;
    bool completed = false;
    worker.submit(
        "job", [&](JobContext&) { job_thread = std::this_thread::get_id(); },
        [&](const JobOutcome& outcome) {
            EXPECT_TRUE(outcome.ok());
            EXPECT_FALSE(outcome.cancelled);
            completed = true;
        });
    worker.wait_until_idle();
    EXPECT_FALSE(completed);  // not until poll()
    EXPECT_FALSE(worker.idle());
    EXPECT_EQ(worker.poll(), 1u);
    EXPECT_TRUE(completed);
    EXPECT_NE(job_thread, std::this_thread::get_id());
    EXPECT_TRUE(worker.idle());
    EXPECT_EQ(worker.poll(), 0u);
}

TEST(Worker, JobsRunInSubmissionOrder) {
    Worker worker;
    std::vector<int> order;
    for (int i = 0; i < 5; ++i) worker.submit("job", [&order, i](JobContext&) { order.push_back(i); });
    worker.wait_until_idle();
    worker.poll();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(Worker, ExceptionReachesTheCompletion) {
    Worker worker;
    std::string message;
    worker.submit(
        "failing", [](JobContext&) { throw Error(ErrorKind::Io, "disk on fire"); },
        [&](const JobOutcome& outcome) {
            ASSERT_FALSE(outcome.ok());
            try {
                std::rethrow_exception(outcome.error);
            } catch (const Error& e) {
                message = e.what();
            }
        });
    worker.wait_until_idle();
    worker.poll();
    EXPECT_EQ(message, "disk on fire");
}

TEST(Worker, ProgressAndCancelOfARunningJob) {
    Worker worker;
    std::atomic<bool> started{false};
    bool was_cancelled = false;
    const auto id = worker.submit(
        "long job",
        [&](JobContext& context) {
            context.set_progress(5, 10);
            started = true;
            while (!context.cancelled()) std::this_thread::yield();
            context.throw_if_cancelled();
        },
        [&](const JobOutcome& outcome) { was_cancelled = outcome.cancelled && !outcome.ok(); });
    while (!started) std::this_thread::yield();
    const auto progress = worker.current();
    ASSERT_TRUE(progress.has_value());
    EXPECT_EQ(progress->id, id);
    EXPECT_EQ(progress->label, "long job");
    EXPECT_EQ(progress->done, 5u);
    EXPECT_EQ(progress->total, 10u);
    worker.cancel(id);
    worker.wait_until_idle();
    worker.poll();
    EXPECT_TRUE(was_cancelled);
    EXPECT_FALSE(worker.current().has_value());
}

TEST(Worker, QueuedJobCancelledBeforeItStartsNeverRuns) {
    Worker worker;
    std::atomic<bool> release{false};
    worker.submit("blocker", [&](JobContext&) {
        while (!release) std::this_thread::yield();
    });
    bool ran = false;
    bool cancelled = false;
    const auto id = worker.submit("victim", [&](JobContext&) { ran = true; },
                                  [&](const JobOutcome& outcome) { cancelled = outcome.cancelled; });
    worker.cancel(id);
    release = true;
    worker.wait_until_idle();
    worker.poll();
    EXPECT_FALSE(ran);
    EXPECT_TRUE(cancelled);
}

TEST(Worker, CompletionMaySubmitMoreWork) {
    Worker worker;
    int stage = 0;
    worker.submit("first", [](JobContext&) {}, [&](const JobOutcome&) {
        stage = 1;
        worker.submit("second", [](JobContext&) {}, [&](const JobOutcome&) { stage = 2; });
    });
    worker.wait_until_idle();
    worker.poll();
    EXPECT_EQ(stage, 1);
    worker.wait_until_idle();
    worker.poll();
    EXPECT_EQ(stage, 2);
}

TEST(Worker, DestructorStopsARunningJobThatHonoursCancel) {
    std::atomic<bool> started{false};
    {
        Worker worker;
        worker.submit("endless", [&](JobContext& context) {
            started = true;
            while (!context.cancelled()) std::this_thread::yield();
        });
        while (!started) std::this_thread::yield();
    }  // must return (else the test times out): the destructor cancels and joins
    EXPECT_TRUE(started);
}

}  // namespace
}  // namespace fv::core
