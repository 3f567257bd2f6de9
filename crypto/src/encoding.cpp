// Hex and base64 of public bytes via libsodium's constant-time codecs.
// Decoding is strict: one canonical text per byte string, so nothing that
// reads a header or a card can be fooled by a second spelling of the same bytes.
#include "fieldvault/crypto/encoding.h"

#include <sodium.h>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

namespace {
constexpr int kBase64Variant = sodium_base64_VARIANT_ORIGINAL;  // standard alphabet, '=' padding
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
    ensure_initialized();
    std::string out(bytes.size() * 2 + 1, '\0');  // sodium writes a terminating NUL
    sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
    out.pop_back();
    return out;
}

Bytes from_hex(std::string_view hex) {
    ensure_initialized();
    if (hex.size() % 2 != 0) {
        throw Error(ErrorKind::Invalid, "hex text has an odd number of digits");
    }
    Bytes out(hex.size() / 2);
    if (hex.empty()) {
        return out;
    }
    std::size_t written = 0;
    const char* end = nullptr;
    const int rc = sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, &end);
    if (rc != 0 || end != hex.data() + hex.size() || written != out.size()) {
        throw Error(ErrorKind::Invalid, "hex text contains a character that is not a hex digit");
    }
    return out;
}

std::string to_base64(std::span<const std::uint8_t> bytes) {
    ensure_initialized();
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kBase64Variant), '\0');  // includes NUL
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kBase64Variant);
    out.pop_back();
    return out;
}

Bytes from_base64(std::string_view text) {
    ensure_initialized();
    if (text.empty()) {
        return {};
    }
    if (text.size() % 4 != 0) {
        throw Error(ErrorKind::Invalid, "base64 text has a length that is not a multiple of 4");
    }
    Bytes out(text.size() / 4 * 3);
    std::size_t written = 0;
    const char* end = nullptr;
    const int rc = sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &written, &end,
                                     kBase64Variant);
    if (rc != 0 || end != text.data() + text.size()) {
        throw Error(ErrorKind::Invalid, "base64 text is malformed (bad character, padding or trailing data)");
    }
    out.resize(written);
    // libsodium already rejects non-zero leftover bits; re-encoding makes "canonical only" explicit.
    if (to_base64(out) != text) {
        throw Error(ErrorKind::Invalid, "base64 text is not in canonical form");
    }
    return out;
}

}  // namespace fv::crypto
