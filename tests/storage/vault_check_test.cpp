// The whole-vault check on a real vault: intact, then each kind of damage
// found and named (attachment files flipped, cut, deleted; chunks of schema
// v1-v2; a page of vault.db; an audit entry rewritten), unreferenced files
// listed and left alone, and the vault's files byte-identical afterwards.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "fieldvault/storage/vault.h"
#include "fieldvault/storage/vault_check.h"
#include "test_support.h"

namespace fv::storage {
namespace {

namespace fs = std::filesystem;
using test::fast_params;
using test::secret;

// Every file under `dir` with its bytes (the database, the key header copies, blobs/).
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = test::read_file(entry.path());
    }
    return files;
}

void flip_byte(const fs::path& file, std::size_t offset) {
    auto bytes = test::read_file(file);
    ASSERT_LT(offset, bytes.size());
    bytes[offset] = static_cast<char>(bytes[offset] ^ 0x40);
    test::write_file(file, bytes);
}

std::vector<CheckFinding> of_kind(const VaultCheckResult& r, CheckFindingKind kind) {
    std::vector<CheckFinding> out;
    std::copy_if(r.findings.begin(), r.findings.end(), std::back_inserter(out),
                 [kind](const CheckFinding& f) { return f.kind == kind; });
    return out;
}

std::string describe(const VaultCheckResult& r) {
    std::string text;
    for (const auto& f : r.findings) {
        text += std::string(model::check_finding_code(f.kind)) + " a" + std::to_string(f.attachment_id) + " s" +
                std::to_string(f.audit_seq) + " " + f.file_name + ": " + f.message + "\n";
    }
    return text;
}

class VaultCheckTest : public ::testing::Test {
protected:
    test::TempDir tmp;
    fs::path dir = tmp.path() / "vault";
    fs::path blobs = dir / "blobs";
    std::int64_t report = 0;
    std::int64_t photo = 0;  // 200 KiB: four chunks of the file format
    std::int64_t note = 0;
    std::unique_ptr<Vault> vault;

    void SetUp() override {
        {
            auto created = Vault::create(dir, secret("pass"), fast_params());
            auto& db = created.vault->db();
            report = ReportRepository(db).create(0, test::full_content("check"), 1);
            AuditLog log(db);
            log.append("report_create", "report:1", "revision 1", 1);
            photo = attach(db, std::string(200 * 1024, 'p'), "photo.jpg");
            log.append("attach", "attachment:1", "", 2);
            note = attach(db, "a short note", "note.txt");
            log.append("attach", "attachment:2", "", 3);
            // The last pages of vault.db: a long narrative's overflow pages,
            // which the open never reads but the integrity check must.
            auto content = test::full_content("long");
            content.narrative = std::string(24 * 1024, 'n');
            ReportRepository(db).create(0, content, 4);
            log.append("report_create", "report:2", "revision 1", 4);
        }
        vault = Vault::open(dir, secret("pass"));
    }

    std::int64_t attach(Database& db, const std::string& bytes, std::string_view name) {
        std::istringstream in(bytes);
        return AttachmentStore(db).import(report, in, name, "application/octet-stream", 2);
    }
    std::string blob_of(std::int64_t id) {
        auto stmt = vault->db().prepare("SELECT blob_file FROM attachments WHERE id = ?");
        stmt.bind(1, id);
        EXPECT_TRUE(stmt.step());
        return stmt.column_text(0);
    }
    VaultCheckResult check() { return check_vault(vault->db()); }
    // The damage is done with the vault closed, as another program or the
    // disk would; the check then runs on a fresh open.
    template <class Damage>
    VaultCheckResult check_after(Damage&& damage) {
        vault.reset();
        damage();
        vault = Vault::open(dir, secret("pass"));
        return check();
    }
};

TEST_F(VaultCheckTest, AnIntactVaultHasNoFindingsAndEverySectionRan) {
    const auto r = check();
    EXPECT_TRUE(r.findings.empty()) << describe(r);
    EXPECT_TRUE(r.intact());
    EXPECT_TRUE(r.complete());
    EXPECT_EQ(r.attachments, 2u);
    EXPECT_EQ(r.attachment_bytes, 200u * 1024 + 12);
    EXPECT_EQ(r.audit_entries, 4u);
    EXPECT_EQ(r.blob_files, 2u);
    EXPECT_GT(r.database_pages, 10u);
    EXPECT_GT(r.page_size, 0u);
    ASSERT_EQ(r.sections.size(), 4u);
    for (const auto& s : r.sections) EXPECT_TRUE(s.ran) << model::check_section_code(s.section);
}

