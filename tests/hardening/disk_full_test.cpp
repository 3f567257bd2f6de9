// Step 3 of issue 6: a real disk-full during attachment import. A forked child
// lowers RLIMIT_FSIZE (SIGXFSZ ignored, so write() fails with EFBIG like a full
// disk) just above the vault's current size and imports a file bigger than the
// headroom. The child must get a clear Io "disk full" error; the parent then
// finds the vault exactly as before.
#include <gtest/gtest.h>

#include <string>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/session.h"
#include "fieldvault/model/error.h"
#include "hardening_support.h"
#include "test_support.h"

namespace fv {
namespace {

namespace fs = std::filesystem;
using storage::test::secret;

constexpr const char* kPass = "full disk passphrase";

// Runs the import in a child with the file size limit (see run_with_file_size_limit).
test::LimitedRun import_with_file_size_limit(const fs::path& vault, const fs::path& evidence, rlim_t limit) {
    return test::run_with_file_size_limit(
        limit, [&] { core::AttachmentService(*core::Session::open(vault, secret(kPass))).attach(2, evidence); },
        "stored");
}

class DiskFullTest : public ::testing::Test {
protected:
    storage::test::TempDir tmp;
    fs::path vault = tmp.path() / "vault";
    fs::path evidence = tmp.path() / "evidence.bin";

    void SetUp() override {
        test::make_sample_vault(vault, kPass);
        test::write_pattern_file(evidence, 2 * 1024 * 1024, 3);
    }
    std::string dump() {
        auto session = core::Session::open(vault, secret(kPass));
        EXPECT_EQ(test::integrity_check(session->db()), "ok");
        EXPECT_TRUE(core::AuditService(*session).verify().ok);
        return test::dump_vault(session->db(), true);
    }
};

TEST_F(DiskFullTest, ImportThatFillsTheDiskFailsClearlyAndChangesNothing) {
    const std::string before = dump();
    const auto limit = static_cast<rlim_t>(fs::file_size(vault / "vault.db") + 256 * 1024);
    const auto result = import_with_file_size_limit(vault, evidence, limit);
    EXPECT_EQ(result.exit_code, 10) << result.message;
    EXPECT_NE(result.message.find("disk full"), std::string::npos) << result.message;
    // A journal may be left hot by the dying child; the next open rolls it back.
    EXPECT_EQ(dump(), before);
    EXPECT_FALSE(fs::exists(vault / "vault.db-journal"));
}

TEST_F(DiskFullTest, ImportWithRoomSucceedsUnderTheSameHarness) {
    const std::string before = dump();
    const auto limit = static_cast<rlim_t>(fs::file_size(vault / "vault.db") + 16 * 1024 * 1024);
    const auto result = import_with_file_size_limit(vault, evidence, limit);
    EXPECT_EQ(result.exit_code, 0) << result.message;
    EXPECT_NE(dump(), before);
}

}  // namespace
}  // namespace fv
