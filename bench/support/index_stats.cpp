#include "index_stats.h"

namespace fv::bench {

namespace {

std::uint64_t scalar(storage::Database& db, const std::string& sql) {
    auto stmt = db.prepare(sql);
    stmt.step();
    return static_cast<std::uint64_t>(stmt.column_int(0));
}

std::uint64_t fts_bytes(storage::Database& db, const std::string& table) {
    return scalar(db, "SELECT (SELECT coalesce(sum(length(block)), 0) FROM " + table +
                          "_segments) + (SELECT coalesce(sum(length(root)), 0) FROM " + table + "_segdir)");
}

// Indexes `column` (of the reports-joined-to-content sample) in a fresh FTS4
// table and returns the optimised index size. Names are constants, not input.
std::uint64_t sample_index(storage::Database& db, const std::string& name, const std::string& column,
                           const std::string& language, std::uint64_t limit) {
    db.exec("DROP TABLE IF EXISTS temp." + name);
    db.exec("CREATE VIRTUAL TABLE temp." + name + " USING fts4(narrative, tokenize=unicode61)");
    db.prepare("INSERT INTO temp." + name + " (docid, narrative) SELECT r.id, " + column +
               " FROM reports r JOIN report_search_content c ON c.docid = r.id "
               "WHERE r.narrative_language = ? ORDER BY r.id LIMIT ?")
        .bind(1, language)
        .bind(2, static_cast<std::int64_t>(limit))
        .run();
    db.exec("INSERT INTO temp." + name + " (" + name + ") VALUES ('optimize')");
    const auto bytes = fts_bytes(db, "temp." + name);
    db.exec("DROP TABLE temp." + name);
    return bytes;
}

std::uint64_t sample_raw(storage::Database& db, const std::string& language, std::uint64_t limit) {
    auto stmt = db.prepare(
        "SELECT coalesce(sum(length(CAST(narrative AS BLOB))), 0) FROM "
        "(SELECT narrative FROM reports WHERE narrative_language = ? ORDER BY id LIMIT ?)");
    stmt.bind(1, language).bind(2, static_cast<std::int64_t>(limit));
    stmt.step();
    return static_cast<std::uint64_t>(stmt.column_int(0));
}

}  // namespace

IndexStats measure_index(storage::Database& db, std::uint64_t sample_size) {
    IndexStats s;
    s.raw_text_bytes = scalar(db,
        "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(narrative AS BLOB)) + "
        "length(CAST(translation AS BLOB))) FROM reports");
    s.fts_content_bytes = scalar(db,
        "SELECT sum(length(CAST(c0title AS BLOB)) + length(CAST(c1narrative AS BLOB)) + "
        "length(CAST(c2translation AS BLOB))) FROM report_search_content");
    s.fts_index_bytes = fts_bytes(db, "report_search");
    s.fts_segments = scalar(db, "SELECT count(*) FROM report_search_segdir");

    s.sample_size = sample_size;
    s.zh_raw_bytes = sample_raw(db, "zh-Hans", sample_size);
    s.zh_bigram_index_bytes = sample_index(db, "sample_zh_bigram", "c.c1narrative", "zh-Hans", sample_size);
    s.zh_unicode61_index_bytes = sample_index(db, "sample_zh_raw", "r.narrative", "zh-Hans", sample_size);
    s.en_raw_bytes = sample_raw(db, "en", sample_size);
    s.en_index_bytes = sample_index(db, "sample_en", "c.c1narrative", "en", sample_size);
    return s;
}

}  // namespace fv::bench
