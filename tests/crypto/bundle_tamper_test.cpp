// An outsider's attacks on the bytes of a bundle: every bit flip, truncation
// everywhere, chunks reordered, duplicated, dropped, a final tag early or
// missing, trailing bytes, and headers that are not ours. Each must be refused
// with the error the spec (docs/bundle-format.md "Reading") names.
#include <gtest/gtest.h>
#include <sodium.h>

#include <sstream>
#include <string>

#include "bundle_forge.h"
#include "fieldvault/crypto/bundle.h"

namespace fv::test::bundle {
namespace {

using namespace fv::crypto;
using Code = BundleErrorCode;

const IdentityKeys& alice() {
    static const IdentityKeys keys = keys_from_seed(0x11);
    return keys;
}
const IdentityKeys& org() {
    static const IdentityKeys keys = keys_from_seed(0x22);
    return keys;
}
const IdentityKeys& stranger() {
    static const IdentityKeys keys = keys_from_seed(0x33);
    return keys;
}

Bytes small_bundle() {
    static const Bytes bundle = [] {
        std::vector<ItemData> items{{"r1", "report", "r.json", bytes_of("{\"schema\":1}")}};
        return write_bundle(alice(), make_manifest(alice(), {org().pub}, items), items);
    }();
    return bundle;
}

// Three chunks: two full ones and a partial last one.
Bytes three_chunk_bundle() {
    static const Bytes bundle = [] {
        std::vector<ItemData> items{{"a1", "attachment", "video.mp4", pattern(150000, 1)}};
        return write_bundle(alice(), make_manifest(alice(), {org().pub}, items), items);
    }();
    return bundle;
}

Bytes cut(const Bytes& b, std::size_t size) { return Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(size)); }

Bytes chunk_at(const Bytes& b, std::size_t offset) {
    const auto end = std::min(b.size(), offset + bf::kChunkCipherBytes);
    return Bytes(b.begin() + static_cast<std::ptrdiff_t>(offset), b.begin() + static_cast<std::ptrdiff_t>(end));
}

Bytes assemble(const Bytes& b, const std::vector<std::size_t>& chunk_indexes) {
    const auto offsets = chunk_offsets(b);
    Bytes out = cut(b, offsets.front());
    for (auto i : chunk_indexes) {
        const auto chunk = chunk_at(b, offsets.at(i));
        out.insert(out.end(), chunk.begin(), chunk.end());
    }
    return out;
}

TEST(BundleTamper, SanityTheUntouchedBundlesOpen) {
    EXPECT_EQ(outcome(org(), small_bundle()), std::nullopt);
    EXPECT_EQ(outcome(org(), three_chunk_bundle()), std::nullopt);
    EXPECT_EQ(chunk_offsets(three_chunk_bundle()).size(), 3u);
}

// Which check each region of a one-recipient header falls to.
Code expected_for_byte(std::size_t i) {
    if (i < 8) {
        return Code::NotABundle;
    }
    if (i == 8) {
        return Code::UnsupportedVersion;
    }
    if (i == 9) {
        return Code::HeaderTampered;  // n becomes 0, >8, or a size the file does not have
    }
    if (i < bf::kHeaderFixedBytes) {
        return Code::HeaderTampered;  // payload nonce: the MAC
    }
    if (i < bf::kHeaderFixedBytes + bf::kStanzaBytes) {
        return Code::NotAddressed;  // the only stanza no longer opens
    }
    if (i < bf::header_bytes(1)) {
        return Code::HeaderTampered;  // the stream header (under the MAC since v2) or the MAC itself
    }
    return Code::ContentTampered;  // a chunk
}

TEST(BundleTamper, EveryBitFlipIsRefusedByTheRightCheck) {
    const auto original = small_bundle();
    for (std::size_t i = 0; i < original.size(); ++i) {
        for (unsigned bit = 0; bit < 8; ++bit) {
            auto b = original;
            b[i] = static_cast<std::uint8_t>(b[i] ^ (1u << bit));
            const auto result = outcome(org(), b);
            ASSERT_TRUE(result.has_value()) << "byte " << i << " bit " << bit << " accepted";
            // A flip in an ephemeral key may land on a low-order point: header refused either way.
            const bool stanza_low_order = expected_for_byte(i) == Code::NotAddressed && *result == Code::HeaderTampered;
            EXPECT_TRUE(*result == expected_for_byte(i) || stanza_low_order)
                << "byte " << i << " bit " << bit << ": " << bundle_error_name(*result);
        }
    }
}

TEST(BundleTamper, TruncationAnywhereInTheHeaderIsAHeaderFailure) {
    const auto b = small_bundle();
    EXPECT_EQ(outcome(org(), cut(b, 0)), Code::NotABundle);
    EXPECT_EQ(outcome(org(), cut(b, 7)), Code::NotABundle);
    // Magic and nothing else: no version to judge, so a cut header (spec, check 2).
    for (std::size_t size = 8; size < bf::header_bytes(1); ++size) {
        EXPECT_EQ(outcome(org(), cut(b, size)), Code::HeaderTampered) << size;
    }
    for (std::size_t size = bf::header_bytes(1); size < bf::header_bytes(1) + 18; ++size) {
        EXPECT_EQ(outcome(org(), cut(b, size)), Code::ContentTampered) << size;
    }
}

TEST(BundleTamper, TruncationAtEveryChunkBoundaryIsRefused) {
    const auto b = three_chunk_bundle();
    for (auto offset : chunk_offsets(b)) {
        EXPECT_EQ(outcome(org(), cut(b, offset)), Code::ContentTampered) << offset;
    }
}

TEST(BundleTamper, TruncationInsideEveryChunkIsRefused) {
    const auto b = three_chunk_bundle();
    for (auto offset : chunk_offsets(b)) {
        for (std::size_t into : {std::size_t{1}, std::size_t{17}, std::size_t{18}, std::size_t{1000}}) {
            if (offset + into < b.size()) {
                EXPECT_EQ(outcome(org(), cut(b, offset + into)), Code::ContentTampered) << offset + into;
            }
        }
    }
    EXPECT_EQ(outcome(org(), cut(b, b.size() - 1)), Code::ContentTampered);
}

TEST(BundleTamper, ReorderedChunksAreRefused) {
    EXPECT_EQ(outcome(org(), assemble(three_chunk_bundle(), {1, 0, 2})), Code::ContentTampered);
    EXPECT_EQ(outcome(org(), assemble(three_chunk_bundle(), {0, 2, 1})), Code::ContentTampered);
}

TEST(BundleTamper, DuplicatedChunksAreRefused) {
    EXPECT_EQ(outcome(org(), assemble(three_chunk_bundle(), {0, 0, 1, 2})), Code::ContentTampered);
    EXPECT_EQ(outcome(org(), assemble(three_chunk_bundle(), {0, 1, 2, 2})), Code::ContentTampered);
}

TEST(BundleTamper, DroppedChunksAreRefused) {
    EXPECT_EQ(outcome(org(), assemble(three_chunk_bundle(), {0, 2})), Code::ContentTampered);
    EXPECT_EQ(outcome(org(), assemble(three_chunk_bundle(), {1, 2})), Code::ContentTampered);
    EXPECT_EQ(outcome(org(), assemble(three_chunk_bundle(), {0, 1})), Code::ContentTampered);
}

TEST(BundleTamper, TrailingBytesAreRefused) {
    for (const Bytes& tail : {Bytes{0}, Bytes{'\n'}, pattern(100, 3), chunk_at(small_bundle(), chunk_offsets(small_bundle()).back())}) {
        auto b = small_bundle();
        b.insert(b.end(), tail.begin(), tail.end());
        EXPECT_EQ(outcome(org(), b), Code::ContentTampered) << tail.size();
    }
}

// Rebuilds the three-chunk bundle's payload with the original file key and
// chosen tags: only the tag placement is wrong, the chunks authenticate.
Bytes with_tags(const std::vector<std::uint8_t>& tags, bool empty_final = false) {
    const auto o = open_raw(org(), three_chunk_bundle());
    auto chunks = standard_chunks(o.plaintext);
    for (std::size_t i = 0; i < chunks.size() && i < tags.size(); ++i) {
        chunks[i].second = tags[i];
    }
    if (empty_final) {
        chunks.emplace_back(Bytes{}, bf::kTagFinal);
    }
    return seal(o.file_key, o.nonce, o.header, chunks);
}

TEST(BundleTamper, FinalTagOnAnEarlierChunkIsRefused) {
    EXPECT_EQ(outcome(org(), with_tags({bf::kTagFinal, bf::kTagMessage, bf::kTagFinal})), Code::ContentTampered);
    EXPECT_EQ(outcome(org(), with_tags({bf::kTagMessage, bf::kTagFinal, bf::kTagFinal})), Code::ContentTampered);
}

TEST(BundleTamper, MissingFinalTagIsRefused) {
    EXPECT_EQ(outcome(org(), with_tags({bf::kTagMessage, bf::kTagMessage, bf::kTagMessage})), Code::ContentTampered);
}

TEST(BundleTamper, OtherTagsAreRefused) {
    EXPECT_EQ(outcome(org(), with_tags({crypto_secretstream_xchacha20poly1305_TAG_PUSH, bf::kTagMessage, bf::kTagFinal})),
              Code::ContentTampered);
    EXPECT_EQ(outcome(org(), with_tags({crypto_secretstream_xchacha20poly1305_TAG_REKEY, bf::kTagMessage, bf::kTagFinal})),
              Code::ContentTampered);
}

TEST(BundleTamper, AnEmptyFinalChunkIsRefused) {
    EXPECT_EQ(outcome(org(), with_tags({bf::kTagMessage, bf::kTagMessage, bf::kTagMessage}, true)),
              Code::ContentTampered);
}

TEST(BundleTamper, UnsupportedVersionIsNamed) {
    for (const std::uint8_t version : std::array<std::uint8_t, 4>{0, 1, 3, 255}) {
        const auto o = open_raw(org(), small_bundle());
        auto header = stanza_header(o.file_key, o.nonce, {org().pub.encryption_key}, version);
        const auto b = seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext));
        EXPECT_EQ(outcome(org(), b), Code::UnsupportedVersion) << int{version};
    }
}

