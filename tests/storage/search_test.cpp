#include <gtest/gtest.h>

#include "fieldvault/storage/repositories.h"
#include "fts_text.h"
#include "test_support.h"

namespace fv::storage {
namespace {

using Ids = std::vector<std::int64_t>;

class SearchTest : public ::testing::Test {
protected:
    std::unique_ptr<Database> db = test::memory_database();
    ReportRepository reports{*db};

    std::int64_t add(std::string title, std::string narrative, std::string translation = {}, std::int64_t now = 1) {
        ReportContent c;
        c.title = std::move(title);
        c.narrative = std::move(narrative);
        c.translation = std::move(translation);
        return reports.create(0, c, now);
    }
};

TEST_F(SearchTest, FindsChineseSubstrings) {
    const auto id = add("电话", "中国警察找我父母");
    add("other", "美好的一天");
    EXPECT_EQ(reports.search("警察"), Ids{id});
    EXPECT_EQ(reports.search("找我"), Ids{id});
    EXPECT_EQ(reports.search("中国警察找我父母"), Ids{id});
    EXPECT_EQ(reports.search("警"), Ids{id});
    EXPECT_EQ(reports.search("美国"), Ids{});
    EXPECT_EQ(reports.search("警找"), Ids{});  // both characters occur, but not together
    EXPECT_EQ(reports.search("电话"), Ids{id});  // titles are indexed too
}

TEST_F(SearchTest, FindsLatinWordsCaseInsensitively) {
    const auto a = add("Harassment at work", "They called my MOTHER twice.", "", 1);
    const auto b = add("Visit", "Nothing", "the police came to my mother's house", 2);
    EXPECT_EQ(reports.search("mother"), (Ids{b, a}));  // most recent first
    EXPECT_EQ(reports.search("HARASSMENT"), Ids{a});
    EXPECT_EQ(reports.search("police mother"), Ids{b});
    EXPECT_EQ(reports.search("police nowhere"), Ids{});
}

TEST_F(SearchTest, MixedScriptQueries) {
    const auto id = add("", "2024年WeChat上警察联系我");
    EXPECT_EQ(reports.search("wechat 警察"), Ids{id});
    EXPECT_EQ(reports.search("2024年"), Ids{id});
}

TEST_F(SearchTest, FtsSyntaxInTheQueryIsInert) {
    const auto id = add("near or not", "alpha beta");
    for (const char* query : {"\"alpha", "alpha*", "-beta", "alpha OR", "NEAR(alpha beta)", "(alpha", "alpha)",
                              "title:alpha", "^alpha", "alpha AND NOT beta", "'; DROP TABLE reports; --"}) {
        EXPECT_NO_THROW(reports.search(query)) << query;
    }
    EXPECT_EQ(reports.search("\"alpha\""), Ids{id});
    EXPECT_EQ(reports.search("alpha*"), Ids{id});      // the star is dropped, not a prefix query
    EXPECT_EQ(reports.search("alph*"), Ids{});
    EXPECT_EQ(reports.search("NEAR"), Ids{id});         // a plain word here
    EXPECT_EQ(reports.search("alpha OR zzz"), Ids{});   // OR is a word, so all three must match
    EXPECT_EQ(reports.list().size(), 1u);
}

TEST_F(SearchTest, EmptyPunctuationAndInvalidQueriesReturnNothing) {
    add("title", "body 中文");
    EXPECT_TRUE(reports.search("").empty());
    EXPECT_TRUE(reports.search("   ").empty());
    EXPECT_TRUE(reports.search("!?.,;:\"'()*-").empty());
    EXPECT_TRUE(reports.search("。，、「」——…").empty());
    EXPECT_TRUE(reports.search("\xff\xfe\x80").empty());
    EXPECT_NO_THROW(reports.search("body\xff"));
    EXPECT_NO_THROW(reports.search("\xe4\xb8"));  // truncated 中
    EXPECT_NO_THROW(reports.search("😀"));
}

TEST_F(SearchTest, IndexFollowsUpdates) {
    const auto id = add("t", "第一次报告");
    ReportContent c;
    c.narrative = "完全不同的内容";
    reports.update(id, 0, c, 5);
    EXPECT_EQ(reports.search("报告"), Ids{});
    EXPECT_EQ(reports.search("不同"), Ids{id});
    auto count = db->prepare("SELECT count(*) FROM report_search");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.column_int(0), 1);
}

TEST_F(SearchTest, JapaneseAndKoreanSubstrings) {
    const auto ja = add("", "けいさつが来ました");
    const auto ko = add("", "경찰이찾아왔다");
    EXPECT_EQ(reports.search("さつ"), Ids{ja});
    EXPECT_EQ(reports.search("경찰"), Ids{ko});
}

TEST(FtsText, IndexTextSplitsCjkRuns) {
    EXPECT_EQ(detail::fts_index_text("中国警察"), "中国 国警 警察 中 国 警 察");
    EXPECT_EQ(detail::fts_index_text("ab 中"), "ab 中");
    EXPECT_EQ(detail::fts_index_text(""), "");
    EXPECT_EQ(detail::fts_index_text("a\xff" "b"), "a b");
}

TEST(FtsText, QueriesBecomeQuotedPhrases) {
    EXPECT_EQ(detail::fts_match_query("警察"), "\"警察\"");
    EXPECT_EQ(detail::fts_match_query("中国警察"), "\"中国 国警 警察\"");
    EXPECT_EQ(detail::fts_match_query("警"), "\"警\"");
    EXPECT_EQ(detail::fts_match_query("say \"hi\" OR *x"), "\"say\" \"hi\" \"OR\" \"x\"");
    EXPECT_EQ(detail::fts_match_query("***"), "");
}

}  // namespace
}  // namespace fv::storage

