// Step 5 of issue 6: crash consistency. Runs fieldvault-cli `report add` (with
// attachments), `report edit`, `attach`, `passwd`, `rekey`, `export` (to a contact,
// into a folder) and `import` (of bundles a second vault made for this one) in a
// loop and SIGKILLs the process at random moments. After every kill (and every
// completed run):
// - the vault opens with the old or the new passphrase, never neither;
// - rekey: the passphrase always opens; after exit 0 only the new recovery key
//   opens, after a kill the old one still does or (the switch had happened) no
//   longer does, and the vault opens and checks out either way;
// - PRAGMA integrity_check is ok and the audit chain verifies;
// - every operation that exited 0 is fully present, and a killed `report add`
//   is either absent or present with all its attachments;
// - export: after exit 0 the file is under its final name and the recipient's
//   vault verifies it; after a kill, a file under the final name (the kill
//   came after the atomic rename) must verify too, i.e. never a partial bundle;
//   nothing else in the folder but hidden temporary files of killed exports
//   (counted, never named like a bundle);
// - import: a killed import is all or nothing (every report and attachment of
//   the bundle, or none); the next import op re-runs the same bundle, which
//   then succeeds, or says "already imported" (exit 4) if the killed run had
//   committed.
// FIELDVAULT_CRASH_KILLS sets the number of kills (default 30, full run 200),
// FIELDVAULT_CRASH_SEED replays a run, FIELDVAULT_CRASH_CLI runs another CLI binary.
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
#include "fieldvault/model/error.h"
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
    // FIELDVAULT_CRASH_CLI runs another build of the CLI (a deliberately broken
    // variant, to check that this test fails; docs/testing.md).
    const char* cli = std::getenv("FIELDVAULT_CRASH_CLI");
    std::vector<std::string> argv_s = {cli != nullptr && *cli != '\0' ? cli : FIELDVAULT_CLI_PATH, "--vault",
                                       vault.string(), "--passphrase-file", passfile.string()};
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

enum class Op { Add, Edit, Attach, Passwd, Export, Import, Rekey };
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
    case Op::Export:
        return "export";
    case Op::Import:
        return "import";
    case Op::Rekey:
        return "rekey";
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
    // Bundles whose import exited 0 (or "already imported"): report title → attachment.
    std::map<std::string, std::string> imported;
    // Bundles whose import was killed and not yet re-run to an end.
    std::map<std::string, std::string> killed_imports;
    int exports = 0;  // bundles under their final name: exports that exited 0, or killed after the rename
};

class CrashConsistency : public ::testing::Test {
protected:
    storage::test::TempDir tmp;
    fs::path vault = tmp.path() / "vault";
    fs::path passfile = tmp.path() / "pass";
    std::vector<fs::path> evidence;
    std::vector<std::string> evidence_sha;
    std::string current = "first passphrase 0";
    fs::path peer = tmp.path() / "peer";  // a second vault: export recipient, import sender
    fs::path peer_passfile = tmp.path() / "peer-pass";
    fs::path outbox = tmp.path() / "outbox";
    fs::path inbox = tmp.path() / "inbox";
    int passphrase_counter = 0;
    std::string recovery_key;  // the one last shown ("" once a killed rekey may have replaced it unseen)
    Model model;

