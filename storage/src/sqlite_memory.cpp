#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>
#include <sodium.h>

#include "sqlite_memory.h"

#include <cstring>
#include <mutex>

namespace fv::storage::detail {

namespace {

sqlite3_mem_methods g_default{};

void wiping_free(void* p) {
    if (p == nullptr) return;
    sodium_memzero(p, static_cast<std::size_t>(g_default.xSize(p)));
    g_default.xFree(p);
}

// A realloc that may move the block must not leave the old copy behind:
// allocate, copy, wipe and free the old one ourselves.
void* wiping_realloc(void* p, int n) {
    if (p == nullptr) return g_default.xMalloc(n);
    const int old_size = g_default.xSize(p);
    if (n <= old_size) return p;  // SQLite only asks to grow; keep the block
    void* q = g_default.xMalloc(n);
    if (q == nullptr) return nullptr;
    std::memcpy(q, p, static_cast<std::size_t>(old_size));
    wiping_free(p);
    return q;
}

bool install() noexcept {
    if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_default) != SQLITE_OK) return false;
    sqlite3_mem_methods wiping = g_default;
    wiping.xFree = wiping_free;
    wiping.xRealloc = wiping_realloc;
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &wiping) != SQLITE_OK) return false;
    return sqlite3_initialize() == SQLITE_OK;
}

}  // namespace

__attribute__((noinline)) void scrub_stack() noexcept {
    unsigned char area[64 * 1024];
    sodium_memzero(area, sizeof area);  // not optimised away
}

bool install_wiping_sqlite_allocator() noexcept {
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] { installed = install(); });
    return installed;
}

}  // namespace fv::storage::detail
