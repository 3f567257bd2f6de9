// Sealed-bundle export and import through fv::core::ExportService and
// fv::core::ImportService (vaults made with KdfParams::interactive()), beside
// age 1.1.1 encrypting and decrypting the same file, with the peak RSS of each.
// The sender's vault holds one report per size with one attachment of that
// size (random bytes); "export" writes the bundle of that report to one
// recipient (read from the vault, hashed, signed, encrypted, written to a
// temporary file, fsync'd, renamed); "import" verifies that bundle and stores
// it into a fresh receiving vault (one transaction, synchronous=FULL). age
// encrypts the plain input file to a key from age-keygen and decrypts it, its
// output fsync'd inside the timing too (seconds_to_exit is the time without
// that fsync). Everything lives in FIELDVAULT_BENCH_WORKDIR (the driver script
// puts it on the same disk as the build).
//
// Environment: FIELDVAULT_BENCH_WORKDIR (required), FIELDVAULT_BENCH_FILE_MIB
// (default 256, the size issue 13 names), FIELDVAULT_BENCH_SMALL_MIB (default
// 32: memory must not grow with the size), FIELDVAULT_BENCH_ROUNDS (default 3:
// each round runs export, age -r, import, age -d once, in that order),
// FIELDVAULT_BENCH_AGE_IDENTITY and FIELDVAULT_BENCH_AGE_RECIPIENT (age runs
// are skipped without them).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/export.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/crypto/random.h"
#include "support/bench_env.h"
#include "support/child_process.h"
#include "support/file_runs.h"
#include "support/peak_rss.h"