    bool recovery_key_opens(const std::string& key) {
        try {
            (void)core::Session::open_with_recovery_key(vault, key);
            return true;
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Unlock) << e.what();
            return false;
        }
    }

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
        for (const auto& [title, sha] : model.imported) {
            auto find = db.prepare("SELECT id FROM reports WHERE title = ?");
            find.bind(1, title);
            ASSERT_TRUE(find.step()) << context << ": an imported report is gone: " << title;
            EXPECT_EQ(attachment_shas(db, find.column_int(0)).count(sha), 1u) << context << ": " << title;
        }
        // A killed import is all or nothing: the report with its attachment, or no report.
        for (const auto& [title, sha] : model.killed_imports) {
            auto find = db.prepare("SELECT id FROM reports WHERE title = ?");
            find.bind(1, title);
            if (!find.step()) continue;
            EXPECT_EQ(attachment_shas(db, find.column_int(0)).count(sha), 1u) << context << ": half-imported " << title;
        }
        {
            auto count = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export'");
            ASSERT_TRUE(count.step());
            EXPECT_GE(count.column_int(0), model.exports) << context << ": an export's audit entry is missing";
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

    bool has_report(const std::string& title) {
        // Opened with the current passphrase (checked just before by open_check).
        auto session = core::Session::open(vault, storage::test::secret(current));
        auto find = session->db().prepare("SELECT id FROM reports WHERE title = ?");
        find.bind(1, title);
        return find.step();
    }

    // The peer vault makes a bundle for this vault: one report with one attachment.
    std::pair<std::string, std::string> make_incoming_bundle(int number, const fs::path& bundle) {
        const std::string title = "incoming report " + std::to_string(number);
        const auto& file = evidence[static_cast<std::size_t>(number) % evidence.size()];
        const auto add = run_cli(peer, peer_passfile,
                                 {"report", "add", "--title", title, "--narrative", "sent", "--attach", file.string()},
                                 std::nullopt);
        EXPECT_EQ(add.exit_code, 0) << add.out;
        const auto exported = run_cli(peer, peer_passfile,
                                      {"export", "--to", "Receiver", "--report", std::to_string(std::stoll(add.out)),
                                       "--out", bundle.string()},
                                      std::nullopt);
        EXPECT_EQ(exported.exit_code, 0) << exported.out;
        return {title, evidence_sha[static_cast<std::size_t>(number) % evidence.size()]};
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
    {
        const auto init = run_cli(vault, passfile, {"init", "--name", "Crash"}, std::nullopt);
        ASSERT_EQ(init.exit_code, 0);
        const auto at = init.out.find("Recovery key: ");
        ASSERT_NE(at, std::string::npos);
        recovery_key = init.out.substr(at + 14, init.out.find('\n', at) - at - 14);
    }
    // The peer vault: each knows the other as a contact.
    std::ofstream(peer_passfile) << "peer passphrase\n";
    ASSERT_EQ(run_cli(peer, peer_passfile, {"init", "--name", "Peer"}, std::nullopt).exit_code, 0);
    fs::create_directories(outbox);
    fs::create_directories(inbox);
    {
        const auto card_of = [&](const fs::path& v, const fs::path& pf) {
            const auto run = run_cli(v, pf, {"identity", "--json"}, std::nullopt);
            EXPECT_EQ(run.exit_code, 0);
            const auto at = run.out.find("fvid1-");
            return run.out.substr(at, run.out.find('"', at) - at);
        };
        const auto mine = card_of(vault, passfile);
        const auto theirs = card_of(peer, peer_passfile);
        ASSERT_EQ(run_cli(vault, passfile, {"contact", "add", "Peer", theirs}, std::nullopt).exit_code, 0);
        ASSERT_EQ(run_cli(peer, peer_passfile, {"contact", "add", "Receiver", mine}, std::nullopt).exit_code, 0);
    }
    int bundles_made = 0;
    // The bundle the next import op runs: a killed import is re-run until it ends.
    std::optional<std::pair<fs::path, std::pair<std::string, std::string>>> pending_import;
    std::set<std::string> finished_exports;  // file names under which an export exited 0
    int export_leftovers = 0, import_reruns = 0, import_already = 0, killed_after_rename = 0;

    std::map<Op, double> duration;  // of one uninterrupted run, to aim the kills
    std::map<Op, int> killed_count, completed_count;
    int passwd_old = 0, passwd_new = 0, rekey_old = 0, rekey_new = 0;
    int kills = 0, iteration = 0;
    const int max_iterations = kills_wanted * 6 + 20;
    while (kills < kills_wanted && iteration < max_iterations && !HasFailure()) {
        ++iteration;
        Op op = static_cast<Op>(std::uniform_int_distribution<int>(0, 6)(rng));
        if ((op == Op::Edit || op == Op::Attach || op == Op::Export) && model.reports.empty()) op = Op::Add;
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
        fs::path export_out;
        bool import_rerun = false;
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
        case Op::Rekey:
            args = {"rekey"};
            write_passfile(current + "\n");
            break;
        case Op::Export: {
            auto it = model.reports.begin();
            std::advance(it, std::uniform_int_distribution<long>(0, static_cast<long>(model.reports.size()) - 1)(rng));
            export_out = outbox / ("export-" + tag + ".fvb");
            args = {"export", "--to", "Peer", "--report", std::to_string(it->second.id), "--out", export_out.string()};
            write_passfile(current + "\n");
            break;
        }
        case Op::Import: {
            if (!pending_import) {
                const auto bundle = inbox / ("incoming-" + std::to_string(bundles_made) + ".fvb");
                pending_import.emplace(bundle, make_incoming_bundle(bundles_made, bundle));
                ++bundles_made;
            } else {
                import_rerun = true;
            }
            args = {"import", pending_import->first.string()};
            title = pending_import->second.first;
            write_passfile(current + "\n");
            break;
        }
        }

        const CliRun run = run_cli(vault, passfile, args, kill_after);
        const std::string context = std::string(op_name(op)) + " #" + tag + (run.killed ? " (killed)" : " (exit ") +
                                    (run.killed ? "" : std::to_string(run.exit_code) + ")");
        if (!run.killed && op == Op::Import && import_rerun && run.exit_code == 4 && model.killed_imports.count(title)) {
            // The killed run had committed: the re-run must say so and store nothing more.
            EXPECT_TRUE(has_report(title)) << context << ": 'already imported' but the report is absent";
            ++import_already;
            ++completed_count[op];
            model.imported[title] = pending_import->second.second;
            model.killed_imports.erase(title);
            pending_import.reset();
        } else if (!run.killed) {
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
            case Op::Rekey: {
                const auto at = run.out.find("New recovery key: ");
                ASSERT_NE(at, std::string::npos) << run.out;
                const auto shown = run.out.substr(at + 18, run.out.find('\n', at) - at - 18);
                if (!recovery_key.empty()) {
                    EXPECT_FALSE(recovery_key_opens(recovery_key)) << context << ": the old recovery key still opens";
                }
                EXPECT_TRUE(recovery_key_opens(shown)) << context << ": the new recovery key does not open";
                recovery_key = shown;
                break;
            }
            case Op::Export: {
                ++model.exports;
                finished_exports.insert(export_out.filename().string());
                // The recipient's vault verifies it (every check, nothing stored).
                const auto verified = run_cli(peer, peer_passfile, {"verify", export_out.string()}, std::nullopt);
                EXPECT_EQ(verified.exit_code, 0) << context << ": the bundle does not verify: " << verified.out;
                break;
            }
            case Op::Import:
                if (import_rerun) ++import_reruns;
                model.imported[title] = pending_import->second.second;
                model.killed_imports.erase(title);
                pending_import.reset();
                break;
            }
        } else {
            ++kills;
            ++killed_count[op];
            if (op == Op::Add) model.killed_adds[title] = shas;
            if (op == Op::Import) model.killed_imports[title] = pending_import->second.second;
        }
        if (op == Op::Export) {
            // The file appears under its final name by an atomic rename, after
            // the audit entry committed, so it is either absent or a complete
            // bundle the vault has recorded. A kill after the rename and before
            // the exit leaves one: it must verify and have its audit entry.
            if (!run.killed) {
                EXPECT_TRUE(fs::exists(export_out)) << context;
            } else if (fs::exists(export_out)) {
                ++killed_after_rename;
                ++model.exports;
                finished_exports.insert(export_out.filename().string());
                const auto verified = run_cli(peer, peer_passfile, {"verify", export_out.string()}, std::nullopt);
                EXPECT_EQ(verified.exit_code, 0) << context << ": a partial bundle under the final name";
            }
            export_leftovers = 0;
            for (const auto& entry : fs::directory_iterator(outbox)) {
                const auto name = entry.path().filename().string();
                if (finished_exports.count(name)) continue;
                ++export_leftovers;
                EXPECT_TRUE(name.front() == '.' && name.size() > 5 && name.ends_with(".part"))
                    << context << ": unexpected file in the export folder: " << name;
            }
        }

        if (op == Op::Rekey && run.killed && !recovery_key.empty()) {
            // Killed: the old keys are still the vault's, or the switch had
            // happened (the new recovery key was never shown).
            if (recovery_key_opens(recovery_key)) {
                ++rekey_old;
            } else {
                ++rekey_new;
                recovery_key.clear();
            }
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
                "passwd %d/%d (after a killed passwd: old opened %d, new opened %d), export %d/%d (hidden temp files "
                "left by killed exports: %d; killed after the rename: %d), import %d/%d (re-runs after a kill that succeeded %d, that found it "
                "already imported %d), rekey %d/%d (after a kill: old keys %d, new keys %d); %zu reports stored, %zu imported\n",
                iteration, kills, killed_count[Op::Add], completed_count[Op::Add], killed_count[Op::Edit],
                completed_count[Op::Edit], killed_count[Op::Attach], completed_count[Op::Attach],
                killed_count[Op::Passwd], completed_count[Op::Passwd], passwd_old, passwd_new,
                killed_count[Op::Export], completed_count[Op::Export], export_leftovers, killed_after_rename,
                killed_count[Op::Import],
                completed_count[Op::Import], import_reruns, import_already, killed_count[Op::Rekey],
                completed_count[Op::Rekey], rekey_old, rekey_new, model.reports.size(),
                model.imported.size());
    EXPECT_EQ(kills, kills_wanted) << "the loop ended before enough kills";
}

}  // namespace
}  // namespace fv
