// ExportService::plan: the preview the GUI's review step and `export --dry-run`
// show is what export_bundle then seals, and a plan writes and records nothing.
#include <gtest/gtest.h>

#include "exchange_fixture.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"

namespace fv::test {
namespace {

struct PlanFixture {
    TestVault a, b;
    std::int64_t with_file = 0;
    std::int64_t plain = 0;
    PlanFixture() {
        add_contact(a, "Org B", b);
        // Sensitive: relatives and place (chinese_report), and in a case.
        with_file = core::ReportService(*a.session).create(chinese_report("一"), "Case of Mei");
        write_file(a.tmp.path() / "photo.jpg", std::string(5000, 'x'));
        core::AttachmentService(*a.session).attach(with_file, a.tmp.path() / "photo.jpg");
        model::ReportContent c;
        c.title = "Nothing sensitive";
        plain = core::ReportService(*a.session).create(c);
    }
};

TEST(ExportPlan, SaysWhatStaysBehindPerReport) {
    PlanFixture f;
    const auto plan = core::ExportService(*f.a.session).plan(export_reports({"Org B"}, {f.with_file, f.plain}, {}));
    ASSERT_EQ(plan.reports.size(), 2u);
    EXPECT_EQ(plan.reports[0].id, f.with_file);
    EXPECT_EQ(plan.reports[0].left_out_fields, (std::vector<std::string>{"relatives", "place"}));
    EXPECT_TRUE(plan.reports[0].case_name_left_out);
    EXPECT_TRUE(plan.reports[0].sensitive_sent.empty());
    EXPECT_EQ(plan.reports[0].attachments, 1u);
    EXPECT_EQ(plan.reports[0].attachment_bytes, 5000u);
    EXPECT_TRUE(plan.reports[1].left_out_fields.empty());
    EXPECT_FALSE(plan.reports[1].case_name_left_out);
    ASSERT_EQ(plan.recipients.size(), 1u);
    EXPECT_EQ(plan.recipients[0].name, "Org B");
    EXPECT_FALSE(plan.recipients[0].verified);
    EXPECT_EQ(plan.metadata.redacted_report_count(), 1u);
    EXPECT_FALSE(plan.metadata.sensitive_included);
}

// A field marked sensitive stays out, but when its words are still told in a
// part that goes out (the account), the plan says so, gently, before sending.
TEST(ExportPlan, SaysWhenLeftOutWordsAreStillToldElsewhere) {
    PlanFixture f;
    model::ReportContent c;
    c.title = "Call about my mother";
    c.narrative = "王秀英 received a call from the police in Wuhan.";
    c.relatives.push_back(model::RelativePressured{"mother", "WUHAN", "母亲，王秀英，被约谈", "", ""});
    c.place = "Spadina Ave";  // not told anywhere else
    c.sensitive_fields = {"relatives", "place"};
    const auto told = core::ReportService(*f.a.session).create(c);
    auto quiet = c;
    quiet.title = "A call";
    quiet.narrative = "A call from the police.";  // none of the relatives' words
    const auto silent = core::ReportService(*f.a.session).create(quiet);
    const auto plan = core::ExportService(*f.a.session).plan(export_reports({"Org B"}, {told, silent}, {}));
    ASSERT_EQ(plan.reports.size(), 2u);
    EXPECT_EQ(plan.reports[0].left_out_fields, (std::vector<std::string>{"relatives", "place"}));
    EXPECT_EQ(plan.reports[0].left_out_but_told, std::vector<std::string>{"relatives"});
    EXPECT_TRUE(plan.reports[1].left_out_but_told.empty());
    // Included on purpose: nothing to warn about.
    auto all = export_reports({"Org B"}, {told}, {});
    all.include_sensitive = true;
    EXPECT_TRUE(core::ExportService(*f.a.session).plan(all).reports[0].left_out_but_told.empty());
}

TEST(ExportPlan, IncludingSensitiveSaysWhatIsSent) {
    PlanFixture f;
    auto request = export_reports({"Org B"}, {f.with_file}, {});
    request.include_sensitive = true;
    request.include_attachments = false;
    const auto plan = core::ExportService(*f.a.session).plan(request);
    ASSERT_EQ(plan.reports.size(), 1u);
    EXPECT_TRUE(plan.reports[0].left_out_fields.empty());
    EXPECT_EQ(plan.reports[0].sensitive_sent, (std::vector<std::string>{"relatives", "place"}));
    EXPECT_FALSE(plan.reports[0].case_name_left_out);
    EXPECT_EQ(plan.attachments(), 0u);
    EXPECT_EQ(plan.attachments_left_out(), 1u);
    EXPECT_TRUE(plan.metadata.sensitive_included);
}

TEST(ExportPlan, WritesAndRecordsNothing) {
    PlanFixture f;
    const auto before = database_snapshot(f.a);
    const auto log_before = core::AuditService(*f.a.session).entries().size();
    const auto out = f.a.tmp.path() / "never.fvb";
    (void)core::ExportService(*f.a.session).plan(export_reports({"Org B"}, {f.with_file}, out));
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_EQ(core::AuditService(*f.a.session).entries().size(), log_before);
    EXPECT_EQ(database_snapshot(f.a), before);  // the export sequence number did not move
}

TEST(ExportPlan, RefusesWhatTheExportRefuses) {
    PlanFixture f;
    core::ExportService service(*f.a.session);
    EXPECT_THROW((void)service.plan(export_reports({}, {f.plain}, {})), Error);
    EXPECT_THROW((void)service.plan(export_reports({"nobody"}, {f.plain}, {})), Error);
    EXPECT_THROW((void)service.plan(export_reports({"Org B"}, {999}, {})), Error);
}

// The plan's note is byte for byte the one the bundle carries, and the counts
// match what arrives.
TEST(ExportPlan, IsWhatTheBundleCarries) {
    PlanFixture f;
    const auto out = f.a.tmp.path() / "out.fvb";
    const auto request = export_reports({"Org B"}, {f.with_file, f.plain}, out);
    const auto plan = core::ExportService(*f.a.session).plan(request);
    const auto result = core::ExportService(*f.a.session).export_bundle(request);
    EXPECT_EQ(result.report_ids.size(), plan.reports.size());
    EXPECT_EQ(result.attachments, plan.attachments());
    EXPECT_EQ(result.redacted_reports, plan.metadata.redacted_report_count());
    const auto check = core::ImportService(*f.b.session).verify(out);
    EXPECT_TRUE(check.metadata.readable);
    EXPECT_EQ(check.metadata.text, core::encode_export_metadata(plan.metadata));
    std::uint64_t items = 0;
    for (const auto& item : check.items) items += item.size;
    EXPECT_EQ(items, plan.payload_bytes);
}

TEST(ExportMetadata, ReadsWhatItWritesAndSaysWhenItCannot) {
    core::ExportMetadata m;
    m.reports = 3;
    m.attachments = 2;
    m.attachments_left_out = 1;
    m.redacted = {{"report-1", {"place", "relatives"}}, {"report-2", {"place", "narrative"}}};
    const auto back = core::decode_export_metadata(core::encode_export_metadata(m));
    ASSERT_TRUE(back.readable);
    EXPECT_EQ(back.metadata.reports, 3u);
    EXPECT_EQ(back.metadata.attachments_left_out, 1u);
    EXPECT_EQ(back.metadata.redacted_report_count(), 2u);
    EXPECT_EQ(back.metadata.redacted_field_names(), (std::vector<std::string>{"place", "relatives", "narrative"}));
    for (const auto* bad : {"", "not json", "[]", R"({"schema":"other"})",
                            R"({"schema":"fieldvault-export","redacted":[{"item":1}]})"}) {
        const auto got = core::decode_export_metadata(bad);
        EXPECT_FALSE(got.readable) << bad;
        EXPECT_EQ(got.text, bad);
        EXPECT_TRUE(got.metadata.redacted.empty()) << bad;
    }
}

// A redacted list too long for the manifest's bound becomes a count.
TEST(ExportMetadata, LongRedactedListShrinksToACount) {
    core::ExportMetadata m;
    for (int i = 0; i < 3000; ++i) m.redacted.push_back({"report-" + std::to_string(i), {"relatives", "place"}});
    const auto text = core::encode_export_metadata(m);
    EXPECT_LT(text.size(), 65536u);
    const auto back = core::decode_export_metadata(text);
    ASSERT_TRUE(back.readable);
    EXPECT_TRUE(back.metadata.redacted.empty());
    EXPECT_EQ(back.metadata.redacted_report_count(), 3000u);
}

}  // namespace
}  // namespace fv::test
