#include "vfs_seam.h"

namespace fv::storage::detail {

namespace {
// Set only by tests, before any vault is opened; read when one is opened.
std::string& vfs_name() {
    static std::string name;
    return name;
}
}  // namespace

void set_vfs_for_tests(std::string name) { vfs_name() = std::move(name); }

const char* vfs_for_open() noexcept { return vfs_name().empty() ? nullptr : vfs_name().c_str(); }

}  // namespace fv::storage::detail
