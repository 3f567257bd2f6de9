#include "cli_fixture.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"

namespace fv::test {

void CliTest::SetUp() {
    std::string pattern = (fs::temp_directory_path() / "fv-cli-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    base_ = pattern;
    fs::create_directories(tmp_dir());
    fs::create_directories(files_dir());
}

void CliTest::TearDown() {
    std::error_code ec;
    fs::remove_all(base_, ec);
}

CliResult CliTest::cli(const std::vector<std::string>& args, const std::string& input,
                       std::map<std::string, std::string> env) const {
    std::vector<std::string> full{"--vault", vault_dir().string()};
    full.insert(full.end(), args.begin(), args.end());
    env.emplace("TMPDIR", tmp_dir().string());
    return run_cli(full, input, env);
}

CliResult CliTest::unlocked(const std::vector<std::string>& args) const {
    return cli(args, std::string(kPass) + "\n");
}

InitOutput CliTest::init_vault(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"init"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = cli(args, std::string(kPass) + "\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return {line_after(r.out, "Identity fingerprint: "), line_after(r.out, "Recovery key: ")};
}

std::int64_t CliTest::add_report(const std::vector<std::string>& options) {
    std::vector<std::string> args{"report", "add"};
    args.insert(args.end(), options.begin(), options.end());
    const auto r = unlocked(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // The contract: just the number on its own line.
    EXPECT_FALSE(r.out.empty());
    if (r.out.empty() || r.out.back() != '\n') return -1;
    const auto text = r.out.substr(0, r.out.size() - 1);
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        ADD_FAILURE() << "report add printed more than an id";
        return -1;
    }
    return std::stoll(text);
}

nlohmann::json CliTest::show_json(std::int64_t id) const {
    const auto r = unlocked({"report", "show", std::to_string(id), "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

nlohmann::json CliTest::list_json() const {
    const auto r = unlocked({"report", "list", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

fs::path CliTest::write_file(const std::string& name, const std::string& bytes) const {
    const auto path = files_dir() / name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write test file");
    return path;
}

std::map<std::string, std::string> CliTest::vault_snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(vault_dir())) {
        if (entry.is_regular_file()) files[entry.path().string()] = read_file(entry.path());
    }
    return files;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string sha256_hex(const std::string& bytes) {
    const auto digest = crypto::sha256(std::string_view(bytes));
    return crypto::to_hex(digest);
}

std::string line_after(const std::string& text, const std::string& prefix) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
    }
    return {};
}

bool is_one_error_line(const std::string& err) {
    const std::string prefix = "fieldvault-cli: error: ";
    return err.rfind(prefix, 0) == 0 && err.size() > prefix.size() + 1 && err.back() == '\n' &&
           err.find('\n') == err.size() - 1;
}

}  // namespace fv::test
