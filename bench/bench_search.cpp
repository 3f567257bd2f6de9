// Search latency and list load time over 100,000 generated reports (half with
// Chinese narratives), through fv::core::ReportService on the encrypted vault,
// with the same FTS4 query (Fieldvault's own ReportRepository::search) on plain
// SQLite copies of the same database beside it.
//
// Environment: FIELDVAULT_BENCH_CACHE (folder for the cached dataset, default
// ./bench-cache), FIELDVAULT_BENCH_REPORTS (default 100000).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/storage/repositories.h"
#include "support/bench_env.h"
#include "support/index_stats.h"
#include "support/peak_rss.h"
#include "support/plain_database.h"
#include "support/report_dataset.h"
#include "support/report_words.h"

namespace {

namespace bench = fv::bench;
namespace storage = fv::storage;
namespace core = fv::core;

struct Query {
    const char* name;
    std::string text;
};

const std::vector<Query>& queries() {
    static const std::vector<Query> q{
        {"zh_common", "警察"},                                 // two characters, in ~40% of Chinese narratives
        {"zh_rare", std::string(bench::words::kRareChinese)},  // four characters, ~1 report in 1,000
        {"en_common", "police"},                               // English narratives and translations
        {"miss", "xylophone"},                                 // in no report
    };
    return q;
}

void set_rows(benchmark::State& state, std::size_t rows) {
    state.counters["rows"] = static_cast<double>(rows);
}

template <typename Fn>
void register_timed(const std::string& name, Fn fn) {
    benchmark::RegisterBenchmark(name.c_str(), fn)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(0.5)
        ->Repetitions(3)
        ->DisplayAggregatesOnly(true);
}

// What ReportService::search does after the FTS query (app/core/src/reports.cpp),
// done on a plain database with the vault's page size: load each hit and count
// its attachments.
std::size_t service_equivalent_search(storage::Database& db, const std::string& query) {
    storage::ReportRepository reports(db);
    storage::AttachmentStore attachments(db);
    std::vector<fv::model::ReportSummary> results;
    for (const auto id : reports.search(query)) {
        const auto r = reports.get(id);
        if (!r) continue;
        results.push_back(fv::model::ReportSummary{r->id, r->case_id, r->content.title, r->status,
                                                 r->content.occurred_start, r->created_at, r->updated_at,
                                                 static_cast<std::int64_t>(attachments.list_for_report(id).size()),
                                                 r->content.tactics, {}});
    }
    return results.size();
}

std::int64_t pragma_value(storage::Database& db, const char* pragma) {
    auto stmt = db.prepare(std::string("PRAGMA ") + pragma);
    stmt.step();
    return stmt.column_int(0);
}

void add_context(const bench::ReportDataset& d, const bench::IndexStats& s, storage::Database& vault) {
    namespace fs = std::filesystem;
    auto put = [](const char* key, auto value) { benchmark::AddCustomContext(key, std::to_string(value)); };
    put("vault_page_size", pragma_value(vault, "page_size"));
    put("vault_cache_size", pragma_value(vault, "cache_size"));
    put("reports", d.reports);
    put("reports_chinese", d.chinese);
    put("reports_with_rare_term", d.rare);
    put("generated_seconds", d.generated_seconds);
    put("export_seconds", d.export_seconds);
    put("vault_db_bytes", fs::file_size(d.vault / "vault.db"));
    put("plain_1k_db_bytes", fs::file_size(d.plain_1k));
    put("plain_4k_db_bytes", fs::file_size(d.plain_4k));
    put("raw_text_bytes", s.raw_text_bytes);
    put("fts_content_bytes", s.fts_content_bytes);
    put("fts_index_bytes", s.fts_index_bytes);
    put("fts_segments", s.fts_segments);
    put("sample_narratives", s.sample_size);
    put("sample_zh_raw_bytes", s.zh_raw_bytes);
    put("sample_zh_bigram_index_bytes", s.zh_bigram_index_bytes);
    put("sample_zh_unicode61_index_bytes", s.zh_unicode61_index_bytes);
    put("sample_en_raw_bytes", s.en_raw_bytes);
    put("sample_en_index_bytes", s.en_index_bytes);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    try {
        const auto count = bench::env_u64_or("FIELDVAULT_BENCH_REPORTS", 100000);
        const auto dataset = bench::ensure_report_dataset(bench::env_or("FIELDVAULT_BENCH_CACHE", "bench-cache"), count);

        auto session = core::Session::open(dataset.vault, bench::dataset_passphrase());
        auto plain_1k = bench::open_plain_database(dataset.plain_1k);
        auto plain_4k = bench::open_plain_database(dataset.plain_4k);
        std::fprintf(stderr, "measuring index sizes\n");
        add_context(dataset, bench::measure_index(*plain_4k, 5000), session->db());

        core::ReportService service(*session);
        struct Target {
            const char* name;
            storage::Database* db;
        };
        const std::vector<Target> plain{{"plain_4k", plain_4k.get()}, {"plain_1k", plain_1k.get()}};

        // Issue 16's figures: the first page (50 newest hits and the count) from
        // the vault; the complete search and the full list from the vault and,
        // with the same code, from the plain copy with the vault's schema and
        // page size. Peak RSS is the high-water mark during the benchmark
        // (reset before it, so Argon2id's unlock is not in it).
        const auto with_peak_rss = [](auto body) {
            return [body](benchmark::State& state) {
                bench::reset_peak_rss();
                const auto before = bench::current_rss_bytes();
                body(state);
                state.counters["peak_rss_MiB"] = bench::to_mib(bench::peak_rss_bytes());
                state.counters["rss_before_MiB"] = bench::to_mib(before);
            };
        };
        for (const auto& q : queries()) {
            const std::string text = q.text;
            register_timed(std::string("search/first_page/") + q.name + "/vault",
                           with_peak_rss([&service, text](benchmark::State& state) {
                               fv::model::ReportSummaryPage page;
                               for (auto _ : state) page = service.search_first_page(text);
                               set_rows(state, page.rows.size());
                               state.counters["total"] = static_cast<double>(page.total);
                           }));
            register_timed(std::string("search/full/") + q.name + "/vault",
                           with_peak_rss([&service, text](benchmark::State& state) {
                               std::size_t rows = 0;
                               for (auto _ : state) rows = service.search(text).size();
                               set_rows(state, rows);
                           }));
            register_timed(std::string("search/full/") + q.name + "/plain",
                           with_peak_rss([db = plain_4k.get(), text](benchmark::State& state) {
                               std::size_t rows = 0;
                               for (auto _ : state) rows = storage::ReportRepository(*db).search_summaries(text).size();
                               set_rows(state, rows);
                           }));
        }
        register_timed("list/first_page/vault", with_peak_rss([&service](benchmark::State& state) {
                           fv::model::ReportSummaryPage page;
                           for (auto _ : state) page = service.list_first_page();
                           set_rows(state, page.rows.size());
                           state.counters["total"] = static_cast<double>(page.total);
                       }));
        register_timed("list/full/vault", with_peak_rss([&service](benchmark::State& state) {
                           std::size_t rows = 0;
                           for (auto _ : state) rows = service.list().size();
                           set_rows(state, rows);
                       }));
        register_timed("list/full/plain", with_peak_rss([db = plain_4k.get()](benchmark::State& state) {
                           std::size_t rows = 0;
                           for (auto _ : state) rows = storage::ReportRepository(*db).list().size();
                           set_rows(state, rows);
                       }));

        for (const auto& q : queries()) {
            const std::string text = q.text;
            register_timed(std::string("search/service/vault/") + q.name, [&service, text](benchmark::State& state) {
                std::size_t rows = 0;
                for (auto _ : state) rows = service.search(text).size();
                set_rows(state, rows);
            });
            register_timed(std::string("search/service_equivalent/plain_4k/") + q.name,
                           [db = plain_4k.get(), text](benchmark::State& state) {
                               std::size_t rows = 0;
                               for (auto _ : state) rows = service_equivalent_search(*db, text);
                               set_rows(state, rows);
                           });
            register_timed(std::string("search/fts/vault/") + q.name, [&session, text](benchmark::State& state) {
                std::size_t rows = 0;
                for (auto _ : state) rows = storage::ReportRepository(session->db()).search(text).size();
                set_rows(state, rows);
            });
            for (const auto& t : plain) {
                register_timed(std::string("search/fts/") + t.name + "/" + q.name, [db = t.db, text](benchmark::State& state) {
                    std::size_t rows = 0;
                    for (auto _ : state) rows = storage::ReportRepository(*db).search(text).size();
                    set_rows(state, rows);
                });
            }
        }

        register_timed("list/service/vault", [&service](benchmark::State& state) {
            std::size_t rows = 0;
            for (auto _ : state) rows = service.list().size();
            set_rows(state, rows);
        });
        for (const auto& t : plain) {
            register_timed(std::string("list/repository/") + t.name, [db = t.db](benchmark::State& state) {
                std::size_t rows = 0;
                for (auto _ : state) rows = storage::ReportRepository(*db).list().size();
                set_rows(state, rows);
            });
        }

        // Last, because it changes the vault connection: the same FTS query and
        // list with a 64 MiB page cache instead of SQLite's default 2,000 KiB,
        // so that decrypted pages stay in memory between runs.
        const auto with_cache = [](storage::Database& db, int kib, auto body) {
            return [&db, kib, body](benchmark::State& state) {
                const auto before = pragma_value(db, "cache_size");
                db.exec("PRAGMA cache_size = " + std::to_string(-kib));
                body(state);
                db.exec("PRAGMA cache_size = " + std::to_string(before));
            };
        };
        const auto with_big_cache = [&session, with_cache](auto body) {
            return with_cache(session->db(), 65536, body);
        };
        // Issue 16's complete search and list again with SQLite's default page
        // cache (2,000 KiB) instead of the vault's 32 MiB, on both sides.
        for (const auto& q : queries()) {
            const std::string text = q.text;
            register_timed(std::string("search/full/") + q.name + "/vault_cache_2MiB",
                           with_cache(session->db(), 2000, [&service, text](benchmark::State& state) {
                               std::size_t rows = 0;
                               for (auto _ : state) rows = service.search(text).size();
                               set_rows(state, rows);
                           }));
            register_timed(std::string("search/full/") + q.name + "/plain_cache_2MiB",
                           with_cache(*plain_4k, 2000, [db = plain_4k.get(), text](benchmark::State& state) {
                               std::size_t rows = 0;
                               for (auto _ : state) rows = storage::ReportRepository(*db).search_summaries(text).size();
                               set_rows(state, rows);
                           }));
        }
        register_timed("list/full/vault_cache_2MiB", with_cache(session->db(), 2000, [&service](benchmark::State& state) {
                           std::size_t rows = 0;
                           for (auto _ : state) rows = service.list().size();
                           set_rows(state, rows);
                       }));
        register_timed("list/full/plain_cache_2MiB", with_cache(*plain_4k, 2000, [db = plain_4k.get()](benchmark::State& state) {
                           std::size_t rows = 0;
                           for (auto _ : state) rows = storage::ReportRepository(*db).list().size();
                           set_rows(state, rows);
                       }));
        for (const auto& q : queries()) {
            const std::string text = q.text;
            register_timed(std::string("search/fts/vault_cache_64MiB/") + q.name,
                           with_big_cache([&session, text](benchmark::State& state) {
                               std::size_t rows = 0;
                               for (auto _ : state) rows = storage::ReportRepository(session->db()).search(text).size();
                               set_rows(state, rows);
                           }));
        }
        register_timed("list/service/vault_cache_64MiB", with_big_cache([&service](benchmark::State& state) {
                           std::size_t rows = 0;
                           for (auto _ : state) rows = service.list().size();
                           set_rows(state, rows);
                       }));

        benchmark::RunSpecifiedBenchmarks();
        benchmark::Shutdown();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fieldvault_bench_search: %s\n", e.what());
        return 1;
    }
    return 0;
}
