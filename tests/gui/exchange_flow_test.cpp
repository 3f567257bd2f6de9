// Export a report to a contact through the wizard, then import that bundle in
// the contact's vault through the import screen; a tampered bundle refused;
// a cancelled export leaves no file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <future>

#include "exchange_test_support.h"
#include "views/exchange_widgets.h"
#include "fieldvault/core/annotations.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/export.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/proofs.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"

namespace fv::gui::test {
namespace {

const std::string kTitle = "Calls to my mother from the local police";

void write_test_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

class GuiExchange : public ::testing::Test {
protected:
    void SetUp() override {
        // The wizard proposes ~/<date>.bin: keep it inside the test folder.
        if (const char* home = std::getenv("HOME")) saved_home_ = home;
        ::setenv("HOME", dir_.path().c_str(), 1);
        peer_ = make_peer_vault(dir_.path() / "peer", "Peer");
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
    }
    void TearDown() override {
        ui_.reset();
        if (saved_home_) ::setenv("HOME", saved_home_->c_str(), 1);
    }

    // Steps 1-4 of the wizard for the first report and the first contact.
    void walk_wizard_to_save_step() {
        ui_->click("nav.export");
        ASSERT_EQ(ui_->app().screen(), Screen::Export);
        ui_->settle();  // the wizard reads reports and contacts on the worker
        ui_->click("export.report.0");
        ui_->click("export.next");
        ASSERT_EQ(ui_->app().export_view().step(), ExportView::Step::Recipients);
        ui_->click("export.recipient.0");
        ui_->click("export.next");
        ASSERT_EQ(ui_->app().export_view().step(), ExportView::Step::Contents);
        ui_->click("export.next");  // "Review"
        ui_->settle();
        ASSERT_EQ(ui_->app().export_view().step(), ExportView::Step::Review);
        ASSERT_EQ(ui_->app().export_view().review().reports.size(), 1u);
        ui_->click("export.next");
        ASSERT_EQ(ui_->app().export_view().step(), ExportView::Step::Save);
    }

    // Swaps the app for one on the peer's vault, unlocked.
    void open_peer_vault() {
        ui_.reset();
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "peer");
        unlock_through_ui(*ui_);
    }

    void verify_through_import_screen(const std::filesystem::path& bundle) {
        ui_->click("nav.import");
        ASSERT_EQ(ui_->app().screen(), Screen::Import);
        ui_->click("import.path");
        ui_->type(bundle.string());
        ui_->click("import.verify");
        ui_->settle();
    }

    // A bundle for the peer made through core (the refusal tests start from it).
    std::filesystem::path export_through_core() {
        auto& session = ui_->session();
        add_report(session, kTitle);
        core::ContactService(session).add("Peer", peer_.card);
        core::ExportRequest request;
        request.recipients = {"Peer"};
        request.scope = core::ExportRequest::Scope::All;
        request.out = dir_.path() / "core.fvb";
        core::ExportService(session).export_bundle(request);
        return request.out;
    }

