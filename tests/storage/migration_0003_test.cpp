// Migration 0003: attachment bytes in encrypted files. Attachments stored in
// chunks by schema v1-v2 stay readable; new ones go to files.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/migrations.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

TEST(Migration0003, UpgradesAVersion2DatabaseKeepingChunkedAttachmentsReadable) {
    auto db = test::memory_database(2);
    const auto report = ReportRepository(*db).create(0, test::full_content("v2"), 10);
    const std::string old_bytes = "stored by schema 2";
    db->prepare("INSERT INTO attachments (report_id, name, media_type, size, sha256, chunk_size, created_at) "
                "VALUES (?, 'old.txt', 'text/plain', ?, ?, 262144, 11)")
        .bind(1, report)
        .bind(2, static_cast<std::int64_t>(old_bytes.size()))
        .bind(3, crypto::to_hex(crypto::sha256(old_bytes)))
        .run();
    const auto old_id = db->last_insert_id();
    db->prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, 0, ?)")
        .bind(1, old_id)
        .bind_blob(2, {reinterpret_cast<const std::uint8_t*>(old_bytes.data()), old_bytes.size()})
        .run();

    migrate(*db, 3);
    EXPECT_EQ(schema_version(*db), 3);
    test::TempDir blobs;
    db->set_blob_folder(blobs.path());
    AttachmentStore store(*db);
    std::ostringstream out;
    store.extract(old_id, out);
    EXPECT_EQ(out.str(), old_bytes);

    std::istringstream in("stored by schema 3");
    const auto new_id = store.import(report, in, "new.txt", "text/plain", 12);
    auto where = db->prepare("SELECT blob_file IS NULL, length(blob_key) FROM attachments WHERE id = ?");
    where.bind(1, new_id);
    ASSERT_TRUE(where.step());
    EXPECT_EQ(where.column_int(0), 0);
    EXPECT_EQ(where.column_int(1), 32);
    std::ostringstream again;
    store.extract(new_id, again);
    EXPECT_EQ(again.str(), "stored by schema 3");
}

TEST(Migration0003, RefusesMalformedFileNamesAndKeys) {
    auto db = test::memory_database(3);
    const auto report = ReportRepository(*db).create(0, test::full_content("r"), 10);
    auto insert = [&](std::string_view file, std::size_t key_size) {
        const std::vector<std::uint8_t> key(key_size, 7);
        db->prepare("INSERT INTO attachments (report_id, name, media_type, size, sha256, chunk_size, created_at, "
                    "blob_file, blob_key) VALUES (?, 'a', 'b', 0, '', 1, 1, ?, ?)")
            .bind(1, report)
            .bind(2, file)
            .bind_blob(3, key)
            .run();
    };
    const std::string good = "0123456789abcdef0123456789abcdef.blob";
    EXPECT_THROW(insert("short.blob", 32), Error);
    EXPECT_THROW(insert(good, 31), Error);
    insert(good, 32);
    EXPECT_THROW(insert(good, 32), Error);  // two rows never share a file
}

}  // namespace
}  // namespace fv::storage
