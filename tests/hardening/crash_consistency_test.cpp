// Step 5 of issue 6: crash consistency. Runs fieldvault-cli `report add` (with
// attachments), `report edit`, `attach` and `passwd` in a loop and SIGKILLs the
// process at random moments. After every kill (and every completed run):
// - the vault opens with the old or the new passphrase, never neither;
// - PRAGMA integrity_check is ok and the audit chain verifies;
// - every operation that exited 0 is fully present, and a killed `report add`
//   is either absent or present with all its attachments.
// FIELDVAULT_CRASH_KILLS sets the number of kills (default 30, full run 200).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "fieldvault/core/audit.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/error.h"
#include "fieldvault/crypto/hash.h"
#include "hardening_support.h"
#include "test_support.h"

namespace fv {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct CliRun {
    bool killed = false;
    int exit_code = -1;
    std::string out;
    double seconds = 0;
};

// fork/exec the CLI with --vault and --passphrase-file; kill it after
// `kill_after` (if given and still running).
CliRun run_cli(const fs::path& vault, const fs::path& passfile, const std::vector<std::string>& args,
            std::optional<std::chrono::microseconds> kill_after) {
    int out_pipe[2];
    if (::pipe(out_pipe) != 0) throw std::runtime_error("pipe");
    std::vector<std::string> argv_s = {FIELDVAULT_CLI_PATH, "--vault", vault.string(), "--passphrase-file",
                                       passfile.string()};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto start = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out_pipe[1], 1);
        const int devnull = ::open("/dev/null", O_RDWR);
        ::dup2(devnull, 0);
        ::dup2(devnull, 2);
        ::close(out_pipe[0]);
        ::setenv("FIELDVAULT_TEST_FAST_KDF", "1", 1);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    CliRun run;
    if (kill_after) {
        std::this_thread::sleep_for(*kill_after);
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == 0) {
            ::kill(pid, SIGKILL);
            run.killed = true;
        } else {
            run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
    }
    char buf[4096];
    ssize_t n = 0;
    while ((n = ::read(out_pipe[0], buf, sizeof buf)) > 0) run.out.append(buf, static_cast<std::size_t>(n));
    ::close(out_pipe[0]);
    if (run.killed || !kill_after) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        if (!run.killed) run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        // The kill may have come just after the process exited on its own.
        if (run.killed && WIFEXITED(status)) {
            run.killed = false;
            run.exit_code = WEXITSTATUS(status);
        }
    }
    run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return run;
}

std::string file_sha256(const fs::path& path) {
    return crypto::to_hex(crypto::sha256(storage::test::read_file(path)));
}

enum class Op { Add, Edit, Attach, Passwd };
const char* op_name(Op op) {
    switch (op) {
    case Op::Add:
        return "report add";
    case Op::Edit:
        return "report edit";
    case Op::Attach:
        return "attach";
    case Op::Passwd:
        return "passwd";
    }
    return "?";
}

// What the driver knows has been stored (operations that exited 0).
struct Model {
    struct Report {
        std::int64_t id;
        std::vector<std::string> attachment_sha;  // every one must be there
        std::vector<std::string> narratives;      // every one must be in some revision
    };
    std::map<std::string, Report> reports;  // by unique title
    // `report add` runs that were killed: title → the attachments they carried.
    std::map<std::string, std::vector<std::string>> killed_adds;
};

class CrashConsistency : public ::testing::Test {
protected:
    storage::test::TempDir tmp;
    fs::path vault = tmp.path() / "vault";
    fs::path passfile = tmp.path() / "pass";
    std::vector<fs::path> evidence;
    std::vector<std::string> evidence_sha;
    std::string current = "first passphrase 0";
    int passphrase_counter = 0;
    Model model;

    void write_passfile(const std::string& text) { std::ofstream(passfile) << text; }

    // The vault must open with `current` or `next` (never neither); returns which opened.
    std::string open_check(const std::string& next, const std::string& context) {
        for (const auto& candidate : {current, next}) {
            if (candidate.empty()) continue;
            try {
                auto session = core::Session::open(vault, storage::test::secret(candidate));
                check_contents(*session, context);
                return candidate;
            } catch (const Error& e) {
                if (e.kind() != ErrorKind::Unlock) {
                    ADD_FAILURE() << context << ": " << e.what();
                    return current;
                }
            }
        }
        ADD_FAILURE() << context << ": neither the old nor the new passphrase opens the vault";
        return current;
    }

