#pragma once
// Settings handed to the benchmark executables by bench/run-benchmarks.sh
// through the environment (Google Benchmark owns the command line).
#include <cstdint>
#include <string>

namespace fv::bench {

std::string env_or(const char* name, const std::string& fallback);
std::uint64_t env_u64_or(const char* name, std::uint64_t fallback);

}  // namespace fv::bench
