#pragma once
// Helpers shared by the storage tests: private temp folders, fast Argon2id
// parameters, a plain in-memory database and a report with every field filled.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fieldvault/crypto/kdf.h"
#include "fieldvault/crypto/secret.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/records.h"

namespace fv::storage::test {

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::filesystem::path path_;
};

// The smallest Argon2id parameters accepted from disk, to keep tests fast.
KdfParams fast_params();
SecretBuffer secret(std::string_view text);

// An unencrypted in-memory database (for migration and repository tests), at
// `schema` (-1 = latest), with foreign keys on as in a vault.
std::unique_ptr<Database> memory_database(int schema = -1);

// Every scalar and every list field set; `tag` makes values distinct.
ReportContent full_content(std::string_view tag);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view bytes);
// Peak resident set (VmHWM) of this process, in KiB.
std::int64_t peak_rss_kib();

}  // namespace fv::storage::test