    void check_contents(core::Session& session, const std::string& context) {
        auto& db = session.db();
        EXPECT_EQ(test::integrity_check(db), "ok") << context;
        const auto audit = core::AuditService(session).verify();
        EXPECT_TRUE(audit.ok) << context << ": audit chain broken at " << audit.first_bad_seq.value_or(0);
        for (const auto& [title, report] : model.reports) {
            auto find = db.prepare("SELECT id FROM reports WHERE title = ?");
            find.bind(1, title);
            ASSERT_TRUE(find.step()) << context << ": a stored report is gone: " << title;
            EXPECT_EQ(find.column_int(0), report.id) << context;
            const auto stored = attachment_shas(db, report.id);
            for (const auto& sha : report.attachment_sha) {
                EXPECT_TRUE(stored.count(sha)) << context << ": an attachment of " << title << " is missing";
            }
            for (const auto& narrative : report.narratives) {
                auto rev = db.prepare("SELECT count(*) FROM revisions WHERE report_id = ? AND instr(content, ?) > 0");
                rev.bind(1, report.id).bind(2, narrative);
                ASSERT_TRUE(rev.step());
                EXPECT_GE(rev.column_int(0), 1) << context << ": edit '" << narrative << "' of " << title << " lost";
            }
        }
        // A killed add is all or nothing.
        for (const auto& [title, shas] : model.killed_adds) {
            auto find = db.prepare("SELECT id FROM reports WHERE title = ?");
            find.bind(1, title);
            if (!find.step()) continue;
            const auto stored = attachment_shas(db, find.column_int(0));
            for (const auto& sha : shas) EXPECT_TRUE(stored.count(sha)) << context << ": half-stored " << title;
        }
    }

    static std::multiset<std::string> attachment_shas(storage::Database& db, std::int64_t report_id) {
        auto stmt = db.prepare("SELECT sha256 FROM attachments WHERE report_id = ?");
        stmt.bind(1, report_id);
        std::multiset<std::string> out;
        while (stmt.step()) out.insert(stmt.column_text(0));
        return out;
    }
};

