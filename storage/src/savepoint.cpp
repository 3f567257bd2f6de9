#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "savepoint.h"

namespace fv::storage::detail {

Savepoint::Savepoint(Database& db, std::string_view name) : db_(db), name_(name) {
    db_.exec("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
    if (done_) return;
    // Undo this scope's writes, then drop the savepoint; errors cannot leave a destructor.
    const std::string rollback = "ROLLBACK TO " + name_ + "; RELEASE " + name_;
    sqlite3_exec(db_.handle(), rollback.c_str(), nullptr, nullptr, nullptr);
    if (sqlite3_get_autocommit(db_.handle()) != 0) db_.settle_audit_append(false);
}

void Savepoint::release() {
    db_.exec("RELEASE " + name_);
    done_ = true;
    // Outside any transaction the release was the commit.
    if (sqlite3_get_autocommit(db_.handle()) != 0) db_.settle_audit_append(true);
}

}  // namespace fv::storage::detail
