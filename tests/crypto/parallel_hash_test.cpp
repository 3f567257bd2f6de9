// ParallelSha256 gives Sha256's digest for the same bytes, whether they stay
// under the inline limit or go through the worker, in chunks of any size.
#include "fieldvault/crypto/parallel_hash.h"

#include <gtest/gtest.h>

#include <vector>

namespace fv::crypto {
namespace {

std::vector<std::uint8_t> pattern(std::size_t size) {
    std::vector<std::uint8_t> out(size);
    for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<std::uint8_t>(i * 131 + i / 4093);
    return out;
}

Sha256Digest in_chunks(const std::vector<std::uint8_t>& data, std::size_t chunk) {
    ParallelSha256 hash;
    for (std::size_t pos = 0; pos < data.size(); pos += chunk) {
        hash.update(std::span(data).subspan(pos, std::min(chunk, data.size() - pos)));
    }
    return hash.finish();
}

TEST(ParallelSha256, MatchesSha256BelowAtAndAboveTheInlineLimit) {
    constexpr auto limit = ParallelSha256::kInlineBytes;
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, limit - 1, limit, limit + 1, 5 * limit + 333}) {
        const auto data = pattern(size);
        const auto expected = sha256(data);
        for (const std::size_t chunk : {std::size_t{1000}, std::size_t{65536}, limit + 7}) {
            if (size > 3 * limit && chunk == 1000) continue;  // keep the test quick
            EXPECT_EQ(in_chunks(data, chunk), expected) << size << " in chunks of " << chunk;
        }
    }
}

TEST(ParallelSha256, DifferentInputGivesADifferentDigest) {
    auto data = pattern(3 * ParallelSha256::kInlineBytes);
    const auto original = in_chunks(data, 65536);
    data[data.size() - 1] ^= 1;  // a flip in the part the worker hashes
    EXPECT_NE(in_chunks(data, 65536), original);
}

TEST(ParallelSha256, DestroyedWithoutFinishStopsCleanly) {
    const auto data = pattern(4 * ParallelSha256::kInlineBytes);
    ParallelSha256 hash;
    hash.update(data);
    // Leaving the scope must join the worker (no crash, no hang under sanitizers).
}

}  // namespace
}  // namespace fv::crypto
