// Attacks by people who can decrypt (a co-recipient holds the file key) or who
// can sign (a stranger with a valid key): recipient removal with a new MAC,
// swapped blobs, substituted signer keys, reused signatures, forwarding to
// another organisation; and manifests that break a bound, signed validly so
// that only the manifest check can catch them.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <limits>

#include "bundle_forge.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/hash.h"

namespace fv::test::bundle {
namespace {

using namespace fv::crypto;
using Code = BundleErrorCode;

const IdentityKeys& alice() {
    static const IdentityKeys keys = keys_from_seed(0x11);
    return keys;
}
const IdentityKeys& org_a() {
    static const IdentityKeys keys = keys_from_seed(0x22);
    return keys;
}
const IdentityKeys& org_b() {
    static const IdentityKeys keys = keys_from_seed(0x44);
    return keys;
}
const IdentityKeys& eve() {
    static const IdentityKeys keys = keys_from_seed(0x55);
    return keys;
}

std::vector<ItemData> evidence() {
    return {{"r1", "report", "report.json", bytes_of("{\"schema\":1,\"narrative\":\"...\"}")},
            {"a1", "attachment", "photo.jpg", pattern(1000, 1)}};
}

// Alice's bundle to org A and to Eve (Eve is a co-recipient who turns bad).
const Bytes& shared_bundle() {
    static const Bytes b = write_bundle(alice(), make_manifest(alice(), {org_a().pub, eve().pub}, evidence()), evidence());
    return b;
}

TEST(BundleAdversary, SanityBothRecipientsOpen) {
    EXPECT_EQ(outcome(org_a(), shared_bundle()), std::nullopt);
    EXPECT_EQ(outcome(eve(), shared_bundle()), std::nullopt);
}

TEST(BundleAdversary, CoRecipientRemovesARecipientAndRecomputesTheMac) {
    const auto o = open_raw(eve(), shared_bundle());
    // Keep only org A's stanza (the first), MAC it again with the file key Eve knows.
    bf::Stanza stanza{};
    std::copy_n(o.header.begin() + bf::kHeaderFixedBytes, stanza.size(), stanza.begin());
    const auto header = bf::build_header(o.file_key, o.nonce, std::vector<bf::Stanza>{stanza}, o.stream_header);
    const auto b = seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext));
    // The header is valid for its file key, but the signature covers the old header's hash.
    EXPECT_EQ(outcome(org_a(), b), Code::SignatureInvalid);
}

TEST(BundleAdversary, CoRecipientAddsARecipientAndRecomputesTheMac) {
    const auto o = open_raw(eve(), shared_bundle());
    std::vector<bf::Stanza> stanzas(3);
    for (std::size_t i = 0; i < 2; ++i) {
        std::copy_n(o.header.begin() + static_cast<std::ptrdiff_t>(bf::kHeaderFixedBytes + i * bf::kStanzaBytes),
                    bf::kStanzaBytes, stanzas[i].begin());
    }
    stanzas[2] = bf::make_stanza(o.file_key, org_b().pub.encryption_key);
    const auto b = seal(o.file_key, o.nonce, bf::build_header(o.file_key, o.nonce, stanzas, o.stream_header), standard_chunks(o.plaintext));
    EXPECT_EQ(outcome(org_a(), b), Code::SignatureInvalid);
    EXPECT_EQ(outcome(org_b(), b), Code::RecipientNotListed);
}

// Issue 12: in format v1 the stream header followed the header MAC, so neither
// the MAC nor the signed header hash covered it, and a co-recipient could
// re-encrypt the same payload under a new stream header: a second file, with
// another SHA-256 than the sender's audit entry, that still verified.
TEST(BundleAdversary, CoRecipientReEncryptsUnderANewStreamHeaderAndRecomputesTheMac) {
    const auto o = open_raw(eve(), shared_bundle());
    // Control: re-encrypting under the signed stream header gives back the
    // sender's file byte for byte; a co-recipient has no second file to make.
    ASSERT_EQ(seal(o.file_key, o.nonce, o.header, standard_chunks(o.plaintext)), shared_bundle());

    // The attack of the issue: only the stream header is new, same stanzas,
    // same nonce, same plaintext (manifest, signature, items); MAC recomputed.
    const auto header = bf::build_header(o.file_key, o.nonce, stanzas_of(o.header), random_stream_header());
    const auto forged = seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext));
    ASSERT_EQ(forged.size(), shared_bundle().size());
    const auto start = bf::stream_header_offset(2);
    ASSERT_TRUE(std::equal(forged.begin(), forged.begin() + static_cast<std::ptrdiff_t>(start), shared_bundle().begin()));
    ASSERT_NE(sha256(forged), sha256(shared_bundle()));
    ASSERT_EQ(open_raw(org_a(), forged).plaintext, o.plaintext);  // the same signed content, a different file
    // The header hash the signature covers now includes the stream header.
    EXPECT_EQ(outcome(org_a(), forged), Code::SignatureInvalid);
    EXPECT_EQ(outcome(eve(), forged), Code::SignatureInvalid);
}

