#pragma once
// Sizes that explain the search figures: how big the database and the FTS4
// index are, and how much bigger the CJK bigram index is than unicode61 alone.
#include <cstdint>
#include <string>
#include <vector>

#include "fieldvault/storage/database.h"

namespace fv::bench {

struct IndexStats {
    std::uint64_t raw_text_bytes = 0;     // title + narrative + translation as typed
    std::uint64_t fts_content_bytes = 0;  // the same after bigram rewriting (FTS4 stores it)
    std::uint64_t fts_index_bytes = 0;    // inverted index: segments + segdir roots
    std::uint64_t fts_segments = 0;
    // Narratives only, on a sample, index freshly built and optimised:
    std::uint64_t sample_size = 0;
    std::uint64_t zh_raw_bytes = 0, zh_bigram_index_bytes = 0, zh_unicode61_index_bytes = 0;
    std::uint64_t en_raw_bytes = 0, en_index_bytes = 0;
};

// Runs on a plain copy (same rows; no decryption in the way). Builds its sample
// indexes in the temp schema, which never touches the file.
IndexStats measure_index(storage::Database& plain, std::uint64_t sample_size);

}  // namespace fv::bench
