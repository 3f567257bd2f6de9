#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <sstream>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/repositories.h"
#include "test_support.h"

namespace fv::storage {
namespace {

constexpr std::size_t kChunk = 256 * 1024;

std::string pattern(std::size_t size) {
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<char>((i * 31 + i / 977) & 0xff);
    return out;
}

class AttachmentStoreTest : public ::testing::Test {
protected:
    test::TempDir blobs;
    std::unique_ptr<Database> db = with_blob_folder(test::memory_database(), blobs.path());
    AttachmentStore store{*db};
    std::int64_t report = ReportRepository(*db).create(0, {}, 1);

    static std::unique_ptr<Database> with_blob_folder(std::unique_ptr<Database> database,
                                                      const std::filesystem::path& folder) {
        database->set_blob_folder(folder);
        return database;
    }
    std::filesystem::path file_of(std::int64_t id) {
        auto stmt = db->prepare("SELECT blob_file FROM attachments WHERE id = ?");
        stmt.bind(1, id);
        EXPECT_TRUE(stmt.step());
        return blobs.path() / stmt.column_text(0);
    }
    std::size_t files_in_folder() {
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(blobs.path()),
                                                      std::filesystem::directory_iterator()));
    }
    // An attachment as schema v1-v2 stored it: bytes in attachment_chunks rows.
    std::int64_t insert_legacy(const std::string& bytes) {
        db->prepare("INSERT INTO attachments (report_id, name, media_type, size, sha256, chunk_size, created_at) "
                    "VALUES (?, 'old.bin', 'application/octet-stream', ?, ?, ?, 3)")
            .bind(1, report)
            .bind(2, static_cast<std::int64_t>(bytes.size()))
            .bind(3, crypto::to_hex(crypto::sha256(bytes)))
            .bind(4, static_cast<std::int64_t>(kChunk))
            .run();
        const auto id = db->last_insert_id();
        for (std::size_t pos = 0, seq = 0; pos < bytes.size(); pos += kChunk, ++seq) {
            const auto part = std::string_view(bytes).substr(pos, kChunk);
            db->prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)")
                .bind(1, id)
                .bind(2, static_cast<std::int64_t>(seq))
                .bind_blob(3, {reinterpret_cast<const std::uint8_t*>(part.data()), part.size()})
                .run();
        }
        return id;
    }

    std::int64_t import(const std::string& bytes, std::string_view name = "file.bin") {
        std::istringstream in(bytes);
        return store.import(report, in, name, "application/octet-stream", 7);
    }
    std::string extract(std::int64_t id) {
        std::ostringstream out;
        store.extract(id, out);
        return out.str();
    }
    ErrorKind extract_error(std::int64_t id) {
        try {
            extract(id);
        } catch (const Error& e) {
            return e.kind();
        }
        ADD_FAILURE() << "extract succeeded";
        return ErrorKind::Usage;
    }
};

TEST_F(AttachmentStoreTest, RoundTripsAtChunkBoundaries) {
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}, kChunk - 1, kChunk, kChunk + 1, 3 * kChunk + 5}) {
        const auto bytes = pattern(size);
        const auto id = import(bytes);
        const auto record = store.get(id);
        ASSERT_TRUE(record);
        EXPECT_EQ(record->size, size);
        EXPECT_EQ(record->sha256, crypto::to_hex(crypto::sha256(bytes)));
        EXPECT_EQ(record->name, "file.bin");
        EXPECT_EQ(record->media_type, "application/octet-stream");
        EXPECT_EQ(record->report_id, report);
        EXPECT_EQ(record->created_at, 7);
        EXPECT_EQ(extract(id), bytes) << size;
        // The bytes are in their own file, encrypted: none of them in the database.
        EXPECT_TRUE(std::filesystem::is_regular_file(file_of(id))) << size;
        auto chunks = db->prepare("SELECT count(*) FROM attachment_chunks");
        ASSERT_TRUE(chunks.step());
        EXPECT_EQ(chunks.column_int(0), 0);
    }
    EXPECT_EQ(files_in_folder(), 6u);
}

