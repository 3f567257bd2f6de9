// Housekeeping at open: attachment files that no row names (see blob_file.h).
#include <sys/stat.h>

#include <cerrno>
#include <set>
#include <string>

#include "blob_file.h"
#include "fieldvault/model/error.h"

namespace fv::storage::detail {

namespace fs = std::filesystem;

OrphanSweep quarantine_orphan_blobs(Database& db, const fs::path& quarantine) {
    OrphanSweep sweep;
    const auto& folder = db.blob_folder();
    std::optional<Transaction> write_lock;
    try {
        // Rows are inserted before their files are written, under the write lock:
        // holding it, every file of a pending write is already named by a row
        // that will either commit or never exist.
        write_lock.emplace(db);
    } catch (const Error&) {
        return sweep;  // another program is writing to this vault right now
    }
    std::set<std::string> named;
    auto stmt = db.prepare("SELECT blob_file FROM attachments WHERE blob_file IS NOT NULL");
    while (stmt.step()) named.insert(stmt.column_text(0));
    std::error_code ec;
    // A file a row names again (its newer database came back) returns first.
    if (fs::is_directory(fs::symlink_status(quarantine, ec))) {
        for (const auto& name : named) {
            const auto held = quarantine / name;
            const auto home = folder / name;
            std::error_code missing;
            if (fs::exists(fs::symlink_status(home, missing))) continue;
            if (!fs::is_regular_file(fs::symlink_status(held, missing))) continue;
            std::error_code moved;
            fs::rename(held, home, moved);
            if (!moved) ++sweep.restored;
        }
    }
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        if (!is_blob_file_name(name) || named.contains(name)) continue;
        if (::mkdir(quarantine.c_str(), 0700) != 0 && errno != EEXIST) return sweep;
        std::error_code moved;
        fs::rename(entry.path(), quarantine / name, moved);
        if (!moved) ++sweep.quarantined;
    }
    return sweep;
}

}  // namespace fv::storage::detail
