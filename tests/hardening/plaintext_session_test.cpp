// Issue 6: no plaintext anywhere on disk after a full session through the CLI
// and the GUI. HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and TMPDIR
// point to fresh folders; the CLI then runs init, report add (Latin and
// Chinese markers in every field, an attachment), edit, show, search, export
// to a second vault, import there, and attachment get into a chosen folder;
// the GUI (under Xvfb, when built and xvfb-run exists) unlocks and draws the
// report list, a report, and the evidence panel's in-memory preview of a PNG
// whose pixel bytes spell the markers. Then every file under the home, temp, vault and
// export folders is scanned for the markers in UTF-8, UTF-16LE and UTF-16BE:
// none may be found. The user's own files (the sources given to --attach and
// --narrative-file, the extracted attachment, the screenshots) are outside
// the scanned folders; the extracted attachment is scanned as a positive
// control (it must contain the marker).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "test_support.h"

namespace fv {
namespace {

namespace fs = std::filesystem;

const std::string kLatin = "FVLEAK-latin-Q8ZK3";
const std::string kChinese = "泄漏标记测试";
constexpr const char* kPass = "plaintext session passphrase";
constexpr const char* kPeerPass = "plaintext peer passphrase";

// A PNG whose pixel rows are the bytes of `text`, repeated, stored without
// compression (zlib "stored" blocks), so the text appears verbatim both in the
// file and in its decoded pixels: a copy of either on disk would be found.
std::string png_carrying(const std::string& text) {
    constexpr std::uint32_t kWidth = 64;
    constexpr std::uint32_t kHeight = 16;
    const auto crc32 = [](const std::string& bytes) {
        std::uint32_t crc = 0xffffffffu;
        for (const char ch : bytes) {
            crc ^= static_cast<unsigned char>(ch);
            for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        return crc ^ 0xffffffffu;
    };
    const auto be32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                           static_cast<char>(v)};
    };
    const auto chunk = [&](const std::string& type, const std::string& data) {
        return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
    };
    std::string raw;  // each row: filter byte 0, then RGB
    for (std::uint32_t y = 0; y < kHeight; ++y) {
        raw.push_back('\0');
        for (std::uint32_t i = 0; i < kWidth * 3; ++i) raw.push_back(text[(y * kWidth * 3 + i) % text.size()]);
    }
    std::uint32_t a = 1, b = 0;  // Adler-32 of the raw rows
    for (const char ch : raw) {
        a = (a + static_cast<unsigned char>(ch)) % 65521u;
        b = (b + a) % 65521u;
    }
    const auto n = static_cast<std::uint16_t>(raw.size());  // one stored block (< 64 KiB)
    std::string zlib = {'\x78', '\x01', '\x01', static_cast<char>(n & 0xff), static_cast<char>(n >> 8),
                        static_cast<char>(~n & 0xff), static_cast<char>((~n >> 8) & 0xff)};
    zlib += raw + be32((b << 16) | a);
    const std::string ihdr = be32(kWidth) + be32(kHeight) + std::string{'\x08', '\x02', '\0', '\0', '\0'};
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", zlib) + chunk("IEND", "");
}

struct ProcessRun {
    int exit_code = -1;
    std::string out;
};

// Runs argv with `env` added to a minimal environment, stdin from `input`.
ProcessRun run(const std::vector<std::string>& args, const std::vector<std::string>& env, const std::string& input) {
    int in_pipe[2], out_pipe[2];
    if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0) return {};
    std::vector<std::string> argv_s = args;
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_s = env;
    env_s.push_back("PATH=/usr/bin:/bin");
    env_s.push_back("FIELDVAULT_TEST_FAST_KDF=1");
    env_s.push_back("ASAN_OPTIONS=detect_leaks=0");
    env_s.push_back("LIBGL_ALWAYS_SOFTWARE=1");
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 2);
        ::close(in_pipe[1]);
        ::close(out_pipe[0]);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    [[maybe_unused]] const auto w = ::write(in_pipe[1], input.data(), input.size());
    ::close(in_pipe[1]);
    ProcessRun result;
    char buf[4096];
    ssize_t n = 0;
    while ((n = ::read(out_pipe[0], buf, sizeof buf)) > 0) result.out.append(buf, static_cast<std::size_t>(n));
    ::close(out_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
    return result;
}

std::string utf16(const std::string& utf8, bool big_endian) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) { cp = c & 0x07u; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0Fu; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1Fu; len = 2; }
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        i += len;
        const auto unit = static_cast<std::uint16_t>(cp);  // the markers are in the BMP
        const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
        out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
    }
    return out;
}

