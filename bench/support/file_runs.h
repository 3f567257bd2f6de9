#pragma once
// Pieces the file-throughput benchmarks share (attachments, exchange): the
// input files, the memory counters, the run registration, and the age runs
// they are compared with.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace fv::bench {

double seconds_since(std::chrono::steady_clock::time_point start);

// A file of `mib` MiB of random (incompressible) bytes in `dir`, written and
// fsync'd before any timing.
std::filesystem::path make_random_input(const std::filesystem::path& dir, std::uint64_t mib);

void set_memory_counters(benchmark::State& state, std::uint64_t rss_before, std::uint64_t peak_rss);

// One timed single run, repeated 3 times (manual time: each run times itself).
template <typename Fn>
void register_file_run(const std::string& name, Fn fn, std::uint64_t mib) {
    benchmark::RegisterBenchmark(name.c_str(), [fn, mib](benchmark::State& state) { fn(state, mib); })
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime()
        ->Iterations(1)
        ->Repetitions(3);
}

// `age -r recipient` on `input` into workdir; the output is kept in
// `ciphertexts[mib]` for age_decrypt. Output fsync'd inside the timing.
void age_encrypt(benchmark::State& state, const std::filesystem::path& workdir, const std::string& recipient,
                 const std::filesystem::path& input, std::uint64_t mib,
                 std::map<std::uint64_t, std::filesystem::path>& ciphertexts);
// `age -d -i identity` of `ciphertexts[mib]`; checks the decrypted size.
void age_decrypt(benchmark::State& state, const std::filesystem::path& workdir, const std::string& identity,
                 std::uint64_t mib, const std::map<std::uint64_t, std::filesystem::path>& ciphertexts);

}  // namespace fv::bench
