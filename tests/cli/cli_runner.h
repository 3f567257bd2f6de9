#pragma once
// Runs the fieldvault-cli binary in a child process: arguments as given,
// stdin fed from a pipe (never a file), stdout and stderr captured through
// pipes (so report content printed by a test never lands on disk).
#include <map>
#include <string>
#include <vector>

namespace fv::test {

struct CliResult {
    int exit_code = -1;  // 128 + signal if the child was killed
    std::string out;
    std::string err;
};

// env: variables to set (or override) for the child. The child always gets
// FIELDVAULT_TEST_FAST_KDF=1 and never inherits FIELDVAULT_VAULT.
CliResult run_cli(const std::vector<std::string>& args, const std::string& input = {},
                  const std::map<std::string, std::string>& env = {});

}  // namespace fv::test
