#pragma once
// A SQLite VFS that wraps the default ("unix") one and fails the Nth xRead,
// xWrite or xSync on purpose, to prove that every operation either completes or
// leaves the vault as it was. Registered as "fieldvault-fault", not as the
// default; select it with storage::detail::set_vfs_for_tests.
#include <string>

namespace fv::test {

enum class FaultOp { Read, Write, Sync };

struct FaultPlan {
    FaultOp op = FaultOp::Write;
    int nth = 1;              // 1-based, counted from arm()
    int error = 0;            // SQLite result code to return (e.g. SQLITE_IOERR_WRITE, SQLITE_FULL)
    bool persistent = false;  // keep failing every later call of that kind (a disk that stays full)
};

inline constexpr const char* kFaultVfsName = "fieldvault-fault";

void register_fault_vfs();  // idempotent
void arm_fault(const FaultPlan& plan);
void disarm_fault();
bool fault_fired();
int fault_calls();  // calls of the planned kind since arm_fault

std::string to_string(FaultOp op);

}  // namespace fv::test
