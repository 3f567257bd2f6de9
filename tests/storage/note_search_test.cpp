// Schema v12: the organisation's notes, tags and translation and the names of
// the people and groups linked to a report are found by search, as its own
// text is; only the newest notes count; the migration indexes what was there.
#include <gtest/gtest.h>

#include <algorithm>

#include "fieldvault/storage/annotations.h"
#include "fieldvault/storage/entities.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

AnnotationRecord notes(std::int64_t report_id, std::string text, std::vector<std::string> tags = {},
                       std::string translation = "") {
    AnnotationRecord r;
    r.report_id = report_id;
    r.notes = std::move(text);
    r.tags = std::move(tags);
    r.translation = std::move(translation);
    r.created_at = 50;
    return r;
}

bool finds(ReportRepository& reports, std::string_view query, std::int64_t id) {
    const auto ids = reports.search(query);
    const auto summaries = reports.search_summaries(query);
    const auto page = reports.search_first_page(query, 10);
    const bool in_ids = std::find(ids.begin(), ids.end(), id) != ids.end();
    const bool in_summaries = std::any_of(summaries.begin(), summaries.end(), [&](const auto& s) { return s.id == id; });
    // The three ways of searching agree.
    EXPECT_EQ(in_ids, in_summaries) << query;
    EXPECT_EQ(page.total, static_cast<std::int64_t>(ids.size())) << query;
    return in_ids;
}

TEST(NoteSearch, NotesTagsTranslationAndPeopleAreFound) {
    auto db = test::memory_database();
    ReportRepository reports(*db);
    const auto id = reports.create(0, test::full_content("n"), 10);
    const auto other = reports.create(0, test::full_content("o"), 11);
    EXPECT_FALSE(finds(reports, "回电确认", id));

    AnnotationRepository(*db).add(notes(id, "回电确认。Called back on Tuesday.", {"follow-up", "微信"}, "She says the officer came twice"));
    EXPECT_TRUE(finds(reports, "回电确认", id));
    EXPECT_TRUE(finds(reports, "tuesday", id));
    EXPECT_TRUE(finds(reports, "微信", id));
    EXPECT_TRUE(finds(reports, "officer twice", id));
    EXPECT_FALSE(finds(reports, "回电确认", other));
    // Matched by its own text and by its notes at once: listed once by every way of searching.
    AnnotationRepository(*db).add(notes(id, "the title n again, 回电确认。Called back on Tuesday.", {"follow-up", "微信"},
                                        "She says the officer came twice"));
    EXPECT_TRUE(finds(reports, "title n", id));
    EXPECT_EQ(reports.search("title n").size(), 1u);
    EXPECT_EQ(reports.search_first_page("title n", 10).total, 1);

    // Only the newest notes count.
    AnnotationRepository(*db).add(notes(id, "新的笔记"));
    EXPECT_FALSE(finds(reports, "回电确认", id));
    EXPECT_TRUE(finds(reports, "新的笔记", id));

    // People: the name and every other name, while linked.
    EntityRepository people(*db);
    const auto wang = people.create("王警官", "person", 12);
    people.add_alias(wang, "王警官", "王警官");
    people.link(id, wang);
    EXPECT_TRUE(finds(reports, "王警官", id));
    EXPECT_FALSE(finds(reports, "Officer Wang", id));
    people.add_alias(wang, "Officer Wang", "officer wang");  // a name added later reaches linked reports
    EXPECT_TRUE(finds(reports, "officer wang", id));
    people.unlink(id, wang);
    EXPECT_FALSE(finds(reports, "王警官", id));
    EXPECT_TRUE(finds(reports, "新的笔记", id));  // the notes stay

    // A deleted draft leaves nothing behind in the index.
    reports.remove_draft(id);
    EXPECT_FALSE(finds(reports, "新的笔记", id));
    auto rows = db->prepare("SELECT count(*) FROM note_search");
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_int(0), 0);
}

TEST(NoteSearch, TheMigrationIndexesWhatWasThere) {
    auto db = test::memory_database(11);
    ReportRepository reports(*db);
    const auto id = reports.create(0, test::full_content("m"), 10);
    AnnotationRepository(*db).add(notes(id, "旧笔记 old note", {"标签"}));
    EntityRepository people(*db);
    const auto station = people.create("服务站", "organisation", 12);
    people.add_alias(station, "服务站", "服务站");
    people.link(id, station);
    EXPECT_FALSE(finds(reports, "旧笔记", id));  // schema 11: notes are not searched (and nothing fails)
    migrate(*db, 12);
    EXPECT_EQ(schema_version(*db), 12);
    EXPECT_TRUE(finds(reports, "旧笔记", id));
    EXPECT_TRUE(finds(reports, "标签", id));
    EXPECT_TRUE(finds(reports, "服务站", id));
    EXPECT_FALSE(finds(reports, "nothing like it", id));
}

}  // namespace
}  // namespace fv::storage