TEST(BundleTamper, AVersionOneBundleIsRefusedWithAStepThePersonCanTake) {
    auto b = small_bundle();
    b[8] = 1;
    std::istringstream in(std::string(b.begin(), b.end()));
    try {
        BundleReader reader(org(), in);
        ADD_FAILURE() << "a version 1 bundle was opened";
    } catch (const BundleError& e) {
        EXPECT_EQ(e.code(), Code::UnsupportedVersion);
        const std::string message = e.what();
        EXPECT_NE(message.find("older Fieldvault"), std::string::npos) << message;
        EXPECT_NE(message.find("export it again"), std::string::npos) << message;
    }
}

TEST(BundleTamper, NotABundleIsNamed) {
    EXPECT_EQ(outcome(org(), bytes_of("age-encryption.org/v1\n-> X25519 abc\n")), Code::NotABundle);
    EXPECT_EQ(outcome(org(), pattern(5000, 9)), Code::NotABundle);
    EXPECT_EQ(outcome(org(), Bytes{}), Code::NotABundle);
}

TEST(BundleTamper, RecipientCountOutOfBoundsIsAHeaderFailure) {
    for (const std::uint8_t n : std::array<std::uint8_t, 3>{0, 9, 200}) {
        auto b = small_bundle();
        b[9] = n;
        EXPECT_EQ(outcome(org(), b), Code::HeaderTampered) << int{n};
    }
}