TEST(BundleAdversary, AStreamHeaderReplacedWithoutTheFileKeyFailsTheMac) {
    auto b = shared_bundle();
    const auto fresh = random_stream_header();
    std::copy(fresh.begin(), fresh.end(), b.begin() + static_cast<std::ptrdiff_t>(bf::stream_header_offset(2)));
    EXPECT_EQ(outcome(org_a(), b), Code::HeaderTampered);
}

// Every stanza's form is checked, not only those before the one that opens:
// org A's stanza comes first, Eve turns the second one's ephemeral key into a
// low-order point (all zero) and recomputes the MAC.
TEST(BundleAdversary, ALowOrderStanzaAfterTheOneThatOpensIsRefused) {
    const auto o = open_raw(eve(), shared_bundle());
    auto stanzas = stanzas_of(o.header);
    ASSERT_EQ(stanzas.size(), 2u);
    ASSERT_TRUE(bf::open_stanza(stanzas[0], org_a().encryption_secret, org_a().pub.encryption_key).has_value());
    std::fill_n(stanzas[1].begin(), 32, std::uint8_t{0});
    const auto header = bf::build_header(o.file_key, o.nonce, stanzas, o.stream_header);
    const auto b = seal(o.file_key, o.nonce, header, standard_chunks(o.plaintext));
    EXPECT_EQ(outcome(org_a(), b), Code::HeaderTampered);
}

TEST(BundleAdversary, CoRecipientSwapsABlobUnderTheSameFileKey) {
    const auto o = open_raw(eve(), shared_bundle());
    auto plaintext = o.plaintext;
    plaintext.back() ^= 0x40;  // the last byte of the photo
    const auto b = seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext));
    Bytes released;
    EXPECT_EQ(outcome(org_a(), b, &released), Code::ContentTampered);
    // The report before it was released (the importer quarantines it), and the photo's bytes.
    EXPECT_EQ(released.size(), evidence()[0].data.size() + evidence()[1].data.size());
}

TEST(BundleAdversary, CoRecipientSwapsABlobAndItsHashInTheManifest) {
    const auto o = open_raw(eve(), shared_bundle());
    auto m = bf::decode_manifest(o.manifest);
    auto items = evidence();
    items[1].data = pattern(1000, 99);
    m.items[1].sha256 = sha256(items[1].data);
    const auto manifest = bf::encode_manifest(m);
    Bytes plaintext = bf::payload_prefix(manifest, o.signature);
    plaintext.insert(plaintext.end(), items[0].data.begin(), items[0].data.end());
    plaintext.insert(plaintext.end(), items[1].data.begin(), items[1].data.end());
    const auto b = seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext));
    EXPECT_EQ(outcome(org_a(), b), Code::SignatureInvalid);
}

TEST(BundleAdversary, CoRecipientReordersOrDropsItems) {
    const auto o = open_raw(eve(), shared_bundle());
    auto m = bf::decode_manifest(o.manifest);
    std::swap(m.items[0], m.items[1]);
    auto items = evidence();
    Bytes plaintext = bf::payload_prefix(bf::encode_manifest(m), o.signature);
    plaintext.insert(plaintext.end(), items[1].data.begin(), items[1].data.end());
    plaintext.insert(plaintext.end(), items[0].data.begin(), items[0].data.end());
    EXPECT_EQ(outcome(org_a(), seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext))), Code::SignatureInvalid);

    m.items.pop_back();
    Bytes dropped = bf::payload_prefix(bf::encode_manifest(m), o.signature);
    dropped.insert(dropped.end(), items[1].data.begin(), items[1].data.end());
    EXPECT_EQ(outcome(org_a(), seal(o.file_key, o.nonce, o.header, standard_chunks(dropped))), Code::SignatureInvalid);
}

