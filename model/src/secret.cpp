// SecretBuffer: secrets live in sodium_malloc'd memory (guard pages around it,
// mlock'd where the OS allows, zeroed by sodium_free), never in std::string.
#include "fieldvault/model/secret.h"

#include <sodium.h>

#include <cstring>
#include <mutex>
#include <new>
#include <utility>

#include "fieldvault/model/error.h"

namespace fv {

void ensure_sodium_initialized() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = sodium_init() >= 0; });  // 1 = already initialised, also fine
    if (!ok) {
        throw Error(ErrorKind::Io, "libsodium could not be initialised");
    }
}

namespace {

// sodium_malloc(0) would still map guard pages; an empty buffer holds no pointer instead.
std::uint8_t* allocate(std::size_t size) {
    if (size == 0) {
        return nullptr;
    }
    ensure_sodium_initialized();
    void* memory = sodium_malloc(size);
    if (memory == nullptr) {
        throw std::bad_alloc();
    }
    // sodium_malloc fills with 0xdb to expose use of uninitialised memory; we promise zeros.
    sodium_memzero(memory, size);
    return static_cast<std::uint8_t*>(memory);
}

}  // namespace

SecretBuffer::SecretBuffer(std::size_t size) : data_(allocate(size)), size_(size) {}

SecretBuffer SecretBuffer::from_bytes(std::span<const std::uint8_t> bytes) {
    SecretBuffer buffer(bytes.size());
    if (!bytes.empty()) {
        std::memcpy(buffer.data_, bytes.data(), bytes.size());
    }
    return buffer;
}

SecretBuffer SecretBuffer::from_string(std::string_view text) {
    SecretBuffer buffer(text.size());
    if (!text.empty()) {
        std::memcpy(buffer.data_, text.data(), text.size());
    }
    return buffer;
}

SecretBuffer::~SecretBuffer() { wipe(); }

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
    if (this != &other) {
        wipe();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

std::string_view SecretBuffer::reveal_text() const noexcept {
    if (data_ == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(data_), size_};
}

bool SecretBuffer::equals(const SecretBuffer& other) const noexcept {
    if (size_ != other.size_) {
        return false;  // sizes are not secret
    }
    if (size_ == 0) {
        return true;
    }
    return sodium_memcmp(data_, other.data_, size_) == 0;
}

void SecretBuffer::wipe() noexcept {
    if (data_ != nullptr) {
        sodium_memzero(data_, size_);  // sodium_free zeroes too; this keeps the promise explicit
        sodium_free(data_);
    }
    data_ = nullptr;
    size_ = 0;
}

void wipe_memory(void* data, std::size_t size) noexcept {
    if (data != nullptr && size != 0) {
        sodium_memzero(data, size);
    }
}

}  // namespace fv
