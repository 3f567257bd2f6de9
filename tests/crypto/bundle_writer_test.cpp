// BundleWriter refuses what would make a bundle that lies: items that do not
// match their manifest entry, bad recipient sets, a key pair that does not
// belong together, calls out of order; and an abandoned bundle never opens.
#include <gtest/gtest.h>

#include <sstream>

#include "bundle_forge.h"
#include "expect_error.h"
#include "fieldvault/crypto/bundle.h"

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

std::vector<ItemData> one_item() { return {{"a1", "attachment", "a.bin", pattern(100, 1)}}; }

TEST(BundleWriter, ItemLongerThanItsManifestSize) {
    std::ostringstream out;
    BundleWriter writer(alice(), make_manifest(alice(), {org().pub}, one_item()), out);
    writer.begin_item();
    const auto data = pattern(101, 1);
    expect_error([&] { writer.write(data); }, ErrorKind::Integrity);
    expect_error([&] { writer.finish(); }, ErrorKind::Invalid);  // poisoned
}

TEST(BundleWriter, ItemShorterThanItsManifestSize) {
    std::ostringstream out;
    BundleWriter writer(alice(), make_manifest(alice(), {org().pub}, one_item()), out);
    writer.begin_item();
    writer.write(std::span<const std::uint8_t>(one_item()[0].data).first(99));
    expect_error([&] { writer.end_item(); }, ErrorKind::Integrity);
}

TEST(BundleWriter, ItemWithOtherBytesThanItsHash) {
    std::ostringstream out;
    BundleWriter writer(alice(), make_manifest(alice(), {org().pub}, one_item()), out);
    writer.begin_item();
    writer.write(pattern(100, 2));
    const auto message = expect_error([&] { writer.end_item(); }, ErrorKind::Integrity);
    EXPECT_NE(message.find("SHA-256"), std::string::npos);
}

TEST(BundleWriter, FinishBeforeEveryItemIsWritten) {
    std::ostringstream out;
    BundleWriter writer(alice(), make_manifest(alice(), {org().pub}, one_item()), out);
    expect_error([&] { writer.finish(); }, ErrorKind::Invalid);
}

TEST(BundleWriter, CallsOutOfOrder) {
    std::ostringstream out;
    BundleWriter writer(alice(), make_manifest(alice(), {org().pub}, one_item()), out);
    expect_error([&] { writer.write(pattern(1, 1)); }, ErrorKind::Invalid);
    expect_error([&] { writer.end_item(); }, ErrorKind::Invalid);
}

TEST(BundleWriter, MoreItemsThanTheManifest) {
    std::ostringstream out;
    BundleWriter writer(alice(), make_manifest(alice(), {org().pub}, {}), out);
    expect_error([&] { writer.begin_item(); }, ErrorKind::Invalid);
}

TEST(BundleWriter, RecipientCountsOutOfBounds) {
    std::ostringstream out;
    expect_error([&] { BundleWriter w(alice(), make_manifest(alice(), {}, one_item()), out); }, ErrorKind::Invalid);
    std::vector<PublicIdentity> nine;
    for (std::uint8_t i = 0; i < 9; ++i) {
        nine.push_back(keys_from_seed(static_cast<std::uint8_t>(0x60 + i)).pub);
    }
    expect_error([&] { BundleWriter w(alice(), make_manifest(alice(), nine, one_item()), out); }, ErrorKind::Invalid);
    EXPECT_TRUE(out.str().empty());
}

TEST(BundleWriter, LowOrderRecipientKeyIsRefused) {
    auto bad = org().pub;
    bad.encryption_key = {};
    std::ostringstream out;
    expect_error([&] { BundleWriter w(alice(), make_manifest(alice(), {bad}, one_item()), out); }, ErrorKind::Invalid);
}

TEST(BundleWriter, SenderKeysThatDoNotBelongTogether) {
    auto mixed = keys_from_seed(0x77);
    mixed.pub.signing_key = alice().pub.signing_key;  // someone else's public key
    std::ostringstream out;
    expect_error([&] { BundleWriter w(mixed, make_manifest(mixed, {org().pub}, one_item()), out); },
                 ErrorKind::Invalid);
}

TEST(BundleWriter, SignerIsAlwaysTheSender) {
    auto manifest = make_manifest(alice(), {org().pub}, one_item());
    manifest.signer = org().pub;  // a caller's mistake (or worse) is overwritten
    const auto bundle = write_bundle(alice(), manifest, one_item());
    EXPECT_EQ(read_bundle(org(), bundle).manifest.signer, alice().pub);
}

TEST(BundleWriter, AnAbandonedBundleNeverOpens) {
    std::ostringstream out;
    {
        BundleWriter writer(alice(), make_manifest(alice(), {org().pub}, {{"a1", "attachment", "a.bin", pattern(200000, 1)}}), out);
        writer.begin_item();
        writer.write(pattern(200000, 1));
        writer.end_item();
        // no finish(): the process was killed, say
    }
    const auto text = out.str();
    EXPECT_EQ(outcome(org(), Bytes(text.begin(), text.end())), BundleErrorCode::ContentTampered);
}

TEST(BundleWriter, FailingStreamIsAnIoError) {
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    expect_error([&] { BundleWriter w(alice(), make_manifest(alice(), {org().pub}, one_item()), out); }, ErrorKind::Io);
}

}  // namespace
}  // namespace fv::test::bundle
