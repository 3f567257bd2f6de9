#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include "fault_vfs.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace fv::test {

namespace {

struct State {
    std::atomic<bool> armed{false};
    FaultPlan plan;
    std::atomic<int> calls{0};
    std::atomic<bool> fired{false};
};

State& state() {
    static State s;
    return s;
}

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs{};

// Our file: the wrapper's methods, followed in memory by the real file.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

// 0 to go ahead, or the planned error code.
int inject(FaultOp op) {
    auto& s = state();
    if (!s.armed.load() || s.plan.op != op) return 0;
    const int n = ++s.calls;
    if (n == s.plan.nth || (s.plan.persistent && n > s.plan.nth)) {
        s.fired.store(true);
        return s.plan.error;
    }
    return 0;
}

int x_close(sqlite3_file* f) {
    auto* real = real_of(f);
    const int rc = real->pMethods != nullptr ? real->pMethods->xClose(real) : SQLITE_OK;
    f->pMethods = nullptr;
    return rc;
}
int x_read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
    if (const int rc = inject(FaultOp::Read)) return rc;
    return real_of(f)->pMethods->xRead(real_of(f), buf, amount, offset);
}
int x_write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
    if (const int rc = inject(FaultOp::Write)) return rc;
    return real_of(f)->pMethods->xWrite(real_of(f), buf, amount, offset);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) { return real_of(f)->pMethods->xTruncate(real_of(f), size); }
int x_sync(sqlite3_file* f, int flags) {
    if (const int rc = inject(FaultOp::Sync)) return rc;
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int x_lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
int x_unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
int x_check_reserved(sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); }
int x_file_control(sqlite3_file* f, int op, void* arg) { return real_of(f)->pMethods->xFileControl(real_of(f), op, arg); }
int x_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int x_device_characteristics(sqlite3_file* f) {
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int x_shm_unmap(sqlite3_file* f, int del) { return real_of(f)->pMethods->xShmUnmap(real_of(f), del); }
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    return real_of(f)->pMethods->xFetch(real_of(f), offset, amount, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
    return real_of(f)->pMethods->xUnfetch(real_of(f), offset, p);
}

const sqlite3_io_methods kMethods = {
    3,           x_close,        x_read,      x_write,         x_truncate,      x_sync,
    x_file_size, x_lock,         x_unlock,    x_check_reserved, x_file_control, x_sector_size,
    x_device_characteristics,    x_shm_map,   x_shm_lock,      x_shm_barrier,   x_shm_unmap,
    x_fetch,     x_unfetch,
};

int x_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* ours = reinterpret_cast<FaultFile*>(file);
    ours->real = reinterpret_cast<sqlite3_file*>(ours + 1);
    std::memset(ours->real, 0, static_cast<std::size_t>(g_real->szOsFile));
    const int rc = g_real->xOpen(g_real, name, ours->real, flags, out_flags);
    // SQLite calls xClose only if pMethods is set: set it only for a real open file.
    file->pMethods = ours->real->pMethods != nullptr ? &kMethods : nullptr;
    return rc;
}
int x_delete(sqlite3_vfs*, const char* name, int sync_dir) { return g_real->xDelete(g_real, name, sync_dir); }
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) { return g_real->xAccess(g_real, name, flags, out); }
int x_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return g_real->xFullPathname(g_real, name, n, out);
}
void* x_dl_open(sqlite3_vfs*, const char* name) { return g_real->xDlOpen(g_real, name); }
void x_dl_error(sqlite3_vfs*, int n, char* out) { g_real->xDlError(g_real, n, out); }
void (*x_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) { return g_real->xDlSym(g_real, handle, symbol); }
void x_dl_close(sqlite3_vfs*, void* handle) { g_real->xDlClose(g_real, handle); }
int x_randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int x_sleep(sqlite3_vfs*, int micros) { return g_real->xSleep(g_real, micros); }
int x_current_time(sqlite3_vfs*, double* out) { return g_real->xCurrentTime(g_real, out); }
int x_get_last_error(sqlite3_vfs*, int n, char* out) { return g_real->xGetLastError(g_real, n, out); }
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) { return g_real->xCurrentTimeInt64(g_real, out); }

}  // namespace

void register_fault_vfs() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (g_real == nullptr) throw std::runtime_error("no default SQLite VFS");
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = kFaultVfsName;
        g_vfs.xOpen = x_open;
        g_vfs.xDelete = x_delete;
        g_vfs.xAccess = x_access;
        g_vfs.xFullPathname = x_full_pathname;
        g_vfs.xDlOpen = x_dl_open;
        g_vfs.xDlError = x_dl_error;
        g_vfs.xDlSym = x_dl_sym;
        g_vfs.xDlClose = x_dl_close;
        g_vfs.xRandomness = x_randomness;
        g_vfs.xSleep = x_sleep;
        g_vfs.xCurrentTime = x_current_time;
        g_vfs.xGetLastError = x_get_last_error;
        g_vfs.xCurrentTimeInt64 = x_current_time_int64;
        if (sqlite3_vfs_register(&g_vfs, 0) != SQLITE_OK) throw std::runtime_error("cannot register the fault VFS");
    });
}

void arm_fault(const FaultPlan& plan) {
    auto& s = state();
    s.armed.store(false);
    s.plan = plan;
    s.calls.store(0);
    s.fired.store(false);
    s.armed.store(true);
}

void disarm_fault() { state().armed.store(false); }

bool fault_fired() { return state().fired.load(); }

int fault_calls() { return state().calls.load(); }

std::string to_string(FaultOp op) {
    switch (op) {
    case FaultOp::Read:
        return "xRead";
    case FaultOp::Write:
        return "xWrite";
    case FaultOp::Sync:
        return "xSync";
    }
    return "?";
}

}  // namespace fv::test
