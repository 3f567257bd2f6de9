// Round trips through BundleWriter and BundleReader: sizes at and around the
// 64 KiB chunk size, several MiB, 1 and 8 recipients, Chinese text and names,
// what inspect() shows without a key, and the reader's item API.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "bundle_forge.h"
#include "expect_error.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/hash.h"

namespace fv::test::bundle {
namespace {

using namespace fv::crypto;

const IdentityKeys& alice() {
    static const IdentityKeys keys = keys_from_seed(0x11);
    return keys;
}
const IdentityKeys& org() {
    static const IdentityKeys keys = keys_from_seed(0x22);
    return keys;
}

std::size_t prefix_size(const BundleManifest& m) { return 4 + bf::encode_manifest(m).size() + 64; }

void expect_round_trip(const std::vector<ItemData>& items, const std::vector<const IdentityKeys*>& recipients) {
    std::vector<PublicIdentity> pubs;
    for (const auto* r : recipients) {
        pubs.push_back(r->pub);
    }
    const auto manifest = make_manifest(alice(), pubs, items);
    const auto bundle = write_bundle(alice(), manifest, items);
    for (const auto* r : recipients) {
        const auto result = read_bundle(*r, bundle);
        EXPECT_EQ(result.manifest, manifest);
        ASSERT_EQ(result.items.size(), items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            EXPECT_EQ(result.items[i], items[i].data) << "item " << i;
        }
    }
}

class ItemSize : public ::testing::TestWithParam<std::size_t> {};

TEST_P(ItemSize, OneItemRoundTrips) {
    expect_round_trip({{"a1", "attachment", "photo.jpg", pattern(GetParam(), 1)}}, {&org()});
}

INSTANTIATE_TEST_SUITE_P(Sizes, ItemSize,
                         ::testing::Values(std::size_t{0}, std::size_t{1}, std::size_t{65535}, std::size_t{65536},
                                           std::size_t{65537}, std::size_t{5} * 1024 * 1024 + 3));

// The payload plaintext itself (prefix + items) at the chunk boundaries: the
// last chunk is then full, or holds a single byte.
class PayloadSize : public ::testing::TestWithParam<std::size_t> {};

TEST_P(PayloadSize, PayloadAtChunkBoundaryRoundTrips) {
    std::vector<ItemData> items{{"r1", "report", "report.json", bytes_of("{\"schema\":1}")},
                                {"a1", "attachment", "blob.bin", {}}};
    const auto prefix = prefix_size(make_manifest(alice(), {org().pub}, items)) + items[0].data.size();
    ASSERT_LT(prefix, GetParam());
    items[1].data = pattern(GetParam() - prefix, 2);  // same manifest size: sizes are fixed-width
    const auto manifest = make_manifest(alice(), {org().pub}, items);
    ASSERT_EQ(prefix_size(manifest) + items[0].data.size() + items[1].data.size(), GetParam());
    const auto bundle = write_bundle(alice(), manifest, items);
    const auto chunks = (GetParam() + bf::kChunkPlainBytes - 1) / bf::kChunkPlainBytes;
    EXPECT_EQ(bundle.size(), bf::header_bytes(1) + GetParam() + chunks * bf::kChunkOverhead);
    EXPECT_EQ(read_bundle(org(), bundle).items[1], items[1].data);
}

INSTANTIATE_TEST_SUITE_P(Sizes, PayloadSize,
                         ::testing::Values(std::size_t{65535}, std::size_t{65536}, std::size_t{65537},
                                           std::size_t{131072}, std::size_t{131073}));

TEST(BundleRoundTrip, EightRecipientsEachOpen) {
    std::vector<IdentityKeys> orgs;
    for (std::uint8_t i = 0; i < 8; ++i) {
        orgs.push_back(keys_from_seed(static_cast<std::uint8_t>(0x40 + i)));
    }
    std::vector<const IdentityKeys*> recipients;
    for (const auto& k : orgs) {
        recipients.push_back(&k);
    }
    expect_round_trip({{"r1", "report", "report.json", pattern(70000, 3)}}, recipients);
}

TEST(BundleRoundTrip, ChineseTextNamesAndMetadata) {
    const std::string narrative = "{\"schema\":1,\"narrative\":\"他们打电话给我父母，要求我回国。\"}";
    std::vector<ItemData> items{{"r-1", "report", "报告-2024年.json", bytes_of(narrative)},
                                {"a-1", "attachment", "证据 照片（一）.jpg", pattern(100, 4)},
                                {"a-2", "attachment", "録音・メモ.m4a", pattern(3, 5)}};
    const auto manifest =
        make_manifest(alice(), {org().pub}, items, "{\"redacted\":[\"relatives.name\",\"origin.place\"],\"说明\":\"敏感字段未导出\"}");
    const auto bundle = write_bundle(alice(), manifest, items);
    const auto result = read_bundle(org(), bundle);
    EXPECT_EQ(result.manifest.items[1].name, "证据 照片（一）.jpg");
    EXPECT_EQ(result.manifest.metadata, manifest.metadata);
    EXPECT_EQ(std::string(result.items[0].begin(), result.items[0].end()), narrative);
}

TEST(BundleRoundTrip, ManyEmptyItemsAndOneByteReads) {
    std::vector<ItemData> items;
    for (int i = 0; i < 50; ++i) {
        items.push_back({"e" + std::to_string(i), "attachment", "empty-" + std::to_string(i), {}});
    }
    items.push_back({"last", "attachment", "last.bin", pattern(70000, 6)});
    const auto bundle = write_bundle(alice(), make_manifest(alice(), {org().pub}, items), items);
    const auto result = read_bundle(org(), bundle, 1);
    ASSERT_EQ(result.items.size(), items.size());
    EXPECT_TRUE(result.items[10].empty());
    EXPECT_EQ(result.items.back(), items.back().data);
}

TEST(BundleRoundTrip, SkippedItemsAreStillVerifiedByFinish) {
    std::vector<ItemData> items{{"a", "attachment", "a.bin", pattern(200000, 7)}, {"b", "attachment", "b.bin", pattern(9, 8)}};
    const auto bundle = write_bundle(alice(), make_manifest(alice(), {org().pub}, items), items);
    std::istringstream in(std::string(bundle.begin(), bundle.end()));
    BundleReader reader(org(), in);
    ASSERT_NE(reader.next_item(), nullptr);
    std::array<std::uint8_t, 10> some{};
    EXPECT_EQ(reader.read(some), some.size());
    reader.finish();  // reads and verifies the rest of a and all of b
    SUCCEED();
}

TEST(BundleRoundTrip, HashesAreTheSpecsAndFreshEachTime) {
    std::vector<ItemData> items{{"a", "attachment", "a.bin", pattern(10, 9)}};
    const auto manifest = make_manifest(alice(), {org().pub}, items);
    const auto first = write_bundle(alice(), manifest, items);
    const auto second = write_bundle(alice(), manifest, items);
    EXPECT_NE(first, second);  // new file key, ephemeral keys and nonces every time
    std::istringstream in(std::string(first.begin(), first.end()));
    BundleReader reader(org(), in);
    EXPECT_EQ(reader.manifest_hash(), bf::blake2b_512(bf::encode_manifest(manifest)));
    EXPECT_EQ(reader.header_hash(),
              bf::blake2b_512(std::span<const std::uint8_t>(first).first(bf::header_bytes(1))));
}

TEST(BundleInspect, ShowsVersionRecipientsAndSizeWithoutAKey) {
    std::vector<ItemData> items{{"a", "attachment", "a.bin", pattern(1000, 10)}};
    const auto bundle = write_bundle(alice(), make_manifest(alice(), {org().pub, alice().pub}, items), items);
    std::istringstream in(std::string(bundle.begin(), bundle.end()));
    const auto info = BundleReader::inspect(in);
    EXPECT_EQ(info.version, bf::kVersion);
    EXPECT_EQ(info.recipients, 2u);
    EXPECT_EQ(info.size, bundle.size());
}

TEST(BundleInspect, RefusesWhatIsNoBundle) {
    for (const std::string& text : {std::string(), std::string("FVBUND"), std::string("age-encryption.org/v1\n")}) {
        std::istringstream in(text);
        try {
            BundleReader::inspect(in);
            ADD_FAILURE() << "accepted " << text;
        } catch (const BundleError& e) {
            EXPECT_EQ(e.code(), BundleErrorCode::NotABundle);
        }
    }
    for (const char version : {'\x01', '\x03'}) {  // the retired format 1 and a future one
        std::istringstream other(std::string("FVBUNDLE", 8) + version + '\x01' + std::string(200, 'x'));
        try {
            BundleReader::inspect(other);
            ADD_FAILURE() << int{version};
        } catch (const BundleError& e) {
            EXPECT_EQ(e.code(), BundleErrorCode::UnsupportedVersion);
        }
    }
    // Cut inside the header, and cut right after the magic (no version byte to judge).
    for (const auto& text : {std::string("FVBUNDLE\x02\x01", 10) + std::string(20, 'x'), std::string("FVBUNDLE")}) {
        std::istringstream cut(text);
        try {
            BundleReader::inspect(cut);
            ADD_FAILURE() << text.size();
        } catch (const BundleError& e) {
            EXPECT_EQ(e.code(), BundleErrorCode::HeaderTampered);
        }
    }
}

TEST(BundleErrorNames, AreDistinct) {
    std::set<std::string_view> names;
    for (auto code : {BundleErrorCode::NotABundle, BundleErrorCode::UnsupportedVersion, BundleErrorCode::NotAddressed,
                      BundleErrorCode::HeaderTampered, BundleErrorCode::ContentTampered,
                      BundleErrorCode::SignatureInvalid, BundleErrorCode::RecipientNotListed,
                      BundleErrorCode::ManifestInvalid}) {
        EXPECT_TRUE(names.insert(bundle_error_name(code)).second);
    }
}

}  // namespace
}  // namespace fv::test::bundle
