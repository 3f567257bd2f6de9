#include "fieldvault/crypto/secret.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace fv::crypto {
namespace {

bool all_zero(std::span<const std::uint8_t> bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
}

TEST(SecretBuffer, NewBufferIsZeroFilled) {
    ensure_initialized();
    SecretBuffer buffer(100);
    ASSERT_EQ(buffer.size(), 100u);
    EXPECT_FALSE(buffer.empty());
    EXPECT_TRUE(all_zero(buffer.reveal()));
}

TEST(SecretBuffer, DefaultAndZeroSizeAreEmpty) {
    SecretBuffer none;
    SecretBuffer zero(0);
    for (const SecretBuffer* b : {&none, &zero}) {
        EXPECT_TRUE(b->empty());
        EXPECT_EQ(b->size(), 0u);
        EXPECT_TRUE(b->reveal().empty());
        EXPECT_TRUE(b->reveal_text().empty());
    }
    EXPECT_TRUE(none.equals(zero));
    EXPECT_TRUE(SecretBuffer::from_string("").empty());
}

TEST(SecretBuffer, FromBytesAndFromStringCopy) {
    const std::array<std::uint8_t, 4> bytes{1, 2, 3, 4};
    const auto a = SecretBuffer::from_bytes(bytes);
    ASSERT_EQ(a.size(), 4u);
    EXPECT_TRUE(std::equal(bytes.begin(), bytes.end(), a.reveal().begin()));
    EXPECT_NE(a.reveal().data(), bytes.data());

    std::string passphrase = "correct horse 电池";
    const auto b = SecretBuffer::from_string(passphrase);
    EXPECT_EQ(b.reveal_text(), passphrase);
    passphrase[0] = 'X';  // the buffer holds its own copy
    EXPECT_EQ(b.reveal_text().front(), 'c');
}

TEST(SecretBuffer, MutableBytesWriteThrough) {
    SecretBuffer buffer(3);
    buffer.mutable_bytes()[1] = 0x42;
    EXPECT_EQ(buffer.reveal()[0], 0);
    EXPECT_EQ(buffer.reveal()[1], 0x42);
}

TEST(SecretBuffer, MoveConstructionTransfersAndEmptiesSource) {
    auto source = SecretBuffer::from_string("secret");
    const auto* address = source.reveal().data();
    SecretBuffer target(std::move(source));
    EXPECT_EQ(target.reveal_text(), "secret");
    EXPECT_EQ(target.reveal().data(), address);  // no copy of the secret was made
    EXPECT_TRUE(source.empty());                 // NOLINT(bugprone-use-after-move): checking the moved-from state
    EXPECT_EQ(source.reveal().data(), nullptr);  // NOLINT(bugprone-use-after-move)
}

TEST(SecretBuffer, MoveAssignmentReplacesAndEmptiesSource) {
    auto source = SecretBuffer::from_string("new");
    auto target = SecretBuffer::from_string("old value");
    target = std::move(source);
    EXPECT_EQ(target.reveal_text(), "new");
    EXPECT_TRUE(source.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(SecretBuffer, EqualsComparesContentAndSize) {
    const auto a = SecretBuffer::from_string("abcdef");
    const auto same = SecretBuffer::from_string("abcdef");
    const auto differs_last = SecretBuffer::from_string("abcdeg");
    const auto differs_first = SecretBuffer::from_string("Abcdef");
    const auto shorter = SecretBuffer::from_string("abcde");
    EXPECT_TRUE(a.equals(same));
    EXPECT_TRUE(a.equals(a));
    EXPECT_FALSE(a.equals(differs_last));
    EXPECT_FALSE(a.equals(differs_first));
    EXPECT_FALSE(a.equals(shorter));
    EXPECT_FALSE(shorter.equals(a));
    EXPECT_FALSE(a.equals(SecretBuffer()));
}

TEST(SecretBuffer, RevealTextGivesTheBytes) {
    const std::string text("with\0nul", 8);
    const auto buffer = SecretBuffer::from_string(text);
    EXPECT_EQ(buffer.reveal_text().size(), 8u);
    EXPECT_EQ(buffer.reveal_text(), text);
}

TEST(SecretBuffer, WipeEmptiesTheBuffer) {
    auto buffer = SecretBuffer::from_string("to forget");
    buffer.wipe();
    EXPECT_TRUE(buffer.empty());
    EXPECT_TRUE(buffer.reveal_text().empty());
    buffer.wipe();  // twice is harmless
    EXPECT_TRUE(buffer.empty());
}

TEST(WipeMemory, ZeroesTheGivenRange) {
    std::string typed = "passphrase typed at a prompt";
    wipe_memory(typed.data(), 10);
    EXPECT_TRUE(std::all_of(typed.begin(), typed.begin() + 10, [](char c) { return c == '\0'; }));
    EXPECT_EQ(typed.substr(10), " typed at a prompt");
    wipe_memory(nullptr, 0);  // a no-op, not a crash
}

}  // namespace
}  // namespace fv::crypto
