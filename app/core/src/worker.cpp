#include "fieldvault/core/worker.h"
#include "fieldvault/core/i18n.h"

#include <utility>

#include "fieldvault/model/error.h"

namespace fv::core {

void JobContext::throw_if_cancelled() const {
    if (cancelled()) throw Error(ErrorKind::Invalid, tr("cancelled"));
}

Worker::Worker() : thread_([this] { run(); }) {}

Worker::~Worker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        for (auto& job : queue_) job.context->cancelled_ = true;
        if (running_) running_->context->cancelled_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

JobId Worker::submit(std::string label, Work work, Done done) {
    JobId id = 0;
    {
        std::lock_guard lock(mutex_);
        id = next_id_++;
        queue_.push_back(Job{id, std::move(label), std::move(work), std::move(done), std::make_shared<JobContext>()});
    }
    wake_.notify_one();
    return id;
}

void Worker::cancel(JobId id) noexcept {
    std::lock_guard lock(mutex_);
    if (running_ && running_->id == id) running_->context->cancelled_ = true;
    for (auto& job : queue_)
        if (job.id == id) job.context->cancelled_ = true;
}

void Worker::cancel_all() noexcept {
    std::lock_guard lock(mutex_);
    if (running_) running_->context->cancelled_ = true;
    for (auto& job : queue_) job.context->cancelled_ = true;
}

std::size_t Worker::poll() {
    std::vector<Finished> ready;
    {
        std::lock_guard lock(mutex_);
        ready.swap(finished_);
    }
    // Outside the lock: a callback may submit more work.
    for (auto& item : ready)
        if (item.done) item.done(item.outcome);
    return ready.size();
}

bool Worker::idle() const {
    std::lock_guard lock(mutex_);
    return queue_.empty() && !running_ && finished_.empty();
}

std::optional<JobProgress> Worker::current() const {
    std::lock_guard lock(mutex_);
    const Job* job = running_ ? &*running_ : (queue_.empty() ? nullptr : &queue_.front());
    if (job == nullptr) return std::nullopt;
    return JobProgress{job->id, job->label, job->context->done_.load(), job->context->total_.load(),
                       job->context->cancelled()};
}

void Worker::wait_until_idle() const {
    std::unique_lock lock(mutex_);
    drained_.wait(lock, [this] { return queue_.empty() && !running_; });
}

void Worker::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (stop_) break;
        running_ = std::move(queue_.front());
        queue_.pop_front();
        Job& job = *running_;
        JobOutcome outcome;
        if (job.context->cancelled()) {
            outcome.cancelled = true;  // cancelled before it started: never run it
        } else {
            lock.unlock();
            try {
                job.work(*job.context);
            } catch (...) {
                outcome.error = std::current_exception();
            }
            lock.lock();
            outcome.cancelled = job.context->cancelled();
        }
        finished_.push_back(Finished{std::move(job.done), std::move(outcome)});
        // The job's captures (which may hold secrets) die here, on the worker.
        running_.reset();
        if (queue_.empty()) drained_.notify_all();
    }
    running_.reset();
    queue_.clear();
    drained_.notify_all();
}

}  // namespace fv::core
