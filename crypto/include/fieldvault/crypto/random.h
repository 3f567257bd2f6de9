#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace fv::crypto {

void random_bytes(std::span<std::uint8_t> out);
// A random identifier as lowercase hex (for bundle ids and similar public ids).
std::string random_hex_id(std::size_t bytes = 16);

}  // namespace fv::crypto