TEST_F(VaultCheckTest, AFlippedByteInAnAttachmentFileIsNamed) {
    const auto file = blob_of(photo);
    const auto r = check_after([&] { flip_byte(blobs / file, 100 * 1024); });
    EXPECT_FALSE(r.intact());
    const auto damaged = of_kind(r, CheckFindingKind::AttachmentDamaged);
    ASSERT_EQ(damaged.size(), 1u) << describe(r);
    EXPECT_EQ(damaged[0].attachment_id, photo);
    EXPECT_EQ(damaged[0].report_id, report);
    EXPECT_EQ(damaged[0].attachment_name, "photo.jpg");
    EXPECT_EQ(damaged[0].file_name, file);
    EXPECT_FALSE(damaged[0].message.empty());
    EXPECT_EQ(r.findings.size(), 1u) << describe(r);  // the note and everything else are whole
    EXPECT_EQ(r.attachments, 2u);
}

TEST_F(VaultCheckTest, ATruncatedAttachmentFileIsNamed) {
    const auto file = blob_of(note);
    const auto r = check_after([&] { fs::resize_file(blobs / file, fs::file_size(blobs / file) - 1); });
    const auto damaged = of_kind(r, CheckFindingKind::AttachmentDamaged);
    ASSERT_EQ(damaged.size(), 1u) << describe(r);
    EXPECT_EQ(damaged[0].attachment_id, note);
    EXPECT_EQ(damaged[0].attachment_name, "note.txt");
    EXPECT_EQ(r.findings.size(), 1u) << describe(r);
}

TEST_F(VaultCheckTest, ADeletedAttachmentFileIsMissing) {
    const auto file = blob_of(photo);
    const auto r = check_after([&] { fs::remove(blobs / file); });
    EXPECT_FALSE(r.intact());
    const auto missing = of_kind(r, CheckFindingKind::AttachmentMissing);
    ASSERT_EQ(missing.size(), 1u) << describe(r);
    EXPECT_EQ(missing[0].attachment_id, photo);
    EXPECT_EQ(missing[0].attachment_name, "photo.jpg");
    EXPECT_EQ(missing[0].file_name, file);
    EXPECT_EQ(r.findings.size(), 1u) << describe(r);
}

TEST_F(VaultCheckTest, AttachmentsOfSchemaTwoInChunksAreCheckedToo) {
    auto& db = vault->db();
    const std::string old_bytes = "stored by schema 2";
    db.prepare("INSERT INTO attachments (report_id, name, media_type, size, sha256, chunk_size, created_at) "
               "VALUES (?, 'old.txt', 'text/plain', ?, ?, 262144, 11)")
        .bind(1, report)
        .bind(2, static_cast<std::int64_t>(old_bytes.size()))
        .bind(3, crypto::to_hex(crypto::sha256(old_bytes)))
        .run();
    const auto old_id = db.last_insert_id();
    db.prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, 0, ?)")
        .bind(1, old_id)
        .bind_blob(2, {reinterpret_cast<const std::uint8_t*>(old_bytes.data()), old_bytes.size()})
        .run();
    auto r = check();
    EXPECT_TRUE(r.findings.empty()) << describe(r);
    EXPECT_EQ(r.attachments, 3u);

    std::string altered = old_bytes;
    altered[0] = 'S';
    db.prepare("UPDATE attachment_chunks SET data = ? WHERE attachment_id = ?")
        .bind_blob(1, {reinterpret_cast<const std::uint8_t*>(altered.data()), altered.size()})
        .bind(2, old_id)
        .run();
    r = check();
    const auto damaged = of_kind(r, CheckFindingKind::AttachmentDamaged);
    ASSERT_EQ(damaged.size(), 1u) << describe(r);
    EXPECT_EQ(damaged[0].attachment_id, old_id);
    EXPECT_EQ(damaged[0].attachment_name, "old.txt");
    EXPECT_TRUE(damaged[0].file_name.empty());
}

TEST_F(VaultCheckTest, AFlippedByteInTheDatabasesLastPageIsReportedNotThrown) {
    const auto db_file = dir / "vault.db";
    const auto r = check_after([&] {
        const auto size = fs::file_size(db_file);
        flip_byte(db_file, size - 300);  // inside the last page, whatever the page size (>= 512)
    });
    EXPECT_FALSE(r.intact());
    const auto damaged = of_kind(r, CheckFindingKind::DatabaseDamaged);
    ASSERT_FALSE(damaged.empty()) << describe(r);
    EXPECT_FALSE(damaged[0].message.empty());
    // The other sections still ran: the attachments are whole.
    EXPECT_EQ(r.attachments, 2u);
    EXPECT_TRUE(of_kind(r, CheckFindingKind::AttachmentDamaged).empty()) << describe(r);
    EXPECT_TRUE(of_kind(r, CheckFindingKind::AttachmentMissing).empty()) << describe(r);
}

