// Portable mode leaves no trace (issue 15): the programs are copied into a
// "USB stick" folder with the marker file beside them, then a whole CLI session
// (and a GUI session under Xvfb, where available) runs with a read-only HOME,
// every XDG_* variable pointing inside it and a private TMPDIR. A listing of
// HOME and of TMPDIR (every entry's path, type, size, mode and modification
// time) is compared before and after: only the stick may change. CI runs as
// root, where mode 0555 stops nothing, so the listings are the proof, not
// permission errors. A control run without the marker shows the listing does
// see a vault made in HOME.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "fieldvault/core/places.h"
#include "process_runner.h"

namespace fv::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPass = "portable test passphrase";

// path -> "type size mode mtime" for every entry under `root`, the root too.
std::map<std::string, std::string> listing(const fs::path& root) {
    std::map<std::string, std::string> out;
    auto describe = [](const fs::path& p) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0) return std::string("gone");
        std::ostringstream s;
        s << (S_ISDIR(st.st_mode) ? 'd' : S_ISLNK(st.st_mode) ? 'l' : 'f') << ' ' << st.st_size << ' ' << std::oct
          << (st.st_mode & 07777) << std::dec << ' ' << st.st_mtim.tv_sec << '.' << st.st_mtim.tv_nsec;
        return s.str();
    };
    out["."] = describe(root);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        out[fs::relative(it->path(), root).string()] = describe(it->path());
    }
    return out;
}

