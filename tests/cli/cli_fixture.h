#pragma once
// A fresh temporary folder per test: base/vault (the vault), base/tmp (the
// child's TMPDIR), base/files (source and output files). Helpers run the CLI
// against base/vault with the passphrase fed on stdin.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace fv::test {

namespace fs = std::filesystem;

struct InitOutput {
    std::string fingerprint;
    std::string recovery_key;
};

class CliTest : public ::testing::Test {
protected:
    static constexpr const char* kPass = "correct horse battery staple";

    void SetUp() override;
    void TearDown() override;

    // Runs with --vault <vault_dir()> and TMPDIR=<tmp_dir()>.
    CliResult cli(const std::vector<std::string>& args, const std::string& input = {},
                  std::map<std::string, std::string> env = {}) const;
    // As cli(), with kPass on stdin.
    CliResult unlocked(const std::vector<std::string>& args) const;
    // init with kPass; fails the test unless it succeeds.
    InitOutput init_vault(const std::vector<std::string>& extra = {});
    // report add with the given options (title required); returns the id.
    std::int64_t add_report(const std::vector<std::string>& options);
    nlohmann::json show_json(std::int64_t id) const;
    nlohmann::json list_json() const;

    fs::path write_file(const std::string& name, const std::string& bytes) const;
    // Every file under the vault folder with its bytes.
    std::map<std::string, std::string> vault_snapshot() const;

    const fs::path& base() const { return base_; }
    fs::path vault_dir() const { return base_ / "vault"; }
    fs::path tmp_dir() const { return base_ / "tmp"; }
    fs::path files_dir() const { return base_ / "files"; }

private:
    fs::path base_;
};

std::string read_file(const fs::path& path);
std::string sha256_hex(const std::string& bytes);
// The line of `text` that starts with `prefix`, without the prefix; "" if none.
std::string line_after(const std::string& text, const std::string& prefix);
// True when stderr is exactly one "fieldvault-cli: error: ..." line.
bool is_one_error_line(const std::string& err);

}  // namespace fv::test
