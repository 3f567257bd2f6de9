// Argon2id cost per passphrase guess, at the two parameter sets Fieldvault
// uses (MODERATE for new vaults, INTERACTIVE for tests and benchmarks), through
// fv::crypto::derive_key. SECURITY.md quotes these figures.
#include <benchmark/benchmark.h>

#include <array>

#include "fieldvault/crypto/kdf.h"
#include "fieldvault/crypto/random.h"
#include "fieldvault/crypto/secret.h"

namespace {

using fv::KdfParams;

void run_argon2id(benchmark::State& state, const KdfParams& params) {
    const auto passphrase = fv::SecretBuffer::from_string("correct horse battery staple");
    fv::crypto::Salt salt{};
    fv::crypto::random_bytes(salt);
    for (auto _ : state) {
        auto key = fv::crypto::derive_key(passphrase, salt, params);
        benchmark::DoNotOptimize(key.reveal().data());
    }
    state.counters["opslimit"] = static_cast<double>(params.opslimit);
    state.counters["memlimit_MiB"] = static_cast<double>(params.memlimit >> 20);
}

void BM_Argon2id_Interactive(benchmark::State& state) { run_argon2id(state, KdfParams::interactive()); }
void BM_Argon2id_Moderate(benchmark::State& state) { run_argon2id(state, KdfParams::moderate()); }

}  // namespace

BENCHMARK(BM_Argon2id_Interactive)->Name("argon2id/interactive")->Unit(benchmark::kMillisecond)->UseRealTime()
    ->MinTime(1.0)->Repetitions(3)->DisplayAggregatesOnly(true);
BENCHMARK(BM_Argon2id_Moderate)->Name("argon2id/moderate")->Unit(benchmark::kMillisecond)->UseRealTime()
    ->Iterations(3)->Repetitions(3)->DisplayAggregatesOnly(true);

BENCHMARK_MAIN();
