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

// Issue 13: a report can be in several cases. Its main case stays the one a
// bundle may name; lists, the timeline and exports by case find it in each.
TEST(CaseService, AReportCanBeInSeveralCases) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::CaseService cases(*v.session);
    const auto report = reports.create(titled("Visit to my mother"), "Mei");
    reports.finalize(report);  // received and final reports can be grouped too
    const auto wang = cases.create("Officer Wang");
    const auto station = cases.create("Service station");
    cases.add_reports({report}, wang);
    cases.add_reports({report}, station);
    cases.add_reports({report}, wang);  // already in it: nothing changes

    const auto detail = reports.get(report);
    EXPECT_EQ(detail.case_name, "Mei");
    EXPECT_EQ(detail.other_case_names, (std::vector<std::string>{"Officer Wang", "Service station"}));
    EXPECT_EQ(detail.report.revision, 1);
    for (const auto* name : {"Mei", "Officer Wang", "Service station"}) {
        const auto rows = reports.list(name);
        ASSERT_EQ(rows.size(), 1u) << name;
        EXPECT_EQ(rows[0].id, report);
        EXPECT_TRUE(in_case(rows[0], wang));
        EXPECT_FALSE(in_case(rows[0], 0));
    }
    EXPECT_EQ(cases.load_reports(station).size(), 1u);
    EXPECT_TRUE(cases.load_reports(0).empty());
    EXPECT_EQ(reports.list_first_page("Officer Wang").total, 1);
    EXPECT_EQ(reports.list_first_page("Officer Wang").rows.at(0).more_case_ids.size(), 2u);
    EXPECT_EQ(audit_count(*v.session, "report_case_add"), 2u);
    const auto names = cases.cases_of(report);
    ASSERT_EQ(names.size(), 3u);
    EXPECT_EQ(names[0].name, "Mei");
}

TEST(CaseService, TakingAReportOutOfItsMainCaseMovesTheNextOneUp) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::CaseService cases(*v.session);
    const auto report = reports.create(titled("one"), "A");
    const auto a = cases.list().front().id;
    const auto b = cases.create("B");
    const auto c = cases.create("C");
    cases.add_reports({report}, b);
    cases.add_reports({report}, c);

    cases.remove_reports({report}, a);
    EXPECT_EQ(reports.get(report).case_name, "B");
    EXPECT_EQ(reports.get(report).other_case_names, (std::vector<std::string>{"C"}));
    EXPECT_TRUE(reports.list("A").empty());
    cases.remove_reports({report}, c);
    EXPECT_TRUE(reports.get(report).other_case_names.empty());
    cases.remove_reports({report}, c);  // not in it: skipped, not an error
    cases.remove_reports({report}, b);
    EXPECT_EQ(reports.get(report).case_name, "");
    EXPECT_EQ(reports.list_first_page().rows.at(0).case_id, 0);
    EXPECT_EQ(cases.load_reports(0).size(), 1u);
    EXPECT_EQ(audit_count(*v.session, "report_case_remove"), 3u);

    // A report in no case that is put in one gets it as its main case.
    cases.add_reports({report}, c);
    EXPECT_EQ(reports.get(report).case_name, "C");
    EXPECT_TRUE(reports.get(report).other_case_names.empty());
}

TEST(CaseService, MovingPutsAReportInThatCaseOnlyAndEditingKeepsCasesApart) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::CaseService cases(*v.session);
    const auto report = reports.create(titled("one"), "A");
    const auto b = cases.create("B");
    const auto c = cases.create("C");
    cases.add_reports({report}, b);
    cases.add_reports({report}, c);
    // Editing the draft with its main case set to one of its other cases.
    reports.edit(report, titled("one, edited"), std::string_view("B"));
    EXPECT_EQ(reports.get(report).case_name, "B");
    EXPECT_EQ(reports.get(report).other_case_names, (std::vector<std::string>{"C"}));
    // Taking it out of its main case through the editor moves C up.
    reports.edit(report, titled("one, edited again"), std::string_view(""));
    EXPECT_EQ(reports.get(report).case_name, "C");
    EXPECT_TRUE(reports.get(report).other_case_names.empty());

    cases.add_reports({report}, b);
    cases.move_reports({report}, b);
    EXPECT_EQ(reports.get(report).case_name, "B");
    EXPECT_TRUE(reports.get(report).other_case_names.empty());
    EXPECT_TRUE(reports.list("C").empty());
    cases.add_reports({report}, c);
    cases.move_reports({report}, 0);
    EXPECT_EQ(reports.get(report).case_name, "");
    EXPECT_TRUE(reports.get(report).other_case_names.empty());
}

TEST(CaseService, AddingAndRemovingAreAllOrNothing) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    core::CaseService cases(*v.session);
    const auto report = reports.create(titled("one"), "A");
    const auto b = cases.create("B");
    EXPECT_EQ(kind_of([&] { cases.add_reports({report, 4242}, b); }), ErrorKind::NotFound);
    EXPECT_TRUE(reports.get(report).other_case_names.empty());
    EXPECT_EQ(kind_of([&] { cases.add_reports({report}, 777); }), ErrorKind::NotFound);
    EXPECT_EQ(kind_of([&] { cases.remove_reports({report}, 777); }), ErrorKind::NotFound);
    cases.add_reports({report}, b);
    EXPECT_EQ(kind_of([&] { cases.remove_reports({report, 4242}, b); }), ErrorKind::NotFound);
    EXPECT_EQ(reports.get(report).other_case_names, (std::vector<std::string>{"B"}));
    EXPECT_EQ(kind_of([&] { cases.cases_of(4242); }), ErrorKind::NotFound);
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
