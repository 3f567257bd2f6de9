// The kept draft: kept inside the vault, replaced, offered back after a
// lock (a new session), discarded; a damaged one does not block.
#include <gtest/gtest.h>

#include "exchange_fixture.h"
#include "fieldvault/core/drafts.h"
#include "fieldvault/storage/database.h"
#include "test_vault.h"

namespace fv::test {
namespace {

TEST(DraftService, KeptAcrossALockReplacedAndDiscarded) {
    TestVault v;
    core::DraftService drafts(*v.session);
    EXPECT_FALSE(drafts.kept().has_value());
    auto content = chinese_report("草稿");
    content.narrative = std::string(100000, 'x') + "我母亲接到电话";  // a long account
    drafts.keep(0, "母亲", content);
    content.title = "改过的标题";
    drafts.keep(0, "母亲", content);  // the newer replaces it

    v.session.reset();  // locked
    v.session = core::Session::open(v.dir, passphrase("correct horse"));
    const auto kept = core::DraftService(*v.session).kept();
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->report_id, 0);
    EXPECT_EQ(kept->case_name, "母亲");
    EXPECT_EQ(kept->content, content);
    EXPECT_GT(kept->saved_at, 0);

    core::DraftService(*v.session).discard();
    EXPECT_FALSE(core::DraftService(*v.session).kept().has_value());
}

TEST(DraftService, ADamagedDraftIsThrownAwayNotShown) {
    TestVault v;
    v.session->db().exec("INSERT INTO draft_autosave VALUES (1, 0, '', 'not json', 1)");
    EXPECT_FALSE(core::DraftService(*v.session).kept().has_value());
    v.session->db().exec("INSERT INTO draft_autosave VALUES (1, 0, '', '{\"title\": 5}', 1)");
    EXPECT_FALSE(core::DraftService(*v.session).kept().has_value());
    core::DraftService(*v.session).keep(3, "", chinese_report("ok"));
    EXPECT_EQ(core::DraftService(*v.session).kept()->report_id, 3);
}

}  // namespace
}  // namespace fv::test
