// Vault A -> bundle -> vault B through ExportService and ImportService:
// content (Chinese included), attachments byte-identical, provenance,
// redaction of sensitive fields, --no-attachments, 1 and 8 recipients.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "exchange_fixture.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/received.h"
#include "fieldvault/storage/repositories.h"

namespace fv::test {
namespace {

std::string pattern_bytes(std::size_t size, unsigned seed) {
    std::string out(size, '\0');
    std::uint32_t x = seed * 2654435761u + 1;
    for (auto& c : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x & 0xff);
    }
    return out;
}

std::string last_action(TestVault& v) {
    const auto entries = storage::AuditLog(v.session->db()).entries();
    return entries.empty() ? std::string() : entries.back().action;
}

TEST(ExchangeRoundTrip, ReportsAndAttachmentsArriveWithProvenance) {
    TestVault a, b;
    add_contact(a, "组织 B", b);
    auto content = chinese_report("一");
    const auto id = core::ReportService(*a.session).create(content);
    const auto big = pattern_bytes(3 * 65536 + 17, 1);  // spans chunk boundaries
    const auto small = pattern_bytes(1, 2);
    test::write_file(a.tmp.path() / "证据-照片.jpg", big);
    test::write_file(a.tmp.path() / "note.txt", small);
    core::AttachmentService(*a.session).attach(id, a.tmp.path() / "证据-照片.jpg");
    core::AttachmentService(*a.session).attach(id, a.tmp.path() / "note.txt");

    const auto bundle = a.tmp.path() / "out.fvb";
    auto request = export_reports({"组织 B"}, {id}, bundle);
    request.include_sensitive = true;
    const auto exported = core::ExportService(*a.session).export_bundle(request);
    EXPECT_EQ(exported.sequence, 1u);
    EXPECT_EQ(exported.attachments, 2u);
    EXPECT_EQ(exported.file_sha256, crypto::to_hex(crypto::sha256(read_file(bundle))));
    EXPECT_EQ(last_action(a), "export");
    const auto log = storage::AuditLog(a.session->db()).entries().back();
    EXPECT_NE(log.detail.find(b.created.fingerprint), std::string::npos);
    EXPECT_NE(log.detail.find(exported.file_sha256), std::string::npos);
    EXPECT_EQ(log.subject, "bundle:" + exported.bundle_id);

    const auto verified = core::ImportService(*b.session).verify(bundle);
    EXPECT_EQ(verified.signer_fingerprint, a.created.fingerprint);
    EXPECT_FALSE(verified.signer_contact.has_value());
    EXPECT_EQ(verified.items.size(), 3u);
    EXPECT_EQ(verified.file_sha256, exported.file_sha256);
    EXPECT_TRUE(core::ReportService(*b.session).list().empty());  // verify stores nothing

    const auto result = core::ImportService(*b.session).import_bundle(bundle);
    ASSERT_EQ(result.report_ids.size(), 1u);
    EXPECT_EQ(result.attachments, 2u);
    EXPECT_TRUE(result.new_source);

    const auto detail = core::ReportService(*b.session).get(result.report_ids[0]);
    EXPECT_EQ(detail.report.content, content);
    EXPECT_EQ(detail.report.status, core::ReportStatus::Final);  // read-only record
    ASSERT_EQ(detail.attachments.size(), 2u);
    for (const auto& att : detail.attachments) {
        const auto out = b.tmp.path() / ("copy-" + std::to_string(att.id));
        core::AttachmentService(*b.session).extract(att.id, out);
        EXPECT_EQ(read_file(out), att.name == "note.txt" ? small : big) << att.name;
    }
    EXPECT_EQ(detail.attachments[0].name, "证据-照片.jpg");

    const auto provenance = storage::ReceivedRepository(b.session->db()).provenance(result.report_ids[0]);
    ASSERT_TRUE(provenance.has_value());
    EXPECT_EQ(provenance->bundle.bundle_id, exported.bundle_id);
    EXPECT_EQ(provenance->bundle.signer_fingerprint, a.created.fingerprint);
    EXPECT_EQ(provenance->bundle.signer_card, a.created.card);
    EXPECT_EQ(provenance->bundle.manifest_hash, verified.manifest_hash);
    EXPECT_EQ(provenance->bundle.file_sha256, exported.file_sha256);
    EXPECT_GT(provenance->bundle.received_at, 0);
    EXPECT_TRUE(provenance->redacted_fields.empty());

    // The unknown signer is now an unverified contact.
    const auto source = core::ContactService(*b.session).find_by_card(a.created.card);
    ASSERT_TRUE(source.has_value());
    EXPECT_FALSE(source->verified);
    EXPECT_EQ(source->name, result.source_contact);
    // Each extract is recorded: what, where, and the copy's SHA-256.
    EXPECT_EQ(last_action(b), "extract");
    const auto entries = core::AuditService(*b.session).entries();
    const auto& extract = entries.back();
    EXPECT_EQ(extract.subject, "attachment:" + std::to_string(detail.attachments.back().id));
    EXPECT_NE(extract.detail.find(detail.attachments.back().sha256), std::string::npos);
    EXPECT_NE(extract.detail.find("copy-"), std::string::npos);

    // Read-only: edit, finalize and attach refuse.
    EXPECT_THROW(core::ReportService(*b.session).edit(result.report_ids[0], content), Error);
    EXPECT_THROW(core::ReportService(*b.session).finalize(result.report_ids[0]), Error);
    EXPECT_THROW(core::AttachmentService(*b.session).attach(result.report_ids[0], a.tmp.path() / "note.txt"), Error);
    // Search finds received Chinese text.
    EXPECT_EQ(core::ReportService(*b.session).search("停止发帖").size(), 1u);
}

TEST(ExchangeRoundTrip, SensitiveFieldsAreRedactedAndTheRedactionStated) {
    TestVault a, b;
    add_contact(a, "b", b);
    const auto content = chinese_report("二");
    const auto id = core::ReportService(*a.session).create(content);
    const auto bundle = a.tmp.path() / "redacted.fvb";
    const auto exported = core::ExportService(*a.session).export_bundle(export_reports({"b"}, {id}, bundle));
    EXPECT_EQ(exported.redacted_reports, 1u);

    const auto check = core::ImportService(*b.session).verify(bundle);
    const auto metadata = nlohmann::json::parse(check.metadata.text);
    EXPECT_EQ(metadata.at("sensitive_included"), false);
    ASSERT_EQ(metadata.at("redacted").size(), 1u);
    EXPECT_EQ(metadata["redacted"][0].at("fields"), nlohmann::json({"relatives", "place"}));

    const auto result = core::ImportService(*b.session).import_bundle(bundle);
    const auto got = core::ReportService(*b.session).get(result.report_ids.at(0)).report.content;
    EXPECT_TRUE(got.relatives.empty());
    EXPECT_TRUE(got.place.empty());
    EXPECT_EQ(got.narrative, content.narrative);  // not marked sensitive
    EXPECT_EQ(got.sensitive_fields, content.sensitive_fields);
    const auto provenance = storage::ReceivedRepository(b.session->db()).provenance(result.report_ids.at(0));
    ASSERT_TRUE(provenance.has_value());
    EXPECT_EQ(provenance->redacted_fields, (std::vector<std::string>{"relatives", "place"}));
    // Nothing sensitive is anywhere in the bundle's decrypted items either.
    for (const auto& item : check.items) EXPECT_NE(item.kind, "");
}

TEST(ExchangeRoundTrip, NoAttachmentsLeavesEvidenceOutAndSaysSo) {
    TestVault a, b;
    add_contact(a, "b", b);
    const auto id = core::ReportService(*a.session).create(chinese_report("三"));
    test::write_file(a.tmp.path() / "e.bin", pattern_bytes(1000, 3));
    core::AttachmentService(*a.session).attach(id, a.tmp.path() / "e.bin");
    auto request = export_reports({"b"}, {id}, a.tmp.path() / "noatt.fvb");
    request.include_attachments = false;
    const auto exported = core::ExportService(*a.session).export_bundle(request);
    EXPECT_EQ(exported.attachments, 0u);
    const auto result = core::ImportService(*b.session).import_bundle(request.out);
    EXPECT_EQ(result.attachments, 0u);
    EXPECT_TRUE(core::ReportService(*b.session).get(result.report_ids.at(0)).attachments.empty());
    const auto metadata = nlohmann::json::parse(result.check.metadata.text);
    EXPECT_EQ(metadata.at("attachments_included"), false);
    EXPECT_EQ(metadata.at("attachments_left_out"), 1);
}

TEST(ExchangeRoundTrip, EightRecipientsEachImportAndSequenceIncreases) {
    TestVault a;
    std::vector<std::unique_ptr<TestVault>> orgs;
    std::vector<std::string> names;
    for (int i = 0; i < 8; ++i) {
        orgs.push_back(std::make_unique<TestVault>());
        names.push_back("org" + std::to_string(i));
        add_contact(a, names.back(), *orgs.back());
    }
    const auto id = core::ReportService(*a.session).create(chinese_report("八"));
    const auto first = core::ExportService(*a.session).export_bundle(export_reports(names, {id}, a.tmp.path() / "8.fvb"));
    EXPECT_EQ(first.recipients.size(), 8u);
    EXPECT_EQ(core::inspect_bundle(a.tmp.path() / "8.fvb").recipients, 8u);
    for (auto& org : orgs) {
        const auto r = core::ImportService(*org->session).import_bundle(a.tmp.path() / "8.fvb");
        EXPECT_EQ(r.check.recipient_fingerprints.size(), 8u);
        EXPECT_EQ(core::ReportService(*org->session).list().size(), 1u);
    }
    const auto second = core::ExportService(*a.session).export_bundle(export_reports({"org0"}, {id}, a.tmp.path() / "1.fvb"));
    EXPECT_EQ(second.sequence, first.sequence + 1);
    EXPECT_NE(second.bundle_id, first.bundle_id);

    // A ninth recipient is refused before anything is written.
    TestVault ninth;
    add_contact(a, "org8", ninth);
    names.push_back("org8");
    EXPECT_THROW(core::ExportService(*a.session).export_bundle(export_reports(names, {id}, a.tmp.path() / "9.fvb")),
                 Error);
    EXPECT_FALSE(std::filesystem::exists(a.tmp.path() / "9.fvb"));
}

// "All" is everything this vault wrote; a received report leaves only when
// chosen (by id, case or source), forwarded with its sender's signature.
TEST(ExchangeRoundTrip, AllScopeSkipsReceivedReportsWhichAreForwardedOnlyWhenChosen) {
    TestVault a, b;
    add_contact(a, "b", b);
    add_contact(b, "a", a);
    core::ReportService reports_a(*a.session);
    const auto r1 = reports_a.create(chinese_report("x"), "案件一");
    reports_a.create(chinese_report("y"));
    auto all = export_reports({"b"}, {}, a.tmp.path() / "all.fvb");
    all.scope = core::ExportRequest::Scope::All;
    EXPECT_EQ(core::ExportService(*a.session).export_bundle(all).report_ids.size(), 2u);
    auto by_case = export_reports({"b"}, {}, a.tmp.path() / "case.fvb");
    by_case.scope = core::ExportRequest::Scope::Case;
    by_case.case_name = "案件一";
    EXPECT_EQ(core::ExportService(*a.session).export_bundle(by_case).report_ids, std::vector<std::int64_t>{r1});

    const auto imported = core::ImportService(*b.session).import_bundle(all.out);
    const auto own = core::ReportService(*b.session).create(chinese_report("own"));
    auto back = export_reports({"a"}, {}, b.tmp.path() / "back.fvb");
    back.scope = core::ExportRequest::Scope::All;
    EXPECT_EQ(core::ExportService(*b.session).export_bundle(back).report_ids, std::vector<std::int64_t>{own});
    const auto forwarded =
        core::ExportService(*b.session).plan(export_reports({"a"}, {imported.report_ids.at(0)}, b.tmp.path() / "fwd.fvb"));
    ASSERT_EQ(forwarded.reports.size(), 1u);
    EXPECT_TRUE(forwarded.reports[0].forwarded);
    EXPECT_EQ(forwarded.metadata.proofs, 1u);
}

TEST(ExchangeRoundTrip, ExportRefusals) {
    TestVault a, b;
    add_contact(a, "b", b);
    const auto id = core::ReportService(*a.session).create(chinese_report("r"));
    core::ExportService exporter(*a.session);
    const auto out = a.tmp.path() / "x.fvb";
    EXPECT_THROW(exporter.export_bundle(export_reports({}, {id}, out)), Error);
    EXPECT_THROW(exporter.export_bundle(export_reports({"nobody"}, {id}, out)), Error);
    EXPECT_THROW(exporter.export_bundle(export_reports({"b"}, {id + 99}, out)), Error);
    EXPECT_THROW(exporter.export_bundle(export_reports({"b"}, {id}, a.tmp.path() / "no-such-dir" / "x.fvb")), Error);
    write_file(out, "existing");
    EXPECT_THROW(exporter.export_bundle(export_reports({"b"}, {id}, out)), Error);
    EXPECT_EQ(read_file(out), "existing");
    // No export was recorded, and no temporary file left behind.
    for (const auto& e : storage::AuditLog(a.session->db()).entries()) EXPECT_NE(e.action, "export");
    for (const auto& e : std::filesystem::directory_iterator(a.tmp.path()))
        EXPECT_EQ(e.path().filename().string().find(".part"), std::string::npos) << e.path();
}

// The provenance a face shows names the signer's contact, as the receiver
// knows it now: an unknown signer becomes an unverified "source-..." contact;
// a renamed and verified contact shows under its new name, verified.
TEST(ExchangeRoundTrip, ProvenanceNamesTheSignersContactAndWhetherItIsVerified) {
    TestVault a, b;
    add_contact(a, "b", b);
    const auto id = core::ReportService(*a.session).create(chinese_report("源"));
    core::ExportService(*a.session).export_bundle(export_reports({"b"}, {id}, a.tmp.path() / "x.fvb"));
    const auto got = core::ImportService(*b.session).import_bundle(a.tmp.path() / "x.fvb");
    ASSERT_EQ(got.report_ids.size(), 1u);
    const auto received = got.report_ids[0];

    auto p = core::report_provenance(*b.session, received);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->signer_fingerprint, a.created.fingerprint);
    ASSERT_TRUE(p->signer_contact.has_value());
    EXPECT_EQ(*p->signer_contact, got.source_contact);
    EXPECT_FALSE(p->signer_verified);

    core::ContactService contacts(*b.session);
    contacts.verify(got.source_contact);
    p = core::report_provenance(*b.session, received);
    ASSERT_TRUE(p.has_value());
    EXPECT_TRUE(p->signer_verified);

    // Once the contact is removed, the signer is known by fingerprint alone.
    contacts.remove(got.source_contact);
    p = core::report_provenance(*b.session, received);
    ASSERT_TRUE(p.has_value());
    EXPECT_FALSE(p->signer_contact.has_value());
    EXPECT_FALSE(p->signer_verified);
    // The vault's own reports have none.
    EXPECT_FALSE(core::report_provenance(*a.session, id).has_value());
}

}  // namespace
}  // namespace fv::test
