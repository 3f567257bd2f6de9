// Issue 13: person -> advocate (twice, the second time edited: one report, two
// revisions) -> legal export; sources and what senders say; kept proofs that
// verify with no vault and fail after any byte of evidence or manifest changes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <set>
#include <fstream>
#include <nlohmann/json.hpp>

#include "bundle_document.h"
#include "bundle_forge.h"
#include "carried_proof.h"
#include "exchange_fixture.h"
#include "report_document_builder.h"
#include "fieldvault/core/annotations.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/custody.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/legal_export.h"
#include "fieldvault/core/proofs.h"
#include "fieldvault/core/report_analysis.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/bundle_format.h"
#include "fieldvault/storage/repositories.h"

namespace fv::test {
namespace {

namespace fs = std::filesystem;

struct Chain {
    TestVault person, advocate;
    std::int64_t report = 0;
    fs::path photo, audio;

    Chain() {
        add_contact(person, "NGO", advocate);
        photo = person.tmp.path() / "photo.jpg";
        audio = person.tmp.path() / "voice.ogg";
        write_file(photo, "photo bytes");
        write_file(audio, "audio bytes");
        auto content = chinese_report("custody");
        content.narrative = "警察到我母亲家。ئۇيغۇرچە بىر جۈملە. བོད་ཡིག";
        report = core::ReportService(*person.session).create(content, "母亲");
        core::AttachmentService(*person.session).attach(report, photo);
    }

    core::ImportResult send(const std::string& file_name, const std::string& say = "梅 Mei") {
        auto request = export_reports({"NGO"}, {report}, person.tmp.path() / file_name);
        request.include_sensitive = true;
        request.stated_name = say;
        core::ExportService(*person.session).export_bundle(request);
        return core::ImportService(*advocate.session).import_bundle(person.tmp.path() / file_name);
    }

    void edit_and_attach() {
        core::ReportService reports(*person.session);
        auto content = reports.get(report).report.content;
        content.narrative += " 第二次。";
        reports.edit(report, content);
        core::AttachmentService(*person.session).attach(report, audio);
    }
};

TEST(CustodyChain, ResentReportBecomesARevisionNotADuplicate) {
    Chain c;
    const auto first = c.send("b1.fvb");
    ASSERT_EQ(first.deliveries.size(), 1u);
    EXPECT_EQ(first.deliveries[0].kind, core::ReportDelivery::Kind::New);
    const auto received = first.report_ids[0];

    c.edit_and_attach();
    const auto second = c.send("b2.fvb");
    ASSERT_EQ(second.deliveries.size(), 1u);
    EXPECT_EQ(second.deliveries[0].kind, core::ReportDelivery::Kind::NewRevision);
    EXPECT_EQ(second.deliveries[0].report_id, received);
    EXPECT_EQ(second.deliveries[0].local_revision, 2);
    EXPECT_EQ(second.attachments, 1u);                // the audio
    EXPECT_EQ(second.attachments_already_held, 1u);   // the photo

    core::ReportService reports(*c.advocate.session);
    ASSERT_EQ(reports.list().size(), 1u);  // one report, not two
    const auto detail = reports.get(received);
    EXPECT_EQ(detail.report.revision, 2);
    EXPECT_EQ(detail.report.status, core::ReportStatus::Final);
    EXPECT_EQ(reports.list()[0].status, core::ReportStatus::Final);  // the list agrees
    EXPECT_EQ(detail.attachments.size(), 2u);  // the photo once, the audio added
    EXPECT_EQ(core::revision_changes(*c.advocate.session, received, 1, 2), std::vector<std::string>{"narrative"});

    // The sender's claims travel and are kept per delivery.
    const auto deliveries = core::report_deliveries(*c.advocate.session, received);
    ASSERT_EQ(deliveries.size(), 2u);
    EXPECT_EQ(deliveries[1].claims.status, core::ReportStatus::Draft);
    EXPECT_EQ(deliveries[1].claims.case_name, "母亲");
    EXPECT_EQ(deliveries[1].claims.revision, 2);
    EXPECT_EQ(deliveries[1].claims.revisions.size(), 2u);
    EXPECT_EQ(deliveries[1].claims.attachments.size(), 2u);
    EXPECT_GT(deliveries[1].claims.attachments[0].added_at, 0);
    const auto own = core::ReportService(*c.person.session).get(c.report);
    EXPECT_EQ(deliveries[1].claims.created_at, own.report.created_at);

    // Sent a third time unchanged: noted as identical, nothing new stored.
    const auto third = c.send("b3.fvb");
    EXPECT_EQ(third.deliveries[0].kind, core::ReportDelivery::Kind::Identical);
    EXPECT_EQ(reports.get(received).report.revision, 2);
    EXPECT_EQ(reports.get(received).attachments.size(), 2u);
    EXPECT_EQ(core::AuditService(*c.advocate.session).verify().ok, true);
}

TEST(CustodyChain, SourcesShowWhatTheSenderSaysAndCanBeRenamedAndFiltered) {
    Chain c;
    const auto first = c.send("b1.fvb", "梅 Mei");
    core::SourceService sources(*c.advocate.session);
    auto list = sources.list();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].name, first.source_contact);
    EXPECT_EQ(list[0].says, "梅 Mei");
    EXPECT_FALSE(list[0].verified);
    EXPECT_EQ(list[0].report_ids, std::vector<std::int64_t>{first.report_ids[0]});
    EXPECT_EQ(list[0].bundle_ids.size(), 1u);

