#pragma once
// Text for the FTS4 index and queries against it. unicode61 keeps a run of
// Hanzi as one token, so CJK runs are rewritten as overlapping bigrams followed
// by single characters; queries are rewritten the same way and every term is
// turned into a quoted phrase so no FTS syntax from the user is ever parsed.
#include <string>
#include <string_view>

namespace fv::storage::detail {

// The text to store in the FTS table for `text` (invalid UTF-8 bytes become spaces).
std::string fts_index_text(std::string_view text);

// A MATCH expression: quoted phrases joined by spaces (AND). Empty when the query
// has nothing searchable (empty, punctuation only, invalid bytes only).
std::string fts_match_query(std::string_view query);

}  // namespace fv::storage::detail
