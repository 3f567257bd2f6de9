#include <gtest/gtest.h>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "test_support.h"

namespace fv::storage {
namespace {

std::unique_ptr<Database> scratch() {
    auto db = test::memory_database(0);
    db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, txt TEXT NOT NULL UNIQUE, blb BLOB)");
    return db;
}

TEST(Database, BindsAndReadsEveryType) {
    auto db = scratch();
    const std::uint8_t bytes[] = {0, 1, 2, 255};
    db->prepare("INSERT INTO t (id, txt, blb) VALUES (?, ?, ?)").bind(1, std::int64_t{7}).bind(2, "héllo 中").bind_blob(3, bytes).run();
    EXPECT_EQ(db->last_insert_id(), 7);
    auto stmt = db->prepare("SELECT id, txt, blb FROM t");
    ASSERT_TRUE(stmt.step());
    EXPECT_EQ(stmt.column_int(0), 7);
    EXPECT_EQ(stmt.column_text(1), "héllo 中");
    const auto blob = stmt.column_blob(2);
    EXPECT_EQ(std::vector<std::uint8_t>(blob.begin(), blob.end()), std::vector<std::uint8_t>(std::begin(bytes), std::end(bytes)));
    EXPECT_FALSE(stmt.step());
}

TEST(Database, EmptyValuesStayValuesNotNull) {
    auto db = scratch();
    db->prepare("INSERT INTO t (txt, blb) VALUES (?, ?)").bind(1, std::string_view{}).bind_blob(2, {}).run();
    auto stmt = db->prepare("SELECT txt, blb, typeof(blb) FROM t");
    ASSERT_TRUE(stmt.step());
    EXPECT_FALSE(stmt.column_is_null(0));
    EXPECT_EQ(stmt.column_text(0), "");
    EXPECT_EQ(stmt.column_text(2), "blob");
    EXPECT_TRUE(stmt.column_blob(1).empty());
}

TEST(Database, TextWithEmbeddedNulRoundTrips) {
    auto db = scratch();
    const std::string text("a\0b", 3);
    db->prepare("INSERT INTO t (txt) VALUES (?)").bind(1, text).run();
    auto stmt = db->prepare("SELECT txt FROM t");
    ASSERT_TRUE(stmt.step());
    EXPECT_EQ(stmt.column_text(0), text);
}

TEST(Database, NullBindAndRead) {
    auto db = scratch();
    db->prepare("INSERT INTO t (txt, blb) VALUES ('x', ?)").bind_null(1).run();
    auto stmt = db->prepare("SELECT blb FROM t");
    ASSERT_TRUE(stmt.step());
    EXPECT_TRUE(stmt.column_is_null(0));
}

TEST(Database, ConstraintViolationIsInvalidAndNamesNoValue) {
    auto db = scratch();
    db->prepare("INSERT INTO t (txt) VALUES (?)").bind(1, "SECRET-VALUE").run();
    try {
        db->prepare("INSERT INTO t (txt) VALUES (?)").bind(1, "SECRET-VALUE").run();
        FAIL() << "expected a constraint error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
        EXPECT_EQ(std::string(e.what()).find("SECRET-VALUE"), std::string::npos);
    }
}

TEST(Database, BadSqlThrows) {
    auto db = scratch();
    EXPECT_THROW(db->prepare("SELEKT nothing"), Error);
    EXPECT_THROW(db->exec("CREATE TABLE t (x)"), Error);
}

TEST(Database, StatementIsReusableAfterReset) {
    auto db = scratch();
    auto insert = db->prepare("INSERT INTO t (txt) VALUES (?)");
    for (const char* value : {"a", "b", "c"}) {
        insert.bind(1, value).run();
        insert.reset();
    }
    auto count = db->prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.column_int(0), 3);
}

TEST(Database, ChangesCountsRows) {
    auto db = scratch();
    db->exec("INSERT INTO t (txt) VALUES ('a'), ('b')");
    db->prepare("UPDATE t SET blb = x'00'").run();
    EXPECT_EQ(db->changes(), 2);
    db->prepare("DELETE FROM t WHERE txt = 'zzz'").run();
    EXPECT_EQ(db->changes(), 0);
}

TEST(Transaction, RollsBackUnlessCommitted) {
    auto db = scratch();
    {
        Transaction tx(*db);
        db->exec("INSERT INTO t (txt) VALUES ('gone')");
    }
    {
        Transaction tx(*db);
        db->exec("INSERT INTO t (txt) VALUES ('kept')");
        tx.commit();
    }
    auto stmt = db->prepare("SELECT group_concat(txt) FROM t");
    ASSERT_TRUE(stmt.step());
    EXPECT_EQ(stmt.column_text(0), "kept");
}

TEST(Transaction, RollsBackWhenAnExceptionLeavesTheScope) {
    auto db = scratch();
    try {
        Transaction tx(*db);
        db->exec("INSERT INTO t (txt) VALUES ('a')");
        db->exec("INSERT INTO t (txt) VALUES ('a')");  // unique violation
        tx.commit();
    } catch (const Error&) {
    }
    auto stmt = db->prepare("SELECT count(*) FROM t");
    ASSERT_TRUE(stmt.step());
    EXPECT_EQ(stmt.column_int(0), 0);
}

}  // namespace
}  // namespace fv::storage