    TempDir dir_;
    std::optional<std::string> saved_home_;
    core::CreatedVault peer_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiExchange, ExportThroughWizardThenImportInTheRecipientsVault) {
    const auto id = add_report(ui_->session(), kTitle);
    const auto sender_fingerprint = core::IdentityService(ui_->session()).own().fingerprint;
    add_contact_through_ui(*ui_, "Peer", peer_.card);
    walk_wizard_to_save_step();
    auto& wizard = ui_->app().export_view();
    EXPECT_EQ(wizard.selected_ids(), std::vector<std::int64_t>{id});
    // The review said what stays behind: the report's sensitive field.
    EXPECT_EQ(wizard.review().reports[0].left_out_fields, std::vector<std::string>{"place"});
    // Proposed in the home folder, shown as "~/...", under a name that says
    // nothing of Fieldvault (issue 15: "2026-03-14.bin").
    EXPECT_EQ(wizard.output_path().rfind("~/", 0), 0u) << wizard.output_path();
    EXPECT_EQ(wizard.output_path().find("fieldvault"), std::string::npos) << wizard.output_path();
    const std::filesystem::path out = expand_home(wizard.output_path());
    EXPECT_EQ(out.parent_path(), dir_.path());
    EXPECT_EQ(out.extension(), ".bin");

    ui_->click("export.next");  // "Export"
    ui_->settle();
    ASSERT_EQ(wizard.step(), ExportView::Step::Done) << wizard.error();
    ASSERT_TRUE(wizard.result().has_value());
    ASSERT_TRUE(std::filesystem::exists(out));
    EXPECT_EQ(wizard.result()->file_sha256, crypto::to_hex(crypto::sha256(read_file(out))));
    ASSERT_EQ(wizard.result()->recipients.size(), 1u);
    EXPECT_EQ(wizard.result()->recipients[0].fingerprint, peer_.fingerprint);
    EXPECT_TRUE(ui_->drawn("export.sha256"));
    bool logged = false;
    for (const auto& entry : core::AuditService(ui_->session()).entries())
        logged = logged || (entry.action == "export" && entry.detail.find(wizard.result()->file_sha256) != std::string::npos);
    EXPECT_TRUE(logged);

    open_peer_vault();
    verify_through_import_screen(out);
    auto& screen = ui_->app().import_view();
    ASSERT_TRUE(screen.check().has_value()) << screen.error();
    EXPECT_FALSE(screen.check()->signer_contact.has_value());  // a new source
    EXPECT_FALSE(screen.check()->already_imported);
    // Verification stores nothing.
    EXPECT_TRUE(core::ReportService(ui_->session()).list().empty());
    EXPECT_TRUE(core::ContactService(ui_->session()).list().empty());

    ui_->click("import.import");
    ui_->settle();
    ASSERT_TRUE(screen.result().has_value()) << screen.error();
    ASSERT_EQ(screen.result()->report_ids.size(), 1u);
    EXPECT_TRUE(screen.result()->new_source);
    const auto received_id = screen.result()->report_ids[0];
    const auto bundle_id = screen.result()->check.bundle_id;

    ui_->click("import.show_reports");
    ui_->settle();
    ASSERT_EQ(ui_->app().screen(), Screen::ReportList);
    ASSERT_EQ(ui_->app().report_list_view().rows().size(), 1u);
    EXPECT_EQ(ui_->app().report_list_view().received().count(received_id), 1u);
    EXPECT_TRUE(ui_->drawn("list.row0.received"));

    ui_->click("list.row0");
    ASSERT_EQ(ui_->app().screen(), Screen::ReportEditor);
    auto& editor = ui_->app().report_editor_view();
    EXPECT_EQ(editor.report_id(), received_id);
    EXPECT_EQ(editor.draft().title, kTitle);
    EXPECT_TRUE(editor.draft().place.empty());  // left out by the sender
    ASSERT_TRUE(editor.received().has_value());
    EXPECT_EQ(editor.received()->bundle_id, bundle_id);
    EXPECT_EQ(editor.received()->signer_fingerprint, sender_fingerprint);
    EXPECT_EQ(editor.received()->redacted_fields, std::vector<std::string>{"place"});
    EXPECT_TRUE(ui_->drawn("editor.received"));
    EXPECT_FALSE(ui_->drawn("editor.save"));  // read-only
    EXPECT_FALSE(ui_->drawn("editor.attach"));
}

// An advocate forwards a received report from the wizard: it is offered,
// marked as received, reviewed as forwarded, and the bundle carries its
// first sender's signature (the next receiver sees both signers).
TEST_F(GuiExchange, ReceivedReportsAreForwardedWithTheirSendersSignature) {
    const auto bundle = export_through_core();
    open_peer_vault();
    const auto got = core::ImportService(ui_->session()).import_bundle(bundle);
    ASSERT_EQ(got.report_ids.size(), 1u);
    const auto lawyer = make_peer_vault(dir_.path() / "lawyer", "Lawyer");
    core::ContactService(ui_->session()).add("Lawyer", lawyer.card);
    ui_->click("nav.export");
    ui_->settle();
    ASSERT_EQ(ui_->app().export_view().reports().size(), 1u);
    EXPECT_EQ(ui_->app().export_view().received_from().count(got.report_ids[0]), 1u);
    ui_->click("export.report.0");
    ui_->click("export.next");
    // The first contact is the source recorded at import; the lawyer is the one added.
    const auto& contacts = ui_->app().export_view().contacts();
    const auto lawyer_at = std::find_if(contacts.begin(), contacts.end(), [](const auto& c) { return c.name == "Lawyer"; });
    ASSERT_NE(lawyer_at, contacts.end());
    ui_->click("export.recipient." + std::to_string(lawyer_at - contacts.begin()));
    ui_->click("export.next");
    ui_->click("export.next");  // Review
    ui_->settle();
    ASSERT_EQ(ui_->app().export_view().step(), ExportView::Step::Review);
    ASSERT_EQ(ui_->app().export_view().review().reports.size(), 1u);
    EXPECT_TRUE(ui_->app().export_view().review().reports[0].forwarded);
    EXPECT_EQ(ui_->app().export_view().review().metadata.proofs, 1u);
}

// The advocate's list shows who sent each report (From), and filters by it.
TEST_F(GuiExchange, TheListShowsAndFiltersWhoSentEachReport) {
    const auto bundle = export_through_core();
    open_peer_vault();
    const auto got = core::ImportService(ui_->session()).import_bundle(bundle);
    ASSERT_EQ(got.report_ids.size(), 1u);
    add_report(ui_->session(), "The peer's own note");
    ui_->click("nav.reports");
    ui_->app().report_list_view().refresh(ui_->app().state());
    ui_->settle();
    auto& list = ui_->app().report_list_view();
    ASSERT_EQ(list.rows().size(), 2u);
    const auto from = list.sources().find(got.report_ids[0]);
    ASSERT_NE(from, list.sources().end());
    EXPECT_EQ(from->second.name, got.source_contact);
    EXPECT_FALSE(from->second.verified);
    EXPECT_EQ(list.sources().size(), 1u);  // the peer's own note is not from anyone else

    ui_->click("list.source");
    ui_->click("list.source=" + got.source_contact);
    EXPECT_EQ(list.shown_ids(), std::vector<std::int64_t>{got.report_ids[0]});
    ui_->click("list.source");
    ui_->click("list.source=you");
    ASSERT_EQ(list.shown_ids().size(), 1u);
    EXPECT_NE(list.shown_ids()[0], got.report_ids[0]);
}

// Issue 13: who sent reports, on the contacts screen: the organisation names
// a source ("source-..." becomes a name), and says it is the same person as a
// contact it already has; the list then shows the reports under that contact.
TEST_F(GuiExchange, WhoSentReportsCanBeRenamedAndJoinedToAContact) {
    const auto bundle = export_through_core();
    open_peer_vault();
    const auto got = core::ImportService(ui_->session()).import_bundle(bundle);
    ASSERT_EQ(got.report_ids.size(), 1u);
    ui_->click("nav.contacts");
    ui_->settle();
    auto& contacts = ui_->app().contacts_view();
    ASSERT_EQ(contacts.sources().sources().size(), 1u);
    EXPECT_EQ(contacts.sources().sources()[0].name, got.source_contact);

    ui_->click("sources.0.rename");
    ui_->click("sources.name");
    ui_->type("梅 Mei");
    ui_->click("sources.rename_confirm");
    ui_->settle();
    ASSERT_EQ(contacts.sources().sources().size(), 1u) << contacts.sources().error();
    EXPECT_EQ(contacts.sources().sources()[0].name, "梅 Mei");
    EXPECT_EQ(core::SourceService(ui_->session()).of_report(got.report_ids[0])->name, "梅 Mei");

    // A name another contact has is refused in words, and nothing changes.
    const auto lawyer_vault = make_peer_vault(dir_.path() / "lawyer", "Lawyer");
    core::ContactService(ui_->session()).add("Lawyer", lawyer_vault.card);
    ui_->settle();
    EXPECT_FALSE(contacts.sources().rename(ui_->app().state(), "梅 Mei", "Lawyer"));
    EXPECT_NE(contacts.sources().error().find("already exists"), std::string::npos) << contacts.sources().error();

    ui_->click("nav.reports");
    ui_->click("nav.contacts");
    ui_->settle();
    std::size_t lawyer = contacts.contacts().size();
    for (std::size_t i = 0; i < contacts.contacts().size(); ++i)
        if (contacts.contacts()[i].name == "Lawyer") lawyer = i;
    ASSERT_LT(lawyer, contacts.contacts().size());
    ui_->click("sources.0.merge");
    ui_->click("sources.into");
    ui_->click("sources.into=" + std::to_string(lawyer));
    ui_->click("sources.merge_confirm");
    ui_->settle();
    EXPECT_EQ(core::SourceService(ui_->session()).of_report(got.report_ids[0])->name, "Lawyer")
        << contacts.sources().error();
}

// A court record of the reports shown, from the list: written on the worker,
// and a folder that is not empty is refused with nothing written.
TEST_F(GuiExchange, CourtRecordOfTheShownReports) {
    const auto bundle = export_through_core();
    open_peer_vault();
    const auto got = core::ImportService(ui_->session()).import_bundle(bundle);
    ASSERT_EQ(got.report_ids.size(), 1u);
    ui_->click("nav.reports");
    ui_->app().report_list_view().refresh(ui_->app().state());
    ui_->settle();
    auto& panel = ui_->app().report_list_view().record_panel();
    ui_->click("record.open");
    ASSERT_TRUE(panel.open());
    EXPECT_FALSE(panel.folder().empty());  // a proposed new folder
    EXPECT_EQ(panel.folder().find("court-record-"), panel.folder().rfind('/') + 1) << panel.folder();

    const auto busy_folder = dir_.path() / "not-empty";
    std::filesystem::create_directories(busy_folder);
    write_test_file(busy_folder / "keep.txt", "mine");
    panel.folder() = busy_folder.string();
    ui_->click("record.write");
    ui_->settle();
    EXPECT_FALSE(panel.error().empty());
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(busy_folder), {}), 1);

    const auto out = dir_.path() / "for-the-court";
    panel.folder() = out.string();
    ui_->click("record.for");
    ui_->type("Court file 7");
    ui_->click("record.write");
    ui_->settle();
    EXPECT_TRUE(panel.error().empty()) << panel.error();
    EXPECT_TRUE(ui_->drawn("record.done"));
    EXPECT_EQ(panel.result().report_ids, got.report_ids);
    EXPECT_TRUE(std::filesystem::is_regular_file(out / "record.pdf"));
    EXPECT_TRUE(std::filesystem::is_regular_file(out / "evidence" / "SHA256SUMS"));
    EXPECT_TRUE(std::filesystem::is_directory(out / "proofs"));
    EXPECT_TRUE(core::verify_proof_folder(out).ok());

    ui_->click("lock");
    EXPECT_FALSE(panel.holds_sensitive_data());
}