TEST_F(VaultCheckTest, AnAuditEntryRewrittenWithSqlIsNamed) {
    auto& db = vault->db();
    db.exec("DROP TRIGGER audit_log_no_update");
    db.prepare("UPDATE audit_log SET detail = ? WHERE seq = 2").bind(1, std::string_view("edited")).run();
    ASSERT_EQ(db.changes(), 1);
    const auto r = check();
    EXPECT_FALSE(r.intact());
    const auto broken = of_kind(r, CheckFindingKind::AuditChainBroken);
    ASSERT_EQ(broken.size(), 1u) << describe(r);
    EXPECT_EQ(broken[0].audit_seq, 2);
    EXPECT_EQ(broken[0].audit_action, "attach");
    EXPECT_EQ(broken[0].audit_at, 2);
    EXPECT_EQ(r.findings.size(), 1u) << describe(r);
}

TEST_F(VaultCheckTest, AnUnreferencedFileIsListedLeftAloneAndIsNotDamage) {
    // Written after the open (whose sweep would have removed it).
    const std::string stray = "0123456789abcdef0123456789abcdef.blob";
    test::write_file(blobs / stray, "no row names me");
    test::write_file(blobs / "notes.txt", "not a blob file: not ours to judge");
    const auto r = check();
    const auto unreferenced = of_kind(r, CheckFindingKind::UnreferencedFile);
    ASSERT_EQ(unreferenced.size(), 1u) << describe(r);
    EXPECT_EQ(unreferenced[0].file_name, stray);
    EXPECT_EQ(r.findings.size(), 1u) << describe(r);
    EXPECT_TRUE(r.intact());
    EXPECT_EQ(r.blob_files, 3u);
    EXPECT_EQ(test::read_file(blobs / stray), "no row names me");
}

TEST_F(VaultCheckTest, TheCheckChangesNoByteOfTheVaultIntactOrDamaged) {
    const auto before = snapshot(dir);
    ASSERT_GE(before.size(), 5u);  // vault.db, vault.key, vault.key.bak, two blobs
    (void)check();
    EXPECT_EQ(snapshot(dir), before);

    // Damaged, with an unreferenced file: still nothing changed, nothing removed.
    const auto file = blob_of(photo);
    vault.reset();
    flip_byte(blobs / file, 5000);
    flip_byte(dir / "vault.db", fs::file_size(dir / "vault.db") - 300);
    vault = Vault::open(dir, secret("pass"));
    test::write_file(blobs / "fedcba9876543210fedcba9876543210.blob", "stray");
    const auto damaged_before = snapshot(dir);
    const auto r = check();
    EXPECT_FALSE(r.intact());
    EXPECT_EQ(snapshot(dir), damaged_before);
}

TEST_F(VaultCheckTest, ProgressCountsEveryByteAndCancelStopsTheCheck) {
    std::uint64_t last_done = 0;
    std::uint64_t last_total = 0;
    bool monotone = true;
    VaultCheckControl control;
    control.progress = [&](std::uint64_t done, std::uint64_t total) {
        monotone = monotone && done >= last_done && done <= total;
        last_done = done;
        last_total = total;
    };
    const auto r = check_vault(vault->db(), control);
    EXPECT_TRUE(monotone);
    EXPECT_EQ(last_done, last_total);
    EXPECT_EQ(last_total, r.database_pages * r.page_size + r.attachment_bytes);

    // Cancel asked during the database's integrity check, and during an attachment.
    for (const std::uint64_t cancel_after : {std::uint64_t{0}, std::uint64_t{64 * 1024}}) {
        bool asked = false;
        VaultCheckControl cancelling;
        cancelling.progress = [&](std::uint64_t done, std::uint64_t total) {
            if (done > cancel_after && done < total) asked = true;
        };
        std::size_t calls = 0;
        cancelling.cancelled = [&] { return asked || (cancel_after == 0 && ++calls > 1); };
        try {
            (void)check_vault(vault->db(), cancelling);
            FAIL() << "not cancelled";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Invalid);
            EXPECT_STREQ(e.what(), "cancelled");
        }
    }
    // The connection is usable afterwards.
    EXPECT_TRUE(check().findings.empty());
}

TEST_F(VaultCheckTest, FilesAreNotJudgedWhileAnotherProgramWrites) {
    auto writer = Vault::open(dir, secret("pass"));
    Transaction tx(writer->db());
    attach(writer->db(), "not yet committed", "pending.txt");
    const auto r = check();
    EXPECT_TRUE(of_kind(r, CheckFindingKind::UnreferencedFile).empty()) << describe(r);
    EXPECT_TRUE(r.intact());
    EXPECT_FALSE(r.complete());
    const auto files = std::find_if(r.sections.begin(), r.sections.end(),
                                    [](const CheckSectionResult& s) { return s.section == CheckSection::Files; });
    ASSERT_NE(files, r.sections.end());
    EXPECT_FALSE(files->ran);
    EXPECT_FALSE(files->why_skipped.empty());
    tx.commit();
    EXPECT_TRUE(check().complete());
}

}  // namespace
}  // namespace fv::storage
