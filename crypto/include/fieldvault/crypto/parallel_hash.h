#pragma once
// SHA-256 of a long stream, computed beside the caller: once more than
// kInlineBytes have come in, update() hands a copy of the bytes to a worker
// thread (a ThreadedSink) and returns, so that hashing an attachment and
// encrypting it use both cores of a laptop. Small inputs (report documents)
// are hashed inline and never start a thread. The digest is the same as
// Sha256's for the same bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "fieldvault/crypto/hash.h"
#include "fieldvault/crypto/threaded_sink.h"

namespace fv::crypto {

class ParallelSha256 {
public:
    static constexpr std::size_t kInlineBytes = 1 << 20;

    ParallelSha256() = default;
    ~ParallelSha256();  // stops the worker, if any, without waiting for pending bytes
    ParallelSha256(const ParallelSha256&) = delete;
    ParallelSha256& operator=(const ParallelSha256&) = delete;

    void update(std::span<const std::uint8_t> data);
    Sha256Digest finish();  // waits for the worker; the object must not be updated afterwards

private:
    Sha256 hash_;
    std::uint64_t inline_bytes_ = 0;
    std::unique_ptr<ThreadedSink> worker_;  // after hash_: stopped before hash_ goes
};

}  // namespace fv::crypto