// On a received (read-only) report the organisation still writes its own
// notes, tags and translation: saved as revisions, shown again on reopening,
// and the content as sent is untouched.
TEST_F(GuiExchange, YourNotesOnAReceivedReport) {
    const auto bundle = export_through_core();
    open_peer_vault();
    const auto id = core::ImportService(ui_->session()).import_bundle(bundle).report_ids.at(0);
    const auto content = core::ReportService(ui_->session()).get(id).report.content;
    auto& editor = ui_->app().report_editor_view();
    editor.load(ui_->app().state(), id);
    ui_->app().navigate(Screen::ReportEditor);
    ui_->settle();
    EXPECT_FALSE(ui_->drawn("editor.save"));  // the report itself is read-only
    ui_->click("annotation.notes");
    ui_->type("回电确认。Called back.");
    ui_->click("annotation.tags");
    ui_->type("wechat, follow up,  wechat");
    EXPECT_TRUE(editor.dirty());
    ui_->click("annotation.save");
    ui_->settle();
    ASSERT_TRUE(editor.annotation().saved().has_value()) << editor.annotation().error();
    EXPECT_EQ(editor.annotation().saved()->revision, 1);
    EXPECT_EQ(editor.annotation().tags(), "wechat, follow up");
    EXPECT_FALSE(editor.dirty());

    // Typing notes does not make the (read-only) report itself "unsaved".
    ui_->click("annotation.notes");
    ui_->type(" More.");
    EXPECT_TRUE(editor.dirty());
    EXPECT_FALSE(editor.report_dirty());
    ui_->click("annotation.save");
    ui_->settle();
    EXPECT_EQ(editor.annotation().saved()->revision, 2);

    editor.load(ui_->app().state(), id);  // reopened
    ui_->settle();
    EXPECT_EQ(editor.annotation().notes(), "回电确认。Called back. More.");
    EXPECT_EQ(core::AnnotationService(ui_->session()).history(id).size(), 2u);
    EXPECT_EQ(core::ReportService(ui_->session()).get(id).report.content, content);
    ui_->click("lock");
    EXPECT_FALSE(editor.annotation().holds_sensitive_data());
}

