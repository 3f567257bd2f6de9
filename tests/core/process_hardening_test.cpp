// harden_process, which both programs call first: no core dumps, not
// dumpable (no ptrace attach by the user's other processes), umask 077.
// Checked in a child so this test binary keeps its own settings.
#include <gtest/gtest.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fieldvault/core/process_hardening.h"

namespace {

TEST(ProcessHardening, NoCoreDumpsNotDumpableAndPrivateNewFiles) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::umask(022);
        fv::core::harden_process();
        rlimit core{};
        ::getrlimit(RLIMIT_CORE, &core);
        const mode_t mask = ::umask(0);
        int failures = 0;
        if (core.rlim_cur != 0 || core.rlim_max != 0) failures |= 1;
        if (::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) failures |= 2;
        if (mask != 077) failures |= 4;
        ::_exit(failures);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: core limit, 2: dumpable, 4: umask";
}

}  // namespace
