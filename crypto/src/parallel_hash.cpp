#include "fieldvault/crypto/parallel_hash.h"

namespace fv::crypto {

namespace {
// 4 x 512 KiB in flight: few thread hand-offs, bounded memory.
constexpr std::size_t kDepth = 4;
constexpr std::size_t kBatchBytes = 512 * 1024;
}  // namespace

ParallelSha256::~ParallelSha256() { worker_.reset(); }

void ParallelSha256::update(std::span<const std::uint8_t> data) {
    if (!worker_) {
        if (inline_bytes_ + data.size() <= kInlineBytes) {
            hash_.update(data);
            inline_bytes_ += data.size();
            return;
        }
        // Everything so far is already in hash_; from here on the worker adds
        // the rest in order.
        worker_ = std::make_unique<ThreadedSink>([this](std::span<const std::uint8_t> bytes) { hash_.update(bytes); },
                                                 kDepth, kBatchBytes);
    }
    worker_->push(data);
}

Sha256Digest ParallelSha256::finish() {
    if (worker_) worker_->finish();
    return hash_.finish();
}

}  // namespace fv::crypto
