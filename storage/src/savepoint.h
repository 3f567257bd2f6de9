#pragma once
// A nested, all-or-nothing scope for one multi-statement repository write.
// Inside the caller's Transaction it is a savepoint (the caller still decides to
// commit); without one, SQLite treats it as its own transaction. Either way a
// failure part-way leaves nothing half-written (e.g. an attachment with only
// some of its chunks).
#include <string>
#include <string_view>

#include "fieldvault/storage/database.h"

namespace fv::storage::detail {

class Savepoint {
public:
    Savepoint(Database& db, std::string_view name);  // name: a constant identifier
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release();

private:
    Database& db_;
    std::string name_;
    bool done_ = false;
};

}  // namespace fv::storage::detail
