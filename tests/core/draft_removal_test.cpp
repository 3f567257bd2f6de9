// Issue 14: a wrong file comes off a draft, a draft that never left the vault
// can be deleted, and each file can carry a caption. Every change is audited
// without the words; a final or sent report is kept whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "fieldvault/core/annotations.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/entities.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"
#include "test_vault.h"

using namespace fv;
using fv::test::kind_of;

namespace {

core::ReportContent titled(const std::string& title) {
    core::ReportContent c;
    c.title = title;
    c.narrative = "王警官打电话 " + title;
    return c;
}

std::size_t blob_files(const test::TestVault& v) {
    const auto folder = v.dir / "blobs";
    if (!std::filesystem::exists(folder)) return 0;
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(folder),
                                                  std::filesystem::directory_iterator{}));
}

std::vector<std::string> actions(core::Session& session) {
    std::vector<std::string> out;
    for (const auto& e : storage::AuditLog(session.db()).entries()) out.push_back(e.action);
    return out;
}

bool logged(core::Session& session, const std::string& action) {
    const auto all = actions(session);
    return std::find(all.begin(), all.end(), action) != all.end();
}

}  // namespace

TEST(DraftRemoval, AWrongFileComesOffADraftAndItsFileGoes) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::AttachmentService attachments(*v.session);
    const auto id = reports.create(titled("draft"));
    test::write_file(v.tmp.path() / "wrong.jpg", std::string(10000, 'w'));
    test::write_file(v.tmp.path() / "right.jpg", std::string(20000, 'r'));
    const auto wrong = attachments.attach(id, v.tmp.path() / "wrong.jpg");
    const auto right = attachments.attach(id, v.tmp.path() / "right.jpg");
    ASSERT_EQ(blob_files(v), 2u);

    attachments.remove(wrong.id);
    const auto detail = reports.get(id);
    ASSERT_EQ(detail.attachments.size(), 1u);
    EXPECT_EQ(detail.attachments[0].id, right.id);
    EXPECT_EQ(blob_files(v), 1u);
    EXPECT_EQ(reports.list().at(0).attachment_count, 1);
    EXPECT_TRUE(logged(*v.session, "attachment_remove"));
    for (const auto& e : storage::AuditLog(v.session->db()).entries())
        EXPECT_EQ(e.detail.find("wrong.jpg"), std::string::npos);  // the name can say too much
    EXPECT_EQ(kind_of([&] { attachments.remove(wrong.id); }), ErrorKind::NotFound);

    reports.finalize(id);
    EXPECT_EQ(kind_of([&] { attachments.remove(right.id); }), ErrorKind::Invalid);
    EXPECT_EQ(reports.get(id).attachments.size(), 1u);
    EXPECT_FALSE(storage::AuditLog(v.session->db()).verify().has_value());
}

TEST(DraftRemoval, CaptionsSayWhatAFileShows) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::AttachmentService attachments(*v.session);
    const auto id = reports.create(titled("draft"));
    test::write_file(v.tmp.path() / "chat.png", std::string(3000, 'c'));
    const auto file = attachments.attach(id, v.tmp.path() / "chat.png");
    attachments.set_caption(file.id, "微信聊天截图：他说我母亲会有麻烦");
    EXPECT_EQ(reports.get(id).attachments.at(0).caption, "微信聊天截图：他说我母亲会有麻烦");
    attachments.set_caption(file.id, "WeChat screenshot");
    EXPECT_EQ(reports.get(id).attachments.at(0).caption, "WeChat screenshot");
    EXPECT_EQ(kind_of([&] { attachments.set_caption(file.id, std::string(501, 'x')); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { attachments.set_caption(file.id, "two\nlines"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { attachments.set_caption(file.id, "\xff\xfe"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { attachments.set_caption(999, "x"); }), ErrorKind::NotFound);
    EXPECT_EQ(reports.get(id).attachments.at(0).caption, "WeChat screenshot");
    for (const auto& e : storage::AuditLog(v.session->db()).entries())
        EXPECT_EQ(e.detail.find("WeChat"), std::string::npos);
    attachments.set_caption(file.id, "");
    EXPECT_EQ(reports.get(id).attachments.at(0).caption, "");
    reports.finalize(id);
    EXPECT_EQ(kind_of([&] { attachments.set_caption(file.id, "later"); }), ErrorKind::Invalid);
}

TEST(DraftRemoval, ADraftThatNeverLeftIsDeletedWithEverythingOfIt) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto keep = reports.create(titled("keep"), "Mei");
    const auto gone = reports.create(titled("gone"), "Mei");
    test::write_file(v.tmp.path() / "photo.jpg", std::string(5000, 'p'));
    const auto file = core::AttachmentService(*v.session).attach(gone, v.tmp.path() / "photo.jpg");
    core::AttachmentService(*v.session).set_caption(file.id, "the car outside");
    reports.edit(gone, titled("gone, edited"));
    core::AnnotationService(*v.session).save(gone, core::Annotation{"a note", {"tag"}, "", ""});
    core::CaseService cases(*v.session);
    cases.add_reports({gone}, cases.create("Officer Wang"));
    core::EntityService(*v.session).create("王警官");
    core::EntityService(*v.session).link("王警官", gone);
    ASSERT_EQ(blob_files(v), 1u);

    reports.delete_draft(gone);
    EXPECT_EQ(kind_of([&] { reports.get(gone); }), ErrorKind::NotFound);
    EXPECT_EQ(blob_files(v), 0u);
    ASSERT_EQ(reports.list().size(), 1u);
    EXPECT_EQ(reports.list()[0].id, keep);
    EXPECT_EQ(reports.search("edited").size(), 0u);
    EXPECT_EQ(reports.search("王警官").size(), 1u);
    EXPECT_TRUE(reports.list("Officer Wang").empty());
    EXPECT_TRUE(core::EntityService(*v.session).get("王警官").report_ids.empty());
    EXPECT_TRUE(logged(*v.session, "report_delete"));
    EXPECT_FALSE(storage::AuditLog(v.session->db()).verify().has_value());
    EXPECT_EQ(kind_of([&] { reports.delete_draft(gone); }), ErrorKind::NotFound);
}

TEST(DraftRemoval, FinalAndSentReportsAreKept) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto final_report = reports.create(titled("final"));
    reports.finalize(final_report);
    EXPECT_EQ(kind_of([&] { reports.delete_draft(final_report); }), ErrorKind::Invalid);
    EXPECT_NO_THROW(reports.get(final_report));

    // A draft that went out in a bundle has an origin: what was sent stays on record.
    const auto sent = reports.create(titled("sent"));
    v.session->db()
        .prepare("INSERT INTO report_origins (report_id, uid, signer) VALUES (?, '0123456789abcdef0123456789abcdef', '')")
        .bind(1, sent)
        .run();
    try {
        reports.delete_draft(sent);
        ADD_FAILURE() << "a sent draft was deleted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
        EXPECT_NE(std::string(e.what()).find("was sent in a bundle"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(reports.get(sent));
    // Revisions of a final report stay append-only in the database itself.
    EXPECT_THROW(v.session->db().exec("DELETE FROM revisions WHERE report_id = " + std::to_string(final_report)), Error);
    EXPECT_FALSE(logged(*v.session, "report_delete"));
}
