// Cases: create, rename (audited, refusing empty and duplicate names), move
// reports between cases; and reading an attachment into memory for preview.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "fieldvault/core/attachment_reader.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/cases.h"
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
    return c;
}

std::size_t audit_count(core::Session& session, const std::string& action) {
    const auto entries = storage::AuditLog(session.db()).entries();
    return static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [&](const auto& e) { return e.action == action; }));
}

}  // namespace

TEST(CaseService, CreateAndRenameAreAudited) {
    test::TestVault v;
    core::CaseService cases(*v.session);
    const auto id = cases.create("Interview A");
    cases.rename(id, "Interview A (2026)");
    const auto list = cases.list();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].name, "Interview A (2026)");
    EXPECT_EQ(audit_count(*v.session, "case_create"), 1u);
    EXPECT_EQ(audit_count(*v.session, "case_rename"), 1u);
    // The log names the case by id only: a case name can name a person.
    for (const auto& e : storage::AuditLog(v.session->db()).entries())
        EXPECT_EQ(e.detail.find("Interview"), std::string::npos) << e.action;
    EXPECT_FALSE(storage::AuditLog(v.session->db()).verify().has_value());
}

TEST(CaseService, RefusesEmptyAndDuplicateNames) {
    test::TestVault v;
    core::CaseService cases(*v.session);
    const auto a = cases.create("A");
    cases.create("B");
    EXPECT_EQ(kind_of([&] { cases.create("B"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { cases.create("  "); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { cases.rename(a, ""); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { cases.rename(a, "B"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { cases.rename(999, "C"); }), ErrorKind::NotFound);
    EXPECT_EQ(cases.list().size(), 2u);
    EXPECT_EQ(audit_count(*v.session, "case_rename"), 0u);
}

TEST(CaseService, MovesReportsIncludingFinalOnesWithoutNewRevision) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::CaseService cases(*v.session);
    const auto first = reports.create(titled("one"), "Old");
    const auto second = reports.create(titled("two"));
    reports.finalize(second);
    const auto target = cases.create("New");
    cases.move_reports({first, second}, target);
    EXPECT_EQ(reports.get(first).case_name, "New");
    EXPECT_EQ(reports.get(second).case_name, "New");
    EXPECT_EQ(reports.get(first).report.revision, 1);
    EXPECT_EQ(reports.list("New").size(), 2u);
    EXPECT_TRUE(reports.list("Old").empty());
    EXPECT_EQ(audit_count(*v.session, "report_move"), 2u);

    cases.move_reports({first}, 0);
    EXPECT_EQ(reports.get(first).case_name, "");
}

TEST(CaseService, MoveIsAllOrNothing) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::CaseService cases(*v.session);
    const auto first = reports.create(titled("one"));
    const auto target = cases.create("New");
    EXPECT_EQ(kind_of([&] { cases.move_reports({first, 4242}, target); }), ErrorKind::NotFound);
    EXPECT_EQ(reports.get(first).case_name, "");
    EXPECT_EQ(kind_of([&] { cases.move_reports({first}, 777); }), ErrorKind::NotFound);
}

TEST(CaseService, LoadReportsOfOneCaseOrAll) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    auto with_id = titled("one");
    with_id.identifiers = {{"phone", "+1 555 0100"}};
    reports.create(with_id, "A");
    reports.create(titled("two"), "B");
    reports.create(titled("three"));
    core::CaseService cases(*v.session);
    EXPECT_EQ(cases.load_reports(std::nullopt).size(), 3u);
    const auto a = cases.list().front();
    const auto in_a = cases.load_reports(a.id);
    ASSERT_EQ(in_a.size(), 1u);
    EXPECT_EQ(in_a[0].content.identifiers, with_id.identifiers);
    EXPECT_EQ(cases.load_reports(0).size(), 1u);
}

TEST(AttachmentReader, ReadsTheOriginalBytesAndRefusesTooLarge) {
    test::TestVault v;
    const auto report = core::ReportService(*v.session).create(titled("with evidence"));
    std::string bytes;
    for (int i = 0; i < 200000; ++i) bytes.push_back(static_cast<char>(i * 13));
    const auto src = v.tmp.path() / "photo.png";
    test::write_file(src, bytes);
    const auto record = core::AttachmentService(*v.session).attach(report, src);
    const auto read = core::read_attachment(*v.session, record.id, bytes.size());
    ASSERT_EQ(read.size(), bytes.size());
    EXPECT_TRUE(std::equal(bytes.begin(), bytes.end(), read.reveal().begin(),
                           [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; }));
    EXPECT_EQ(kind_of([&] { (void)core::read_attachment(*v.session, record.id, bytes.size() - 1); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { (void)core::read_attachment(*v.session, 999, 1000); }), ErrorKind::NotFound);
}
