// Housekeeping at open: attachment files that no row names (see blob_file.h).
#include <set>
#include <string>

#include "blob_file.h"
#include "fieldvault/model/error.h"

namespace fv::storage::detail {

void remove_orphan_blobs(Database& db) {
    const auto& folder = db.blob_folder();
    std::optional<Transaction> write_lock;
    try {
        // Rows are inserted before their files are written, under the write lock:
        // holding it, every file of a pending write is already named by a row
        // that will either commit or never exist.
        write_lock.emplace(db);
    } catch (const Error&) {
        return;  // another program is writing to this vault right now
    }
    std::set<std::string> named;
    auto stmt = db.prepare("SELECT blob_file FROM attachments WHERE blob_file IS NOT NULL");
    while (stmt.step()) named.insert(stmt.column_text(0));
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        if (is_blob_file_name(name) && !named.contains(name)) {
            std::error_code ignored;
            std::filesystem::remove(entry.path(), ignored);
        }
    }
}

}  // namespace fv::storage::detail