    sources.rename(first.source_contact, "Mei (Toronto)");
    EXPECT_EQ(sources.get("Mei (Toronto)").report_ids, list[0].report_ids);
    EXPECT_THROW((void)sources.get(first.source_contact), Error);
    ASSERT_TRUE(sources.of_report(first.report_ids[0]).has_value());
    EXPECT_EQ(sources.of_report(first.report_ids[0])->name, "Mei (Toronto)");

    // A stated name with a direction override is never shown.
    EXPECT_THROW(c.send("bad.fvb", "Mei\u202e"), Error);
}

TEST(CustodyChain, MergedSourceIsListedUnderTheOtherContact) {
    Chain c;
    TestVault second_key;  // the same person with a new key
    add_contact(second_key, "NGO", c.advocate);
    const auto first = c.send("b1.fvb");
    const auto path = second_key.tmp.path() / "k2.fvb";
    const auto id = core::ReportService(*second_key.session).create(chinese_report("new key"));
    core::ExportService(*second_key.session).export_bundle(export_reports({"NGO"}, {id}, path));
    const auto other = core::ImportService(*c.advocate.session).import_bundle(path);
    core::SourceService sources(*c.advocate.session);
    ASSERT_EQ(sources.list().size(), 2u);
    sources.merge(other.source_contact, first.source_contact);
    const auto list = sources.list();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].fingerprints.size(), 2u);
    EXPECT_EQ(list[0].report_ids.size(), 2u);
    EXPECT_EQ(list[0].merged_names, std::vector<std::string>{other.source_contact});
    EXPECT_THROW(sources.merge(first.source_contact, first.source_contact), Error);
}

bool run_ok(const std::string& command) { return std::system(command.c_str()) == 0; }

