#include "support/file_runs.h"

#include <fstream>
#include <stdexcept>
#include <vector>

#include "fieldvault/crypto/random.h"
#include "support/child_process.h"
#include "support/peak_rss.h"

namespace fv::bench {
namespace fs = std::filesystem;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

fs::path make_random_input(const fs::path& dir, std::uint64_t mib) {
    const auto path = dir / ("input-" + std::to_string(mib) + "MiB.bin");
    std::vector<std::uint8_t> block(1 << 20);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        for (std::uint64_t i = 0; i < mib; ++i) {
            crypto::random_bytes(block);
            out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size()));
        }
        if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
    }
    sync_path(path.string());
    return path;
}

void set_memory_counters(benchmark::State& state, std::uint64_t rss_before, std::uint64_t peak_rss) {
    state.counters["rss_before_MiB"] = to_mib(rss_before);
    state.counters["peak_rss_MiB"] = to_mib(peak_rss);
}

namespace {

void run_age(benchmark::State& state, const fs::path& workdir, const std::vector<std::string>& argv,
             const fs::path& out) {
    fs::remove(out);
    const auto start = std::chrono::steady_clock::now();
    const auto result = run_child(argv, (workdir / "age-rss.txt").string());
    sync_path(out.string());
    state.SetIterationTime(seconds_since(start));
    state.counters["seconds_to_exit"] = result.seconds;
    state.counters["process_cpu_s"] = result.cpu_seconds;
    state.counters["peak_rss_MiB"] = to_mib(result.max_rss_bytes);
    state.counters["rss_is_upper_bound"] = result.rss_is_upper_bound ? 1 : 0;
    if (result.exit_code != 0) state.SkipWithError("age failed");
}

}  // namespace

void age_encrypt(benchmark::State& state, const fs::path& workdir, const std::string& recipient,
                 const fs::path& input, std::uint64_t mib, std::map<std::uint64_t, fs::path>& ciphertexts) {
    if (recipient.empty()) {
        state.SkipWithError("FIELDVAULT_BENCH_AGE_RECIPIENT is not set");
        return;
    }
    const auto out = workdir / ("input-" + std::to_string(mib) + "MiB.age");
    for (auto _ : state) run_age(state, workdir, {"age", "-r", recipient, "-o", out.string(), input.string()}, out);
    ciphertexts[mib] = out;  // the last one, kept for the decrypt run
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

void age_decrypt(benchmark::State& state, const fs::path& workdir, const std::string& identity, std::uint64_t mib,
                 const std::map<std::uint64_t, fs::path>& ciphertexts) {
    if (identity.empty() || !ciphertexts.contains(mib)) {
        state.SkipWithError("no age identity or no ciphertext (run the encrypt benchmark first)");
        return;
    }
    const auto out = workdir / ("age-decrypted-" + std::to_string(mib) + "MiB.bin");
    for (auto _ : state) {
        run_age(state, workdir, {"age", "-d", "-i", identity, "-o", out.string(), ciphertexts.at(mib).string()}, out);
        if (fs::file_size(out) != mib << 20) state.SkipWithError("decrypted size differs from the file");
    }
    fs::remove(out);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

}  // namespace fv::bench
