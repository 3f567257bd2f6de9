#pragma once
// A thin RAII wrapper over an open SQLCipher connection: prepared statements with
// bound parameters only (no SQL is ever built from user text) and transactions.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fv::storage {

namespace detail {
class Savepoint;
}

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
    // Exchanges the connections only (folder, tracked files and listener stay):
    // a rekey moves this object onto the new database file, so references to it
    // stay valid.
    void swap_connection(Database& other) noexcept { std::swap(db_, other.db_); }

    // Attachment bytes live as encrypted files in this folder (a vault's
    // "blobs/", docs/vault-format.md); without one, attachments cannot be stored.
    void set_blob_folder(std::filesystem::path folder) { blob_folder_ = std::move(folder); }
    const std::filesystem::path& blob_folder() const;  // throws fv::Error(Invalid) if none was set
    // A file written for a row of the open Transaction: removed if that
    // transaction rolls back, kept once it commits.
    void track_uncommitted_file(std::filesystem::path file);

    // The freshness anchor (vault.anchor) follows the audit log's head. AuditLog
    // calls note_audit_append(); `listener` then runs once that append has
    // committed (at once outside a transaction), never for a rolled-back one.
    // It must not throw; a failure in it only leaves the anchor behind.
    void set_audit_commit_listener(std::function<void()> listener) { audit_listener_ = std::move(listener); }
    void note_audit_append();

private:
    friend class Transaction;
    friend class detail::Savepoint;
    void settle_uncommitted_files(bool committed) noexcept;
    void settle_audit_append(bool committed) noexcept;

    sqlite3* db_;
    std::filesystem::path blob_folder_;
    std::vector<std::filesystem::path> uncommitted_files_;
    std::function<void()> audit_listener_;
    bool audit_append_pending_ = false;
};

// Begins IMMEDIATE on construction; rolls back on destruction unless committed
// (and then removes the files tracked with Database::track_uncommitted_file).
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
