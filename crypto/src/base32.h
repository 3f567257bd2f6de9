#pragma once
// Internal: base32 bit packing shared by the identity card (RFC 4648 alphabet)
// and the recovery key (Crockford alphabet). Unpadded; the unused low bits of
// the last character must be zero so that each byte string has one spelling.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace fv::crypto::detail {

enum class Base32Status { Ok, WrongLength, BadCharacter, NonZeroPadding };

struct Base32Result {
    Base32Status status = Base32Status::Ok;
    std::size_t position = 0;  // of the bad character, for BadCharacter
};

// Maps one character to its 5-bit value, or returns -1 if it is not in the alphabet.
using Base32Lookup = int (*)(char);

constexpr std::size_t base32_length(std::size_t bytes) { return (bytes * 8 + 4) / 5; }

// Appends the encoding of `bytes` to `out` using the 32-character `alphabet`.
void base32_append(std::span<const std::uint8_t> bytes, std::string_view alphabet, std::string& out);

// Decodes exactly base32_length(out.size()) characters into `out`. On failure
// `out` is zeroed (it may be a secret).
Base32Result base32_decode(std::string_view text, Base32Lookup lookup, std::span<std::uint8_t> out);

}  // namespace fv::crypto::detail
