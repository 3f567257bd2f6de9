// Migration 0007: the organisation's notes, tags and translations, one row per
// revision, append-only; a version 6 vault keeps its rows.
#include <gtest/gtest.h>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/annotations.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

TEST(Migration0007, UpgradesAVersion6DatabaseAndKeepsRevisions) {
    auto db = test::memory_database(6);
    const auto report = ReportRepository(*db).create(0, test::full_content("kept"), 10);
    migrate(*db, 7);
    EXPECT_EQ(schema_version(*db), 7);
    ASSERT_EQ(ReportRepository(*db).list().size(), 1u);

    AnnotationRepository notes(*db);
    EXPECT_FALSE(notes.latest(report).has_value());
    AnnotationRecord first{report, 0, "called her back", {"wechat", "警察"}, "", "", 20};
    EXPECT_EQ(notes.add(first), 1);
    AnnotationRecord second{report, 0, "called her back; she confirmed", {"wechat"}, "Police came to my mother.",
                            "Lin", 30};
    EXPECT_EQ(notes.add(second), 2);
    const auto latest = notes.latest(report);
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->revision, 2);
    EXPECT_EQ(latest->tags, std::vector<std::string>{"wechat"});
    EXPECT_EQ(latest->translator, "Lin");
    const auto history = notes.history(report);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].tags, (std::vector<std::string>{"wechat", "警察"}));
    EXPECT_EQ(history[0].created_at, 20);
}

TEST(Migration0007, AnnotationsAreAppendOnly) {
    auto db = test::memory_database();
    const auto report = ReportRepository(*db).create(0, test::full_content("r"), 10);
    AnnotationRepository(*db).add(AnnotationRecord{report, 0, "n", {}, "", "", 1});
    EXPECT_THROW(db->exec("UPDATE report_annotations SET notes = 'changed'"), Error);
    EXPECT_THROW(db->exec("DELETE FROM report_annotations"), Error);
    EXPECT_THROW(db->exec("INSERT INTO report_annotations VALUES (" + std::to_string(report) +
                          ", 1, 'again', '[]', '', '', 2)"),
                 Error);  // a revision number once
    EXPECT_THROW(db->exec("INSERT INTO report_annotations VALUES (999, 1, 'x', '[]', '', '', 2)"), Error);
    EXPECT_EQ(AnnotationRepository(*db).latest(report)->notes, "n");
}

TEST(Migration0007, DamagedStoredTagsAreAnIntegrityError) {
    auto db = test::memory_database();
    const auto report = ReportRepository(*db).create(0, test::full_content("r"), 10);
    db->exec("INSERT INTO report_annotations VALUES (" + std::to_string(report) + ", 1, 'x', 'not json', '', '', 2)");
    try {
        (void)AnnotationRepository(*db).latest(report);
        FAIL() << "read damaged tags";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
    }
}

}  // namespace
}  // namespace fv::storage
