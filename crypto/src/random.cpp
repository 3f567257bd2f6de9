// Randomness from the OS CSPRNG through libsodium (getrandom on Linux).
#include "fieldvault/crypto/random.h"

#include <sodium.h>

#include <vector>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/secret.h"

namespace fv::crypto {

void random_bytes(std::span<std::uint8_t> out) {
    ensure_initialized();
    if (!out.empty()) {
        randombytes_buf(out.data(), out.size());
    }
}

std::string random_hex_id(std::size_t bytes) {
    if (bytes == 0 || bytes > 1024) {
        throw Error(ErrorKind::Invalid, "random id length must be between 1 and 1024 bytes");
    }
    std::vector<std::uint8_t> raw(bytes);
    random_bytes(raw);
    return to_hex(raw);
}

}  // namespace fv::crypto