struct Needle {
    std::string name;
    std::string bytes;
};

std::vector<Needle> needles() {
    std::vector<Needle> out;
    for (const auto& [name, marker] : {std::pair<std::string, std::string>{"latin", kLatin}, {"chinese", kChinese}}) {
        out.push_back({name + " utf-8", marker});
        out.push_back({name + " utf-16le", utf16(marker, false)});
        out.push_back({name + " utf-16be", utf16(marker, true)});
    }
    return out;
}

// "path: needle" for every file under `dir` holding a needle.
std::vector<std::string> scan(const fs::path& dir, std::size_t* files_scanned = nullptr) {
    std::vector<std::string> hits;
    if (!fs::exists(dir)) return hits;
    const auto all = needles();
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        if (files_scanned != nullptr) ++*files_scanned;
        const auto bytes = storage::test::read_file(entry.path());
        for (const auto& needle : all) {
            if (std::search(bytes.begin(), bytes.end(), needle.bytes.begin(), needle.bytes.end()) != bytes.end())
                hits.push_back(entry.path().string() + ": " + needle.name);
        }
    }
    return hits;
}

class PlaintextSession : public ::testing::Test {
protected:
    storage::test::TempDir tmp;
    fs::path root = tmp.path();
    fs::path home = root / "home";
    fs::path temp = root / "tmp";
    fs::path vaults = root / "vaults";
    fs::path outbox = root / "outbox";
    fs::path sources = root / "user-files";  // the user's own plaintext: not scanned
    fs::path extracted = root / "extracted";  // attachment get output: plaintext by design
    fs::path shots = root / "screenshots";
    fs::path vault = vaults / "mine";
    fs::path peer = vaults / "peer";

    void SetUp() override {
        for (const auto& d : {home / ".config", home / ".local" / "share", home / ".cache", temp, vaults, outbox,
                              sources, extracted, shots})
            fs::create_directories(d);
    }

    std::vector<std::string> env() const {
        return {"HOME=" + home.string(), "XDG_CONFIG_HOME=" + (home / ".config").string(),
                "XDG_DATA_HOME=" + (home / ".local" / "share").string(),
                "XDG_CACHE_HOME=" + (home / ".cache").string(), "TMPDIR=" + temp.string()};
    }

    ProcessRun cli(const fs::path& v, const std::string& pass, std::vector<std::string> args) {
        args.insert(args.begin(), {FIELDVAULT_CLI_PATH, "--vault", v.string()});
        return run(args, env(), pass + "\n");
    }

    std::string card(const fs::path& v, const std::string& pass) {
        const auto r = cli(v, pass, {"identity", "--json"});
        EXPECT_EQ(r.exit_code, 0);
        const auto at = r.out.find("fvid1-");
        return at == std::string::npos ? std::string() : r.out.substr(at, r.out.find('"', at) - at);
    }
};

