// Step 3 of issue 6: a real disk-full during attachment import. A forked child
// lowers RLIMIT_FSIZE (SIGXFSZ ignored, so write() fails with EFBIG like a full
// disk) just above the vault's current size and imports a file bigger than the
// headroom. The child must get a clear Io "disk full" error; the parent then
// finds the vault exactly as before.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/error.h"
#include "hardening_support.h"
#include "test_support.h"

namespace fv {
namespace {

namespace fs = std::filesystem;
using storage::test::secret;

constexpr const char* kPass = "full disk passphrase";

struct ChildResult {
    int exit_code = -1;
    std::string message;
};

// Runs the import in a child with the file size limit; exit 0 = stored,
// 10 = Io error, 11 = another fv::Error, 12 = anything else. The message comes
// back through a pipe.
ChildResult import_with_file_size_limit(const fs::path& vault, const fs::path& evidence, rlim_t limit) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit lim{limit, limit};
        int code = 12;
        std::string message = "setrlimit failed";
        if (::setrlimit(RLIMIT_FSIZE, &lim) == 0) {
            try {
                auto session = core::Session::open(vault, secret(kPass));
                core::AttachmentService(*session).attach(2, evidence);
                code = 0;
                message = "stored";
            } catch (const Error& e) {
                code = e.kind() == ErrorKind::Io ? 10 : 11;
                message = e.what();
            } catch (const std::exception& e) {
                message = e.what();
            }
        }
        [[maybe_unused]] const auto written = ::write(fds[1], message.data(), message.size());
        ::_exit(code);
    }
    ::close(fds[1]);
    ChildResult result;
    char buf[512];
    ssize_t n = 0;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) result.message.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
    return result;
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