TEST(BundleAdversary, SignerKeySubstitutedKeepingTheSignature) {
    const auto o = open_raw(eve(), shared_bundle());
    auto m = bf::decode_manifest(o.manifest);
    m.signer = eve().pub;
    Bytes plaintext = bf::payload_prefix(bf::encode_manifest(m), o.signature);
    plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
    EXPECT_EQ(outcome(org_a(), seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext))), Code::SignatureInvalid);
}

TEST(BundleAdversary, ValidSignatureByAnUnknownKeyOverAnotherBundlesManifest) {
    // Eve signs, with her own valid key, a manifest naming her as signer but
    // for another bundle's header: the signature verifies for that header only.
    const auto o = open_raw(eve(), shared_bundle());
    auto m = bf::decode_manifest(o.manifest);
    m.signer = eve().pub;
    const auto manifest = bf::encode_manifest(m);
    const auto other_header = open_raw(eve(), write_bundle(alice(), make_manifest(alice(), {org_a().pub, eve().pub}, evidence()), evidence())).header;
    const auto sig = bf::sign(eve(), bf::signed_message(bf::blake2b_512(other_header), bf::blake2b_512(manifest)));
    Bytes plaintext = bf::payload_prefix(manifest, sig);
    plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
    EXPECT_EQ(outcome(org_a(), seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext))), Code::SignatureInvalid);
}

TEST(BundleAdversary, SignatureFromAnotherProtocolIsRefused) {
    // Alice's key signing the same hashes without the context string (another use of her key).
    const auto o = open_raw(eve(), shared_bundle());
    Bytes bare;
    const auto hh = bf::blake2b_512(o.header);
    const auto mh = bf::blake2b_512(o.manifest);
    bare.insert(bare.end(), hh.begin(), hh.end());
    bare.insert(bare.end(), mh.begin(), mh.end());
    const auto sig = bf::sign(alice(), bare);
    Bytes plaintext = bf::payload_prefix(o.manifest, sig);
    plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
    EXPECT_EQ(outcome(org_a(), seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext))), Code::SignatureInvalid);
}

TEST(BundleAdversary, MalleatedSignatureIsRefused) {
    // S + L (the group order) is the classic second encoding of an Ed25519 signature.
    static constexpr std::array<std::uint8_t, 32> kOrder = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
                                                            0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
                                                            0,    0,    0,    0,    0,    0,    0,    0,
                                                            0,    0,    0,    0,    0,    0,    0,    0x10};
    const auto o = open_raw(eve(), shared_bundle());
    auto sig = o.signature;
    unsigned carry = 0;
    for (std::size_t i = 0; i < 32; ++i) {
        const unsigned sum = sig[32 + i] + kOrder[i] + carry;
        sig[32 + i] = static_cast<std::uint8_t>(sum);
        carry = sum >> 8;
    }
    Bytes plaintext = bf::payload_prefix(o.manifest, sig);
    plaintext.insert(plaintext.end(), o.items.begin(), o.items.end());
    EXPECT_EQ(outcome(org_a(), seal(o.file_key, o.nonce, o.header, standard_chunks(plaintext))), Code::SignatureInvalid);
}

TEST(BundleAdversary, ResealedToAnotherOrganisationIsExposedByTheManifest) {
    // Org A takes Alice's plaintext and signature and seals them to org B, as if
    // Alice had sent them to B (Davis' surreptitious forwarding).
    const auto bundle_to_a = write_bundle(alice(), make_manifest(alice(), {org_a().pub}, evidence()), evidence());
    const auto o = open_raw(org_a(), bundle_to_a);
    const auto file_key = bf::random_file_key();
    bf::PayloadNonce nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    const auto header = stanza_header(file_key, nonce, {org_b().pub.encryption_key});
    const auto forwarded = seal(file_key, nonce, header, standard_chunks(o.plaintext));
    EXPECT_EQ(outcome(org_b(), forwarded), Code::RecipientNotListed);
}

TEST(BundleAdversary, ResealedWithoutTheTellTaleRecipientListFailsTheSignature) {
    // If org A instead edits the manifest to list B, Alice's signature no longer matches.
    const auto bundle_to_a = write_bundle(alice(), make_manifest(alice(), {org_a().pub}, evidence()), evidence());
    const auto o = open_raw(org_a(), bundle_to_a);
    auto m = bf::decode_manifest(o.manifest);
    m.recipients = {org_b().pub};
    Forge spec;
    spec.stanza_keys = {org_b().pub.encryption_key};
    spec.manifest = bf::encode_manifest(m);
    spec.signature = o.signature;
    spec.items = o.items;
    EXPECT_EQ(outcome(org_b(), forge(spec)), Code::SignatureInvalid);
}

