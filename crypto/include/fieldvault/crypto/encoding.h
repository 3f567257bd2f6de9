#pragma once
// Text encodings of public bytes. Decoders throw fv::Error(Invalid) on bad input.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fv::crypto {

using Bytes = std::vector<std::uint8_t>;

std::string to_hex(std::span<const std::uint8_t> bytes);
Bytes from_hex(std::string_view hex);
std::string to_base64(std::span<const std::uint8_t> bytes);  // standard, padded
Bytes from_base64(std::string_view text);

}  // namespace fv::crypto