TEST_F(GuiExchange, TamperedBundleIsRefusedAndNothingStored) {
    const auto bundle = export_through_core();
    std::string bytes = read_file(bundle);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    const auto tampered = dir_.path() / "tampered.fvb";
    std::ofstream(tampered, std::ios::binary) << bytes;

    open_peer_vault();
    const auto audit_before = core::AuditService(ui_->session()).entries().size();
    verify_through_import_screen(tampered);
    const auto& screen = ui_->app().import_view();
    EXPECT_FALSE(screen.check().has_value());
    EXPECT_NE(screen.error().find("tampered"), std::string::npos) << screen.error();
    EXPECT_EQ(screen.error().find('\n'), std::string::npos);
    EXPECT_FALSE(ui_->drawn("import.import"));
    EXPECT_TRUE(core::ReportService(ui_->session()).list().empty());
    EXPECT_TRUE(core::ContactService(ui_->session()).list().empty());
    EXPECT_EQ(core::AuditService(ui_->session()).entries().size(), audit_before);
}

TEST_F(GuiExchange, NotABundleIsOneCalmLine) {
    const auto file = dir_.path() / "notes.txt";
    std::ofstream(file) << "just some notes\n";
    verify_through_import_screen(file);
    const auto& screen = ui_->app().import_view();
    EXPECT_NE(screen.error().find("not a bundle"), std::string::npos) << screen.error();
    EXPECT_FALSE(screen.check().has_value());
}