// --- manifests signed by a valid key, but breaking a rule ------------------

Forge valid_forge(const BundleManifest& m, const Bytes& items) {
    Forge spec;
    spec.signer = &alice();
    for (const auto& r : m.recipients) {
        spec.stanza_keys.push_back(r.encryption_key);
    }
    spec.manifest = bf::encode_manifest(m);
    spec.items = items;
    return spec;
}

Bytes item_bytes() {
    Bytes out;
    for (const auto& item : evidence()) {
        out.insert(out.end(), item.data.begin(), item.data.end());
    }
    return out;
}

BundleManifest base_manifest() { return make_manifest(alice(), {org_a().pub}, evidence()); }

TEST(BundleManifestBounds, SanityTheForgedBundleOpens) {
    EXPECT_EQ(outcome(org_a(), forge(valid_forge(base_manifest(), item_bytes()))), std::nullopt);
}

TEST(BundleManifestBounds, AbsurdManifestLengthsAreRefusedBeforeAllocating) {
    for (std::uint32_t length : {0u, (1u << 20) + 1, std::numeric_limits<std::uint32_t>::max()}) {
        auto spec = valid_forge(base_manifest(), item_bytes());
        spec.manifest_length = length;
        EXPECT_EQ(outcome(org_a(), forge(spec)), Code::ManifestInvalid) << length;
    }
}

// Overwrites `width` little-endian bytes of the encoded manifest at `offset`.
Bytes patched(const BundleManifest& m, std::size_t offset, std::uint64_t value, std::size_t width) {
    auto bytes = bf::encode_manifest(m);
    for (std::size_t i = 0; i < width; ++i) {
        bytes.at(offset + i) = static_cast<std::uint8_t>(value >> (8 * i));
    }
    return bytes;
}

constexpr std::size_t kRecipientCountAt = 16 + 8 + 8 + 64;

TEST(BundleManifestBounds, AbsurdCountsAreRefused) {
    const auto m = base_manifest();
    const std::size_t metadata_at = kRecipientCountAt + 1 + 64;
    const std::size_t items_at = metadata_at + 4 + m.metadata.size();
    const std::vector<std::tuple<std::size_t, std::uint64_t, std::size_t>> patches = {
        {kRecipientCountAt, 0, 1},   {kRecipientCountAt, 9, 1},       {kRecipientCountAt, 255, 1},
        {metadata_at, 0xffffffff, 4}, {metadata_at, (1u << 16) + 1, 4}, {items_at, 0xffffffff, 4},
        {items_at, 10001, 4},         {items_at, 3, 4},
    };
    for (const auto& [offset, value, width] : patches) {
        auto spec = valid_forge(m, item_bytes());
        spec.manifest = patched(m, offset, value, width);
        EXPECT_EQ(outcome(org_a(), forge(spec)), Code::ManifestInvalid) << offset << " = " << value;
    }
}

TEST(BundleManifestBounds, AbsurdItemSizesAreRefused) {
    for (std::uint64_t size : {std::uint64_t{1} << 48 | 1, std::numeric_limits<std::uint64_t>::max()}) {
        auto m = base_manifest();
        m.items[1].size = size;
        EXPECT_EQ(outcome(org_a(), forge(valid_forge(m, item_bytes()))), Code::ManifestInvalid) << size;
    }
    // 10000 items of 2^48 would pass each bound but not the total.
    auto m = base_manifest();
    for (int i = 0; i < 5000; ++i) {
        m.items.push_back({"big" + std::to_string(i), "attachment", "b", std::uint64_t{1} << 48, {}});
    }
    EXPECT_EQ(outcome(org_a(), forge(valid_forge(m, item_bytes()))), Code::ManifestInvalid);
}

TEST(BundleManifestBounds, ItemSizesMustAddUpToThePayloadExactly) {
    auto spec = valid_forge(base_manifest(), item_bytes());
    spec.extra_plaintext = {0};
    EXPECT_EQ(outcome(org_a(), forge(spec)), Code::ContentTampered);
    auto shorter = valid_forge(base_manifest(), item_bytes());
    shorter.items.pop_back();
    EXPECT_EQ(outcome(org_a(), forge(shorter)), Code::ContentTampered);
}

