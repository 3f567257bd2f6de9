#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "sqlite_error.h"

#include <cerrno>
#include <string>

#include "fieldvault/model/error.h"

namespace fv::storage::detail {

void throw_sqlite_error(sqlite3* db, int rc, std::string_view context) {
    const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    std::string message(context);
    message += ": ";
    message += detail != nullptr ? detail : sqlite3_errstr(rc);

    switch (rc & 0xff) {
    case SQLITE_FULL:
        throw Error(ErrorKind::Io, "disk full: " + message);
    case SQLITE_IOERR: {
        // SQLite says SQLITE_FULL only for ENOSPC; a file-size limit or a quota
        // is the same thing to the user.
        const int err = db != nullptr ? sqlite3_system_errno(db) : 0;
        if (err == EFBIG || err == EDQUOT) throw Error(ErrorKind::Io, "disk full: " + message);
        throw Error(ErrorKind::Io, message);
    }
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_NOMEM:
    case SQLITE_PERM:
        throw Error(ErrorKind::Io, message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Error(ErrorKind::Io, "the vault is busy (open in another program?): " + message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw Error(ErrorKind::Integrity, "the vault database is corrupted: " + message);
    default:
        throw Error(ErrorKind::Invalid, message);
    }
}

}  // namespace fv::storage::detail
