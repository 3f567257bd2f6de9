// Round trips ExportService -> bundle -> ImportService at the attachment sizes
// around the 64 KiB chunk (0, 1, 65535, 65536, 65537) and at several MiB, and
// with the payload ending exactly at a chunk boundary (and one byte either side),
// with a Chinese report and a Chinese file name; 8 recipients who each import
// while a vault that is not a recipient cannot; a known signer named by its
// contact, an unknown one recorded once as a new unverified source.
#include <gtest/gtest.h>

#include "exchange_fixture.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/received.h"

namespace fv::test {
namespace {

std::string noise(std::size_t size, std::uint32_t seed) {
    std::string out(size, '\0');
    std::uint32_t x = seed * 2654435761u + 12345;
    for (auto& c : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x >> 11);
    }
    return out;
}

// The attachment of `report` in `v`, extracted to a file and read back.
std::string extracted(TestVault& v, std::int64_t attachment_id) {
    const auto out = v.tmp.path() / ("extracted-" + std::to_string(attachment_id));
    core::AttachmentService(*v.session).extract(attachment_id, out);
    auto bytes = read_file(out);
    std::filesystem::remove(out);
    return bytes;
}

class ExchangeAttachmentSize : public ::testing::TestWithParam<std::size_t> {};

TEST_P(ExchangeAttachmentSize, RoundTripsByteForByteWithChineseTextAndName) {
    const auto size = GetParam();
    TestVault a, b;
    add_contact(a, "人权组织", b);
    const auto content = chinese_report("尺寸" + std::to_string(size));
    const auto id = core::ReportService(*a.session).create(content);
    const auto bytes = noise(size, static_cast<std::uint32_t>(size) + 1);
    const std::string name = "证据-录音 " + std::to_string(size) + ".m4a";
    write_file(a.tmp.path() / name, bytes);
    core::AttachmentService(*a.session).attach(id, a.tmp.path() / name);

    auto request = export_reports({"人权组织"}, {id}, a.tmp.path() / "out.fvb");
    request.include_sensitive = true;
    const auto exported = core::ExportService(*a.session).export_bundle(request);
    EXPECT_EQ(exported.attachments, 1u);
    EXPECT_GT(exported.file_size, size);

    const auto result = core::ImportService(*b.session).import_bundle(request.out);
    ASSERT_EQ(result.report_ids.size(), 1u);
    EXPECT_EQ(result.attachments, 1u);
    const auto detail = core::ReportService(*b.session).get(result.report_ids[0]);
    EXPECT_EQ(detail.report.content, content);
    ASSERT_EQ(detail.attachments.size(), 1u);
    const auto& att = detail.attachments[0];
    EXPECT_EQ(att.name, name);
    EXPECT_EQ(att.size, size);
    EXPECT_EQ(att.sha256, crypto::to_hex(crypto::sha256(bytes)));
    EXPECT_EQ(extracted(b, att.id), bytes);
    // The manifest item carries the same name, size and hash.
    const auto& items = result.check.items;
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[1].kind, "attachment");
    EXPECT_EQ(items[1].name, name);
    EXPECT_EQ(items[1].size, size);
    EXPECT_EQ(items[1].sha256, att.sha256);
}

INSTANTIATE_TEST_SUITE_P(Sizes, ExchangeAttachmentSize,
                         ::testing::Values(std::size_t{0}, std::size_t{1}, std::size_t{65535}, std::size_t{65536},
                                           std::size_t{65537}, std::size_t{(5u << 20) + 3}),
                         [](const ::testing::TestParamInfo<std::size_t>& param) {
                             return "Bytes" + std::to_string(param.param);
                         });

// The payload plaintext (manifest, signature, items) of a one-recipient bundle
// file, from its size: docs/bundle-format.md "File layout" and "Payload chunks".
std::uint64_t payload_bytes(std::uint64_t file_size) {
    namespace bf = crypto::bundle_format;
    const std::uint64_t body = file_size - bf::header_bytes(1) - bf::kStreamHeaderBytes;
    const std::uint64_t chunks = (body + bf::kChunkCipherBytes - 1) / bf::kChunkCipherBytes;
    return body - chunks * bf::kChunkOverhead;
}