TEST(BundleManifestBounds, TrailingAndMissingManifestBytesAreRefused) {
    auto spec = valid_forge(base_manifest(), item_bytes());
    spec.manifest.push_back(0);
    EXPECT_EQ(outcome(org_a(), forge(spec)), Code::ManifestInvalid);
    auto cut = valid_forge(base_manifest(), item_bytes());
    cut.manifest.resize(cut.manifest.size() - 1);
    EXPECT_EQ(outcome(org_a(), forge(cut)), Code::ManifestInvalid);
}

TEST(BundleManifestBounds, RecipientCountMustMatchTheHeader) {
    // Alice herself lists two recipients but wraps the key for one only.
    const auto m = make_manifest(alice(), {org_a().pub, org_b().pub}, evidence());
    auto spec = valid_forge(m, item_bytes());
    spec.stanza_keys.pop_back();
    EXPECT_EQ(outcome(org_a(), forge(spec)), Code::ManifestInvalid);
}

TEST(BundleManifestBounds, OtherFieldRulesAreEnforced) {
    std::vector<BundleManifest> bad;
    bad.push_back(base_manifest());
    bad.back().items[1].id = bad.back().items[0].id;  // duplicate id
    bad.push_back(base_manifest());
    bad.back().items[0].id = "a b";
    bad.push_back(base_manifest());
    bad.back().items[0].id = std::string(65, 'x');
    bad.push_back(base_manifest());
    bad.back().items[0].kind = "Report";
    bad.push_back(base_manifest());
    bad.back().items[0].kind.clear();
    bad.push_back(base_manifest());
    bad.back().created_at = -1;
    bad.push_back(base_manifest());
    bad.back().recipients.push_back(org_a().pub);  // listed twice
    bad.push_back(base_manifest());
    bad.back().metadata = std::string("a\0b", 3);
    bad.push_back(base_manifest());
    bad.back().metadata = "\xff";
    bad.push_back(base_manifest());
    bad.back().signer.signing_key = {};  // not a valid Ed25519 key
    for (std::size_t i = 0; i < bad.size(); ++i) {
        auto spec = valid_forge(bad[i], item_bytes());
        // The reader must know it is listed to reach the bound checks: fix the stanzas.
        spec.stanza_keys = {org_a().pub.encryption_key};
        if (bad[i].recipients.size() == 2) {
            spec.stanza_keys.push_back(org_a().pub.encryption_key);
        }
        EXPECT_EQ(outcome(org_a(), forge(spec)), Code::ManifestInvalid) << "case " << i;
    }
}

class BadName : public ::testing::TestWithParam<std::string> {};

TEST_P(BadName, IsRefusedByReaderAndWriter) {
    auto m = base_manifest();
    m.items[1].name = GetParam();
    EXPECT_FALSE(bf::name_problem(GetParam()).empty());
    EXPECT_EQ(outcome(org_a(), forge(valid_forge(m, item_bytes()))), Code::ManifestInvalid);
    std::ostringstream out;
    try {
        BundleWriter writer(alice(), m, out);
        ADD_FAILURE() << "writer accepted the name";
    } catch (const BundleError& e) {
        EXPECT_EQ(e.code(), Code::ManifestInvalid);
        EXPECT_EQ(static_cast<int>(e.kind()), static_cast<int>(ErrorKind::Invalid));
    }
    EXPECT_TRUE(out.str().empty());  // nothing written
}

INSTANTIATE_TEST_SUITE_P(
    Names, BadName,
    ::testing::Values(std::string(), ".", "..", "../etc/passwd", "a..b", "dir/file", "/abs", "c:\\windows",
                      std::string("nul\0byte", 8), "tab\tname", "esc\x1b[31m", "del\x7f", "c1\xc2\x85",
                      "rlo\xe2\x80\xaegpj.exe", "lri\xe2\x81\xa6x", "pdi\xe2\x81\xa9x", "lrm\xe2\x80\x8ex",
                      "rlm\xe2\x80\x8fx", "alm\xd8\x9cx", "overlong\xc0\xaf", "surrogate\xed\xa0\x80",
                      "cut\xe4\xb8", "bad\xff", std::string(256, 'n')));

TEST(BundleNames, SaneNamesPass) {
    for (const std::string& name : std::vector<std::string>{"photo.jpg", "证据 照片（一）.jpg", "a.b.c", ".hidden", "x", std::string(255, 'n'),
                                   "\xe4\xb8\xad", "emoji-\xf0\x9f\x93\xb7.png"}) {
        EXPECT_TRUE(bf::name_problem(name).empty()) << name;
    }
}

}  // namespace
}  // namespace fv::test::bundle
