#include "key_header.h"

#include <nlohmann/json.hpp>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"

namespace fv::storage::detail {

using nlohmann::json;

namespace {

constexpr std::string_view kArgon2id = "argon2id13";

[[noreturn]] void corrupted() { throw Error(ErrorKind::Integrity, "corrupted key header"); }

json body_json(const KeyHeader& h) {
    return json{
        {"format", kKeyHeaderFormat},
        {"version", kKeyHeaderVersion},
        {"kdf",
         {{"algorithm", kArgon2id},
          {"opslimit", h.kdf.opslimit},
          {"memlimit", h.kdf.memlimit},
          {"salt", crypto::to_base64(h.salt)}}},
        {"cipher",
         {{"cipher", h.cipher.cipher},
          {"page_size", h.cipher.page_size},
          {"kdf_iter", h.cipher.kdf_iter},
          {"fast_kdf_iter", h.cipher.fast_kdf_iter},
          {"use_hmac", h.cipher.use_hmac},
          {"hmac_algorithm", h.cipher.hmac_algorithm},
          {"kdf_algorithm", h.cipher.kdf_algorithm}}},
        {"slots",
         json::array({{{"type", "passphrase"}, {"sealed", crypto::to_base64(h.passphrase_slot)}},
                      {{"type", "recovery"}, {"sealed", crypto::to_base64(h.recovery_slot)}}})},
    };
}

std::string checksum_of(const json& body) { return crypto::to_hex(crypto::sha256(body.dump())); }

const json& member(const json& object, const char* key) {
    if (!object.is_object()) corrupted();
    const auto it = object.find(key);
    if (it == object.end()) corrupted();
    return *it;
}

std::string string_member(const json& object, const char* key) {
    const auto& value = member(object, key);
    if (!value.is_string()) corrupted();
    return value.get<std::string>();
}

std::uint64_t unsigned_member(const json& object, const char* key) {
    const auto& value = member(object, key);
    if (!value.is_number_unsigned()) corrupted();
    return value.get<std::uint64_t>();
}

std::uint32_t u32_member(const json& object, const char* key) {
    const std::uint64_t value = unsigned_member(object, key);
    if (value > 0xffffffffu) corrupted();
    return static_cast<std::uint32_t>(value);
}

std::vector<std::uint8_t> base64_member(const json& object, const char* key) {
    try {
        return crypto::from_base64(string_member(object, key));
    } catch (const Error&) {
        corrupted();
    }
}

void append_field(std::vector<std::uint8_t>& out, std::string_view field) {
    const auto size = static_cast<std::uint64_t>(field.size());
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(size >> shift));
    out.insert(out.end(), field.begin(), field.end());
}

void check_cipher_settings(const CipherSettings& c) {
    const bool page_ok = c.page_size >= 512 && c.page_size <= 65536 && (c.page_size & (c.page_size - 1)) == 0;
    // SQLCipher 3.4 can only do AES-256-CBC with HMAC-SHA1 and PBKDF2-HMAC-SHA1.
    if (c.cipher != "aes-256-cbc" || !page_ok || c.kdf_iter < 1 || c.kdf_iter > 10'000'000 ||
        c.fast_kdf_iter < 1 || c.fast_kdf_iter > 1000 || !c.use_hmac || c.hmac_algorithm != "HMAC_SHA1" ||
        c.kdf_algorithm != "PBKDF2_HMAC_SHA1") {
        throw Error(ErrorKind::Integrity, "key header has unsupported cipher settings");
    }
}

}  // namespace

std::string serialize_key_header(const KeyHeader& header) {
    json document = body_json(header);
    document["checksum"] = checksum_of(document);
    return document.dump(2) + "\n";
}