TEST_F(CrashConsistency, RandomKillsNeverLoseOrTearAnything) {
    int kills_wanted = 30;
    if (const char* env = std::getenv("FIELDVAULT_CRASH_KILLS"); env != nullptr && *env != '\0') {
        kills_wanted = std::max(1, std::atoi(env));
    }
    std::uint32_t seed = static_cast<std::uint32_t>(std::random_device{}());
    if (const char* env = std::getenv("FIELDVAULT_CRASH_SEED"); env != nullptr && *env != '\0') {
        seed = static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10));
    }
    std::printf("crash consistency: %d kills, seed %u (FIELDVAULT_CRASH_SEED to replay)\n", kills_wanted, seed);
    std::mt19937 rng(seed);

    for (int i = 0; i < 3; ++i) {
        evidence.push_back(tmp.path() / ("evidence-" + std::to_string(i) + ".bin"));
        test::write_pattern_file(evidence.back(), static_cast<std::size_t>(600 + 500 * i) * 1024,
                                 static_cast<std::uint8_t>(i));
        evidence_sha.push_back(file_sha256(evidence.back()));
    }
    write_passfile(current + "\n");
    ASSERT_EQ(run_cli(vault, passfile, {"init", "--name", "Crash"}, std::nullopt).exit_code, 0);

    std::map<Op, double> duration;  // of one uninterrupted run, to aim the kills
    std::map<Op, int> killed_count, completed_count;
    int passwd_old = 0, passwd_new = 0;
    int kills = 0, iteration = 0;
    const int max_iterations = kills_wanted * 6 + 20;
    while (kills < kills_wanted && iteration < max_iterations && !HasFailure()) {
        ++iteration;
        Op op = static_cast<Op>(std::uniform_int_distribution<int>(0, 3)(rng));
        if ((op == Op::Edit || op == Op::Attach) && model.reports.empty()) op = Op::Add;
        // The first run of each kind is not killed: it measures how long one takes.
        std::optional<std::chrono::microseconds> kill_after;
        if (duration.count(op)) {
            const double at = std::uniform_real_distribution<double>(0.2 * duration[op], 1.3 * duration[op])(rng);
            kill_after = std::chrono::microseconds(static_cast<std::int64_t>(at * 1e6));
        }
        const std::string tag = std::to_string(iteration);
        std::string next;
        std::vector<std::string> args;
        std::string title;
        std::vector<std::string> shas;
        std::string narrative;
        Model::Report* target = nullptr;
        switch (op) {
        case Op::Add: {
            title = "crash report " + tag;
            args = {"report", "add", "--title", title, "--narrative", "narrative " + tag};
            const int files = std::uniform_int_distribution<int>(1, 2)(rng);
            for (int f = 0; f < files; ++f) {
                const auto idx = static_cast<std::size_t>(std::uniform_int_distribution<int>(0, 2)(rng));
                args.push_back("--attach");
                args.push_back(evidence[idx].string());
                shas.push_back(evidence_sha[idx]);
            }
            write_passfile(current + "\n");
            break;
        }
        case Op::Edit:
        case Op::Attach: {
            auto it = model.reports.begin();
            std::advance(it, std::uniform_int_distribution<long>(0, static_cast<long>(model.reports.size()) - 1)(rng));
            target = &it->second;
            if (op == Op::Edit) {
                narrative = "edited narrative " + tag;
                args = {"report", "edit", std::to_string(target->id), "--narrative", narrative};
            } else {
                const auto idx = static_cast<std::size_t>(std::uniform_int_distribution<int>(0, 2)(rng));
                args = {"attach", std::to_string(target->id), evidence[idx].string()};
                shas.push_back(evidence_sha[idx]);
            }
            write_passfile(current + "\n");
            break;
        }
        case Op::Passwd:
            next = "passphrase " + std::to_string(++passphrase_counter);
            args = {"passwd"};
            write_passfile(current + "\n" + next + "\n");
            break;
        }

        const CliRun run = run_cli(vault, passfile, args, kill_after);
        const std::string context = std::string(op_name(op)) + " #" + tag + (run.killed ? " (killed)" : " (exit ") +
                                    (run.killed ? "" : std::to_string(run.exit_code) + ")");
        if (!run.killed) {
            ASSERT_EQ(run.exit_code, 0) << context << ": " << run.out;
            ++completed_count[op];
            if (!duration.count(op)) duration[op] = run.seconds;
            switch (op) {
            case Op::Add:
                model.reports[title] = Model::Report{std::stoll(run.out), shas, {"narrative " + tag}};
                break;
            case Op::Edit:
                target->narratives.push_back(narrative);
                break;
            case Op::Attach:
                target->attachment_sha.push_back(shas.front());
                break;
            case Op::Passwd:
                break;
            }
        } else {
            ++kills;
            ++killed_count[op];
            if (op == Op::Add) model.killed_adds[title] = shas;
        }

        if (op == Op::Passwd && !run.killed) {
            // It reported success: only the new passphrase may open now.
            const auto opened = open_check(next, context);
            EXPECT_EQ(opened, next) << context << ": passwd succeeded but the old passphrase still opens";
            current = next;
        } else {
            const auto opened = open_check(op == Op::Passwd ? next : std::string(), context);
            if (op == Op::Passwd) (opened == current ? passwd_old : passwd_new)++;
            current = opened;
        }
        // A killed add that did commit is now simply a stored report (it must stay whole).
    }
    std::printf("crash consistency: %d iterations, %d kills; killed/completed: add %d/%d, edit %d/%d, attach %d/%d, "
                "passwd %d/%d (after a killed passwd: old opened %d, new opened %d); %zu reports stored\n",
                iteration, kills, killed_count[Op::Add], completed_count[Op::Add], killed_count[Op::Edit],
                completed_count[Op::Edit], killed_count[Op::Attach], completed_count[Op::Attach],
                killed_count[Op::Passwd], completed_count[Op::Passwd], passwd_old, passwd_new, model.reports.size());
    EXPECT_EQ(kills, kills_wanted) << "the loop ended before enough kills";
}

}  // namespace
}  // namespace fv
