#pragma once
// Runs a program in a child process with exactly the environment given (no
// inheritance: the portable tests decide every variable), stdin from a pipe,
// stdout and stderr captured.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fv::test {

struct ProcessResult {
    int exit_code = -1;  // 128 + signal if killed
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env, const std::string& input = {},
                          const std::filesystem::path& working_dir = {});

}  // namespace fv::test
