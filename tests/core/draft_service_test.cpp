// Kept drafts: inside the vault, replaced under their key, never over another
// session's, offered back after a lock (a new session), discarded; a damaged
// one does not block.
#include <gtest/gtest.h>

#include "exchange_fixture.h"
#include "fieldvault/core/drafts.h"
#include "fieldvault/storage/database.h"
#include "test_vault.h"

namespace fv::test {
namespace {

TEST(DraftService, KeptAcrossALockReplacedUnderItsKeyAndDiscarded) {
    TestVault v;
    core::DraftService drafts(*v.session);
    EXPECT_TRUE(drafts.kept().empty());
    const auto first = core::DraftService::new_key();
    const auto second = core::DraftService::new_key();
    EXPECT_EQ(first.size(), 32u);
    EXPECT_NE(first, second);
    auto content = chinese_report("草稿");
    content.narrative = std::string(100000, 'x') + "我母亲接到电话";  // a long account
    drafts.keep(first, 0, "母亲", content);
    content.title = "改过的标题";
    drafts.keep(first, 0, "母亲", content);  // the newer replaces it under the same key
    auto other = chinese_report("另一份");
    drafts.keep(second, 7, "", other);        // another session's: both kept

    v.session.reset();  // locked
    v.session = core::Session::open(v.dir, passphrase("correct horse"));
    const auto kept = core::DraftService(*v.session).kept();
    ASSERT_EQ(kept.size(), 2u);
    const auto mine = core::DraftService(*v.session).get(first);
    ASSERT_TRUE(mine.has_value());
    EXPECT_EQ(mine->report_id, 0);
    EXPECT_EQ(mine->case_name, "母亲");
    EXPECT_EQ(mine->content, content);
    EXPECT_GT(mine->saved_at, 0);
    EXPECT_EQ(core::DraftService(*v.session).get(second)->report_id, 7);

    core::DraftService(*v.session).discard(first);
    ASSERT_EQ(core::DraftService(*v.session).kept().size(), 1u);
    EXPECT_FALSE(core::DraftService(*v.session).get(first).has_value());
}

TEST(DraftService, ADamagedDraftIsThrownAwayNotShown) {
    TestVault v;
    const std::string damaged(32, 'a');
    v.session->db().exec("INSERT INTO draft_autosave VALUES ('" + damaged + "', 0, '', 'not json', 1)");
    v.session->db().exec("INSERT INTO draft_autosave VALUES ('" + std::string(32, 'b') +
                         "', 0, '', '{\"title\": 5}', 1)");
    core::DraftService(*v.session).keep(std::string(32, 'c'), 3, "", chinese_report("ok"));
    const auto kept = core::DraftService(*v.session).kept();
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].report_id, 3);
    EXPECT_FALSE(core::DraftService(*v.session).get(damaged).has_value());
    EXPECT_THROW(v.session->db().exec("INSERT INTO draft_autosave VALUES ('short', 0, '', '{}', 1)"), Error);
}

}  // namespace
}  // namespace fv::test
