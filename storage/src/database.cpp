#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "fieldvault/storage/database.h"

#include <utility>

#include "fieldvault/model/error.h"
#include "sqlite_error.h"

namespace fv::storage {

using detail::throw_sqlite_error;

namespace {

// SQLite binds a NULL pointer as SQL NULL; an empty value must stay a value.
constexpr char kEmpty[] = "";

int checked_length(std::size_t size) {
    if (size > 0x7fffffffU) throw Error(ErrorKind::Invalid, "value too large for the database");
    return static_cast<int>(size);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), stmt_(nullptr) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), checked_length(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        throw_sqlite_error(db, rc, "cannot prepare statement");
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    const char* data = text.data() != nullptr ? text.data() : kEmpty;
    const int rc = sqlite3_bind_text(stmt_, index, data, checked_length(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> bytes) {
    const void* data = bytes.data() != nullptr ? static_cast<const void*>(bytes.data()) : kEmpty;
    const int rc = sqlite3_bind_blob(stmt_, index, data, checked_length(bytes.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "cannot bind parameter");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Reset so the statement is reusable and the error is reported once.
    sqlite3_reset(stmt_);
    throw_sqlite_error(db_, rc, "database statement failed");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_, index);
    const int size = sqlite3_column_bytes(stmt_, index);
    if (text == nullptr || size <= 0) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::span<const std::uint8_t> Statement::column_blob(int index) const {
    const void* data = sqlite3_column_blob(stmt_, index);
    const int size = sqlite3_column_bytes(stmt_, index);
    if (data == nullptr || size <= 0) return {};
    return {static_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)};
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

Database::Database(sqlite3* handle) : db_(handle) {
    if (db_ == nullptr) throw Error(ErrorKind::Invalid, "no database handle");
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::exec(std::string_view sql) {
    // sqlite3_exec needs a terminated string; constant SQL only, so a copy is fine.
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "database command failed");
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

std::int64_t Database::changes() const { return sqlite3_changes(db_); }

const std::filesystem::path& Database::blob_folder() const {
    if (blob_folder_.empty()) throw Error(ErrorKind::Invalid, "this database has no folder for attachment files");
    return blob_folder_;
}

void Database::track_uncommitted_file(std::filesystem::path file) { uncommitted_files_.push_back(std::move(file)); }

void Database::settle_uncommitted_files(bool committed) noexcept {
    if (!committed) {
        // The rows naming these files are gone: the files are undecryptable
        // leftovers (their keys were in those rows), removed now rather than at
        // the next open's sweep.
        for (const auto& file : uncommitted_files_) {
            std::error_code ignored;
            std::filesystem::remove(file, ignored);
        }
    }
    uncommitted_files_.clear();
}

void Database::note_audit_append() {
    audit_append_pending_ = true;
    if (sqlite3_get_autocommit(db_) != 0) settle_audit_append(true);  // the INSERT was its own transaction
}

void Database::settle_audit_append(bool committed) noexcept {
    if (!audit_append_pending_) return;
    audit_append_pending_ = false;
    if (!committed || !audit_listener_) return;
    try {
        audit_listener_();
    } catch (...) {
        // The commit stands; the anchor stays one step behind, which an open accepts.
    }
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        // Never throws from a destructor; a failed rollback leaves SQLite to roll
        // back on close, which it does for any open transaction.
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        db_.settle_uncommitted_files(false);
        db_.settle_audit_append(false);
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
    db_.settle_uncommitted_files(true);
    db_.settle_audit_append(true);
}

}  // namespace fv::storage
