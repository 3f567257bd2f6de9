#include <gtest/gtest.h>
#include <sys/stat.h>

#include "exclusive_file.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/storage/database.h"
#include "test_vault.h"

using namespace fv;

namespace {

core::ReportContent titled(const std::string& title) {
    core::ReportContent c;
    c.title = title;
    return c;
}

}  // namespace

TEST(AttachmentService, AttachAndExtractRoundTrip) {
    test::TestVault v;
    const auto id = core::ReportService(*v.session).create(titled("with evidence"));
    std::string bytes;
    for (int i = 0; i < 300000; ++i) bytes.push_back(static_cast<char>(i * 7));
    const auto src = v.tmp.path() / "screenshot.png";
    test::write_file(src, bytes);

    core::AttachmentService attachments(*v.session);
    const auto record = attachments.attach(id, src);
    EXPECT_EQ(record.name, "screenshot.png");
    EXPECT_EQ(record.media_type, "image/png");
    EXPECT_EQ(record.size, bytes.size());
    EXPECT_EQ(record.sha256, crypto::to_hex(crypto::sha256(bytes)));

    const auto out = v.tmp.path() / "copy.png";
    attachments.extract(record.id, out);
    EXPECT_EQ(test::read_file(out), bytes);
    // Nothing else was left beside it.
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(v.tmp.path())) ++files;
    EXPECT_EQ(files, 3);  // vault/, screenshot.png, copy.png
}

TEST(AttachmentService, ExtractRefusesACopyThatDoesNotMatchTheRecordedHash) {
    test::TestVault v;
    const auto id = core::ReportService(*v.session).create(titled("with evidence"));
    const auto src = v.tmp.path() / "notes.txt";
    test::write_file(src, std::string(3 * 1024 * 1024, 'n'));  // past ParallelSha256's inline limit
    core::AttachmentService attachments(*v.session);
    const auto record = attachments.attach(id, src);
    // A recorded hash that no longer matches (only someone with the database key could do this).
    v.session->db()
        .prepare("UPDATE attachments SET sha256 = ? WHERE id = ?")
        .bind(1, std::string(64, '0'))
        .bind(2, record.id)
        .run();
    const auto out = v.tmp.path() / "copy.txt";
    try {
        attachments.extract(record.id, out);
        FAIL() << "extracted a copy whose hash differs from the record";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity) << e.what();
    }
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(v.tmp.path())) ++files;
    EXPECT_EQ(files, 2);  // vault/ and notes.txt: no copy, no hidden temporary
}

TEST(AttachmentService, ZeroByteFile) {
    test::TestVault v;
    const auto id = core::ReportService(*v.session).create(titled("empty evidence"));
    const auto src = v.tmp.path() / "empty.txt";
    test::write_file(src, "");
    core::AttachmentService attachments(*v.session);
    const auto record = attachments.attach(id, src);
    EXPECT_EQ(record.size, 0u);
    attachments.extract(record.id, v.tmp.path() / "empty-out.txt");
    EXPECT_EQ(test::read_file(v.tmp.path() / "empty-out.txt"), "");
}

TEST(AttachmentService, RefusesDirectoriesAndMissingFiles) {
    test::TestVault v;
    const auto id = core::ReportService(*v.session).create(titled("r"));
    core::AttachmentService attachments(*v.session);
    try {
        attachments.attach(id, v.tmp.path());
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
    }
    try {
        attachments.attach(id, v.tmp.path() / "missing.jpg");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    }
    EXPECT_TRUE(core::ReportService(*v.session).get(id).attachments.empty());
}

TEST(AttachmentService, ReportWithAttachmentsIsAllOrNothing) {
    test::TestVault v;
    const auto good = v.tmp.path() / "good.txt";
    test::write_file(good, "evidence");
    core::ReportService reports(*v.session);
    EXPECT_THROW(reports.create_with_attachments(titled("r"), "", {good, v.tmp.path() / "missing.txt"}), Error);
    EXPECT_THROW(reports.create_with_attachments(titled("r"), "", {good, v.tmp.path()}), Error);
    EXPECT_TRUE(reports.list().empty());
    const auto id = reports.create_with_attachments(titled("r"), "", {good, good});
    EXPECT_EQ(reports.get(id).attachments.size(), 2u);
}

TEST(AttachmentService, StoresOnlyTheFileNameNeverThePath) {
    test::TestVault v;
    const auto id = core::ReportService(*v.session).create(titled("r"));
    std::filesystem::create_directories(v.tmp.path() / "secret-folder-name");
    const auto src = v.tmp.path() / "secret-folder-name" / "doc.pdf";
    test::write_file(src, "%PDF");
    const auto record = core::AttachmentService(*v.session).attach(id, src);
    EXPECT_EQ(record.name, "doc.pdf");
    EXPECT_EQ(record.media_type, "application/pdf");
}

