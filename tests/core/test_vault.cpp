#include "test_vault.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fv::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fieldvault-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

SecretBuffer passphrase(const std::string& text) { return SecretBuffer::from_string(text); }

KdfParams fast_kdf() { return KdfParams::interactive(); }

TestVault::TestVault() {
    created = core::Session::create(dir, passphrase("correct horse"), "Test reporter", fast_kdf());
    session = core::Session::open(dir, passphrase("correct horse"));
}

ErrorKind kind_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.kind();
    }
    ADD_FAILURE() << "no fv::Error thrown";
    return ErrorKind::Usage;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

}  // namespace fv::test