namespace {

namespace fs = std::filesystem;
namespace bench = fv::bench;
namespace core = fv::core;

using Clock = std::chrono::steady_clock;

fv::SecretBuffer passphrase() { return fv::SecretBuffer::from_string("fieldvault benchmark"); }

struct Fixture {
    fs::path workdir;
    std::string age_identity;
    std::string age_recipient;
    std::unique_ptr<core::Session> sender;
    std::string recipient_card;
    std::map<std::uint64_t, fs::path> inputs;           // size in MiB -> plain file
    std::map<std::uint64_t, std::int64_t> reports;      // size in MiB -> report holding it in the sender's vault
    std::map<std::uint64_t, fs::path> bundles;          // size in MiB -> last exported bundle
    std::map<std::uint64_t, fs::path> age_ciphertexts;  // size in MiB -> age output kept for decrypt
    int receivers = 0;
    fs::path last_receiver;  // the previous import's vault, removed just before the next import
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void export_fieldvault(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    core::ExportService service(*f.sender);
    const auto out = f.workdir / ("bundle-" + std::to_string(mib) + "MiB.fvb");
    for (auto _ : state) {
        fs::remove(out);
        core::ExportRequest request;
        request.recipients = {"receiver"};
        request.scope = core::ExportRequest::Scope::Reports;
        request.report_ids = {f.reports.at(mib)};
        request.out = out;
        bench::reset_peak_rss();
        const auto before = bench::current_rss_bytes();
        const auto cpu = bench::process_cpu_seconds();
        const auto start = Clock::now();
        const auto result = service.export_bundle(request);
        state.SetIterationTime(bench::seconds_since(start));
        state.counters["process_cpu_s"] = bench::process_cpu_seconds() - cpu;  // every thread
        bench::set_memory_counters(state, before, bench::peak_rss_bytes());
        state.counters["bundle_MiB"] = bench::to_mib(result.file_size);
        if (result.attachments != 1 || result.file_size <= (mib << 20)) state.SkipWithError("unexpected bundle");
    }
    f.bundles[mib] = out;  // the last one, kept for the import run
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

// Each import goes into a fresh copy of the receiving vault (a second import of
// the same bundle is refused as "already imported"); copying and unlocking it is
// not timed.
void import_fieldvault(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    if (!f.bundles.contains(mib)) {
        state.SkipWithError("no bundle (run the export benchmark first)");
        return;
    }
    for (auto _ : state) {
        // The previous run's receiving vault goes just before this one is made,
        // as age's output file is truncated when age starts: each side then
        // writes into memory the kernel has just freed. (Memory freed seconds
        // earlier has been handed back to the VM's host and costs 3-4x more to
        // write into: docs/performance.md, "Fresh memory".)
        if (!f.last_receiver.empty()) fs::remove_all(f.last_receiver);
        // A copy of the (empty) receiving vault the bundle is addressed to.
        const auto dir = f.workdir / ("receiver-" + std::to_string(++f.receivers));
        fs::remove_all(dir);
        fs::create_directories(dir);
        fs::permissions(dir, fs::perms::owner_all);
        fs::copy(f.workdir / "receiver-template", dir, fs::copy_options::recursive);  // files and blobs/
        const auto pass = passphrase();
        auto session = core::Session::open(dir, pass);
        bench::reset_peak_rss();
        const auto before = bench::current_rss_bytes();
        const auto cpu = bench::process_cpu_seconds();
        const auto start = Clock::now();
        const auto result = core::ImportService(*session).import_bundle(f.bundles.at(mib));
        state.SetIterationTime(bench::seconds_since(start));
        state.counters["process_cpu_s"] = bench::process_cpu_seconds() - cpu;  // every thread
        bench::set_memory_counters(state, before, bench::peak_rss_bytes());
        if (result.attachments != 1) state.SkipWithError("the bundle did not bring its attachment");
        session.reset();
        f.last_receiver = dir;
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

void encrypt_age(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    bench::age_encrypt(state, f.workdir, f.age_recipient, f.inputs.at(mib), mib, f.age_ciphertexts);
}

void decrypt_age(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    bench::age_decrypt(state, f.workdir, f.age_identity, mib, f.age_ciphertexts);
}


// One single timed run (manual time); registered once per round.
template <typename Fn>
void register_round_run(const std::string& name, Fn fn, std::uint64_t mib) {
    benchmark::RegisterBenchmark(name.c_str(), [fn, mib](benchmark::State& state) { fn(state, mib); })
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime()
        ->Iterations(1)
        ->Repetitions(1);
}

void setup(std::uint64_t large, std::uint64_t small) {
    auto& f = fixture();
    f.workdir = bench::env_or("FIELDVAULT_BENCH_WORKDIR", "");
    if (f.workdir.empty()) throw std::runtime_error("set FIELDVAULT_BENCH_WORKDIR to a folder on a real disk");
    f.age_identity = bench::env_or("FIELDVAULT_BENCH_AGE_IDENTITY", "");
    f.age_recipient = bench::env_or("FIELDVAULT_BENCH_AGE_RECIPIENT", "");
    fs::create_directories(f.workdir);

    std::fprintf(stderr, "writing %llu MiB and %llu MiB input files in %s\n", static_cast<unsigned long long>(large),
                 static_cast<unsigned long long>(small), f.workdir.c_str());
    f.inputs[large] = bench::make_random_input(f.workdir, large);
    f.inputs[small] = bench::make_random_input(f.workdir, small);

    // The receiving identity: one vault, copied afresh for every import run.
    const auto receiver = f.workdir / "receiver-template";
    fs::remove_all(receiver);
    f.recipient_card = core::Session::create(receiver, passphrase(), "receiver", fv::KdfParams::interactive()).card;

    const auto sender = f.workdir / "sender";
    fs::remove_all(sender);
    (void)core::Session::create(sender, passphrase(), "bench", fv::KdfParams::interactive());
    f.sender = core::Session::open(sender, passphrase());
    core::ContactService(*f.sender).add("receiver", f.recipient_card);
    for (const auto mib : {large, small}) {
        fv::model::ReportContent content;
        content.title = "benchmark evidence " + std::to_string(mib) + " MiB";
        f.reports[mib] = core::ReportService(*f.sender).create(content);
        core::AttachmentService(*f.sender).attach(f.reports[mib], f.inputs.at(mib));
    }
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    try {
        const auto large = bench::env_u64_or("FIELDVAULT_BENCH_FILE_MIB", 256);
        const auto small = bench::env_u64_or("FIELDVAULT_BENCH_SMALL_MIB", 32);
        if (large == small) throw std::runtime_error("the two file sizes must differ");
        setup(large, small);
        const auto suffix = [](std::uint64_t mib) { return "/" + std::to_string(mib) + "MiB"; };
        // Ours and age's alternate run by run (export, age -r, import, age -d,
        // then again), so a burst of load from elsewhere hits both sides alike.
        // Each run is one single timed run; the same name comes back once per
        // round, and bench/summarize.py takes the median of the rounds.
        const auto rounds = bench::env_u64_or("FIELDVAULT_BENCH_ROUNDS", 3);
        for (std::uint64_t round = 0; round < rounds; ++round) {
            register_round_run("exchange/export/fieldvault" + suffix(large), export_fieldvault, large);
            register_round_run("exchange/encrypt/age" + suffix(large), encrypt_age, large);
            register_round_run("exchange/import/fieldvault" + suffix(large), import_fieldvault, large);
            register_round_run("exchange/decrypt/age" + suffix(large), decrypt_age, large);
        }
        for (std::uint64_t round = 0; round < rounds; ++round) {
            register_round_run("exchange/export/fieldvault" + suffix(small), export_fieldvault, small);
            register_round_run("exchange/import/fieldvault" + suffix(small), import_fieldvault, small);
        }
        benchmark::AddCustomContext("vault_kdf", "interactive");
        benchmark::AddCustomContext("workdir", fixture().workdir.string());
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        fixture().sender.reset();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fieldvault_bench_exchange: %s\n", e.what());
        return 1;
    }
    return 0;
}