TEST_F(GuiExchange, AlreadyImportedIsShownAndNotOfferedAgain) {
    const auto bundle = export_through_core();
    open_peer_vault();
    core::ImportService(ui_->session()).import_bundle(bundle);
    verify_through_import_screen(bundle);
    const auto& screen = ui_->app().import_view();
    ASSERT_TRUE(screen.check().has_value()) << screen.error();
    EXPECT_TRUE(screen.check()->already_imported);
    EXPECT_FALSE(ui_->drawn("import.import"));
    // What the button would do is refused by core as well.
    ui_->app().import_view().import(ui_->app().state());
    ui_->settle();
    EXPECT_NE(screen.error().find("already imported"), std::string::npos) << screen.error();
    EXPECT_EQ(core::ReportService(ui_->session()).list().size(), 1u);
}

TEST_F(GuiExchange, CancelledExportLeavesNoFileAndNoLogEntry) {
    add_report(ui_->session(), kTitle);
    add_contact_through_ui(*ui_, "Peer", peer_.card);
    walk_wizard_to_save_step();
    const std::filesystem::path out = expand_home(ui_->app().export_view().output_path());
    // A job ahead of the export keeps it waiting until Cancel is clicked.
    std::promise<void> release;
    auto released = release.get_future().share();
    ui_->app().state().worker().submit("blocker", [released](core::JobContext&) { released.wait(); });
    ui_->frame();
    EXPECT_FALSE(ui_->app().state().worker().idle());
    ui_->app().export_view().start_export(ui_->app().state());  // what "Export" does
    ui_->frame();
    EXPECT_EQ(ui_->app().export_view().step(), ExportView::Step::Running);
    ui_->click("export.cancel");
    release.set_value();
    ui_->settle();
    EXPECT_EQ(ui_->app().export_view().step(), ExportView::Step::Save);
    EXPECT_NE(ui_->app().export_view().notice().find("cancelled"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(out));
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path()))
        EXPECT_EQ(entry.path().extension() == ".bin" || entry.path().filename().string().rfind(".fieldvault", 0) == 0,
                  false)
            << entry.path();
    for (const auto& entry : core::AuditService(ui_->session()).entries()) EXPECT_NE(entry.action, "export");
}