TEST(CustodyChain, LegalExportWritesAVerifiableRecord) {
    Chain c;
    c.send("b1.fvb");
    c.edit_and_attach();
    c.send("b2.fvb");
    const auto source = core::SourceService(*c.advocate.session).list().at(0).name;
    const auto out = c.advocate.tmp.path() / "record";
    // The advocate's own notes and translation go into the record, marked as the exporter's.
    const auto received_id = core::ReportService(*c.advocate.session).list().at(0).id;
    core::AnnotationService(*c.advocate.session)
        .save(received_id, {"回电确认 Called her back", {"follow-up"}, "The police came to my mother's home.", "Lin"});

    core::LegalExportRequest request;
    request.scope = core::LegalExportRequest::Scope::Source;
    request.source_name = source;
    request.prepared_for = "Smith & Partners";
    request.out = out;
    std::uint64_t last_done = 0, last_total = 0;
    const auto result = core::LegalExportService(*c.advocate.session).run(request, [&](auto d, auto t) {
        last_done = d;
        last_total = t;
    });
    EXPECT_EQ(last_done, last_total);
    EXPECT_EQ(result.evidence_files, 2u);
    EXPECT_EQ(result.proofs, 2u);
    for (const auto* name : {"record.pdf", "reports.json", "reports.csv", "HOW-TO-CHECK.txt", "evidence/SHA256SUMS"})
        EXPECT_TRUE(fs::is_regular_file(out / name)) << name;
    // No hidden working folder is left beside it.
    for (const auto& e : fs::directory_iterator(c.advocate.tmp.path()))
        EXPECT_EQ(e.path().filename().string().rfind(".legal-export-", 0), std::string::npos);

    EXPECT_TRUE(run_ok("cd '" + (out / "evidence").string() + "' && sha256sum --quiet -c SHA256SUMS"));
    const auto json = nlohmann::json::parse(read_file(out / "reports.json"));
    ASSERT_EQ(json.size(), 1u);
    EXPECT_EQ(json[0]["schema_version"], 3);
    EXPECT_EQ(json[0]["attachments"].size(), 2u);
    const auto csv = read_file(out / "reports.csv");
    EXPECT_EQ(csv.rfind("report_id,report_uid,title,", 0), 0u);
    EXPECT_NE(csv.find(json[0]["report_uid"].get<std::string>()), std::string::npos);
    EXPECT_NE(csv.find(json[0]["content"]["title"].get<std::string>()), std::string::npos);

    if (run_ok("command -v pdftotext >/dev/null")) {
        ASSERT_TRUE(run_ok("pdftotext '" + (out / "record.pdf").string() + "' '" + (out / "record.txt").string() + "'"));
        const auto text = read_file(out / "record.txt");
        fs::remove(out / "record.txt");
        const auto report = core::ReportService(*c.advocate.session).get(result.report_ids[0]);
        EXPECT_NE(text.find(report.report.content.title), std::string::npos);
        for (const auto& a : report.attachments) EXPECT_NE(text.find(a.sha256), std::string::npos) << a.name;
        EXPECT_NE(text.find("警察到我母亲家"), std::string::npos);
        EXPECT_NE(text.find("Smith & Partners"), std::string::npos);
        EXPECT_NE(text.find("回电确认 Called her back"), std::string::npos);
        EXPECT_NE(text.find("The police came to my mother"), std::string::npos);
        EXPECT_NE(text.find("the exporter's"), std::string::npos);
    }

    auto check = core::verify_proof_folder(out);
    EXPECT_TRUE(check.ok()) << (check.problems.empty() ? "" : check.problems[0]);
    EXPECT_EQ(check.proofs.size(), 2u);
    EXPECT_EQ(check.evidence.size(), 2u);
    for (const auto& e : check.evidence) EXPECT_FALSE(e.signed_by.empty()) << e.file;

    // Recorded in the advocate's audit log with the record's hash.
    const auto entries = core::AuditService(*c.advocate.session).entries();
    EXPECT_EQ(entries.back().action, "legal_export");
    EXPECT_NE(entries.back().detail.find(result.record_sha256), std::string::npos);

    // One byte of an evidence file, or of a kept manifest: no longer verifies.
    const auto tampered = c.advocate.tmp.path() / "tampered";
    fs::copy(out, tampered, fs::copy_options::recursive);
    flip_byte(tampered / "evidence" / fs::directory_iterator(tampered / "evidence")->path().filename(), 0);
    EXPECT_FALSE(core::verify_proof_folder(tampered).ok());
    for (const auto& proof : fs::directory_iterator(out / "proofs")) {
        const auto copy = c.advocate.tmp.path() / ("manifest-" + proof.path().filename().string());
        fs::copy(out, copy, fs::copy_options::recursive);
        flip_byte(copy / "proofs" / proof.path().filename() / "manifest.bin", 40);
        EXPECT_FALSE(core::verify_proof_folder(copy).ok());
    }
}

TEST(CustodyChain, LegalExportIntoANonEmptyFolderRefusesAndWritesNothing) {
    Chain c;
    c.send("b1.fvb");
    const auto out = c.advocate.tmp.path() / "busy";
    fs::create_directory(out);
    write_file(out / "keep.txt", "mine");
    const auto before = database_snapshot(c.advocate);
    core::LegalExportRequest request;
    request.scope = core::LegalExportRequest::Scope::Reports;
    request.report_ids = {1};
    request.out = out;
    EXPECT_THROW(core::LegalExportService(*c.advocate.session).run(request), Error);
    EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 1);
    EXPECT_EQ(read_file(out / "keep.txt"), "mine");
    EXPECT_EQ(database_snapshot(c.advocate), before);
    // An empty existing folder is fine.
    const auto empty = c.advocate.tmp.path() / "empty";
    fs::create_directory(empty);
    request.out = empty;
    EXPECT_NO_THROW(core::LegalExportService(*c.advocate.session).run(request));
    EXPECT_TRUE(fs::is_regular_file(empty / "record.pdf"));
}

