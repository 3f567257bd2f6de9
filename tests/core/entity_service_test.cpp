// People and organisations named in reports: aliases across scripts and
// spellings, links to reports, mentions found in reports' words, refusals.
#include <gtest/gtest.h>

#include <functional>

#include "fieldvault/core/entities.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "test_vault.h"

namespace fv::test {
namespace {

std::int64_t report(TestVault& v, const std::string& title, const std::string& narrative,
                    const std::string& translation = "", const std::string& perpetrator = "") {
    core::ReportContent c;
    c.title = title;
    c.narrative = narrative;
    c.translation = translation;
    if (!perpetrator.empty()) c.perpetrators.push_back(core::Perpetrator{"police", perpetrator, ""});
    return core::ReportService(*v.session).create(c);
}

// The names are found as whole words, and in what is said about relatives
// and witnesses too (an officer is often named only there).
TEST(EntityService, MentionsAreWholeWordsAndReadRelativesAndWitnesses) {
    TestVault v;
    const auto street = report(v, "Shopping", "We met at Wangfujing street.");
    const auto relative = [&] {
        core::ReportContent c;
        c.title = "My mother";
        c.relatives.push_back(core::RelativePressured{"mother", "", "questioned for hours", "Officer Wang", "she called"});
        return core::ReportService(*v.session).create(c);
    }();
    const auto witness = [&] {
        core::ReportContent c;
        c.title = "At the door";
        c.witnesses.push_back(core::Witness{"Neighbour", "", "I saw officer wang at her door."});
        return core::ReportService(*v.session).create(c);
    }();
    const auto perpetrator = report(v, "Badge", "", "", "Wangfujing police post");
    core::EntityService entities(*v.session);
    entities.create("Wang", "person");
    EXPECT_EQ(entities.mentions("wang"), (std::vector<std::int64_t>{relative, witness}));
    (void)street;
    (void)perpetrator;
    entities.create("Wangfujing police post", "organisation");
    EXPECT_EQ(entities.mentions("Wangfujing police post"), std::vector<std::int64_t>{perpetrator});
}

TEST(AliasKey, FoldsLatinLettersAndSpacesOnly) {
    EXPECT_EQ(core::alias_key("  Officer   WANG "), "officer wang");
    EXPECT_EQ(core::alias_key("王警官"), "王警官");
    EXPECT_EQ(core::alias_key("\t\n"), "");
    EXPECT_EQ(core::alias_key("Ünal"), "Ünal");  // only ASCII letters fold
}

TEST(EntityService, OnePersonUnderTwoScriptsIsFoundAcrossReports) {
    TestVault v;
    const auto a = report(v, "电话", "王警官打电话给我母亲。");
    const auto b = report(v, "Call", "他们又来了", "Officer Wang called again.");
    const auto c = report(v, "Visit", "Came to the door", "", "officer  WANG, badge 0417");
    const auto d = report(v, "Other", "Someone else entirely, Officer Li");
    (void)d;
    core::EntityService entities(*v.session);
    auto wang = entities.create("王警官", "person");
    EXPECT_EQ(wang.aliases, std::vector<std::string>{"王警官"});
    wang = entities.add_alias("王警官", "Officer Wang");
    EXPECT_EQ(wang.aliases, (std::vector<std::string>{"王警官", "Officer Wang"}));
    // Any of its names finds it, whatever the case and spacing.
    EXPECT_EQ(entities.get("officer wang").id, wang.id);
    EXPECT_EQ(entities.get(" OFFICER  Wang").name, "王警官");
    EXPECT_EQ(entities.mentions("王警官"), (std::vector<std::int64_t>{a, b, c}));

    entities.link("Officer Wang", a);
    entities.link("王警官", a);  // once
    entities.link("王警官", c);
    EXPECT_EQ(entities.get("王警官").report_ids, (std::vector<std::int64_t>{a, c}));
    ASSERT_EQ(entities.of_report(a).size(), 1u);
    EXPECT_EQ(entities.of_report(a)[0].name, "王警官");
    entities.unlink("王警官", a);
    EXPECT_EQ(entities.get("王警官").report_ids, std::vector<std::int64_t>{c});
    EXPECT_TRUE(entities.of_report(a).empty());

    std::size_t audited = 0;
    for (const auto& e : storage::AuditLog(v.session->db()).entries())
        if (e.action.rfind("entity_", 0) == 0) ++audited;
    EXPECT_EQ(audited, 5u);  // create, alias, two links, unlink
}

TEST(EntityService, RefusesClashesBadNamesAndUnknowns) {
    TestVault v;
    const auto id = report(v, "r", "x");
    core::EntityService entities(*v.session);
    entities.create("王警官");
    entities.create("Overseas service station", "organisation");
    EXPECT_EQ(kind_of([&] { entities.create("王警官"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { entities.create("OVERSEAS service  station"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { entities.add_alias("王警官", "overseas service station"); }), ErrorKind::Invalid);
    EXPECT_EQ(entities.add_alias("王警官", "王警官").aliases.size(), 1u);  // its own name again: no change
    EXPECT_EQ(kind_of([&] { entities.create("x", "ghost"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { entities.create("   "); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { entities.create("bad\xff"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { entities.create(std::string(201, 'a')); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { entities.create("tab\tname"); }), ErrorKind::Invalid);
    EXPECT_EQ(kind_of([&] { (void)entities.get("nobody"); }), ErrorKind::NotFound);
    EXPECT_EQ(kind_of([&] { entities.link("nobody", id); }), ErrorKind::NotFound);
    EXPECT_EQ(kind_of([&] { entities.link("王警官", 999); }), ErrorKind::NotFound);
    EXPECT_EQ(entities.list().size(), 2u);
    EXPECT_EQ(entities.list()[0].name, "Overseas service station");  // by name
}

}  // namespace
}  // namespace fv::test
