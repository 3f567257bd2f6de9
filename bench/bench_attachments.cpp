// Attachment import and extract throughput through fv::core::AttachmentService
// (vault made with KdfParams::interactive()), beside age 1.1.1 encrypting and
// decrypting the same file, with the peak RSS of each. Everything works on real
// files in FIELDVAULT_BENCH_WORKDIR (the driver script puts it on the same disk
// as the build), and every timed step ends with the data fsync'd: a Fieldvault
// import commits with synchronous=FULL and extract fsyncs its file, so age's
// output file is fsync'd inside its timing too (seconds_to_exit shows the time
// without that fsync). Attachments live in their own encrypted files since
// schema v3 (docs/vault-format.md), so the former "plain SQLite" column, which
// measured SQLCipher's page encryption, no longer applies.
//
// Environment: FIELDVAULT_BENCH_WORKDIR (required), FIELDVAULT_BENCH_FILE_MIB
// (default 512), FIELDVAULT_BENCH_SMALL_MIB (default 64: the same runs on a
// smaller file show that memory does not grow with size),
// FIELDVAULT_BENCH_AGE_IDENTITY and FIELDVAULT_BENCH_AGE_RECIPIENT (age runs
// are skipped without them).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fieldvault/core/attachments.h"
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

struct Fixture {
    fs::path workdir;
    std::string age_identity;
    std::string age_recipient;
    std::unique_ptr<core::Session> session;
    std::int64_t report_id = 0;
    std::map<std::uint64_t, fs::path> inputs;            // size in MiB -> file
    std::map<std::uint64_t, std::int64_t> attachments;   // size in MiB -> an imported attachment
    std::map<std::uint64_t, fs::path> age_ciphertexts;   // size in MiB -> age output kept for decrypt
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void import_fieldvault(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    core::AttachmentService service(*f.session);
    for (auto _ : state) {
        bench::reset_peak_rss();
        const auto before = bench::current_rss_bytes();
        const auto start = Clock::now();
        const auto record = service.attach(f.report_id, f.inputs.at(mib));
        state.SetIterationTime(bench::seconds_since(start));
        bench::set_memory_counters(state, before, bench::peak_rss_bytes());
        if (record.size != mib << 20) state.SkipWithError("imported size differs from the file");
        f.attachments[mib] = record.id;
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(mib << 20));
}

void extract_fieldvault(benchmark::State& state, std::uint64_t mib) {
    auto& f = fixture();
    core::AttachmentService service(*f.session);
    if (!f.attachments.contains(mib)) f.attachments[mib] = service.attach(f.report_id, f.inputs.at(mib)).id;
    const auto out = f.workdir / ("extracted-" + std::to_string(mib) + "MiB.bin");
    for (auto _ : state) {
        fs::remove(out);
        bench::reset_peak_rss();
        const auto before = bench::current_rss_bytes();
        const auto start = Clock::now();
        service.extract(f.attachments.at(mib), out);
        state.SetIterationTime(bench::seconds_since(start));
        bench::set_memory_counters(state, before, bench::peak_rss_bytes());
        if (fs::file_size(out) != mib << 20) state.SkipWithError("extracted size differs from the file");
    }
    fs::remove(out);
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

    const auto vault = f.workdir / "vault";
    fs::remove_all(vault);
    const auto passphrase = fv::SecretBuffer::from_string("fieldvault benchmark");
    (void)core::Session::create(vault, passphrase, "bench", fv::KdfParams::interactive());
    f.session = core::Session::open(vault, passphrase);
    fv::model::ReportContent content;
    content.title = "benchmark evidence";
    f.report_id = core::ReportService(*f.session).create(content);
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
        bench::register_file_run("attachment/import/fieldvault" + suffix(large), import_fieldvault, large);
        bench::register_file_run("attachment/encrypt/age" + suffix(large), encrypt_age, large);
        bench::register_file_run("attachment/extract/fieldvault" + suffix(large), extract_fieldvault, large);
        bench::register_file_run("attachment/decrypt/age" + suffix(large), decrypt_age, large);
        bench::register_file_run("attachment/import/fieldvault" + suffix(small), import_fieldvault, small);
        bench::register_file_run("attachment/extract/fieldvault" + suffix(small), extract_fieldvault, small);
        benchmark::AddCustomContext("vault_kdf", "interactive");
        benchmark::AddCustomContext("workdir", fixture().workdir.string());
        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
        fixture().session.reset();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fieldvault_bench_attachments: %s\n", e.what());
        return 1;
    }
    return 0;
}
