// AttachmentService::attach_bytes (issue 14, voice memos): bytes held in
// memory become an attachment exactly as a file does, with the same refusals.
#include <gtest/gtest.h>

#include <vector>

#include "fieldvault/core/attachment_reader.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/model/error.h"
#include "test_vault.h"

using namespace fv;

namespace {

core::ReportContent titled(const std::string& title) {
    core::ReportContent c;
    c.title = title;
    return c;
}

std::vector<std::uint8_t> some_bytes(std::size_t n) {
    std::vector<std::uint8_t> bytes(n);
    for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<std::uint8_t>((i * 31u) ^ (i >> 8));
    return bytes;
}

std::size_t files_under(const std::filesystem::path& folder) {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(folder))
        if (e.is_regular_file()) ++n;
    return n;
}

}  // namespace

TEST(AttachBytes, StoredBytesReadBackIdenticalWithTheirSha256AndAnAuditEntry) {
    test::TestVault v;
    const auto report = core::ReportService(*v.session).create(titled("memo"));
    const auto bytes = some_bytes(300000);  // several of the vault file's chunks
    core::AttachmentService attachments(*v.session);
    const auto record = attachments.attach_bytes(report, "voice memo 2026-12-06 07.12.flac", "audio/flac", bytes);
    EXPECT_EQ(record.report_id, report);
    EXPECT_EQ(record.name, "voice memo 2026-12-06 07.12.flac");
    EXPECT_EQ(record.media_type, "audio/flac");
    EXPECT_EQ(record.size, bytes.size());
    const std::string as_text(bytes.begin(), bytes.end());
    EXPECT_EQ(record.sha256, crypto::to_hex(crypto::sha256(as_text)));

    const auto read = core::read_attachment(*v.session, record.id, bytes.size());
    ASSERT_EQ(read.size(), bytes.size());
    EXPECT_TRUE(std::equal(bytes.begin(), bytes.end(), read.reveal().begin()));

    const auto entries = core::AuditService(*v.session).entries();
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.back().action, "attach");
    EXPECT_EQ(entries.back().subject, "attachment:" + std::to_string(record.id));
    EXPECT_NE(entries.back().detail.find(record.sha256), std::string::npos);
    EXPECT_EQ(entries.back().detail.find("voice memo"), std::string::npos);  // never the name
    EXPECT_TRUE(core::AuditService(*v.session).verify().ok);
}

TEST(AttachBytes, TheNameIsSanitizedLikeAFilesName) {
    test::TestVault v;
    const auto report = core::ReportService(*v.session).create(titled("memo"));
    const auto record = core::AttachmentService(*v.session).attach_bytes(report, "../.profile", "audio/flac",
                                                                         some_bytes(10));
    EXPECT_EQ(record.name.find('/'), std::string::npos);
    EXPECT_NE(record.name.front(), '.');
}

TEST(AttachBytes, RefusesAFinalReportEmptyBytesAndTooMuch) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto draft = reports.create(titled("draft"));
    const auto final_report = reports.create(titled("final"));
    reports.finalize(final_report);
    core::AttachmentService attachments(*v.session);
    const auto bytes = some_bytes(1000);
    const auto blobs_before = files_under(v.dir);
    const auto audit_before = core::AuditService(*v.session).entries().size();

    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(final_report, "m.flac", "audio/flac", bytes); }),
              ErrorKind::Invalid);
    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(draft, "m.flac", "audio/flac", {}); }),
              ErrorKind::Invalid);
    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(draft, "m.flac", "audio/flac", bytes, 999); }),
              ErrorKind::Invalid);
    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(9999, "m.flac", "audio/flac", bytes); }),
              ErrorKind::NotFound);
    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(draft, "m.flac", "flac", bytes); }), ErrorKind::Invalid);
    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(draft, "m.flac", "audio/fl ac", bytes); }),
              ErrorKind::Invalid);
    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(draft, "", "audio/flac", bytes); }), ErrorKind::Invalid);
    EXPECT_EQ(test::kind_of([&] { attachments.attach_bytes(draft, "m\xff.flac", "audio/flac", bytes); }),
              ErrorKind::Invalid);
    // Nothing was stored or logged by the refusals.
    EXPECT_EQ(files_under(v.dir), blobs_before);
    EXPECT_EQ(core::AuditService(*v.session).entries().size(), audit_before);
    EXPECT_TRUE(attachments.attach_bytes(draft, "m.flac", "audio/flac", bytes, 1000).id > 0);  // exactly the limit
    EXPECT_GE(core::AttachmentService::kMaxAttachBytesInMemory, 64ull << 20);
}
