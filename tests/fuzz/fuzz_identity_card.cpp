// Fuzzes PublicIdentity::parse_card, which reads cards pasted by other people.
// Beyond "no crash": whatever is accepted must be the one canonical spelling
// (lower case, trimmed) of a card that round-trips, and every refusal must be
// fv::Error(Invalid). The first 64 bytes are also tried as raw keys, to reach
// the key checks that a mutated card rarely gets past the checksum to.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/identity.h"

namespace {

std::string canonical_spelling(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

void check_accepted(const fv::crypto::PublicIdentity& id) {
    const auto card = id.card();
    if (!(fv::crypto::PublicIdentity::parse_card(card) == id)) {
        __builtin_trap();
    }
    if (id.fingerprint().size() != 35) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto id = fv::crypto::PublicIdentity::parse_card(text);
        check_accepted(id);
        if (canonical_spelling(text) != id.card()) {
            __builtin_trap();  // a second spelling of the same card was accepted
        }
    } catch (const fv::Error& error) {
        if (error.kind() != fv::ErrorKind::Invalid) {
            __builtin_trap();
        }
    }

    if (size >= 64) {
        fv::crypto::PublicIdentity raw;
        for (std::size_t i = 0; i < 32; ++i) {
            raw.signing_key[i] = data[i];
            raw.encryption_key[i] = data[32 + i];
        }
        try {
            const auto parsed = fv::crypto::PublicIdentity::parse_card(raw.card());
            if (!(parsed == raw)) {
                __builtin_trap();
            }
            check_accepted(parsed);
        } catch (const fv::Error& error) {
            if (error.kind() != fv::ErrorKind::Invalid) {
                __builtin_trap();
            }
        }
    }
    return 0;
}
