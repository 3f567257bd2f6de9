#pragma once
// The 100,000-report vault for the search and list benchmarks, generated once
// and cached (generation takes minutes; the benchmarks take seconds), plus two
// plain (unencrypted) copies of the same database made with sqlcipher_export():
// one with 4 KiB pages, the page size of a Fieldvault vault and SQLite's default
// (so vault vs this copy is the cost of encryption alone), and one with 1 KiB
// pages, SQLCipher 3's default (the effect of page size without encryption).
#include <cstdint>
#include <filesystem>
#include <string>

#include "fieldvault/crypto/secret.h"

namespace fv::bench {

struct ReportDataset {
    std::filesystem::path root;
    std::filesystem::path vault;     // a Fieldvault vault folder
    std::filesystem::path plain_1k;  // plain SQLite, page_size 1024
    std::filesystem::path plain_4k;  // plain SQLite, page_size 4096
    std::uint64_t reports = 0;
    std::uint64_t chinese = 0;       // reports with a Chinese narrative
    std::uint64_t rare = 0;          // reports mentioning the rare term
    double generated_seconds = 0;    // 0 when the cache was used
    double export_seconds = 0;       // making the two plain copies (0 when cached)
};

// A fixed benchmark passphrase: the vault holds invented data only.
SecretBuffer dataset_passphrase();

// Returns the cached dataset under `cache_dir`, or generates it. A dataset is
// complete only once its marker file exists; a partial one is deleted.
ReportDataset ensure_report_dataset(const std::filesystem::path& cache_dir, std::uint64_t count);

}  // namespace fv::bench
