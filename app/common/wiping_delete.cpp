// Replacement global operator new/delete for the programs (fieldvault-cli,
// fieldvault) and the memory scan test: every block handed back through any
// operator delete is zeroed over its whole usable size before free().
//
// Why: freed std::string / JSON buffers of app/core and storage hold report
// text, and glibc keeps small freed chunks in per-thread caches (tcache) that
// it never overwrites, so report text stayed readable in the heap after lock
// (docs/testing.md, "Memory after lock"). Wiping on delete is what KeePassXC's
// Alloc.cpp does. Memory from malloc() in C libraries is not covered (SQLite
// has its own wiping allocator, storage/src/sqlite_memory.cpp; libsodium keeps
// secrets in sodium_malloc).
//
// Built as an OBJECT library so that these definitions are always linked in
// (a static archive member nobody references would be dropped). Not built
// under ASan, which replaces operator new/delete itself.
#include <malloc.h>  // malloc_usable_size
#include <stdlib.h>  // posix_memalign
#include <string.h>  // explicit_bzero

#include <cstddef>
#include <cstdlib>
#include <new>

namespace {

[[noreturn]] void out_of_memory() { throw std::bad_alloc(); }

void* allocate(std::size_t size) {
    if (size == 0) size = 1;
    for (;;) {
        if (void* p = std::malloc(size)) return p;
        const std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) out_of_memory();
        handler();
    }
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) {
    auto align = static_cast<std::size_t>(alignment);
    if (align < sizeof(void*)) align = sizeof(void*);
    if (size == 0) size = 1;
    for (;;) {
        void* p = nullptr;
        if (posix_memalign(&p, align, size) == 0) return p;
        const std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) out_of_memory();
        handler();
    }
}

void* allocate_nothrow(std::size_t size) noexcept {
    try {
        return allocate(size);
    } catch (...) {
        return nullptr;
    }
}

void* allocate_aligned_nothrow(std::size_t size, std::align_val_t alignment) noexcept {
    try {
        return allocate_aligned(size, alignment);
    } catch (...) {
        return nullptr;
    }
}

void release(void* p) noexcept {
    if (p == nullptr) return;
    // The usable size, not the requested one: the slack can hold older data
    // of a previous, larger use of the same chunk.
    explicit_bzero(p, malloc_usable_size(p));
    std::free(p);
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate_nothrow(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate_nothrow(size); }
void* operator new(std::size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new[](std::size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return allocate_aligned_nothrow(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return allocate_aligned_nothrow(size, alignment);
}

void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