namespace fv::storage {
namespace {

TEST(SearchSummaries, ReturnsTheSameHitsAsListRowsInOneQuery) {
    auto db = test::memory_database();
    ReportRepository reports(*db);
    ReportContent hit;
    hit.title = "电话";
    hit.narrative = "中国警察找我父母";
    hit.occurred_start = "2026-03-14";
    const auto id = reports.create(0, hit, 5);
    ReportContent miss;
    miss.title = "other";
    miss.narrative = "美好的一天";
    reports.create(0, miss, 6);

    const auto rows = reports.search_summaries("警察");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].id, id);
    EXPECT_EQ(rows[0].title, "电话");
    EXPECT_EQ(rows[0].occurred_start, "2026-03-14");
    EXPECT_EQ(rows[0].status, storage::ReportStatus::Draft);
    EXPECT_TRUE(reports.search_summaries("美国").empty());
    EXPECT_TRUE(reports.search_summaries("").empty());
    EXPECT_TRUE(reports.search_summaries("\"*)(").empty());
}

// The first page is exactly the head of the whole search or list, in the same
// order, with the whole count; updated_at is not in id order, and has ties.
class FirstPageTest : public ::testing::Test {
protected:
    std::unique_ptr<Database> db = test::memory_database();
    ReportRepository reports{*db};

    // `hits` reports mentioning the police among `hits + others`, interleaved,
    // each updated at a time that is not in creation order (ties included).
    void fill(int hits, int others, std::int64_t case_id = 0) {
        Transaction tx(*db);
        for (int i = 0; i < hits + others; ++i) {
            ReportContent c;
            const bool hit = (i * 11) % (hits + others) < hits;  // 11 is prime to every total used below
            c.title = (hit ? "police visit " : "quiet day ") + std::to_string(i);
            c.narrative = hit ? "中国警察找我父母" : "美好的一天";
            c.occurred_start = "2026-01-01";
            const std::int64_t now = ((static_cast<std::int64_t>(i) * 7919) % 10007) / 3;
            reports.create(i % 3 == 0 ? case_id : 0, c, now);
        }
        tx.commit();
    }

    static std::vector<std::string> keys(const std::vector<ReportSummary>& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(std::to_string(r.id) + " " + r.title + " " + std::to_string(r.updated_at));
        return out;
    }
    static std::vector<ReportSummary> head(std::vector<ReportSummary> rows, std::size_t n) {
        if (rows.size() > n) rows.resize(n);
        return rows;
    }
};

TEST_F(FirstPageTest, FewHitsGiveTheNewestOnesAndTheirCount) {
    fill(30, 40);
    const auto all = reports.search_summaries("警察");
    ASSERT_EQ(all.size(), 30u);
    const auto page = reports.search_first_page("警察", 10);
    EXPECT_EQ(page.total, 30);
    EXPECT_EQ(keys(page.rows), keys(head(all, 10)));
    EXPECT_EQ(page.rows.front().occurred_start, "2026-01-01");
    EXPECT_EQ(keys(reports.search_first_page("警察", 100).rows), keys(all));
    EXPECT_EQ(keys(reports.search_first_page("police", 5).rows), keys(head(reports.search_summaries("police"), 5)));

    const auto miss = reports.search_first_page("xylophone", 10);
    EXPECT_EQ(miss.total, 0);
    EXPECT_TRUE(miss.rows.empty());
    EXPECT_EQ(reports.search_first_page("", 10).total, 0);
    EXPECT_EQ(reports.search_first_page("\"*)(", 10).total, 0);
}

TEST_F(FirstPageTest, ManyHitsGiveTheSameRowsAsTheWholeSearch) {
    fill(2300, 700);  // more hits than the read-every-hit path takes
    const auto all = reports.search_summaries("警察");
    ASSERT_EQ(all.size(), 2300u);
    const auto page = reports.search_first_page("警察", 50);
    EXPECT_EQ(page.total, 2300);
    EXPECT_EQ(keys(page.rows), keys(head(all, 50)));
    const auto quiet = reports.search_first_page("美好", 50);
    EXPECT_EQ(quiet.total, 700);
    EXPECT_EQ(keys(quiet.rows), keys(head(reports.search_summaries("美好"), 50)));
}

TEST_F(FirstPageTest, ListFirstPageIsTheHeadOfTheList) {
    const auto case_id = CaseRepository(*db).find_or_create("Li", 1);
    fill(20, 25, case_id);
    const auto page = reports.list_first_page(7);
    EXPECT_EQ(page.total, 45);
    EXPECT_EQ(keys(page.rows), keys(head(reports.list(), 7)));
    const auto in_case = reports.list_first_page(4, case_id);
    EXPECT_EQ(in_case.total, 15);
    EXPECT_EQ(keys(in_case.rows), keys(head(reports.list(case_id), 4)));
    const auto no_case = reports.list_first_page(100, 0);
    EXPECT_EQ(no_case.total, 30);
    EXPECT_EQ(keys(no_case.rows), keys(reports.list(0)));
}

}  // namespace
}  // namespace fv::storage