TEST_F(AttachmentStoreTest, FilesAreEncryptedPrivateAndNamedAtRandom) {
    const std::string marker = "MARKER-evidence-\xe8\xad\xa6\xe5\xaf\x9f-" + std::string(5000, 'x');
    const auto a = import(marker, "secret-name.txt");
    const auto b = import(marker, "secret-name.txt");
    const auto file = file_of(a);
    EXPECT_NE(file, file_of(b));
    EXPECT_EQ(file.filename().string().size(), 37u);
    EXPECT_EQ(file.extension(), ".blob");
    const auto on_disk = test::read_file(file);
    EXPECT_EQ(on_disk.find("MARKER"), std::string::npos);
    EXPECT_EQ(on_disk.find("secret-name"), std::string::npos);
    EXPECT_NE(on_disk, test::read_file(file_of(b)));  // own key each
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST_F(AttachmentStoreTest, AlteredCutExtendedOrMissingFileIsIntegrity) {
    const auto bytes = pattern(2 * kChunk + 3);
    const auto flipped = import(bytes);
    auto contents = test::read_file(file_of(flipped));
    contents[kChunk + 100] = static_cast<char>(contents[kChunk + 100] ^ 1);
    test::write_file(file_of(flipped), contents);
    EXPECT_EQ(extract_error(flipped), ErrorKind::Integrity);

    const auto cut = import(bytes);
    contents = test::read_file(file_of(cut));
    test::write_file(file_of(cut), contents.substr(0, contents.size() - 1));
    EXPECT_EQ(extract_error(cut), ErrorKind::Integrity);

    const auto extended = import(bytes);
    test::write_file(file_of(extended), test::read_file(file_of(extended)) + "x");
    EXPECT_EQ(extract_error(extended), ErrorKind::Integrity);

    const auto missing = import(bytes);
    std::filesystem::remove(file_of(missing));
    EXPECT_EQ(extract_error(missing), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, FilesSwappedBetweenAttachmentsAreIntegrity) {
    const auto a = import(pattern(1000));
    const auto b = import(std::string(pattern(1000)).replace(0, 1, "!"));
    const auto a_bytes = test::read_file(file_of(a));
    test::write_file(file_of(a), test::read_file(file_of(b)));
    test::write_file(file_of(b), a_bytes);
    EXPECT_EQ(extract_error(a), ErrorKind::Integrity);
    EXPECT_EQ(extract_error(b), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, RolledBackTransactionTakesItsFilesAlong) {
    const auto kept = import("kept");
    {
        Transaction tx(*db);
        import(pattern(kChunk + 1));
        import("second");
        EXPECT_EQ(files_in_folder(), 3u);
    }  // rolled back
    EXPECT_EQ(files_in_folder(), 1u);
    EXPECT_EQ(store.list_for_report(report).size(), 1u);
    Transaction tx(*db);
    const auto committed = import("committed");
    tx.commit();
    EXPECT_EQ(files_in_folder(), 2u);
    EXPECT_EQ(extract(kept), "kept");
    EXPECT_EQ(extract(committed), "committed");
}

TEST_F(AttachmentStoreTest, VerifiedImportRecordsTheGivenHash) {
    const auto bytes = pattern(kChunk + 7);
    const auto digest = crypto::sha256(bytes);
    std::istringstream in(bytes);
    const auto id = store.import_verified(report, in, "v.bin", "x/y", digest, 5);
    EXPECT_EQ(store.get(id)->sha256, crypto::to_hex(digest));
    EXPECT_EQ(store.get(id)->size, bytes.size());
    EXPECT_EQ(extract(id), bytes);
}

TEST_F(AttachmentStoreTest, WithoutABlobFolderNothingIsStored) {
    auto bare = test::memory_database();
    const auto other_report = ReportRepository(*bare).create(0, {}, 1);
    std::istringstream in("x");
    EXPECT_THROW(AttachmentStore(*bare).import(other_report, in, "x", "x/y", 1), Error);
    EXPECT_TRUE(AttachmentStore(*bare).list_for_report(other_report).empty());
}

TEST_F(AttachmentStoreTest, LegacyChunkedAttachmentsStillExtract) {
    for (const std::size_t size : {std::size_t{1}, kChunk, 2 * kChunk + 9}) {
        const auto bytes = pattern(size);
        const auto id = insert_legacy(bytes);
        EXPECT_EQ(extract(id), bytes) << size;
    }
}

TEST_F(AttachmentStoreTest, EmptyFileHashIsTheKnownValue) {
    const auto id = import("");
    EXPECT_EQ(store.get(id)->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(AttachmentStoreTest, ProgressReportsBytes) {
    std::vector<std::uint64_t> seen;
    std::istringstream in(pattern(2 * kChunk + 10));
    const auto id = store.import(report, in, "p.bin", "x/y", 1, [&](std::uint64_t done) { seen.push_back(done); });
    EXPECT_EQ(seen, (std::vector<std::uint64_t>{kChunk, 2 * kChunk, 2 * kChunk + 10}));
    seen.clear();
    std::ostringstream out;
    store.extract(id, out, [&](std::uint64_t done) { seen.push_back(done); });
    EXPECT_EQ(seen.back(), 2 * kChunk + 10);
}

TEST_F(AttachmentStoreTest, ListsPerReport) {
    const auto a = import("a", "a.txt");
    const auto b = import("b", "b.txt");
    const auto other = ReportRepository(*db).create(0, {}, 1);
    const auto list = store.list_for_report(report);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, a);
    EXPECT_EQ(list[1].id, b);
    EXPECT_TRUE(store.list_for_report(other).empty());
}

TEST_F(AttachmentStoreTest, RefusesPathsAndUnknownReports) {
    for (const char* name : {"", "/etc/passwd", "dir/file", "..", "a\\b"}) {
        std::istringstream in("x");
        EXPECT_THROW(store.import(report, in, name, "text/plain", 1), Error) << name;
    }
    std::istringstream in("x");
    try {
        store.import(999, in, "x", "text/plain", 1);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
    try {
        extract(999);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
}

TEST_F(AttachmentStoreTest, LegacyAlteredChunkIsIntegrity) {
    const auto id = insert_legacy(pattern(2 * kChunk + 3));
    db->exec("UPDATE attachment_chunks SET data = zeroblob(262144) WHERE seq = 1");
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, LegacyMissingChunkIsIntegrity) {
    const auto id = insert_legacy(pattern(2 * kChunk + 3));
    db->exec("DELETE FROM attachment_chunks WHERE seq = 1");
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, LegacyMissingLastChunkIsIntegrity) {
    const auto id = insert_legacy(pattern(2 * kChunk + 3));
    db->exec("DELETE FROM attachment_chunks WHERE seq = 2");
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, LegacyExtraChunkIsIntegrity) {
    const auto id = insert_legacy(pattern(kChunk));
    db->prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, 1, x'00')").bind(1, id).run();
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, WrongRecordedSizeIsIntegrity) {
    const auto a = import("hello");
    db->prepare("UPDATE attachments SET size = 4 WHERE id = ?").bind(1, a).run();
    EXPECT_EQ(extract_error(a), ErrorKind::Integrity);
    const auto big = import(pattern(kChunk));
    db->prepare("UPDATE attachments SET size = ? WHERE id = ?").bind(1, std::int64_t{2 * kChunk}).bind(2, big).run();
    EXPECT_EQ(extract_error(big), ErrorKind::Integrity);
    const auto c = import("");
    db->prepare("UPDATE attachments SET size = 1 WHERE id = ?").bind(1, c).run();
    EXPECT_EQ(extract_error(c), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, LegacyWrongRecordedSizeOrHashIsIntegrity) {
    const auto a = insert_legacy("hello");
    db->prepare("UPDATE attachments SET size = 4 WHERE id = ?").bind(1, a).run();
    EXPECT_EQ(extract_error(a), ErrorKind::Integrity);
    const auto b = insert_legacy("hello");
    db->prepare("UPDATE attachments SET sha256 = ? WHERE id = ?").bind(1, std::string(64, '0')).bind(2, b).run();
    EXPECT_EQ(extract_error(b), ErrorKind::Integrity);
}

// A stream that fails part-way, as a failing disk would.
class FailingBuf : public std::streambuf {
protected:
    int_type underflow() override { throw std::ios_base::failure("device error"); }
};

TEST_F(AttachmentStoreTest, ReadFailureIsIo) {
    FailingBuf buf;
    std::istream in(&buf);
    try {
        store.import(report, in, "x", "x/y", 1);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
    }
}

// Serves `good` bytes, then fails like a disk error.
class FailingAfterBuf : public std::streambuf {
public:
    explicit FailingAfterBuf(std::size_t good) : data_(good, 'q') { setg(data_.data(), data_.data(), data_.data() + data_.size()); }

protected:
    int_type underflow() override { throw std::ios_base::failure("device error"); }

private:
    std::string data_;
};

TEST_F(AttachmentStoreTest, FailureMidStreamLeavesNothingBehind) {
    FailingAfterBuf buf(kChunk + 100);
    std::istream in(&buf);
    EXPECT_THROW(store.import(report, in, "x", "x/y", 1), Error);
    EXPECT_TRUE(store.list_for_report(report).empty());
    EXPECT_EQ(files_in_folder(), 0u);
    // And inside a caller's transaction, the caller's earlier work survives.
    Transaction tx(*db);
    const auto kept = import("kept");
    FailingAfterBuf again(10);
    std::istream in2(&again);
    EXPECT_THROW(store.import(report, in2, "y", "x/y", 1), Error);
    tx.commit();
    ASSERT_EQ(store.list_for_report(report).size(), 1u);
    EXPECT_EQ(files_in_folder(), 1u);
    EXPECT_EQ(extract(kept), "kept");
}

TEST_F(AttachmentStoreTest, WriteFailureIsIo) {
    const auto id = import("some bytes");
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    try {
        store.extract(id, out);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
    }
}

}  // namespace
}  // namespace fv::storage