// Fresh vaults, the same steps every time (so ids, times and names have the
// same length): one report with one attachment of `size` bytes, exported to B
// and imported there byte for byte. Returns the bundle's payload plaintext size.
std::uint64_t round_trip_payload(std::size_t size) {
    TestVault a, b;
    add_contact(a, "b", b);
    const auto id = core::ReportService(*a.session).create(chinese_report("界"));
    const auto bytes = noise(size, 77);
    write_file(a.tmp.path() / "边界.bin", bytes);
    core::AttachmentService(*a.session).attach(id, a.tmp.path() / "边界.bin");
    auto request = export_reports({"b"}, {id}, a.tmp.path() / "edge.fvb");
    request.include_sensitive = true;
    const auto exported = core::ExportService(*a.session).export_bundle(request);
    const auto result = core::ImportService(*b.session).import_bundle(request.out);
    const auto detail = core::ReportService(*b.session).get(result.report_ids.at(0));
    EXPECT_EQ(detail.attachments.size(), 1u);
    if (!detail.attachments.empty()) {
        EXPECT_EQ(extracted(b, detail.attachments[0].id), bytes) << size;
    }
    return payload_bytes(exported.file_size);
}

TEST(ExchangePayloadBoundary, EndsExactlyAtAChunkBoundaryAndOneByteEitherSide) {
    // Everything before the attachment's bytes has a fixed length here, so the
    // attachment size that makes the payload exactly two chunks can be computed.
    constexpr std::size_t kProbe = 100000;
    const auto before_attachment = round_trip_payload(kProbe) - kProbe;
    const std::uint64_t two_chunks = 2 * crypto::bundle_format::kChunkPlainBytes;
    ASSERT_LT(before_attachment, two_chunks - kProbe);  // same number of digits in every size below
    const auto exact = static_cast<std::size_t>(two_chunks - before_attachment);
    for (const std::size_t size : {exact - 1, exact, exact + 1}) {
        const auto payload = round_trip_payload(size);
        EXPECT_EQ(payload, before_attachment + size) << size;
        if (size == exact) {
            EXPECT_EQ(payload, two_chunks);  // the final chunk is a full 65536 bytes, tagged final
        }
    }
}