// Cancel (the GUI's) unwinds from the progress callback at any step: nothing
// is left beside or at the destination, and nothing is recorded.
TEST(CustodyChain, ALegalExportStoppedAtAnyStepLeavesNothing) {
    Chain c;
    c.send("b1.fvb");
    const auto before = database_snapshot(c.advocate);
    core::LegalExportRequest request;
    request.scope = core::LegalExportRequest::Scope::Reports;
    request.report_ids = {core::ReportService(*c.advocate.session).list().at(0).id};
    const auto folder = c.advocate.tmp.path() / "out";
    fs::create_directory(folder);
    request.out = folder / "record";
    std::uint64_t steps = 0;
    (void)core::LegalExportService(*c.advocate.session).run(request, [&](std::uint64_t, std::uint64_t total) {
        steps = total;
    });
    ASSERT_GT(steps, 1u);
    fs::remove_all(request.out);
    const auto after_one = database_snapshot(c.advocate);
    for (std::uint64_t stop = 0; stop < steps; ++stop) {
        SCOPED_TRACE(stop);
        EXPECT_THROW((void)core::LegalExportService(*c.advocate.session)
                         .run(request,
                              [&](std::uint64_t done, std::uint64_t) {
                                  if (done >= stop) throw Error(ErrorKind::Invalid, "cancelled");
                              }),
                     Error);
        EXPECT_TRUE(fs::is_empty(folder));  // no record, no hidden staging folder
        EXPECT_EQ(database_snapshot(c.advocate), after_one);
    }
    EXPECT_NE(before, after_one);  // the one that finished was recorded
}

TEST(CustodyChain, ProofVerifyRefusesAFolderWithoutProofs) {
    TempDir tmp;
    EXPECT_FALSE(core::verify_proof_folder(tmp.path()).ok());
    EXPECT_THROW((void)core::verify_proof_folder(tmp.path() / "missing"), Error);
}

TEST(CustodyChain, ForwardedToALawyerWhoChecksBothSignatures) {
    Chain c;
    c.send("b1.fvb");
    c.edit_and_attach();
    c.send("b2.fvb");
    TestVault lawyer;
    add_contact(c.advocate, "Lawyer", lawyer);
    // The advocate files the received report under a case and forwards the case.
    const auto received = core::ReportService(*c.advocate.session).list().at(0).id;
    core::CaseService cases(*c.advocate.session);
    cases.move_reports({received}, cases.create("Wang harassment"));
    auto request = export_reports({"Lawyer"}, {}, c.advocate.tmp.path() / "fwd.fvb");
    request.scope = core::ExportRequest::Scope::Case;
    request.case_name = "Wang harassment";
    const auto plan = core::ExportService(*c.advocate.session).plan(request);
    ASSERT_EQ(plan.reports.size(), 1u);
    EXPECT_TRUE(plan.reports[0].forwarded);
    EXPECT_EQ(plan.metadata.proofs, 2u);
    core::ExportService(*c.advocate.session).export_bundle(request);

    const auto got = core::ImportService(*lawyer.session).import_bundle(c.advocate.tmp.path() / "fwd.fvb");
    ASSERT_EQ(got.report_ids.size(), 1u);
    EXPECT_EQ(got.attachments, 2u);
    const auto id = got.report_ids[0];
    const auto original = core::ReportService(*c.person.session).get(c.report).report.content;
    EXPECT_EQ(core::ReportService(*lawyer.session).get(id).report.content, original);

    // The lawyer sees the chain: the advocate signed this bundle, the person signed the content.
    const auto deliveries = core::report_deliveries(*lawyer.session, id);
    ASSERT_EQ(deliveries.size(), 1u);
    EXPECT_EQ(deliveries[0].signer_fingerprint, c.advocate.created.fingerprint);
    ASSERT_TRUE(deliveries[0].claims.origin.has_value());
    EXPECT_EQ(deliveries[0].claims.origin->first_signer_fingerprint, c.person.created.fingerprint);
    EXPECT_EQ(deliveries[0].claims.origin->proof_bundle_ids.size(), 2u);
    EXPECT_GT(deliveries[0].claims.origin->forwarder_received_at, 0);

    // The lawyer's record carries all three signatures, and they verify.
    core::LegalExportRequest legal;
    legal.scope = core::LegalExportRequest::Scope::Reports;
    legal.report_ids = {id};
    legal.out = lawyer.tmp.path() / "court";
    const auto result = core::LegalExportService(*lawyer.session).run(legal);
    EXPECT_EQ(result.proofs, 3u);
    const auto check = core::verify_proof_folder(legal.out);
    EXPECT_TRUE(check.ok()) << (check.problems.empty() ? "" : check.problems[0]);
    std::set<std::string> signers;
    for (const auto& p : check.proofs) signers.insert(p.signer_fingerprint);
    EXPECT_EQ(signers, (std::set<std::string>{c.person.created.fingerprint, c.advocate.created.fingerprint}));

    // A report forwarded to the lawyer is not forwarded again (yet): a clear refusal.
    TestVault court;
    add_contact(lawyer, "Court", court);
    EXPECT_THROW((void)core::ExportService(*lawyer.session).plan(export_reports({"Court"}, {id}, "x.fvb")), Error);
}