KeyHeader parse_key_header(std::string_view text) {
    if (text.empty() || text.size() > kMaxKeyHeaderSize) corrupted();
    json document;
    try {
        document = json::parse(text.begin(), text.end());
    } catch (const json::exception&) {
        corrupted();
    }
    if (!document.is_object()) corrupted();
    // The version decides the layout, so it is checked before anything else.
    const auto version = document.find("version");
    if (version == document.end() || !version->is_number_integer()) corrupted();
    if (version->get<std::int64_t>() != kKeyHeaderVersion) {
        throw Error(ErrorKind::Integrity, "unsupported vault version");
    }
    if (string_member(document, "format") != kKeyHeaderFormat) corrupted();
    // Strict: the file must be exactly what we would write (no duplicate or extra
    // keys, no reformatting), and its checksum catches accidental corruption
    // before it could be mistaken for a wrong passphrase.
    try {
        if (document.dump(2) + "\n" != text) corrupted();
    } catch (const json::exception&) {
        corrupted();
    }
    const std::string checksum = string_member(document, "checksum");
    json body = document;
    body.erase("checksum");
    if (checksum != checksum_of(body)) corrupted();
    if (document.size() != 6) corrupted();

    KeyHeader header;
    const json& kdf = member(document, "kdf");
    if (kdf.size() != 4 || string_member(kdf, "algorithm") != kArgon2id) corrupted();
    header.kdf.algorithm = 1;
    header.kdf.opslimit = unsigned_member(kdf, "opslimit");
    header.kdf.memlimit = unsigned_member(kdf, "memlimit");
    const auto salt = base64_member(kdf, "salt");
    if (salt.size() != header.salt.size()) corrupted();
    std::copy(salt.begin(), salt.end(), header.salt.begin());

    const json& cipher = member(document, "cipher");
    if (cipher.size() != 7) corrupted();
    header.cipher.cipher = string_member(cipher, "cipher");
    header.cipher.page_size = u32_member(cipher, "page_size");
    header.cipher.kdf_iter = u32_member(cipher, "kdf_iter");
    header.cipher.fast_kdf_iter = u32_member(cipher, "fast_kdf_iter");
    const json& use_hmac = member(cipher, "use_hmac");
    if (!use_hmac.is_boolean()) corrupted();
    header.cipher.use_hmac = use_hmac.get<bool>();
    header.cipher.hmac_algorithm = string_member(cipher, "hmac_algorithm");
    header.cipher.kdf_algorithm = string_member(cipher, "kdf_algorithm");

    const json& slots = member(document, "slots");
    if (!slots.is_array() || slots.size() != 2) corrupted();
    for (const auto& slot : slots) {
        if (!slot.is_object() || slot.size() != 2) corrupted();
        const std::string type = string_member(slot, "type");
        auto sealed = base64_member(slot, "sealed");
        if (sealed.size() != kSealedKeySize) corrupted();
        auto& target = type == "passphrase" ? header.passphrase_slot
                       : type == "recovery" ? header.recovery_slot
                                            : (corrupted(), header.passphrase_slot);
        if (!target.empty()) corrupted();  // duplicate slot
        target = std::move(sealed);
    }

    // Bounds before any allocation: a crafted header must not ask for 1 TiB.
    if (!header.kdf.within_bounds()) {
        throw Error(ErrorKind::Integrity, "key header asks for Argon2id parameters out of bounds");
    }
    check_cipher_settings(header.cipher);
    return header;
}

std::vector<std::uint8_t> slot_associated_data(const KeyHeader& h, SlotType slot) {
    std::vector<std::uint8_t> out;
    append_field(out, kKeyHeaderFormat);
    append_field(out, std::to_string(kKeyHeaderVersion));
    append_field(out, h.cipher.cipher);
    append_field(out, std::to_string(h.cipher.page_size));
    append_field(out, std::to_string(h.cipher.kdf_iter));
    append_field(out, std::to_string(h.cipher.fast_kdf_iter));
    append_field(out, h.cipher.use_hmac ? "1" : "0");
    append_field(out, h.cipher.hmac_algorithm);
    append_field(out, h.cipher.kdf_algorithm);
    if (slot == SlotType::Passphrase) {
        append_field(out, "passphrase");
        append_field(out, kArgon2id);
        append_field(out, std::to_string(h.kdf.opslimit));
        append_field(out, std::to_string(h.kdf.memlimit));
        append_field(out, crypto::to_hex(h.salt));
    } else {
        // The recovery slot does not depend on the passphrase's KDF, so changing
        // the passphrase (new salt, maybe new parameters) leaves it valid.
        append_field(out, "recovery");
    }
    return out;
}

}  // namespace fv::storage::detail
