#pragma once
// The recovery key opens a vault when the passphrase is lost: 32 random bytes
// shown once as printable, checksummed groups, e.g. "FVRK-XXXX-XXXX-...".
#include <string>
#include <string_view>

#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

struct RecoveryKey {
    SecretBuffer key;  // 32 bytes
    std::string text;  // the printable form, shown to the user once

    static RecoveryKey generate();
    // The printable form of a given 32-byte key (what generate() puts in `text`).
    // Throws fv::Error(Invalid) if the key is not 32 bytes.
    static std::string format(const SecretBuffer& key);
    // Accepts lower case, missing or extra dashes and spaces. Throws
    // fv::Error(Invalid) for a malformed key or a checksum mismatch (a typo).
    static SecretBuffer parse(std::string_view text);
};

}  // namespace fv::crypto