TEST(ReportDocumentV2, IdsAndHashesAreStrictAndVersionOneIsStillRead) {
    core::detail::ReportDocument doc;
    doc.content = chinese_report("doc");
    doc.report_uid = std::string(32, 'a');
    core::detail::seal_revision_hash(doc);
    doc.revisions.push_back(core::detail::DocumentRevision{1, 5, std::string(64, 'b')});
    const auto text = core::detail::encode_report_document(doc);
    const auto back = core::detail::decode_report_document(text);
    EXPECT_EQ(back.report_uid, doc.report_uid);
    EXPECT_EQ(back.revision_sha256, doc.revision_sha256);
    ASSERT_EQ(back.revisions.size(), 1u);

    auto json = nlohmann::json::parse(text);
    auto broken = json;
    broken["report_uid"] = "not-hex";
    EXPECT_THROW(core::detail::decode_report_document(broken.dump()), Error);
    broken = json;
    broken["revision_sha256"] = std::string(64, 'G');
    EXPECT_THROW(core::detail::decode_report_document(broken.dump()), Error);
    broken = json;
    broken["schema_version"] = 4;
    EXPECT_THROW(core::detail::decode_report_document(broken.dump()), Error);
    broken = json;
    broken.erase("revisions");
    EXPECT_THROW(core::detail::decode_report_document(broken.dump()), Error);

    // Version 1: the old key set, no ids.
    auto v1 = json;
    v1["schema_version"] = 1;
    v1.erase("report_uid");
    v1.erase("revision_sha256");
    v1.erase("revisions");
    v1.erase("origin");
    const auto old = core::detail::decode_report_document(v1.dump());
    EXPECT_EQ(old.schema_version, 1);
    EXPECT_TRUE(old.report_uid.empty());
    v1["report_uid"] = std::string(32, 'a');  // a v2 key in a v1 document
    EXPECT_THROW(core::detail::decode_report_document(v1.dump()), Error);
}

// Version 3: each attachment entry has a caption, checked like the vault's own
// rule; version 2 entries have none (and may not have one).
TEST(ReportDocumentV3, CaptionsAreStrictAndVersionTwoIsStillRead) {
    core::detail::ReportDocument doc;
    doc.content = chinese_report("caption");
    doc.report_uid = std::string(32, 'a');
    core::detail::seal_revision_hash(doc);
    doc.attachments.push_back(core::detail::DocumentAttachment{"attachment-1", "card.jpg", "image/jpeg", 3,
                                                               std::string(64, 'c'), 7, "警察留下的名片"});
    const auto text = core::detail::encode_report_document(doc);
    const auto back = core::detail::decode_report_document(text);
    EXPECT_EQ(back.schema_version, 3);
    ASSERT_EQ(back.attachments.size(), 1u);
    EXPECT_EQ(back.attachments[0].caption, "警察留下的名片");

    const auto json = nlohmann::json::parse(text);
    const auto refused = [](nlohmann::json broken) {
        try {
            (void)core::detail::decode_report_document(broken.dump());
        } catch (const Error& e) {
            return e.kind() == ErrorKind::Integrity;
        }
        return false;
    };
    auto broken = json;
    broken["attachments"][0].erase("caption");
    EXPECT_TRUE(refused(broken));
    for (const std::string& bad : {std::string("two\nlines"), std::string("tab\there"), std::string(501, 'x')}) {
        broken = json;
        broken["attachments"][0]["caption"] = bad;
        EXPECT_TRUE(refused(broken)) << bad.size();
    }
    broken = json;
    broken["attachments"][0]["caption"] = 5;
    EXPECT_TRUE(refused(broken));
    broken = json;
    broken["attachments"][0]["caption"] = std::string(500, 'x');  // the bound itself is fine
    EXPECT_FALSE(refused(broken));

    auto v2 = json;
    v2["schema_version"] = 2;
    EXPECT_TRUE(refused(v2));  // a v3 key in a v2 document
    v2["attachments"][0].erase("caption");
    const auto old = core::detail::decode_report_document(v2.dump());
    EXPECT_EQ(old.schema_version, 2);
    ASSERT_EQ(old.attachments.size(), 1u);
    EXPECT_EQ(old.attachments[0].caption, "");
}

