#include <gtest/gtest.h>

#include <sstream>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/error.h"
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
    std::unique_ptr<Database> db = test::memory_database();
    AttachmentStore store{*db};
    std::int64_t report = ReportRepository(*db).create(0, {}, 1);

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
        auto chunks = db->prepare("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?");
        chunks.bind(1, id);
        ASSERT_TRUE(chunks.step());
        EXPECT_EQ(static_cast<std::size_t>(chunks.column_int(0)), (size + kChunk - 1) / kChunk) << size;
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

TEST_F(AttachmentStoreTest, AlteredChunkIsIntegrity) {
    const auto id = import(pattern(2 * kChunk + 3));
    db->exec("UPDATE attachment_chunks SET data = zeroblob(262144) WHERE seq = 1");
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, MissingChunkIsIntegrity) {
    const auto id = import(pattern(2 * kChunk + 3));
    db->exec("DELETE FROM attachment_chunks WHERE seq = 1");
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, MissingLastChunkIsIntegrity) {
    const auto id = import(pattern(2 * kChunk + 3));
    db->exec("DELETE FROM attachment_chunks WHERE seq = 2");
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, ExtraChunkIsIntegrity) {
    const auto id = import(pattern(kChunk));
    db->prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, 1, x'00')").bind(1, id).run();
    EXPECT_EQ(extract_error(id), ErrorKind::Integrity);
}

TEST_F(AttachmentStoreTest, WrongRecordedSizeOrHashIsIntegrity) {
    const auto a = import("hello");
    db->prepare("UPDATE attachments SET size = 4 WHERE id = ?").bind(1, a).run();
    EXPECT_EQ(extract_error(a), ErrorKind::Integrity);
    const auto b = import("hello");
    db->prepare("UPDATE attachments SET sha256 = ? WHERE id = ?").bind(1, std::string(64, '0')).bind(2, b).run();
    EXPECT_EQ(extract_error(b), ErrorKind::Integrity);
    const auto c = import("");
    db->prepare("UPDATE attachments SET size = 1 WHERE id = ?").bind(1, c).run();
    EXPECT_EQ(extract_error(c), ErrorKind::Integrity);
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
    auto chunks = db->prepare("SELECT count(*) FROM attachment_chunks");
    ASSERT_TRUE(chunks.step());
    EXPECT_EQ(chunks.column_int(0), 0);
    // And inside a caller's transaction, the caller's earlier work survives.
    Transaction tx(*db);
    const auto kept = import("kept");
    FailingAfterBuf again(10);
    std::istream in2(&again);
    EXPECT_THROW(store.import(report, in2, "y", "x/y", 1), Error);
    tx.commit();
    ASSERT_EQ(store.list_for_report(report).size(), 1u);
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
