// Step 2 of issue 6: I/O fault injection. A VFS shim fails the Nth xRead,
// xWrite or xSync (or keeps answering SQLITE_FULL from the Nth write on, a disk
// that fills up); for N = 1, 2, ... until the action goes through untouched,
// each core action must either complete or leave the vault exactly as before,
// with a clear error, an intact database and a whole audit chain.
#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "fault_vfs.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/model/error.h"
#include "hardening_support.h"
#include "test_support.h"
#include "vfs_seam.h"

namespace fv {
namespace {

namespace fs = std::filesystem;
using storage::test::fast_params;
using storage::test::secret;
using test::FaultOp;

constexpr const char* kOld = "old passphrase";
constexpr const char* kNew = "new passphrase";
// Far above the number of calls any of these actions makes (a few hundred).
constexpr int kMaxN = 3000;

struct Action {
    const char* name;
    bool changes_passphrase;
    std::function<void(core::Session&, const fs::path& evidence)> run;
};

const Action kActions[] = {
    {"report_create", false,
     [](core::Session& s, const fs::path&) {
         core::ReportService(s).create(test::sample_content("Message on WeChat", "A new report."), "Ana");
     }},
    {"report_edit", false,
     [](core::Session& s, const fs::path&) {
         core::ReportService(s).edit(1, test::sample_content("Call from a stranger", "Edited again."));
     }},
    {"attachment_import", false,
     [](core::Session& s, const fs::path& evidence) { core::AttachmentService(s).attach(2, evidence); }},
    {"change_passphrase", true,
     [](core::Session& s, const fs::path&) { s.change_passphrase(secret(kNew), fast_params()); }},
};

struct Mode {
    const char* name;
    FaultOp op;
    int error;
    bool persistent;
};

const Mode kModes[] = {
    {"read_error", FaultOp::Read, SQLITE_IOERR_READ, false},
    {"write_error", FaultOp::Write, SQLITE_IOERR_WRITE, false},
    {"sync_error", FaultOp::Sync, SQLITE_IOERR_FSYNC, false},
    {"disk_full", FaultOp::Write, SQLITE_FULL, true},
};

class IoFaultTest : public ::testing::TestWithParam<std::tuple<int, int>> {
protected:
    static void SetUpTestSuite() {
        test::register_fault_vfs();
        storage::detail::set_vfs_for_tests(test::kFaultVfsName);
        tmp_ = new storage::test::TempDir();
        golden_ = tmp_->path() / "golden";
        test::make_sample_vault(golden_, kOld);
        // 3 chunks of 256 KiB (the last one short).
        evidence_ = tmp_->path() / "evidence.bin";
        test::write_pattern_file(evidence_, 600 * 1024, 42);
    }
    static void TearDownTestSuite() {
        storage::detail::set_vfs_for_tests("");
        delete tmp_;
        tmp_ = nullptr;
    }

    struct Observed {
        std::string dump_untimed;
        std::string dump_timed;
    };

    // Opens `dir` with `passphrase` and checks what must hold after any outcome.
    static Observed check_vault(const fs::path& dir, const char* passphrase, const std::string& context) {
        auto session = core::Session::open(dir, secret(passphrase));
        auto& db = session->db();
        EXPECT_EQ(test::integrity_check(db), "ok") << context;
        const auto audit = core::AuditService(*session).verify();
        EXPECT_TRUE(audit.ok) << context << " (first bad entry " << audit.first_bad_seq.value_or(0) << ")";
        return {test::dump_vault(db, false), test::dump_vault(db, true)};
    }

    static bool opens(const fs::path& dir, const char* passphrase) {
        try {
            (void)core::Session::open(dir, secret(passphrase));
            return true;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Unlock) << e.what();
            return false;
        }
    }

    static storage::test::TempDir* tmp_;
    static fs::path golden_;
    static fs::path evidence_;
};

storage::test::TempDir* IoFaultTest::tmp_ = nullptr;
fs::path IoFaultTest::golden_;
fs::path IoFaultTest::evidence_;

TEST_P(IoFaultTest, CompletesOrLeavesTheVaultAsItWas) {
    const Action& action = kActions[std::get<0>(GetParam())];
    const Mode& mode = kModes[std::get<1>(GetParam())];
    const auto work = tmp_->path() / (std::string(action.name) + "-" + mode.name);

    const Observed before = check_vault(golden_, kOld, "golden");
    // What a successful run looks like (times aside).
    test::copy_folder(golden_, work);
    {
        auto session = core::Session::open(work, secret(kOld));
        action.run(*session, evidence_);
    }
    const std::string expected_after =
        check_vault(work, action.changes_passphrase ? kNew : kOld, "reference run").dump_untimed;
    ASSERT_NE(expected_after, before.dump_untimed) << "the action changes nothing visible";

    int failures = 0;
    int n = 1;
    for (; n <= kMaxN; ++n) {
        const std::string context = std::string(action.name) + ", " + mode.name + " at call " + std::to_string(n);
        test::copy_folder(golden_, work);
        auto session = core::Session::open(work, secret(kOld));
        test::arm_fault({mode.op, n, mode.error, mode.persistent});
        bool ok = true;
        try {
            action.run(*session, evidence_);
        } catch (const Error& e) {
            ok = false;
            ++failures;
            EXPECT_EQ(e.kind(), ErrorKind::Io) << context << ": " << e.what();
            if (mode.error == SQLITE_FULL) {
                EXPECT_NE(std::string(e.what()).find("disk full"), std::string::npos) << context << ": " << e.what();
            }
        }
        test::disarm_fault();
        const bool fired = test::fault_fired();
        session->lock();

        if (action.changes_passphrase) {
            // Never neither, and exactly the one that matches the outcome.
            EXPECT_EQ(opens(work, kOld), !ok) << context;
            EXPECT_EQ(opens(work, kNew), ok) << context;
        }
        const Observed after = check_vault(work, ok && action.changes_passphrase ? kNew : kOld, context);
        if (ok) {
            EXPECT_EQ(after.dump_untimed, expected_after) << context;
        } else {
            EXPECT_EQ(after.dump_timed, before.dump_timed) << context << ": not exactly as before";
        }
        if (::testing::Test::HasFailure()) break;  // one clear failure, not thousands
        if (!fired) {
            EXPECT_TRUE(ok) << context << ": failed without an injected fault";
            break;
        }
    }
    EXPECT_LE(n, kMaxN) << "the action never got past the faults";
    RecordProperty("calls_until_success", n);
    RecordProperty("failures", failures);
    std::printf("%s / %s: %d injection points, %d failed cleanly\n", action.name, mode.name, n - 1, failures);
}

std::string param_name(const ::testing::TestParamInfo<std::tuple<int, int>>& info) {
    return std::string(kActions[std::get<0>(info.param)].name) + "_" + kModes[std::get<1>(info.param)].name;
}

INSTANTIATE_TEST_SUITE_P(AllActions, IoFaultTest,
                         ::testing::Combine(::testing::Range(0, 4), ::testing::Range(0, 4)), param_name);

}  // namespace
}  // namespace fv