TEST(ExchangeRecipients, EachOfEightImportsTheEvidenceAndANonRecipientCannot) {
    TestVault a;
    std::vector<std::unique_ptr<TestVault>> orgs;
    std::vector<std::string> names;
    for (int i = 0; i < 8; ++i) {
        orgs.push_back(std::make_unique<TestVault>());
        names.push_back("组织" + std::to_string(i));
        add_contact(a, names.back(), *orgs.back());
    }
    const auto content = chinese_report("八方");
    const auto id = core::ReportService(*a.session).create(content);
    const auto bytes = noise(200000, 8);
    write_file(a.tmp.path() / "现场照片.jpg", bytes);
    core::AttachmentService(*a.session).attach(id, a.tmp.path() / "现场照片.jpg");
    const auto bundle = a.tmp.path() / "eight.fvb";
    const auto exported = core::ExportService(*a.session).export_bundle(export_reports(names, {id}, bundle));
    ASSERT_EQ(exported.recipients.size(), 8u);

    for (std::size_t i = 0; i < orgs.size(); ++i) {
        auto& org = *orgs[i];
        const auto r = core::ImportService(*org.session).import_bundle(bundle);
        ASSERT_EQ(r.report_ids.size(), 1u) << names[i];
        const auto detail = core::ReportService(*org.session).get(r.report_ids[0]);
        EXPECT_EQ(detail.report.content.title, content.title) << names[i];
        EXPECT_EQ(detail.report.content.narrative, content.narrative) << names[i];
        ASSERT_EQ(detail.attachments.size(), 1u) << names[i];
        EXPECT_EQ(detail.attachments[0].name, "现场照片.jpg");
        EXPECT_EQ(extracted(org, detail.attachments[0].id), bytes) << names[i];
        EXPECT_EQ(r.check.signer_fingerprint, a.created.fingerprint);
    }

    // A ninth vault, not addressed: Integrity "not addressed", nothing stored.
    TestVault outsider;
    const auto before = database_snapshot(outsider);
    for (int pass = 0; pass < 2; ++pass) {
        try {
            core::ImportService service(*outsider.session);
            if (pass == 0) {
                service.import_bundle(bundle);
            } else {
                (void)service.verify(bundle);
            }
            ADD_FAILURE() << "a non-recipient opened it";
        } catch (const crypto::BundleError& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Integrity);
            EXPECT_EQ(e.code(), crypto::BundleErrorCode::NotAddressed);
            EXPECT_NE(std::string(e.what()).find("not addressed"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(database_snapshot(outsider), before);
    // The sender is not a recipient of its own bundle either.
    EXPECT_THROW(core::ImportService(*a.session).verify(bundle), crypto::BundleError);
}

TEST(ExchangeSigner, KnownSignerIsNamedByItsContact) {
    TestVault a, b;
    add_contact(a, "b", b);
    add_contact(b, "记者 甲", a);
    core::ContactService(*b.session).verify("记者 甲");
    const auto id = core::ReportService(*a.session).create(chinese_report("名"));
    const auto bundle = a.tmp.path() / "named.fvb";
    core::ExportService(*a.session).export_bundle(export_reports({"b"}, {id}, bundle));

    const auto check = core::ImportService(*b.session).verify(bundle);
    ASSERT_TRUE(check.signer_contact.has_value());
    EXPECT_EQ(*check.signer_contact, "记者 甲");
    EXPECT_TRUE(check.signer_verified);
    EXPECT_EQ(check.signer_fingerprint, a.created.fingerprint);

    const auto result = core::ImportService(*b.session).import_bundle(bundle);
    EXPECT_FALSE(result.new_source);
    EXPECT_EQ(result.source_contact, "记者 甲");
    const auto contacts = core::ContactService(*b.session).list();
    ASSERT_EQ(contacts.size(), 1u);  // no "source-..." added beside the known contact
    EXPECT_TRUE(contacts[0].verified);
    const auto provenance = storage::ReceivedRepository(b.session->db()).provenance(result.report_ids.at(0));
    ASSERT_TRUE(provenance.has_value());
    EXPECT_EQ(provenance->bundle.signer_fingerprint, a.created.fingerprint);
}

TEST(ExchangeSigner, UnknownSignerIsRecordedOnceAsANewUnverifiedSource) {
    TestVault a, b;
    add_contact(a, "b", b);
    const auto first_id = core::ReportService(*a.session).create(chinese_report("一"));
    const auto second_id = core::ReportService(*a.session).create(chinese_report("二"));
    const auto first = a.tmp.path() / "1.fvb";
    const auto second = a.tmp.path() / "2.fvb";
    core::ExportService(*a.session).export_bundle(export_reports({"b"}, {first_id}, first));
    core::ExportService(*a.session).export_bundle(export_reports({"b"}, {second_id}, second));

    EXPECT_FALSE(core::ImportService(*b.session).verify(first).signer_contact.has_value());
    EXPECT_TRUE(core::ContactService(*b.session).list().empty());  // verify records nothing

    const auto r1 = core::ImportService(*b.session).import_bundle(first);
    EXPECT_TRUE(r1.new_source);
    auto contacts = core::ContactService(*b.session).list();
    ASSERT_EQ(contacts.size(), 1u);
    EXPECT_EQ(contacts[0].name, r1.source_contact);
    EXPECT_EQ(contacts[0].fingerprint, a.created.fingerprint);
    EXPECT_EQ(contacts[0].card, a.created.card);
    EXPECT_FALSE(contacts[0].verified);

    // The second bundle names the now-known (still unverified) source.
    const auto check = core::ImportService(*b.session).verify(second);
    ASSERT_TRUE(check.signer_contact.has_value());
    EXPECT_EQ(*check.signer_contact, r1.source_contact);
    EXPECT_FALSE(check.signer_verified);
    const auto r2 = core::ImportService(*b.session).import_bundle(second);
    EXPECT_FALSE(r2.new_source);
    EXPECT_EQ(r2.source_contact, r1.source_contact);
    EXPECT_EQ(core::ContactService(*b.session).list().size(), 1u);
    EXPECT_EQ(core::ReportService(*b.session).list().size(), 2u);
}

}  // namespace
}  // namespace fv::test