TEST_F(PlaintextSession, NoMarkerOnDiskAfterCliAndGuiSession) {
    const std::string m = kLatin + " " + kChinese;
    ASSERT_EQ(run({FIELDVAULT_CLI_PATH, "--vault", vault.string(), "init", "--name", "me " + m}, env(),
                  std::string(kPass) + "\n" + kPass + "\n")
                  .exit_code,
              0);
    ASSERT_EQ(run({FIELDVAULT_CLI_PATH, "--vault", peer.string(), "init", "--name", "peer " + m}, env(),
                  std::string(kPeerPass) + "\n" + kPeerPass + "\n")
                  .exit_code,
              0);

    const auto evidence = sources / ("evidence " + kLatin + ".txt");
    std::ofstream(evidence, std::ios::binary) << "evidence bytes " << m << " end";
    const auto narrative_file = sources / "narrative.txt";
    std::ofstream(narrative_file, std::ios::binary) << "narrative from file " << m;

    const auto add = cli(vault, kPass,
                         {"report", "add", "--title", "title " + m, "--case", "case " + m, "--occurred", "2026-03-14",
                          "--location", "place " + m, "--host-country", "hc " + m, "--city", "city " + m,
                          "--origin-country", "oc " + m, "--tactic", "harassment", "--channel", "wechat",
                          "--identifier", "wechat:id-" + m, "--perpetrator", "police:names " + m, "--demand",
                          "return_home", "--demands-detail", "dd " + m, "--relative", "rel " + m + ":what " + m,
                          "--narrative-file", narrative_file.string(), "--language", "lang " + m, "--translation",
                          "translation " + m, "--translation-language", "tl " + m, "--translator", "translator " + m,
                          "--witness", "witness " + m + ":statement " + m, "--impact", "psychological",
                          "--impact-detail", "impact " + m, "--reported-to", "auth " + m + ":ref " + m, "--risk",
                          "high", "--attach", evidence.string()});
    ASSERT_EQ(add.exit_code, 0) << add.out;
    const std::string id = std::to_string(std::stoll(add.out));
    const auto picture = sources / "photo.png";
    std::ofstream(picture, std::ios::binary) << png_carrying(" picture " + m + " ");
    ASSERT_EQ(cli(vault, kPass, {"attach", id, picture.string()}).exit_code, 0);
    ASSERT_EQ(cli(vault, kPass, {"report", "edit", id, "--narrative", "中国警察找我父母 " + m}).exit_code, 0);
    const auto show = cli(vault, kPass, {"report", "show", id, "--json"});
    ASSERT_EQ(show.exit_code, 0);
    EXPECT_NE(show.out.find(kChinese), std::string::npos);
    for (const auto& word : {kLatin, kChinese}) {
        const auto found = cli(vault, kPass, {"search", word});
        ASSERT_EQ(found.exit_code, 0);
        EXPECT_NE(found.out.find("title"), std::string::npos) << word;
    }

    // Export to the peer, import there, read back.
    ASSERT_EQ(cli(vault, kPass, {"contact", "add", "peer " + m, card(peer, kPeerPass)}).exit_code, 0);
    ASSERT_EQ(cli(peer, kPeerPass, {"contact", "add", "sender " + m, card(vault, kPass)}).exit_code, 0);
    const auto bundle = outbox / "to-peer.fvb";
    const auto exported =
        cli(vault, kPass, {"export", "--to", "peer " + m, "--all", "--include-sensitive", "--out", bundle.string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.out;
    const auto imported = cli(peer, kPeerPass, {"import", bundle.string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.out;
    const auto received = cli(peer, kPeerPass, {"search", kChinese, "--json"});
    ASSERT_EQ(received.exit_code, 0);
    EXPECT_NE(received.out.find(kLatin), std::string::npos) << "the import did not store the report";

    // The attachment, extracted where the user asked: plaintext by design.
    const auto listed = cli(vault, kPass, {"report", "show", id, "--json"});
    const auto at = listed.out.find("\"attachments\"");
    ASSERT_NE(at, std::string::npos);
    const auto id_at = listed.out.find("\"id\":", at);
    ASSERT_NE(id_at, std::string::npos);
    const auto attachment_id = std::to_string(std::stoll(listed.out.substr(listed.out.find_first_of("0123456789", id_at))));
    ASSERT_EQ(cli(vault, kPass, {"attachment", "get", attachment_id, "--out", (extracted / "evidence.txt").string()})
                  .exit_code,
              0);

    // The GUI: unlock, draw the report list, a report and the picture's preview.
    // FIELDVAULT_PLAINTEXT_GUI names another GUI binary (e.g. of a build with the GUI on).
    bool gui_ran = false;
    std::string gui;
#if defined(FIELDVAULT_GUI_PATH)
    gui = FIELDVAULT_GUI_PATH;
#endif
    if (const char* other = std::getenv("FIELDVAULT_PLAINTEXT_GUI"); other != nullptr && *other != '\0') gui = other;
#if defined(FIELDVAULT_XVFB_RUN)
    if (!gui.empty()) {
        for (const std::string screen : {"list", "report", "evidence"}) {
            const auto shot = shots / (screen + ".png");
            const auto r = run({FIELDVAULT_XVFB_RUN, "-a", "-s", "-screen 0 1280x800x24", gui, "--vault",
                                vault.string(), "--screenshot", shot.string(), "--screen", screen},
                               env(), std::string(kPass) + "\n");
            EXPECT_EQ(r.exit_code, 0) << "fieldvault --screen " << screen;
            EXPECT_TRUE(fs::exists(shot)) << screen;
        }
        gui_ran = true;
    }
#endif
    std::printf("plaintext session: GUI part %s\n", gui_ran ? "ran" : "skipped (no GUI build or no xvfb-run)");

    // Positive control: the scan finds the marker where it must be.
    EXPECT_FALSE(scan(extracted).empty()) << "the scanner missed the marker in the extracted attachment";
    std::size_t files = 0;
    for (const auto& dir : {home, temp, vaults, outbox}) {
        EXPECT_EQ(scan(dir, &files), std::vector<std::string>{}) << "plaintext under " << dir;
    }
    EXPECT_GE(files, 7u);  // two vaults (db + two key headers each) and the bundle at least
    std::printf("plaintext session: %zu files scanned\n", files);
}

}  // namespace
}  // namespace fv
