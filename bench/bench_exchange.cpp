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
// (default 512), FIELDVAULT_BENCH_SMALL_MIB (default 64: memory must not grow
// with the size), FIELDVAULT_BENCH_AGE_IDENTITY and
// FIELDVAULT_BENCH_AGE_RECIPIENT (age runs are skipped without them).
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
#include "support/peak_rss.h"

namespace {

namespace fs = std::filesystem;
namespace bench = fv::bench;
namespace core = fv::core;

using Clock = std::chrono::steady_clock;

fv::crypto::SecretBuffer passphrase() { return fv::crypto::SecretBuffer::from_string("fieldvault benchmark"); }

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
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

double seconds(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Incompressible content, written and fsync'd before any timing.
fs::path make_input(const fs::path& dir, std::uint64_t mib) {
    const auto path = dir / ("input-" + std::to_string(mib) + "MiB.bin");
    std::vector<std::uint8_t> block(1 << 20);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        for (std::uint64_t i = 0; i < mib; ++i) {
            fv::crypto::random_bytes(block);
            out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size()));
        }
        if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
    }
    bench::sync_path(path.string());
    return path;
}

void set_memory_counters(benchmark::State& state, std::uint64_t before, std::uint64_t peak) {
    state.counters["rss_before_MiB"] = bench::to_mib(before);
    state.counters["peak_rss_MiB"] = bench::to_mib(peak);
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
        const auto start = Clock::now();
        const auto result = service.export_bundle(request);
        state.SetIterationTime(seconds(start));
        set_memory_counters(state, before, bench::peak_rss_bytes());
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
        // A copy of the (empty) receiving vault the bundle is addressed to.
        const auto dir = f.workdir / ("receiver-" + std::to_string(++f.receivers));
        fs::remove_all(dir);
        fs::create_directories(dir);
        fs::permissions(dir, fs::perms::owner_all);
        for (const auto& e : fs::directory_iterator(f.workdir / "receiver-template"))
            fs::copy_file(e.path(), dir / e.path().filename());
        const auto pass = passphrase();
        auto session = core::Session::open(dir, pass);
        bench::reset_peak_rss();
        const auto before = bench::current_rss_bytes();
        const auto start = Clock::now();
        const auto result = core::ImportService(*session).import_bundle(f.bundles.at(mib));
        state.SetIterationTime(seconds(start));
        set_memory_counters(state, before, bench::peak_rss_bytes());
        if (result.attachments != 1) state.SkipWithError("the bundle did not bring its attachment");
        session.reset();
        fs::remove_all(dir);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

// Runs age, fsyncs its output, and records its time and peak RSS.
void run_age(benchmark::State& state, const std::vector<std::string>& argv, const fs::path& out) {
    fs::remove(out);
    const auto start = Clock::now();
    const auto result = bench::run_child(argv, (fixture().workdir / "age-rss.txt").string());
    bench::sync_path(out.string());
    state.SetIterationTime(seconds(start));
    state.counters["seconds_to_exit"] = result.seconds;
    state.counters["peak_rss_MiB"] = bench::to_mib(result.max_rss_bytes);
    state.counters["rss_is_upper_bound"] = result.rss_is_upper_bound ? 1 : 0;
    if (result.exit_code != 0) state.SkipWithError("age failed");
}

void encrypt_age(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    if (f.age_recipient.empty()) {
        state.SkipWithError("FIELDVAULT_BENCH_AGE_RECIPIENT is not set");
        return;
    }
    const auto out = f.workdir / ("input-" + std::to_string(mib) + "MiB.age");
    for (auto _ : state) {
        run_age(state, {"age", "-r", f.age_recipient, "-o", out.string(), f.inputs.at(mib).string()}, out);
    }
    f.age_ciphertexts[mib] = out;
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

void decrypt_age(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    if (f.age_identity.empty() || !f.age_ciphertexts.contains(mib)) {
        state.SkipWithError("no age identity or no ciphertext (run the encrypt benchmark first)");
        return;
    }
    const auto out = f.workdir / ("age-decrypted-" + std::to_string(mib) + "MiB.bin");
    for (auto _ : state) {
        run_age(state, {"age", "-d", "-i", f.age_identity, "-o", out.string(), f.age_ciphertexts.at(mib).string()},
                out);
        if (fs::file_size(out) != mib << 20) state.SkipWithError("decrypted size differs from the file");
    }
    fs::remove(out);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

template <typename Fn>
void register_run(const std::string& name, Fn fn, std::uint64_t mib) {
    benchmark::RegisterBenchmark(name.c_str(), [fn, mib](benchmark::State& state) { fn(state, mib); })
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime()
        ->Iterations(1)
        ->Repetitions(3);
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
    f.inputs[large] = make_input(f.workdir, large);
    f.inputs[small] = make_input(f.workdir, small);

    // The receiving identity: one vault, copied afresh for every import run.
    const auto receiver = f.workdir / "receiver-template";
    fs::remove_all(receiver);
    f.recipient_card = core::Session::create(receiver, passphrase(), "receiver", fv::crypto::KdfParams::interactive()).card;

    const auto sender = f.workdir / "sender";
    fs::remove_all(sender);
    core::Session::create(sender, passphrase(), "bench", fv::crypto::KdfParams::interactive());
    f.sender = core::Session::open(sender, passphrase());
    core::ContactService(*f.sender).add("receiver", f.recipient_card);
    for (const auto mib : {large, small}) {
        fv::storage::ReportContent content;
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
        const auto large = bench::env_u64_or("FIELDVAULT_BENCH_FILE_MIB", 512);
        const auto small = bench::env_u64_or("FIELDVAULT_BENCH_SMALL_MIB", 64);
        if (large == small) throw std::runtime_error("the two file sizes must differ");
        setup(large, small);
        const auto suffix = [](std::uint64_t mib) { return "/" + std::to_string(mib) + "MiB"; };
        // Ours and age's alternate, so a burst of load from elsewhere hits both.
        register_run("exchange/export/fieldvault" + suffix(large), export_fieldvault, large);
        register_run("exchange/encrypt/age" + suffix(large), encrypt_age, large);
        register_run("exchange/import/fieldvault" + suffix(large), import_fieldvault, large);
        register_run("exchange/decrypt/age" + suffix(large), decrypt_age, large);
        register_run("exchange/export/fieldvault" + suffix(small), export_fieldvault, small);
        register_run("exchange/import/fieldvault" + suffix(small), import_fieldvault, small);
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
