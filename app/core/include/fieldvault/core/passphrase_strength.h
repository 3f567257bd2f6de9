#pragma once
// A simple, honest strength hint for a new passphrase, and the one rule both
// faces apply (core enforces it when a vault is made or its passphrase set).
// Not an entropy estimator: it nudges towards length (several words) and away
// from the obvious.
#include <cstddef>
#include <string_view>

namespace fv::core {

enum class Strength { Empty, TooShort, Weak, Fair, Strong };

// Passphrases shorter than this (in characters) cannot create a vault.
inline constexpr std::size_t kMinPassphraseLength = 8;

Strength passphrase_strength(std::string_view passphrase) noexcept;
// One short sentence for the hint under the field.
const char* strength_hint(Strength strength) noexcept;
// Throws fv::Error(Invalid) with the hint when `passphrase` is empty or too
// short to protect a vault. Session::create and change_passphrase call it.
void require_acceptable_passphrase(std::string_view passphrase);

}  // namespace fv::core
