// Fuzzes the vault key header parser (storage/src/key_header.h), which reads
// vault.key / vault.key.bak: files anyone with access to the folder can craft.
// Beyond "no crash": every refusal must be fv::Error(Integrity); an accepted
// header must be exactly what serialize_key_header writes for it (one spelling
// per header, so nothing can hide in the file), must have Argon2id parameters
// within bounds (no 1 TiB allocation from a crafted file), two slots of the
// sealed size, and must give the same slot associated data after a re-parse.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fieldvault/model/error.h"
#include "key_header.h"

namespace {

using namespace fv::storage::detail;

void check_accepted(const KeyHeader& header, std::string_view text) {
    if (serialize_key_header(header) != text) {
        __builtin_trap();  // a second spelling was accepted
    }
    if (!header.kdf.within_bounds() || header.passphrase_slot.size() != kSealedKeySize ||
        header.recovery_slot.size() != kSealedKeySize) {
        __builtin_trap();
    }
    const auto again = parse_key_header(text);
    if (slot_associated_data(again, SlotType::Passphrase) != slot_associated_data(header, SlotType::Passphrase) ||
        slot_associated_data(again, SlotType::Recovery) != slot_associated_data(header, SlotType::Recovery) ||
        again.passphrase_slot != header.passphrase_slot || again.recovery_slot != header.recovery_slot ||
        !(again.cipher == header.cipher) || again.salt != header.salt) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto header = parse_key_header(text);
        check_accepted(header, text);
    } catch (const fv::Error& error) {
        if (error.kind() != fv::ErrorKind::Integrity) {
            __builtin_trap();
        }
    }
    return 0;
}
