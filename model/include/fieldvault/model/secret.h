#pragma once
// Secret material (keys, passphrases) lives only in SecretBuffer: sodium_malloc'd
// memory with guard pages, locked where the OS allows, zeroed when freed, and
// readable only through the explicit reveal()/mutable_bytes() accessors so that
// every read of a secret is visible in review.
//
// It sits in the shared model, not in crypto, because every layer holds
// secrets (the faces read passphrases into it) while only app/core may see
// crypto. libsodium stays a private detail of the model library.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace fv {

class SecretBuffer {
public:
    SecretBuffer() = default;
    explicit SecretBuffer(std::size_t size);  // zero-filled
    static SecretBuffer from_bytes(std::span<const std::uint8_t> bytes);
    static SecretBuffer from_string(std::string_view text);  // copies; caller wipes its own copy
    ~SecretBuffer();

    SecretBuffer(SecretBuffer&& other) noexcept;
    SecretBuffer& operator=(SecretBuffer&& other) noexcept;
    SecretBuffer(const SecretBuffer&) = delete;
    SecretBuffer& operator=(const SecretBuffer&) = delete;

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }

    std::span<const std::uint8_t> reveal() const noexcept { return {data_, size_}; }
    std::span<std::uint8_t> mutable_bytes() noexcept { return {data_, size_}; }
    // The bytes as text (for a passphrase); the view dies with the buffer.
    std::string_view reveal_text() const noexcept;

    // Constant-time comparison (sodium_memcmp).
    [[nodiscard]] bool equals(const SecretBuffer& other) const noexcept;
    void wipe() noexcept;  // zero and free now

private:
    std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

// Zero a non-secret-typed buffer that held a secret (e.g. a std::string from a prompt).
void wipe_memory(void* data, std::size_t size) noexcept;

// Calls sodium_init() once; throws fv::Error if libsodium cannot start.
// SecretBuffer and every crypto entry point call it, so callers need not.
void ensure_sodium_initialized();

}  // namespace fv
