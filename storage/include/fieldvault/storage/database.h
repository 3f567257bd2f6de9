#pragma once
// A thin RAII wrapper over an open SQLCipher connection: prepared statements with
// bound parameters only (no SQL is ever built from user text) and transactions.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fv::storage {

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_blob(int index, std::span<const std::uint8_t> bytes);
    Statement& bind_null(int index);

    bool step();      // true while a row is available; throws fv::Error on failure
    void run();       // step to completion (for statements without rows)
    void reset();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    std::span<const std::uint8_t> column_blob(int index) const;  // valid until the next step
    bool column_is_null(int index) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
};

class Database {
public:
    explicit Database(sqlite3* handle);  // takes ownership
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);  // trusted, constant SQL only
    Statement prepare(std::string_view sql);
    std::int64_t last_insert_id() const;
    std::int64_t changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
    sqlite3* handle() const noexcept { return db_; }

private:
    sqlite3* db_;
};

// Begins IMMEDIATE on construction; rolls back on destruction unless committed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace fv::storage
