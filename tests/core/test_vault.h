#pragma once
// A fresh vault in its own temporary folder, removed after the test.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "fieldvault/core/session.h"
#include "fieldvault/model/error.h"

namespace fv::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

SecretBuffer passphrase(const std::string& text);
KdfParams fast_kdf();

struct TestVault {
    TempDir tmp;
    std::filesystem::path dir = tmp.path() / "vault";
    core::CreatedVault created;
    std::unique_ptr<core::Session> session;

    TestVault();
};

std::string read_file(const std::filesystem::path& path);
// The kind of the fv::Error that `action` throws (a test failure if it throws none).
ErrorKind kind_of(const std::function<void()>& action);
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace fv::test
