// The cipher of vault attachment files: round trips and every way a stored
// file can be damaged or swapped (the storage tests cover the file handling).
#include "fieldvault/crypto/blob_cipher.h"

#include <gtest/gtest.h>

#include <vector>

#include "expect_error.h"

namespace fv::crypto {
namespace {

using Bytes = std::vector<std::uint8_t>;
using Chunks = std::vector<Bytes>;

Bytes pattern(std::size_t size, std::uint8_t seed) {
    Bytes out(size);
    for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<std::uint8_t>(seed + i * 7 + i / 251);
    return out;
}

struct Sealed {
    BlobHeader header{};
    Chunks chunks;
};

// Splits `plain` as the store does: full chunks, then a last chunk (maybe empty).
Sealed seal_all(const SecretBuffer& key, const Bytes& plain) {
    BlobSealer sealer(key);
    Sealed out{sealer.header(), {}};
    std::size_t pos = 0;
    for (;;) {
        const std::size_t n = std::min(kBlobChunkBytes, plain.size() - pos);
        const bool last = n < kBlobChunkBytes;
        Bytes sealed(n + kBlobChunkOverhead);
        const auto size = sealer.seal({plain.data() + pos, n}, last, sealed);
        EXPECT_EQ(size, sealed.size());
        out.chunks.push_back(sealed);
        pos += n;
        if (last) return out;
    }
}

Bytes open_all(const SecretBuffer& key, const Sealed& sealed) {
    BlobOpener opener(key, sealed.header);
    Bytes out;
    Bytes plain(kBlobChunkBytes);
    for (std::size_t i = 0; i < sealed.chunks.size(); ++i) {
        const auto n = opener.open(sealed.chunks[i], i + 1 == sealed.chunks.size(), plain);
        out.insert(out.end(), plain.begin(), plain.begin() + static_cast<std::ptrdiff_t>(n));
    }
    return out;
}

TEST(BlobCipher, RoundTripsAtChunkBoundaries) {
    const auto key = new_blob_key();
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, kBlobChunkBytes - 1, kBlobChunkBytes,
                                   kBlobChunkBytes + 1, 2 * kBlobChunkBytes}) {
        const auto plain = pattern(size, 3);
        const auto sealed = seal_all(key, plain);
        // A size that is a multiple of the chunk size ends with an empty final chunk.
        EXPECT_EQ(sealed.chunks.size(), size / kBlobChunkBytes + 1) << size;
        EXPECT_EQ(open_all(key, sealed), plain) << size;
    }
}

TEST(BlobCipher, SameKeyAndPlaintextGiveDifferentFiles) {
    const auto key = new_blob_key();
    const auto plain = pattern(100, 1);
    const auto a = seal_all(key, plain);
    const auto b = seal_all(key, plain);
    EXPECT_NE(a.header, b.header);
    EXPECT_NE(a.chunks, b.chunks);
}

TEST(BlobCipher, WrongKeyIsRefused) {
    const auto sealed = seal_all(new_blob_key(), pattern(1000, 2));
    const auto message = test::expect_error([&] { open_all(new_blob_key(), sealed); }, ErrorKind::Integrity);
    EXPECT_NE(message.find("altered"), std::string::npos) << message;
}

TEST(BlobCipher, EveryFlippedByteOfASmallFileIsRefused) {
    const auto key = new_blob_key();
    const auto sealed = seal_all(key, pattern(40, 9));
    for (std::size_t i = 0; i < sealed.header.size(); ++i) {
        auto bad = sealed;
        bad.header[i] ^= 0x01;
        test::expect_error([&] { open_all(key, bad); }, ErrorKind::Integrity);
    }
    for (std::size_t i = 0; i < sealed.chunks[0].size(); ++i) {
        auto bad = sealed;
        bad.chunks[0][i] ^= 0x80;
        test::expect_error([&] { open_all(key, bad); }, ErrorKind::Integrity);
    }
}

TEST(BlobCipher, ReorderedDroppedAndDuplicatedChunksAreRefused) {
    const auto key = new_blob_key();
    const auto sealed = seal_all(key, pattern(3 * kBlobChunkBytes + 10, 4));
    ASSERT_EQ(sealed.chunks.size(), 4u);
    auto swapped = sealed;
    std::swap(swapped.chunks[0], swapped.chunks[1]);
    test::expect_error([&] { open_all(key, swapped); }, ErrorKind::Integrity);
    auto dropped = sealed;
    dropped.chunks.erase(dropped.chunks.begin() + 1);
    test::expect_error([&] { open_all(key, dropped); }, ErrorKind::Integrity);
    auto duplicated = sealed;
    duplicated.chunks.insert(duplicated.chunks.begin() + 1, duplicated.chunks[1]);
    test::expect_error([&] { open_all(key, duplicated); }, ErrorKind::Integrity);
}

TEST(BlobCipher, CutFileIsRefused) {
    const auto key = new_blob_key();
    auto sealed = seal_all(key, pattern(2 * kBlobChunkBytes + 5, 5));
    sealed.chunks.pop_back();  // ends on a full chunk without the final tag
    const auto message = test::expect_error([&] { open_all(key, sealed); }, ErrorKind::Integrity);
    EXPECT_NE(message.find("cut"), std::string::npos) << message;
    auto short_chunk = seal_all(key, pattern(kBlobChunkBytes + 5, 5));
    short_chunk.chunks.back().resize(kBlobChunkOverhead - 1);
    test::expect_error([&] { open_all(key, short_chunk); }, ErrorKind::Integrity);
}

TEST(BlobCipher, BytesAfterTheFinalChunkAreRefused) {
    const auto key = new_blob_key();
    const auto sealed = seal_all(key, pattern(10, 6));
    BlobOpener opener(key, sealed.header);
    Bytes plain(kBlobChunkBytes);
    // The reader is told more follows: a final tag there is refused.
    const auto message = test::expect_error([&] { opener.open(sealed.chunks[0], false, plain); }, ErrorKind::Integrity);
    EXPECT_FALSE(message.empty());
    BlobOpener finished(key, sealed.header);
    finished.open(sealed.chunks[0], true, plain);
    test::expect_error([&] { finished.open(sealed.chunks[0], true, plain); }, ErrorKind::Integrity);
}

TEST(BlobCipher, NotABlobHeaderIsRefused) {
    const auto key = new_blob_key();
    auto sealed = seal_all(key, pattern(10, 7));
    test::expect_error([&] { BlobOpener(key, std::span(sealed.header).first(kBlobHeaderBytes - 1)); },
                       ErrorKind::Integrity);
    sealed.header[0] = 'X';
    test::expect_error([&] { BlobOpener(key, sealed.header); }, ErrorKind::Integrity);
}

TEST(BlobCipher, MisuseIsRefused) {
    test::expect_error([] { BlobSealer{SecretBuffer(16)}; }, ErrorKind::Invalid);
    const auto key = new_blob_key();
    BlobSealer sealer(key);
    Bytes out(kBlobSealedChunkBytes);
    const Bytes partial(10);
    // Only the last chunk may be short.
    test::expect_error([&] { sealer.seal(partial, false, out); }, ErrorKind::Invalid);
    sealer.seal(partial, true, out);
    test::expect_error([&] { sealer.seal(partial, true, out); }, ErrorKind::Invalid);
}

}  // namespace
}  // namespace fv::crypto