std::string caption_of(TestVault& v, std::int64_t report_id, const std::string& name) {
    for (const auto& a : core::ReportService(*v.session).get(report_id).attachments)
        if (a.name == name) return a.caption;
    throw std::runtime_error("no attachment " + name);
}

// A caption goes with its file to the advocate, is replaced when the report
// is sent again with another, and reaches the lawyer and the legal record.
TEST(CustodyChain, CaptionsTravelWithTheirFiles) {
    Chain c;
    core::AttachmentService person_files(*c.person.session);
    const auto photo_id = core::ReportService(*c.person.session).get(c.report).attachments.at(0).id;
    person_files.set_caption(photo_id, "警察留下的名片");
    const auto received = c.send("b1.fvb").report_ids.at(0);
    EXPECT_EQ(caption_of(c.advocate, received, "photo.jpg"), "警察留下的名片");

    // Sent again with a new caption and a second file without one.
    person_files.set_caption(photo_id, "The officer's card");
    core::AttachmentService(*c.person.session).attach(c.report, c.audio);
    const auto second = c.send("b2.fvb");
    EXPECT_EQ(second.attachments_already_held, 1u);
    EXPECT_EQ(caption_of(c.advocate, received, "photo.jpg"), "The officer's card");
    EXPECT_EQ(caption_of(c.advocate, received, "voice.ogg"), "");

    // Forwarded to a lawyer: the advocate's copy of the caption goes along.
    TestVault lawyer;
    add_contact(c.advocate, "Lawyer", lawyer);
    const auto forwarded = c.advocate.tmp.path() / "fwd.fvb";
    core::ExportService(*c.advocate.session).export_bundle(export_reports({"Lawyer"}, {received}, forwarded));
    const auto at_lawyer = core::ImportService(*lawyer.session).import_bundle(forwarded).report_ids.at(0);
    EXPECT_EQ(caption_of(lawyer, at_lawyer, "photo.jpg"), "The officer's card");

    // The lawyer's legal export: reports.json names it beside the file.
    core::LegalExportRequest legal;
    legal.scope = core::LegalExportRequest::Scope::Reports;
    legal.report_ids = {at_lawyer};
    legal.out = lawyer.tmp.path() / "court";
    core::LegalExportService(*lawyer.session).run(legal);
    const auto json = nlohmann::json::parse(read_file(legal.out / "reports.json"));
    std::set<std::string> captions;
    for (const auto& a : json.at(0).at("attachments")) captions.insert(a.at("caption").get<std::string>());
    EXPECT_EQ(captions, (std::set<std::string>{"The officer's card", ""}));
}

// The carried proofs of `bundle_file` as `reader` opens it: proof item id ->
// the report item ids whose signed documents it carries.
std::map<std::string, std::set<std::string>> carried_documents(TestVault& reader, const fs::path& bundle_file) {
    const auto text = read_file(bundle_file);
    const auto keys = storage::IdentityRepository(reader.session->db()).keys();
    if (!keys) throw std::runtime_error("vault without identity");
    const auto opened = bundle::open_raw(*keys, bundle::Bytes(text.begin(), text.end()));
    const auto manifest = crypto::bundle_format::decode_manifest(opened.manifest);
    std::map<std::string, std::set<std::string>> out;
    std::size_t at = 0;
    for (const auto& item : manifest.items) {
        if (item.kind == "proof") {
            const std::string bytes(reinterpret_cast<const char*>(opened.items.data() + at), item.size);
            for (const auto& [id, document] : core::detail::decode_carried_proof(bytes).documents)
                out[item.id].insert(id);
        }
        at += static_cast<std::size_t>(item.size);
    }
    return out;
}

