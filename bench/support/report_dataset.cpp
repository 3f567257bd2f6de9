#include "report_dataset.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"
#include "plain_database.h"
#include "report_generator.h"

namespace fv::bench {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kSeed = 20240611;
constexpr int kGeneratorVersion = 2;  // bump when the generator or the schema changes, to invalidate caches
                                      // (2: schema v5, so the plain copies have report_summaries)
constexpr std::uint64_t kCases = 500;
constexpr std::int64_t kFirstTimestamp = 1672531200;  // 2023-01-01T00:00:00Z
constexpr const char* kMarker = "complete";

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void generate(ReportDataset& d, std::uint64_t count) {
    const auto start = std::chrono::steady_clock::now();
    const auto passphrase = dataset_passphrase();
    (void)core::Session::create(d.vault, passphrase, "bench", KdfParams::interactive());
    auto session = core::Session::open(d.vault, passphrase);
    auto& db = session->db();
    // A bigger page cache only speeds up generation; the benchmarks reopen the
    // vault with the settings Fieldvault uses.
    db.exec("PRAGMA cache_size = -262144");

    ReportGenerator generator(kSeed);
    std::mt19937_64 rng(kSeed + 1);
    {
        // One transaction for all reports, straight through the repositories
        // (ReportService::create would commit, and fsync, once per report).
        storage::Transaction tx(db);
        storage::CaseRepository cases(db);
        storage::ReportRepository reports(db);
        storage::AuditLog audit(db);
        std::vector<std::int64_t> case_ids;
        for (std::uint64_t i = 0; i < kCases; ++i) {
            case_ids.push_back(cases.find_or_create("interviewee " + std::to_string(1000 + i), kFirstTimestamp));
        }
        std::int64_t now = kFirstTimestamp;
        for (std::uint64_t i = 0; i < count; ++i) {
            const bool chinese = i % 2 == 0;
            const auto content = generator.next(chinese);
            core::validate_report(content);  // what ReportService::create would check
            now += std::uniform_int_distribution<std::int64_t>(60, 1200)(rng);
            const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, case_ids.size() * 5 / 4)(rng);
            const std::int64_t case_id = pick < case_ids.size() ? case_ids[pick] : 0;  // a fifth have no case
            const auto id = reports.create(case_id, content, now);
            audit.append("report_create", "report:" + std::to_string(id), "revision 1", now);
            if (chinese) ++d.chinese;
            if ((i + 1) % 10000 == 0) {
                std::fprintf(stderr, "  generated %llu reports (%.0f s)\n", static_cast<unsigned long long>(i + 1),
                             seconds_since(start));
            }
        }
        tx.commit();
    }
    d.rare = generator.rare_count();
    d.generated_seconds = seconds_since(start);

    const auto export_start = std::chrono::steady_clock::now();
    export_plain_copy(db, d.plain_1k, 1024);
    export_plain_copy(db, d.plain_4k, 4096);
    d.export_seconds = seconds_since(export_start);
}

}  // namespace

SecretBuffer dataset_passphrase() { return SecretBuffer::from_string("fieldvault benchmark data"); }

ReportDataset ensure_report_dataset(const fs::path& cache_dir, std::uint64_t count) {
    ReportDataset d;
    d.root = cache_dir / ("reports-" + std::to_string(count) + "-v" + std::to_string(kGeneratorVersion));
    d.vault = d.root / "vault";
    d.plain_1k = d.root / "plain-1k.db";
    d.plain_4k = d.root / "plain-4k.db";
    d.reports = count;

    std::ifstream marker(d.root / kMarker);
    if (marker >> d.chinese >> d.rare) return d;

    fs::remove_all(d.root);
    fs::create_directories(d.root);
    std::fprintf(stderr, "generating %llu reports in %s (cached for later runs)\n",
                 static_cast<unsigned long long>(count), d.root.c_str());
    generate(d, count);
    std::ofstream(d.root / kMarker) << d.chinese << ' ' << d.rare << '\n';
    return d;
}

}  // namespace fv::bench