std::string differences(const std::map<std::string, std::string>& before,
                        const std::map<std::string, std::string>& after) {
    std::string text;
    for (const auto& [path, what] : after) {
        const auto it = before.find(path);
        if (it == before.end()) text += "  new: " + path + "\n";
        else if (it->second != what) text += "  changed: " + path + " (" + it->second + " -> " + what + ")\n";
    }
    for (const auto& [path, what] : before)
        if (!after.contains(path)) text += "  removed: " + path + "\n";
    return text;
}

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class PortableSession : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "fv-portable-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        base_ = pattern;
        for (const auto* dir : {"stick", "files", "tmp", "xvfb", "home"}) fs::create_directories(base_ / dir);
        // Inside HOME the usual folders exist and are writable, so that a
        // program that wrongly writes there would succeed (and be seen);
        // HOME itself is read-only.
        for (const auto* dir : {".config", ".cache", ".local/share", ".local/state", ".run", "Documents"})
            fs::create_directories(home() / dir);
        fs::permissions(home() / ".run", fs::perms::owner_all);
        std::ofstream(files() / "call-notes.txt") << "notes taken after the call\n";
        ::chmod(home().c_str(), 0555);
    }
    void TearDown() override {
        ::chmod(home().c_str(), 0755);
        std::error_code ec;
        fs::remove_all(base_, ec);
    }

    fs::path home() const { return base_ / "home"; }
    fs::path stick() const { return base_ / "stick"; }
    fs::path files() const { return base_ / "files"; }
    fs::path tmp() const { return base_ / "tmp"; }

    // The environment every program of the session gets, and nothing else.
    std::map<std::string, std::string> env() const {
        std::map<std::string, std::string> out{{"PATH", "/usr/bin:/bin"},
                {"HOME", home().string()},
                {"XDG_CONFIG_HOME", (home() / ".config").string()},
                {"XDG_CACHE_HOME", (home() / ".cache").string()},
                {"XDG_DATA_HOME", (home() / ".local/share").string()},
                {"XDG_STATE_HOME", (home() / ".local/state").string()},
                {"XDG_RUNTIME_DIR", (home() / ".run").string()},
                {"TMPDIR", tmp().string()},
                {"LANG", "C.UTF-8"},
                {"FIELDVAULT_TEST_FAST_KDF", "1"}};
        // Under the sanitizers, their settings (the leak suppressions for
        // fontconfig's caches, tests/sanitizers/lsan.supp) reach the programs.
        for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
            if (const char* value = std::getenv(name); value != nullptr) out.emplace(name, value);
        return out;
    }

    fs::path install_on_stick(const fs::path& program) const {
        const auto to = stick() / program.filename();
        fs::copy_file(program, to, fs::copy_options::overwrite_existing);
        return to;
    }

    ProcessResult cli(const std::vector<std::string>& args, const std::string& input = {}) const {
        return run_process(stick() / "fieldvault-cli", args, env(), input, files());
    }
    ProcessResult unlocked(const std::vector<std::string>& args) const {
        return cli(args, std::string(kPass) + "\n");
    }

    std::map<std::string, std::string> outside() const {
        auto all = listing(home());
        for (auto& [path, what] : listing(tmp())) all["TMPDIR/" + path] = what;
        return all;
    }

    // Every CLI command a person would use, from the stick; none names the vault.
    void cli_session() {
        auto r = cli({"--version"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(r.out, "fieldvault-cli " + std::string(core::program_version()) + "\n");
        r = cli({"init", "--name", "Li"}, std::string(kPass) + "\n");
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_NE(r.out.find((stick() / "vault").string()), std::string::npos) << r.out;
        r = unlocked({"report", "add", "--title", "Call to my mother", "--case", "Li", "--tactic",
                      "coercion_by_proxy", "--occurred", "2026-03-14T18:30", "--narrative",
                      "中国警察找我父母 police visited my parents"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const std::string id = r.out.substr(0, r.out.find('\n'));
        r = unlocked({"attach", id, (files() / "call-notes.txt").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const std::string attachment = r.out.substr(0, r.out.find('\n'));
        r = unlocked({"report", "list"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find("Call to my mother"), std::string::npos);
        r = unlocked({"search", "警察"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find("Call to my mother"), std::string::npos);
        ASSERT_EQ(unlocked({"report", "show", id, "--json"}).exit_code, 0);
        ASSERT_EQ(unlocked({"timeline"}).exit_code, 0);
        r = unlocked({"attachment", "get", attachment, "--out", (stick() / "copy.txt").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(slurp(stick() / "copy.txt"), "notes taken after the call\n");
        // The court record draws a PDF with pango and fontconfig: fonts' cache.
        r = unlocked({"legal-export", "--report", id, "--for", "Court file", "--out", (stick() / "record").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(fs::exists(stick() / "record" / "record.pdf"));
        ASSERT_EQ(unlocked({"report", "finalize", id}).exit_code, 0);
        ASSERT_EQ(unlocked({"log", "verify"}).exit_code, 0);
        r = unlocked({"check"});
        ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
        ASSERT_EQ(unlocked({"identity"}).exit_code, 0);
    }

    fs::path base_;
};

TEST_F(PortableSession, CliSessionWritesNothingOutsideTheStick) {
    install_on_stick(FIELDVAULT_CLI_PATH);
    std::ofstream(stick() / std::string(core::kPortableMarkerName)).close();
    const auto before = outside();
    cli_session();
    const auto after = outside();
    EXPECT_EQ(before, after) << "written outside the portable folder:\n" << differences(before, after);
    EXPECT_TRUE(fs::exists(stick() / "vault" / "vault.key"));
    EXPECT_TRUE(fs::exists(stick() / "vault" / "vault.db"));
    EXPECT_FALSE(fs::exists(home() / ".local/share/fieldvault"));
}

TEST_F(PortableSession, PortableFlagWithoutMarkerToo) {
    install_on_stick(FIELDVAULT_CLI_PATH);
    const auto before = outside();
    auto r = cli({"--portable", "init"}, std::string(kPass) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = unlocked({"--portable", "report", "add", "--title", "Followed home"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(before, outside()) << differences(before, outside());
    EXPECT_TRUE(fs::exists(stick() / "vault" / "vault.key"));
    // Without the flag or the marker, the stick's vault is not the default one.
    EXPECT_NE(unlocked({"report", "list"}).exit_code, 0);
}

// The listing is able to see a trace: the same program without the marker
// makes its vault under HOME, and the comparison notices.
TEST_F(PortableSession, ControlWithoutPortableModeIsSeen) {
    install_on_stick(FIELDVAULT_CLI_PATH);
    const auto before = outside();
    const auto r = cli({"init"}, std::string(kPass) + "\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto after = outside();
    EXPECT_NE(before, after);
    EXPECT_NE(differences(before, after).find(".local/share/fieldvault"), std::string::npos)
        << differences(before, after);
    EXPECT_FALSE(fs::exists(stick() / "vault"));
}

#if defined(FIELDVAULT_GUI_PATH) && defined(FIELDVAULT_SCREENS_PATH) && defined(FIELDVAULT_XVFB_RUN)
// The desktop app under Xvfb from the stick: the shipping program's first
// screen, then the screenshot driver unlocked on the list and settings.
ProcessResult run_gui(const std::map<std::string, std::string>& app_env, const fs::path& base,
                      const fs::path& program, const std::vector<std::string>& args, const std::string& input) {
    // xvfb-run keeps its own files in its TMPDIR (base/xvfb): the app gets the session's.
    auto outer = app_env;
    outer["TMPDIR"] = (base / "xvfb").string();
    std::vector<std::string> full{"-a", "-s", "-screen 0 1280x800x24", "env", "LIBGL_ALWAYS_SOFTWARE=1"};
    for (const auto& [k, v] : app_env) full.push_back(k + "=" + v);
    // Under ASan, Mesa's and GLFW's process-lifetime allocations are not ours
    // to free (as in tests/gui/screenshot_test.cmake); ignored elsewhere.
    full.push_back("ASAN_OPTIONS=detect_leaks=0");
    full.push_back(program.string());
    full.insert(full.end(), args.begin(), args.end());
    return run_process(FIELDVAULT_XVFB_RUN, full, outer, input);
}

TEST_F(PortableSession, CliAndGuiSessionWriteNothingOutsideTheStick) {
    install_on_stick(FIELDVAULT_CLI_PATH);
    const auto gui = install_on_stick(FIELDVAULT_GUI_PATH);
    const auto screens = install_on_stick(FIELDVAULT_SCREENS_PATH);
    std::ofstream(stick() / std::string(core::kPortableMarkerName)).close();
    const auto before = outside();
    cli_session();
    auto r = run_gui(env(), base_, gui, {"--screenshot", (stick() / "start.png").string()}, "");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* screen : {"list", "settings", "report"}) {
        const auto shot = stick() / (std::string(screen) + ".png");
        r = run_gui(env(), base_, screens, {"--screen", screen, "--screenshot", shot.string()},
                    std::string(kPass) + "\n");
        ASSERT_EQ(r.exit_code, 0) << screen << ": " << r.err;
        EXPECT_GT(fs::file_size(shot), 10000u) << screen;
    }
    const auto after = outside();
    EXPECT_EQ(before, after) << "written outside the portable folder:\n" << differences(before, after);
    // What the fonts' cache and the like made stays on the stick.
    EXPECT_TRUE(fs::is_directory(stick() / "cache"));
}
#else
TEST_F(PortableSession, CliAndGuiSessionWriteNothingOutsideTheStick) {
    GTEST_SKIP() << "needs the desktop app, fieldvault-screens and xvfb-run in this build";
}
#endif

}  // namespace
}  // namespace fv::test
