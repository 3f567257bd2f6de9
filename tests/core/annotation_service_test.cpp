// The organisation's notes, tags and translation on a report: revisions,
// nothing overwritten, the received content untouched, bad input refused.
#include <gtest/gtest.h>

#include "exchange_fixture.h"
#include "fieldvault/core/annotations.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "test_vault.h"

namespace fv::test {
namespace {

std::size_t audit_count(TestVault& v, const std::string& action) {
    std::size_t n = 0;
    for (const auto& e : storage::AuditLog(v.session->db()).entries())
        if (e.action == action) ++n;
    return n;
}

TEST(AnnotationService, RevisionsOnAReceivedReportLeaveItsContentAsSent) {
    TestVault a, b;
    add_contact(a, "b", b);
    const auto id = core::ReportService(*a.session).create(chinese_report("注"));
    core::ExportService(*a.session).export_bundle(export_reports({"b"}, {id}, a.tmp.path() / "x.fvb"));
    const auto received = core::ImportService(*b.session).import_bundle(a.tmp.path() / "x.fvb").report_ids.at(0);
    const auto before = core::ReportService(*b.session).get(received);

    core::AnnotationService notes(*b.session);
    EXPECT_FALSE(notes.current(received).has_value());
    const auto first = notes.save(received, {"Called her back on 15 March.", {" wechat ", "follow up", "wechat", ""},
                                             "", ""});
    EXPECT_EQ(first.revision, 1);
    EXPECT_EQ(first.annotation.tags, (std::vector<std::string>{"wechat", "follow up"}));
    const auto second =
        notes.save(received, {"Called her back on 15 March.", {"wechat"}, "The police came to my parents.", "Lin"});
    EXPECT_EQ(second.revision, 2);
    // The same again is no new revision.
    EXPECT_EQ(notes.save(received, second.annotation).revision, 2);
    EXPECT_EQ(audit_count(b, "annotate"), 2u);

    const auto history = notes.history(received);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].annotation.tags, (std::vector<std::string>{"wechat", "follow up"}));
    EXPECT_EQ(history[1].annotation.translator, "Lin");
    EXPECT_EQ(notes.current(received)->annotation.translation, "The police came to my parents.");

    const auto after = core::ReportService(*b.session).get(received);
    EXPECT_EQ(after.report.content, before.report.content);
    EXPECT_EQ(after.revisions.size(), before.revisions.size());
}

TEST(AnnotationService, RefusesBadInputAndUnknownReports) {
    TestVault v;
    const auto id = core::ReportService(*v.session).create(chinese_report("坏"));
    core::AnnotationService notes(*v.session);
    EXPECT_EQ(kind_of([&] { notes.save(999, {"x", {}, "", ""}); }), ErrorKind::NotFound);
    EXPECT_EQ(kind_of([&] { notes.save(id, {"bad \xff", {}, "", ""}); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { notes.save(id, {"", {"a,b"}, "", ""}); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { notes.save(id, {"", {"tab\there"}, "", ""}); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { notes.save(id, {"", {std::string(101, 'x')}, "", ""}); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { notes.save(id, {"", {}, "", std::string(201, 'x')}); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { notes.save(id, {std::string("nul\0", 4), {}, "", ""}); }), ErrorKind::Invalid);
    std::vector<std::string> many;
    for (int i = 0; i < 51; ++i) many.push_back("t" + std::to_string(i));
    EXPECT_EQ(kind_of([&] { notes.save(id, {"", many, "", ""}); }), ErrorKind::Invalid);
    EXPECT_FALSE(notes.current(id).has_value());
    EXPECT_EQ(audit_count(v, "annotate"), 0u);
}

}  // namespace
}  // namespace fv::test