TEST(AttachmentService, ExtractRefusesToOverwriteOrWriteIntoMissingFolder) {
    test::TestVault v;
    const auto id = core::ReportService(*v.session).create(titled("r"));
    const auto src = v.tmp.path() / "a.txt";
    test::write_file(src, "new bytes");
    core::AttachmentService attachments(*v.session);
    const auto record = attachments.attach(id, src);
    const auto existing = v.tmp.path() / "existing.txt";
    test::write_file(existing, "keep me");
    EXPECT_THROW(attachments.extract(record.id, existing), Error);
    EXPECT_EQ(test::read_file(existing), "keep me");
    EXPECT_THROW(attachments.extract(record.id, v.tmp.path() / "nope" / "x.txt"), Error);
    EXPECT_THROW(attachments.extract(9999, v.tmp.path() / "y.txt"), Error);
}

TEST(AttachmentService, FinalReportTakesNoMoreEvidence) {
    test::TestVault v;
    core::ReportService reports(*v.session);
    const auto id = reports.create(titled("r"));
    reports.finalize(id);
    const auto src = v.tmp.path() / "late.txt";
    test::write_file(src, "late");
    EXPECT_THROW(core::AttachmentService(*v.session).attach(id, src), Error);
}

namespace {

ErrorKind evidence_error(const std::vector<std::filesystem::path>& files) {
    try {
        core::check_evidence_files(files);
    } catch (const Error& e) {
        return e.kind();
    }
    return ErrorKind::Usage;  // "no error" for these tests
}

// The check both faces run before asking for the passphrase (was written
// once in the CLI and once in core).
TEST(AttachmentService, EvidenceFilesAreCheckedBeforeAnythingIsStored) {
    test::TempDir tmp;
    const auto good = tmp.path() / "photo.jpg";
    test::write_file(good, "x");
    const auto fifo = tmp.path() / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(evidence_error({good}), ErrorKind::Usage);  // nothing thrown
    EXPECT_EQ(evidence_error({}), ErrorKind::Usage);
    EXPECT_EQ(evidence_error({good, tmp.path() / "typo.jpg"}), ErrorKind::NotFound);
    EXPECT_EQ(evidence_error({tmp.path()}), ErrorKind::Invalid);
    EXPECT_EQ(evidence_error({fifo}), ErrorKind::Invalid);
    try {
        core::check_evidence_files({good, tmp.path() / "typo.jpg"});
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("typo.jpg"), std::string::npos) << e.what();
    }
}

}  // namespace

namespace {

// Issue 12, item 4: the plaintext copy was created 0666-minus-umask and only
// then chmod'ed, so another local user could open it in between. Now it is
// created 0600 from its first byte, whatever the umask.
TEST(AttachmentService, ExtractCopyIsPrivateFromItsFirstByte) {
    test::TestVault v;
    const auto id = core::ReportService(*v.session).create(titled("with evidence"));
    const auto src = v.tmp.path() / "audio.m4a";
    test::write_file(src, std::string(3 * 1024 * 1024, 'a'));
    core::AttachmentService attachments(*v.session);
    const auto record = attachments.attach(id, src);

    const auto out_dir = v.tmp.path() / "out";
    std::filesystem::create_directory(out_dir);
    const mode_t old_mask = ::umask(0);  // the worst case: nothing masked
    std::vector<mode_t> seen;
    attachments.extract(record.id, out_dir / "audio.m4a", [&](std::uint64_t, std::uint64_t) {
        for (const auto& e : std::filesystem::directory_iterator(out_dir)) {
            struct stat st {};
            if (::lstat(e.path().c_str(), &st) == 0) seen.push_back(st.st_mode & 07777);
        }
    });
    ::umask(old_mask);
    ASSERT_FALSE(seen.empty());  // the temporary file was seen while being written
    for (const auto mode : seen) EXPECT_EQ(mode, 0600u);
    struct stat st {};
    ASSERT_EQ(::stat((out_dir / "audio.m4a").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u);
}

}  // namespace

namespace {

// The one call that creates every plaintext copy and export: 0600 at once
// under any umask, and never through an existing name or symlink.
TEST(NewPrivateFile, CreatedPrivateAndNeverThroughAnExistingNameOrLink) {
    test::TempDir tmp;
    const mode_t old_mask = ::umask(0);
    const auto fresh = tmp.path() / "fresh";
    const int fd = core::detail::open_new_private_file(fresh);
    ::umask(old_mask);
    ASSERT_GE(fd, 0);
    struct stat st {};
    ASSERT_EQ(::fstat(fd, &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0600u);
    ::close(fd);

    const auto existing = tmp.path() / "existing";
    test::write_file(existing, "keep me");
    EXPECT_LT(core::detail::open_new_private_file(existing), 0);
    EXPECT_EQ(errno, EEXIST);
    EXPECT_EQ(test::read_file(existing), "keep me");

    const auto target = tmp.path() / "target";
    const auto link = tmp.path() / "link";
    std::filesystem::create_symlink(target, link);
    EXPECT_LT(core::detail::open_new_private_file(link), 0);
    EXPECT_FALSE(std::filesystem::exists(target));  // the link was not followed
}

}  // namespace
