#include "fieldvault/core/passphrase_strength.h"

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"

#include <cstddef>

namespace fv::core {
namespace {

// Counts code points, not bytes: a Chinese passphrase is not "long" because
// each character takes three bytes.
std::size_t count_code_points(std::string_view text) noexcept {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++count;
    return count;
}

bool all_same_character(std::string_view text) noexcept {
    for (const char c : text)
        if (c != text.front()) return false;
    return true;
}

}  // namespace

Strength passphrase_strength(std::string_view passphrase) noexcept {
    if (passphrase.empty()) return Strength::Empty;
    const auto length = count_code_points(passphrase);
    if (length < kMinPassphraseLength) return Strength::TooShort;
    if (all_same_character(passphrase)) return Strength::Weak;

    bool lower = false, upper = false, digit = false, other = false;
    std::size_t spaces = 0;
    for (const char ch : passphrase) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 'a' && c <= 'z') lower = true;
        else if (c >= 'A' && c <= 'Z') upper = true;
        else if (c >= '0' && c <= '9') digit = true;
        else if (c == ' ') ++spaces;
        else other = true;
    }
    const int classes = int{lower} + int{upper} + int{digit} + int{other};
    // Four or more words, or a long mixed string, is what we hope for.
    if (length >= 20 && (spaces >= 3 || classes >= 2)) return Strength::Strong;
    if (length >= 14 || (length >= 10 && classes >= 3)) return Strength::Fair;
    return Strength::Weak;
}

// In the person's language (tr() keeps its strings for the whole run).
const char* strength_hint(Strength strength) noexcept {
    switch (strength) {
        case Strength::Empty: return tr("Use several unrelated words; a sentence only you would write is good.");
        case Strength::TooShort: return tr("Too short: use at least 8 characters (four or more words is better).");
        case Strength::Weak: return tr("Weak: easy to guess. Add more words.");
        case Strength::Fair: return tr("Fair. A few more words would make it strong.");
        case Strength::Strong: return tr("Strong.");
    }
    return "";
}

void require_acceptable_passphrase(std::string_view passphrase) {
    const auto strength = passphrase_strength(passphrase);
    if (strength == Strength::Empty || strength == Strength::TooShort)
        throw Error(ErrorKind::Invalid, strength_hint(Strength::TooShort));
}

}  // namespace fv::core
