// Issue 6, disk full during bundle export. A forked child lowers RLIMIT_FSIZE
// (SIGXFSZ ignored, so write() fails with EFBIG as on a full disk) below the
// size the bundle needs and exports a report whose attachment is larger than
// that. The child must get a clear Io "disk full" error; the parent then finds
// no file under the final name, no temporary file left in the folder (nothing
// that could be mistaken for a bundle), and the vault exactly as before
// (every row, contacts and the export sequence included; audit chain ok).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/export.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/bundle.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/identity.h"
#include "hardening_support.h"
#include "test_support.h"

namespace fv {
namespace {

namespace fs = std::filesystem;
using storage::test::secret;

constexpr const char* kPass = "full disk export passphrase";

// Exports report 2 to "Recipient" in a child with the file size limit (see run_with_file_size_limit).
test::LimitedRun export_with_file_size_limit(const fs::path& vault, const fs::path& out, rlim_t limit) {
    return test::run_with_file_size_limit(
        limit,
        [&] {
            auto session = core::Session::open(vault, secret(kPass));
            core::ExportRequest request;
            request.recipients = {"Recipient"};
            request.scope = core::ExportRequest::Scope::Reports;
            request.report_ids = {2};
            request.out = out;
            core::ExportService(*session).export_bundle(request);
        },
        "exported");
}

std::vector<std::string> folder_entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class DiskFullExportTest : public ::testing::Test {
protected:
    storage::test::TempDir tmp;
    fs::path vault = tmp.path() / "vault";
    fs::path out_dir = tmp.path() / "outbox";
    fs::path out = out_dir / "to-recipient.fvb";
    crypto::IdentityKeys recipient = crypto::IdentityKeys::generate();
    std::uint64_t attachment_size = 0;

    void SetUp() override {
        test::make_sample_vault(vault, kPass);
        fs::create_directories(out_dir);
        auto session = core::Session::open(vault, secret(kPass));
        core::ContactService(*session).add("Recipient", recipient.pub.card());
        attachment_size = 3 * 1024 * 1024;
        const auto evidence = tmp.path() / "evidence.bin";
        test::write_pattern_file(evidence, attachment_size, 5);
        core::AttachmentService(*session).attach(2, evidence);
    }

    // Every row (test::dump_vault) plus the tables it does not cover.
    std::string dump() {
        auto session = core::Session::open(vault, secret(kPass));
        EXPECT_EQ(test::integrity_check(session->db()), "ok");
        EXPECT_TRUE(core::AuditService(*session).verify().ok);
        std::string text = test::dump_vault(session->db(), true);
        for (const char* sql : {"SELECT count(*) FROM contacts", "SELECT count(*) FROM export_sequences",
                                "SELECT count(*) FROM audit_log WHERE action = 'export'"}) {
            auto stmt = session->db().prepare(sql);
            while (stmt.step()) text += std::string(sql) + " = " + stmt.column_text(0) + "\n";
        }
        return text;
    }

    // Half the bundle. The limit applies to every file of the process, and
    // vault.db (which holds the attachment) is larger than that: the test
    // relies on export writing nothing to vault.db before the bundle is
    // complete (its transaction commits after the file is renamed into
    // place), so only the bundle's writes hit the limit.
    rlim_t limit_below_bundle() const { return static_cast<rlim_t>(attachment_size / 2); }
};

TEST_F(DiskFullExportTest, ExportThatFillsTheDiskFailsClearlyLeavesNoFileAndChangesNothing) {
    const std::string before = dump();
    ASSERT_LT(limit_below_bundle(), attachment_size);
    const auto result = export_with_file_size_limit(vault, out, limit_below_bundle());
    EXPECT_EQ(result.exit_code, 10) << result.message;
    EXPECT_NE(result.message.find("disk full"), std::string::npos) << result.message;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(folder_entries(out_dir).empty()) << "left in the folder: " << folder_entries(out_dir).front();
    EXPECT_EQ(dump(), before);
}

TEST_F(DiskFullExportTest, ExportWithRoomSucceedsUnderTheSameHarness) {
    const std::string before = dump();
    const auto limit = static_cast<rlim_t>(attachment_size + 16 * 1024 * 1024);
    const auto result = export_with_file_size_limit(vault, out, limit);
    EXPECT_EQ(result.exit_code, 0) << result.message;
    ASSERT_TRUE(fs::exists(out));
    EXPECT_EQ(folder_entries(out_dir), std::vector<std::string>{"to-recipient.fvb"});
    EXPECT_GT(fs::file_size(out), attachment_size);
    std::ifstream in(out, std::ios::binary);
    EXPECT_EQ(crypto::BundleReader::inspect(in).recipients, 1u);
    EXPECT_NE(dump(), before);  // the export was recorded
}

}  // namespace
}  // namespace fv