TEST(BundleTamper, WrongRecipientKeyIsNotAddressed) {
    EXPECT_EQ(outcome(stranger(), small_bundle()), Code::NotAddressed);
    EXPECT_EQ(outcome(alice(), small_bundle()), Code::NotAddressed);  // the sender is not a recipient
}

TEST(BundleTamper, LowOrderEphemeralKeyIsAHeaderFailure) {
    // Points of small order: with any clamped scalar X25519 gives all zeros.
    const std::array<std::array<std::uint8_t, 32>, 2> low_order{{{0}, {1}}};
    for (const auto& point : low_order) {
        auto b = small_bundle();
        std::copy(point.begin(), point.end(), b.begin() + bf::kHeaderFixedBytes);
        EXPECT_EQ(outcome(org(), b), Code::HeaderTampered);
    }
}

TEST(BundleTamper, StanzaTransplantedFromAnotherBundleIsAHeaderFailure) {
    const auto mine = small_bundle();
    std::vector<ItemData> items{{"x", "attachment", "x.bin", pattern(10, 4)}};
    const auto other = write_bundle(alice(), make_manifest(alice(), {org().pub}, items), items);
    auto b = mine;
    std::copy_n(other.begin() + bf::kHeaderFixedBytes, bf::kStanzaBytes, b.begin() + bf::kHeaderFixedBytes);
    // The transplanted stanza opens (it is for org) but gives the other file key: the MAC fails.
    EXPECT_EQ(outcome(org(), b), Code::HeaderTampered);
}

TEST(BundleTamper, StanzaForSomeoneElseSwappedInIsAHeaderFailure) {
    // Two recipients; the second stanza replaced by one from another bundle to a stranger.
    std::vector<ItemData> items{{"x", "attachment", "x.bin", pattern(10, 5)}};
    const auto b0 = write_bundle(alice(), make_manifest(alice(), {org().pub, stranger().pub}, items), items);
    const auto other = write_bundle(alice(), make_manifest(alice(), {stranger().pub}, items), items);
    for (std::size_t slot = 0; slot < 2; ++slot) {
        auto b = b0;
        std::copy_n(other.begin() + bf::kHeaderFixedBytes, bf::kStanzaBytes,
                    b.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + slot * bf::kStanzaBytes));
        // Whichever of org's stanza survives, the MAC no longer matches; if org's was replaced, nothing opens.
        EXPECT_EQ(outcome(org(), b), slot == 0 ? Code::NotAddressed : Code::HeaderTampered);
    }
}

TEST(BundleTamper, ReaderStaysRefusedAfterAFailure) {
    auto b = three_chunk_bundle();
    b[chunk_offsets(b)[1] + 5] ^= 1;
    std::istringstream in(std::string(b.begin(), b.end()));
    BundleReader reader(org(), in);
    ASSERT_NE(reader.next_item(), nullptr);
    Bytes block(65536);
    bool refused = false;
    try {
        while (reader.read(block) != 0) {
        }
    } catch (const BundleError& e) {
        refused = e.code() == Code::ContentTampered;
    }
    EXPECT_TRUE(refused);
    EXPECT_THROW(reader.read(block), BundleError);
    EXPECT_THROW(reader.finish(), BundleError);
}

}  // namespace
}  // namespace fv::test::bundle
