#pragma once
// Test seam: the SQLite VFS that Vault::create/open use for the database.
// Empty (the default) means SQLite's default VFS. Tests register a
// fault-injecting wrapper (tests/hardening/fault_vfs.h) and select it here; the
// program itself never calls the setter.
#include <string>

namespace fv::storage::detail {

void set_vfs_for_tests(std::string name);
// nullptr for the default VFS.
const char* vfs_for_open() noexcept;

}  // namespace fv::storage::detail
