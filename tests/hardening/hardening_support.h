#pragma once
// Helpers shared by the hardening tests: a vault made through app/core with a
// few reports, copies of a vault folder, and a canonical dump of everything a
// vault holds (so "exactly as before" can be compared).
#include <sys/resource.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "fieldvault/core/session.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/records.h"

namespace fv::test {

// A vault at `dir` with passphrase `passphrase`: two reports in a case, one
// edited once, one with a small attachment. Fast Argon2id parameters.
void make_sample_vault(const std::filesystem::path& dir, std::string_view passphrase);

// Replaces `to` with a copy of the files of folder `from`.
void copy_folder(const std::filesystem::path& from, const std::filesystem::path& to);

// Every row of every user-visible table, in a fixed order, as text. With
// `with_times` false the columns that hold the clock (and the audit hashes that
// cover it) are left out, so two runs of the same action compare equal.
std::string dump_vault(storage::Database& db, bool with_times);

// "ok" or SQLite's list of problems.
std::string integrity_check(storage::Database& db);

model::ReportContent sample_content(std::string_view title, std::string_view narrative);

// A file of `size` deterministic, incompressible-looking bytes.
void write_pattern_file(const std::filesystem::path& path, std::size_t size, std::uint8_t seed);

// What `action` did in a child process whose files may not grow past `limit`
// bytes (RLIMIT_FSIZE, SIGXFSZ ignored: a full disk without a tmpfs).
// exit_code: 0 = it returned, 10 = fv::Error(Io), 11 = another fv::Error,
// 12 = anything else; `message` is the error's text (or `done_message`).
struct LimitedRun {
    int exit_code = -1;
    std::string message;
};
LimitedRun run_with_file_size_limit(rlim_t limit, const std::function<void()>& action,
                                    const std::string& done_message);

}  // namespace fv::test