// A bundle with two reports, one forwarded: the lawyer gets the first sender's
// signed manifest (needed whole to check the signature) but only the forwarded
// report's signed document, and so does a legal export of that report alone.
// Forwarding both carries the bundle's proof once, with both documents.
TEST(CustodyChain, ForwardingOneReportOfABundleCarriesNoOtherReportsDocument) {
    TestVault person, advocate, lawyer;
    add_contact(person, "NGO", advocate);
    add_contact(advocate, "Lawyer", lawyer);
    core::ReportService mine(*person.session);
    const auto kept_back = mine.create(chinese_report("留下"));
    const auto to_forward = mine.create(chinese_report("转交"));
    core::ExportService(*person.session)
        .export_bundle(export_reports({"NGO"}, {kept_back, to_forward}, person.tmp.path() / "two.fvb"));
    const auto got = core::ImportService(*advocate.session).import_bundle(person.tmp.path() / "two.fvb");
    ASSERT_EQ(got.report_ids.size(), 2u);
    std::int64_t forward_id = 0;
    for (const auto id : got.report_ids)
        if (core::ReportService(*advocate.session).get(id).report.content.title.find("转交") != std::string::npos)
            forward_id = id;
    ASSERT_NE(forward_id, 0);

    const auto one = advocate.tmp.path() / "one.fvb";
    core::ExportService(*advocate.session).export_bundle(export_reports({"Lawyer"}, {forward_id}, one));
    const auto carried = carried_documents(lawyer, one);
    ASSERT_EQ(carried.size(), 1u);
    EXPECT_EQ(carried.begin()->second.size(), 1u);
    const auto imported = core::ImportService(*lawyer.session).import_bundle(one);
    ASSERT_EQ(imported.report_ids.size(), 1u);
    EXPECT_NE(core::ReportService(*lawyer.session).get(imported.report_ids[0]).report.content.title.find("转交"),
              std::string::npos);

    // The other report forwarded later, alone: the lawyer keeps its signed
    // document too, beside the first one, under the same first bundle.
    std::int64_t other_id = got.report_ids[0] == forward_id ? got.report_ids[1] : got.report_ids[0];
    const auto later = advocate.tmp.path() / "later.fvb";
    core::ExportService(*advocate.session).export_bundle(export_reports({"Lawyer"}, {other_id}, later));
    const auto second = core::ImportService(*lawyer.session).import_bundle(later);
    ASSERT_EQ(second.report_ids.size(), 1u);
    core::LegalExportRequest lawyer_record;
    lawyer_record.scope = core::LegalExportRequest::Scope::Reports;
    lawyer_record.report_ids = {second.report_ids[0]};
    lawyer_record.out = lawyer.tmp.path() / "later-record";
    (void)core::LegalExportService(*lawyer.session).run(lawyer_record);
    // Two signatures (the advocate's bundle and the first sender's), each with
    // this report's document only.
    std::map<std::string, std::size_t> later_documents;
    for (const auto& entry : fs::recursive_directory_iterator(lawyer_record.out / "proofs"))
        if (entry.path().parent_path().filename() == "documents")
            ++later_documents[entry.path().parent_path().parent_path().filename().string()];
    ASSERT_EQ(later_documents.size(), 2u);
    for (const auto& [bundle, count] : later_documents) EXPECT_EQ(count, 1u) << bundle;
    EXPECT_TRUE(core::verify_proof_folder(lawyer_record.out).ok());

    const auto both = advocate.tmp.path() / "both.fvb";
    core::ExportService(*advocate.session).export_bundle(export_reports({"Lawyer"}, got.report_ids, both));
    const auto carried_both = carried_documents(lawyer, both);
    ASSERT_EQ(carried_both.size(), 1u);
    EXPECT_EQ(carried_both.begin()->second.size(), 2u);

    // The advocate's legal export of the one report keeps only its document.
    core::LegalExportRequest legal;
    legal.scope = core::LegalExportRequest::Scope::Reports;
    legal.report_ids = {forward_id};
    legal.out = advocate.tmp.path() / "court";
    (void)core::LegalExportService(*advocate.session).run(legal);
    std::size_t documents = 0;
    for (const auto& entry : fs::recursive_directory_iterator(legal.out / "proofs"))
        if (entry.path().parent_path().filename() == "documents") ++documents;
    EXPECT_EQ(documents, 1u);
    const auto check = core::verify_proof_folder(legal.out);
    EXPECT_TRUE(check.ok()) << (check.problems.empty() ? "" : check.problems[0]);
}

