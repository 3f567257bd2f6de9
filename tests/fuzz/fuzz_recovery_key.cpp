// Fuzzes RecoveryKey::parse, which reads what a user types from paper.
// Beyond "no crash": an accepted text must normalise (drop separators, upper
// case, O->0, I/L->1, optional FVRK prefix) to exactly the canonical text of the
// key it parsed to, and every refusal must be fv::Error(Invalid). The first 32
// bytes are also formatted as a key and must round-trip.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/recovery_key.h"

namespace {

std::string normalise(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            continue;
        }
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (c == 'O') {
            c = '0';
        } else if (c == 'I' || c == 'L') {
            c = '1';
        }
        out.push_back(c);
    }
    if (out.size() == 59 && out.compare(0, 4, "FVRK") == 0) {
        out.erase(0, 4);
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using fv::crypto::RecoveryKey;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto key = RecoveryKey::parse(text);
        if (key.size() != 32) {
            __builtin_trap();
        }
        const auto canonical = RecoveryKey::format(key);
        if (!RecoveryKey::parse(canonical).equals(key)) {
            __builtin_trap();
        }
        if (normalise(text) != normalise(canonical)) {
            __builtin_trap();  // two different keys' worth of text map to one key
        }
    } catch (const fv::Error& error) {
        if (error.kind() != fv::ErrorKind::Invalid) {
            __builtin_trap();
        }
    }

    if (size >= 32) {
        const auto key = fv::SecretBuffer::from_bytes(std::span<const std::uint8_t>(data, 32));
        if (!RecoveryKey::parse(RecoveryKey::format(key)).equals(key)) {
            __builtin_trap();
        }
    }
    return 0;
}
