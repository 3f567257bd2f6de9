#include "fieldvault/crypto/hash.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "expect_error.h"
#include "fieldvault/crypto/encoding.h"

namespace fv::crypto {
namespace {

using fv::test::expect_error;

// FIPS 180-2 / NIST CSRC example vectors.
constexpr std::string_view kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr std::string_view kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr std::string_view kTwoBlock = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
constexpr std::string_view kMillionA = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

TEST(Sha256, EmptyInput) {
    EXPECT_EQ(to_hex(sha256(std::string_view{})), kEmpty);
    EXPECT_EQ(to_hex(Sha256().finish()), kEmpty);
}

TEST(Sha256, Abc) {
    EXPECT_EQ(to_hex(sha256("abc")), kAbc);
    const std::vector<std::uint8_t> bytes{'a', 'b', 'c'};
    EXPECT_EQ(to_hex(sha256(bytes)), kAbc);
}

TEST(Sha256, TwoBlockMessage) {
    EXPECT_EQ(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")), kTwoBlock);
}

TEST(Sha256, MillionAStreamedInOddChunks) {
    const std::string block(4099, 'a');
    const std::size_t chunk_sizes[] = {1, 7, 63, 64, 65, 127, 4099, 333};
    Sha256 hasher;
    std::size_t remaining = 1'000'000;
    for (std::size_t i = 0; remaining > 0; ++i) {
        const std::size_t n = std::min(chunk_sizes[i % std::size(chunk_sizes)], remaining);
        hasher.update(std::string_view(block).substr(0, n));
        remaining -= n;
    }
    EXPECT_EQ(to_hex(hasher.finish()), kMillionA);
}

TEST(Sha256, StreamingMatchesOneShot) {
    const std::string text = "split anywhere, the digest is the same";
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        Sha256 hasher;
        hasher.update(std::string_view(text).substr(0, cut));
        hasher.update(std::string_view(text).substr(cut));
        EXPECT_EQ(hasher.finish(), sha256(text));
    }
}

TEST(Sha256, DifferentInputsDiffer) { EXPECT_NE(sha256("abc"), sha256("abd")); }

TEST(Sha256, MovedHasherKeepsItsState) {
    Sha256 first;
    first.update("ab");
    Sha256 second(std::move(first));
    second.update("c");
    EXPECT_EQ(to_hex(second.finish()), kAbc);
    Sha256 third;
    third = std::move(second);
    expect_error([&] { third.update("x"); }, ErrorKind::Invalid);  // `second` was already finished
}

TEST(Sha256, UseAfterFinishIsRefused) {
    Sha256 hasher;
    hasher.update("abc");
    (void)hasher.finish();
    expect_error([&] { hasher.update("more"); }, ErrorKind::Invalid);
    expect_error([&] { (void)hasher.finish(); }, ErrorKind::Invalid);
}

TEST(Sha256, MovedFromHasherIsRefused) {
    Sha256 source;
    Sha256 target(std::move(source));
    expect_error([&] { source.update("x"); }, ErrorKind::Invalid);  // NOLINT(bugprone-use-after-move)
    EXPECT_EQ(to_hex(target.finish()), kEmpty);
}

}  // namespace
}  // namespace fv::crypto