// A forwarder re-signs the bundle, so it could change what the lawyer is shown
// as the first sender's claims. The importer compares them with the document
// the first sender signed (carried in the proof): any change is refused.
TEST(CustodyChain, AForwarderCannotChangeWhatTheFirstSenderClaims) {
    Chain c;
    c.send("b1.fvb");
    TestVault lawyer;
    add_contact(c.advocate, "Lawyer", lawyer);
    const auto received = core::ReportService(*c.advocate.session).list().at(0).id;
    const auto forwarded = c.advocate.tmp.path() / "fwd.fvb";
    core::ExportService(*c.advocate.session).export_bundle(export_reports({"Lawyer"}, {received}, forwarded));
    const auto advocate_keys = storage::IdentityRepository(c.advocate.session->db()).keys();
    const auto lawyer_keys = storage::IdentityRepository(lawyer.session->db()).keys();
    ASSERT_TRUE(advocate_keys && lawyer_keys);
    const auto text = read_file(forwarded);
    const auto opened = bundle::open_raw(*lawyer_keys, bundle::Bytes(text.begin(), text.end()));
    const auto manifest = crypto::bundle_format::decode_manifest(opened.manifest);

    // The advocate's bundle again, with the report document changed by `change`.
    const auto reforged = [&](const std::string& label, const std::function<void(nlohmann::json&)>& change) {
        std::vector<bundle::ItemData> items;
        std::size_t at = 0;
        for (const auto& item : manifest.items) {
            bundle::Bytes data(opened.items.begin() + static_cast<std::ptrdiff_t>(at),
                               opened.items.begin() + static_cast<std::ptrdiff_t>(at + item.size));
            at += static_cast<std::size_t>(item.size);
            if (item.kind == "report") {
                auto doc = nlohmann::json::parse(data.begin(), data.end());
                change(doc);
                data = bundle::bytes_of(doc.dump());
            }
            items.push_back({item.id, item.kind, item.name, std::move(data)});
        }
        auto m = bundle::make_manifest(*advocate_keys, manifest.recipients, items, manifest.metadata);
        m.bundle_id = crypto::BundleManifest::random_id();
        const auto bytes = bundle::write_bundle(*advocate_keys, m, items);
        const auto path = c.advocate.tmp.path() / (label + ".fvb");
        write_file(path, std::string(bytes.begin(), bytes.end()));
        return path;
    };
    const auto refused = [&](const std::string& label, const std::function<void(nlohmann::json&)>& change) {
        try {
            (void)core::ImportService(*lawyer.session).import_bundle(reforged(label, change));
            ADD_FAILURE() << label << ": imported";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Integrity) << label;
            EXPECT_NE(std::string(e.what()).find("differs from what its first sender signed"), std::string::npos)
                << label << ": " << e.what();
        }
    };
    refused("status", [](nlohmann::json& d) { d["status"] = d["status"] == "final" ? "draft" : "final"; });
    refused("case", [](nlohmann::json& d) { d["case"] = "另一个案子"; });
    refused("created", [](nlohmann::json& d) { d["created_at"] = d["created_at"].get<std::int64_t>() - 86400; });
    refused("history", [](nlohmann::json& d) { d["revisions"] = nlohmann::json::array(); });
    ASSERT_FALSE(manifest.items.empty());
    refused("redactions", [](nlohmann::json& d) { d["redacted_fields"] = nlohmann::json::array({"place"}); });
    refused("caption", [](nlohmann::json& d) { d["attachments"][0]["caption"] = "words the sender never wrote"; });
    EXPECT_TRUE(core::ReportService(*lawyer.session).list().empty());
    // The same re-signing with nothing changed is accepted: the refusals above are the changes'.
    EXPECT_EQ(core::ImportService(*lawyer.session).import_bundle(reforged("same", [](nlohmann::json&) {})).report_ids.size(),
              1u);
}

}  // namespace
}  // namespace fv::test
