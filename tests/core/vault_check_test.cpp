// core::VaultCheckService over a Session: what the faces call. Intact, an
// attachment whose bytes authenticate but do not match the recorded SHA-256,
// a damaged file named, an unreferenced file, progress, the cancel flag (also
// on the Worker), and a check that records nothing and changes no byte.
#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/vault_check.h"
#include "fieldvault/core/worker.h"
#include "fieldvault/storage/database.h"
#include "test_vault.h"

namespace fv::test {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
    return files;
}

class CoreVaultCheck : public ::testing::Test {
protected:
    TestVault v;
    std::int64_t report = 0;
    core::AttachmentRecord evidence;

    void SetUp() override {
        core::ReportContent content;
        content.title = "with evidence";
        report = core::ReportService(*v.session).create(content);
        const auto src = v.tmp.path() / "call-recording.m4a";
        write_file(src, std::string(150 * 1024, 'r'));
        evidence = core::AttachmentService(*v.session).attach(report, src);
    }
    core::VaultCheckReport check() { return core::VaultCheckService(*v.session).run(); }
    std::string blob_file() {
        auto stmt = v.session->db().prepare("SELECT blob_file FROM attachments WHERE id = ?");
        stmt.bind(1, evidence.id);
        EXPECT_TRUE(stmt.step());
        return stmt.column_text(0);
    }
};

TEST_F(CoreVaultCheck, AnIntactVaultPassesAndTheCheckRecordsAndChangesNothing) {
    const auto entries = core::AuditService(*v.session).entries().size();
    const auto before = snapshot(v.dir);
    const auto r = check();
    EXPECT_TRUE(r.intact());
    EXPECT_TRUE(r.complete());
    EXPECT_TRUE(r.findings.empty());
    EXPECT_EQ(r.attachments, 1u);
    EXPECT_EQ(r.attachment_bytes, 150u * 1024);
    EXPECT_EQ(r.audit_entries, entries);
    EXPECT_EQ(core::AuditService(*v.session).entries().size(), entries);  // a check is not an action on the vault
    EXPECT_EQ(snapshot(v.dir), before);
}

TEST_F(CoreVaultCheck, BytesThatAuthenticateButDoNotMatchTheRecordedHashAreDamage) {
    v.session->db()
        .prepare("UPDATE attachments SET sha256 = ? WHERE id = ?")
        .bind(1, std::string(64, '0'))
        .bind(2, evidence.id)
        .run();
    const auto r = check();
    EXPECT_FALSE(r.intact());
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].kind, core::CheckFindingKind::AttachmentDamaged);
    EXPECT_EQ(r.findings[0].attachment_id, evidence.id);
    EXPECT_EQ(r.findings[0].report_id, report);
    EXPECT_EQ(r.findings[0].attachment_name, "call-recording.m4a");
    EXPECT_NE(r.findings[0].message.find("SHA-256"), std::string::npos) << r.findings[0].message;
}

TEST_F(CoreVaultCheck, ADamagedFileIsNamedAndAnUnreferencedOneListed) {
    const auto blobs = v.dir / "blobs";
    auto bytes = read_file(blobs / blob_file());
    bytes[bytes.size() / 2] ^= 0x01;
    write_file(blobs / blob_file(), bytes);
    write_file(blobs / "00000000000000000000000000000000.blob", "stray");
    const auto before = snapshot(v.dir);
    const auto r = check();
    EXPECT_FALSE(r.intact());
    ASSERT_EQ(r.findings.size(), 2u);
    EXPECT_EQ(r.findings[0].kind, core::CheckFindingKind::AttachmentDamaged);
    EXPECT_EQ(r.findings[0].attachment_name, "call-recording.m4a");
    EXPECT_EQ(r.findings[1].kind, core::CheckFindingKind::UnreferencedFile);
    EXPECT_FALSE(core::is_damage(r.findings[1].kind));
    EXPECT_EQ(r.findings[1].file_name, "00000000000000000000000000000000.blob");
    EXPECT_EQ(snapshot(v.dir), before);
}

TEST_F(CoreVaultCheck, ProgressReachesTheTotalAndTheCancelFlagStopsIt) {
    std::uint64_t done = 0;
    std::uint64_t total = 0;
    (void)core::VaultCheckService(*v.session).run([&](std::uint64_t d, std::uint64_t t) {
        done = d;
        total = t;
    });
    EXPECT_GT(total, 150u * 1024);
    EXPECT_EQ(done, total);

    std::atomic<bool> cancel{true};
    try {
        (void)core::VaultCheckService(*v.session).run({}, [&] { return cancel.load(); });
        FAIL() << "not cancelled";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Invalid);
    }
}

TEST_F(CoreVaultCheck, RunsOnTheWorkerAsTheGuiDoes) {
    core::Worker worker;
    auto result = std::make_shared<core::VaultCheckReport>();
    bool ok = false;
    core::Session* session = v.session.get();
    worker.submit(
        "Checking the vault",
        [session, result](core::JobContext& job) {
            *result = core::VaultCheckService(*session).run(
                [&job](std::uint64_t d, std::uint64_t t) { job.set_progress(d, t); },
                [&job] { return job.cancelled(); });
        },
        [&ok](const core::JobOutcome& outcome) { ok = outcome.ok() && !outcome.cancelled; });
    worker.wait_until_idle();
    worker.poll();
    EXPECT_TRUE(ok);
    EXPECT_TRUE(result->intact());
    EXPECT_EQ(result->attachments, 1u);
}

TEST_F(CoreVaultCheck, AnAnchorThatNoLongerMatchesTheDatabaseIsDamage) {
    bool section_ran = false;
    for (const auto& sec : check().sections)
        if (sec.section == core::CheckSection::Freshness) section_ran = sec.ran;
    EXPECT_TRUE(section_ran);
    // Another vault's anchor put in while this one is open: its MAC fails.
    TestVault other;
    write_file(v.dir / "vault.anchor", read_file(other.dir / "vault.anchor"));
    const auto r = check();
    EXPECT_FALSE(r.intact());
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].kind, core::CheckFindingKind::FreshnessFailed);
    EXPECT_NE(r.findings[0].message.find("another vault"), std::string::npos) << r.findings[0].message;
    fs::remove(v.dir / "vault.anchor");
    const auto missing = check();
    ASSERT_EQ(missing.findings.size(), 1u);
    EXPECT_NE(missing.findings[0].message.find("missing"), std::string::npos) << missing.findings[0].message;
}

}  // namespace
}  // namespace fv::test
