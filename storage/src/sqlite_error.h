#pragma once
// Maps SQLite result codes to fv::Error kinds. Messages carry SQLite's own text
// (about schema, never values: all values are bound parameters) and a short
// context, never user data.
#include <string_view>

struct sqlite3;

namespace fv::storage::detail {

[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view context);

}  // namespace fv::storage::detail