// The GUI cancels a running export by throwing from ExportService's progress
// callback (JobContext::throw_if_cancelled): core must then leave no file,
// no temporary file and no log entry.
TEST_F(GuiExchange, CancelFromTheProgressCallbackLeavesNothing) {
    auto& session = ui_->session();
    add_report(session, kTitle);
    core::ContactService(session).add("Peer", peer_.card);
    core::ExportRequest request;
    request.recipients = {"Peer"};
    request.scope = core::ExportRequest::Scope::All;
    request.out = dir_.path() / "out" / "cancelled.fvb";
    std::filesystem::create_directories(request.out.parent_path());
    int calls = 0;
    EXPECT_THROW(core::ExportService(session).export_bundle(request,
                                                            [&](std::uint64_t, std::uint64_t) {
                                                                ++calls;
                                                                throw Error(ErrorKind::Invalid, "cancelled");
                                                            }),
                 Error);
    EXPECT_GT(calls, 0);
    EXPECT_TRUE(std::filesystem::is_empty(request.out.parent_path()));
    for (const auto& entry : core::AuditService(session).entries()) EXPECT_NE(entry.action, "export");
}

TEST_F(GuiExchange, LockOnTheExchangeScreensClearsThem) {
    add_report(ui_->session(), kTitle);
    add_contact_through_ui(*ui_, "Peer", peer_.card);
    walk_wizard_to_save_step();
    ASSERT_TRUE(ui_->app().export_view().holds_sensitive_data());
    ui_->click("nav.import");
    ui_->click("import.path");
    ui_->type("/some/bundle.fvb");
    ASSERT_TRUE(ui_->app().import_view().holds_sensitive_data());
    ui_->click("nav.audit");
    ui_->settle();
    ASSERT_TRUE(ui_->app().audit_view().holds_sensitive_data());
    ui_->click("lock");
    EXPECT_FALSE(ui_->app().state().unlocked());
    EXPECT_FALSE(ui_->app().export_view().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().import_view().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().audit_view().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().contacts_view().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
    // Unlocked again, the wizard starts afresh.
    unlock_through_ui(*ui_);
    ui_->click("nav.export");
    ui_->settle();
    EXPECT_EQ(ui_->app().export_view().step(), ExportView::Step::Reports);
    EXPECT_TRUE(ui_->app().export_view().output_path().empty());
}

}  // namespace
}  // namespace fv::gui::test
