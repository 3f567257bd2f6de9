#include <gtest/gtest.h>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

class AuditLogTest : public ::testing::Test {
protected:
    std::unique_ptr<Database> db = test::memory_database();
    AuditLog log{*db};

    void fill(int count) {
        for (int i = 1; i <= count; ++i) log.append("report_edit", "report:" + std::to_string(i), "rev 2", 1000 + i);
    }
    void unlock_for_tampering() {
        db->exec("DROP TRIGGER audit_log_no_update");
        db->exec("DROP TRIGGER audit_log_no_delete");
    }
};

TEST_F(AuditLogTest, EmptyLogVerifies) { EXPECT_EQ(log.verify(), std::nullopt); }

TEST_F(AuditLogTest, AppendsAChain) {
    fill(3);
    const auto entries = log.entries();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].seq, 1);
    EXPECT_EQ(entries[0].prev_hash, std::string(64, '0'));
    EXPECT_EQ(entries[1].prev_hash, entries[0].hash);
    EXPECT_EQ(entries[2].prev_hash, entries[1].hash);
    EXPECT_EQ(entries[2].seq, 3);
    EXPECT_EQ(entries[2].at, 1003);
    EXPECT_EQ(entries[2].action, "report_edit");
    EXPECT_EQ(entries[2].subject, "report:3");
    EXPECT_EQ(entries[2].detail, "rev 2");
    EXPECT_EQ(entries[0].hash.size(), 64u);
    EXPECT_NE(entries[0].hash, entries[1].hash);
    EXPECT_EQ(log.verify(), std::nullopt);
}

TEST_F(AuditLogTest, RowsCannotBeChangedThroughSql) {
    fill(2);
    EXPECT_THROW(db->exec("UPDATE audit_log SET detail = 'x'"), Error);
    EXPECT_THROW(db->exec("DELETE FROM audit_log WHERE seq = 1"), Error);
    EXPECT_EQ(log.verify(), std::nullopt);
}

TEST_F(AuditLogTest, TamperedFieldIsReportedAtItsSeq) {
    fill(5);
    unlock_for_tampering();
    db->exec("UPDATE audit_log SET detail = 'forged' WHERE seq = 3");
    EXPECT_EQ(log.verify(), 3);
}

TEST_F(AuditLogTest, EachFieldIsCovered) {
    for (const char* column : {"at", "action", "subject", "detail"}) {
        auto fresh = test::memory_database();
        AuditLog fresh_log(*fresh);
        for (int i = 1; i <= 3; ++i) fresh_log.append("a", "s", "d", i);
        fresh->exec("DROP TRIGGER audit_log_no_update");
        fresh->exec(std::string("UPDATE audit_log SET ") + column + " = " + column + " || '9' WHERE seq = 2");
        EXPECT_EQ(fresh_log.verify(), 2) << column;
    }
}

TEST_F(AuditLogTest, RecomputedHashStillBreaksTheNextLink) {
    fill(4);
    unlock_for_tampering();
    // A forger rewrites entry 2's hash to match a forged detail: entry 3's prev_hash no longer matches.
    db->exec("UPDATE audit_log SET hash = 'ff' || substr(hash, 3) WHERE seq = 2");
    EXPECT_EQ(log.verify(), 2);
}

TEST_F(AuditLogTest, GapIsDetected) {
    fill(5);
    unlock_for_tampering();
    db->exec("DELETE FROM audit_log WHERE seq = 3");
    EXPECT_EQ(log.verify(), 4);
}

TEST_F(AuditLogTest, DeletedFirstEntryIsDetected) {
    fill(3);
    unlock_for_tampering();
    db->exec("DELETE FROM audit_log WHERE seq = 1");
    EXPECT_EQ(log.verify(), 2);
}

TEST_F(AuditLogTest, LengthPrefixingSeparatesFields) {
    log.append("ab", "c", "", 1);
    auto other_db = test::memory_database();
    AuditLog other(*other_db);
    other.append("a", "bc", "", 1);
    EXPECT_NE(log.entries()[0].hash, other.entries()[0].hash);
}

}  // namespace
}  // namespace fv::storage
