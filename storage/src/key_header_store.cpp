#include "key_header_store.h"

#include <atomic>
#include <system_error>

#include "fieldvault/model/error.h"
#include "file_io.h"

namespace fv::storage::detail {

namespace fs = std::filesystem;

namespace {

std::atomic<int> g_crash_step{0};
std::atomic<bool> g_crashed{false};

void maybe_crash(int step) {
    if (g_crash_step.load() == step) {
        g_crashed.store(true);
        throw Error(ErrorKind::Io, "simulated crash at key header step " + std::to_string(step));
    }
}

struct ReadResult {
    bool present = false;
    std::string bytes;
    std::optional<KeyHeader> header;
    std::optional<Error> error;
};

ReadResult read_copy(const fs::path& path) {
    ReadResult out;
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) return out;
    out.present = true;
    try {
        // read_bounded_file refuses non-regular files and anything over the bound.
        out.bytes = read_bounded_file(path, kMaxKeyHeaderSize);
        out.header = parse_key_header(out.bytes);
    } catch (const Error& e) {
        out.error = e;
    }
    return out;
}

}  // namespace

bool header_present(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / kKeyFile, ec) || fs::is_regular_file(dir / kKeyBackupFile, ec);
}

HeaderCopies read_header_copies(const fs::path& dir) {
    auto primary = read_copy(dir / kKeyFile);
    auto backup = read_copy(dir / kKeyBackupFile);
    if (!primary.present && !backup.present) throw Error(ErrorKind::NotFound, "no vault in this folder");
    HeaderCopies copies;
    if (primary.header) copies.primary_bytes = primary.bytes;
    if (backup.header) copies.backup_bytes = backup.bytes;
    if (primary.header) copies.candidates.push_back({std::move(*primary.header), primary.bytes});
    if (backup.header && (!primary.header || backup.bytes != primary.bytes)) {
        copies.candidates.push_back({std::move(*backup.header), backup.bytes});
    }
    if (copies.candidates.empty()) {
        // Neither copy is usable: say what is wrong with the primary if it is there.
        if (primary.error) throw *primary.error;
        if (backup.error) throw *backup.error;
        throw Error(ErrorKind::Integrity, "corrupted key header");
    }
    return copies;
}

void write_header_copies(const fs::path& dir, std::string_view bytes) {
    if (g_crashed.load()) throw Error(ErrorKind::Io, "simulated crash: no further writes");
    write_temp_file(dir, kKeyBackupFile, bytes);
    maybe_crash(1);
    replace_with_temp_file(dir, kKeyBackupFile);
    maybe_crash(2);
    write_temp_file(dir, kKeyFile, bytes);
    maybe_crash(3);
    replace_with_temp_file(dir, kKeyFile);
    maybe_crash(4);
}

void repair_header_copies(const fs::path& dir, const HeaderCopies& copies, std::string_view chosen) {
    if (g_crashed.load()) return;
    try {
        // The backup first, as in write_header_copies: a crash while repairing
        // leaves at least one copy equal to the one that just opened the vault.
        if (copies.backup_bytes != chosen) write_file_atomically(dir, kKeyBackupFile, chosen);
        if (copies.primary_bytes != chosen) write_file_atomically(dir, kKeyFile, chosen);
        std::error_code ec;
        fs::remove(dir / (std::string(kKeyFile) + ".tmp"), ec);
        fs::remove(dir / (std::string(kKeyBackupFile) + ".tmp"), ec);
    } catch (const Error&) {
        // A read-only copy of a vault still opens; the copies are repaired on a
        // later open that can write.
    }
}

void set_header_crash_step_for_tests(int step) noexcept {
    g_crash_step.store(step);
    g_crashed.store(false);
}

}  // namespace fv::storage::detail
