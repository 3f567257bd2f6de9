#include "base32.h"

#include <sodium.h>

namespace fv::crypto::detail {

void base32_append(std::span<const std::uint8_t> bytes, std::string_view alphabet, std::string& out) {
    std::uint32_t accumulator = 0;
    unsigned bits = 0;
    out.reserve(out.size() + base32_length(bytes.size()));
    for (const std::uint8_t byte : bytes) {
        accumulator = ((accumulator << 8) | byte) & 0xfffu;  // at most 12 live bits
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.push_back(alphabet[(accumulator >> bits) & 31u]);
        }
    }
    if (bits > 0) {
        out.push_back(alphabet[(accumulator << (5 - bits)) & 31u]);
    }
    accumulator = 0;
}

Base32Result base32_decode(std::string_view text, Base32Lookup lookup, std::span<std::uint8_t> out) {
    if (text.size() != base32_length(out.size())) {
        return {Base32Status::WrongLength, 0};
    }
    std::uint32_t accumulator = 0;
    unsigned bits = 0;
    std::size_t written = 0;
    Base32Result result;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int value = lookup(text[i]);
        if (value < 0) {
            result = {Base32Status::BadCharacter, i};
            break;
        }
        accumulator = ((accumulator << 5) | static_cast<std::uint32_t>(value)) & 0xfffu;  // at most 12 live bits
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out[written++] = static_cast<std::uint8_t>(accumulator >> bits);
        }
    }
    if (result.status == Base32Status::Ok && (accumulator & ((1u << bits) - 1u)) != 0) {
        result.status = Base32Status::NonZeroPadding;
    }
    if (result.status != Base32Status::Ok && !out.empty()) {
        sodium_memzero(out.data(), out.size());
    }
    accumulator = 0;
    return result;
}

}  // namespace fv::crypto::detail
