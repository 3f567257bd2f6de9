#pragma once
// SHA-256 for attachment and audit hashes (what courts and other tools check),
// streaming so that any file size hashes in constant memory.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace fv::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256&&) noexcept;
    Sha256& operator=(Sha256&&) noexcept;
    void update(std::span<const std::uint8_t> data);
    void update(std::string_view text);
    Sha256Digest finish();  // the object must not be updated afterwards

private:
    struct State;
    std::unique_ptr<State> state_;
};

Sha256Digest sha256(std::span<const std::uint8_t> data);
Sha256Digest sha256(std::string_view text);

}  // namespace fv::crypto
