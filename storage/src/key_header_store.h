#pragma once
// The key header is kept twice in the vault folder, "vault.key" and
// "vault.key.bak", so that a torn or corrupted write of one copy is survivable.
// Both are written atomically (temp, fsync, rename), the backup first. See
// docs/vault-format.md ("Two copies of the key header").
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "key_header.h"

namespace fv::storage::detail {

inline constexpr std::string_view kKeyFile = "vault.key";
inline constexpr std::string_view kKeyBackupFile = "vault.key.bak";

// One copy that parsed.
struct HeaderCandidate {
    KeyHeader header;
    std::string bytes;  // exactly as on disk (the canonical serialisation)
};

struct HeaderCopies {
    // Candidates to try, in order: the primary if it parsed, then the backup if
    // it parsed and differs from the primary (a passphrase change that stopped
    // between the two writes leaves the backup one step ahead).
    std::vector<HeaderCandidate> candidates;
    std::string primary_bytes;  // "" if missing or unreadable
    std::string backup_bytes;
};

// True if either copy is present.
bool header_present(const std::filesystem::path& dir);

// Throws fv::Error(NotFound) if neither copy exists, and the primary's (else the
// backup's) fv::Error(Integrity) if neither parses.
HeaderCopies read_header_copies(const std::filesystem::path& dir);

// Writes the backup, then the primary, each atomically.
void write_header_copies(const std::filesystem::path& dir, std::string_view bytes);

// After a successful unlock with `chosen`: rewrites whichever copy differs from
// it and removes stale temp files. Best effort: a read-only folder still opens.
void repair_header_copies(const std::filesystem::path& dir, const HeaderCopies& copies, std::string_view chosen);

// Test hook: a simulated crash at `step` of the next write_header_copies
// (1: backup temp written, 2: backup renamed, 3: primary temp written,
// 4: primary renamed). From then on every header write throws at once without
// touching the disk, as a dead process would, until reset with 0.
void set_header_crash_step_for_tests(int step) noexcept;

}  // namespace fv::storage::detail
