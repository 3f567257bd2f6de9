#pragma once
// A simple, honest strength hint for a new passphrase. Not an entropy
// estimator: it nudges towards length (several words) and away from the obvious.
#include <cstddef>
#include <string_view>

namespace fv::gui {

enum class Strength { Empty, TooShort, Weak, Fair, Strong };

// Passphrases shorter than this (in characters) cannot create a vault.
inline constexpr std::size_t kMinPassphraseLength = 8;

Strength passphrase_strength(std::string_view passphrase) noexcept;
// One short sentence for the hint under the field.
const char* strength_hint(Strength strength) noexcept;

}  // namespace fv::gui
