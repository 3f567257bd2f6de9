// The key header parser is strict: anything but what we write is refused with
// fv::Error(Integrity), before any KDF work or allocation sized by the file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fieldvault/crypto/encoding.h"
#include "fieldvault/model/error.h"
#include "fieldvault/crypto/hash.h"
#include "key_header.h"
#include "test_support.h"

namespace fv::storage::detail {
namespace {

KeyHeader sample() {
    KeyHeader h;
    h.kdf = test::fast_params();
    for (std::size_t i = 0; i < h.salt.size(); ++i) h.salt[i] = static_cast<std::uint8_t>(i * 7);
    h.passphrase_slot.assign(kSealedKeySize, 0xAB);
    h.recovery_slot.assign(kSealedKeySize, 0xCD);
    return h;
}

// Re-signs an edited document with a valid checksum, as a deliberate forger would.
std::string with_checksum(nlohmann::json document) {
    document.erase("checksum");
    document["checksum"] = crypto::to_hex(crypto::sha256(document.dump()));
    return document.dump(2) + "\n";
}

void expect_integrity(std::string_view text, std::string_view message_part = {}) {
    try {
        parse_key_header(text);
        ADD_FAILURE() << "header was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Integrity);
        if (!message_part.empty()) {
            EXPECT_NE(std::string(e.what()).find(message_part), std::string::npos) << e.what();
        }
    }
}

TEST(KeyHeader, RoundTrips) {
    const auto h = sample();
    const auto text = serialize_key_header(h);
    const auto parsed = parse_key_header(text);
    EXPECT_EQ(parsed.kdf.opslimit, h.kdf.opslimit);
    EXPECT_EQ(parsed.kdf.memlimit, h.kdf.memlimit);
    EXPECT_EQ(parsed.salt, h.salt);
    EXPECT_EQ(parsed.cipher, h.cipher);
    EXPECT_EQ(parsed.passphrase_slot, h.passphrase_slot);
    EXPECT_EQ(parsed.recovery_slot, h.recovery_slot);
    EXPECT_EQ(serialize_key_header(parsed), text);
}

TEST(KeyHeader, EverySingleBitFlipIsRefused) {
    const auto text = serialize_key_header(sample());
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            std::string flipped = text;
            flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
            expect_integrity(flipped);
        }
    }
}

TEST(KeyHeader, EveryTruncationIsRefused) {
    const auto text = serialize_key_header(sample());
    for (std::size_t len = 0; len < text.size(); ++len) expect_integrity(text.substr(0, len));
}

TEST(KeyHeader, GarbageAndWrongShapesAreRefused) {
    expect_integrity("", "corrupted key header");
    expect_integrity("not json at all", "corrupted key header");
    expect_integrity("[]");
    expect_integrity("{}");
    expect_integrity("null");
    expect_integrity("\xff\xfe{\"version\":1}");
    expect_integrity(std::string(kMaxKeyHeaderSize + 1, ' '));
    expect_integrity(serialize_key_header(sample()) + "trailing");
}

TEST(KeyHeader, UnknownVersionIsReportedAsSuch) {
    auto document = nlohmann::json::parse(serialize_key_header(sample()));
    document["version"] = 2;
    expect_integrity(with_checksum(document), "unsupported vault version");
}

TEST(KeyHeader, ExtraOrDuplicateKeysAreRefusedEvenWithAValidChecksum) {
    auto document = nlohmann::json::parse(serialize_key_header(sample()));
    document["extra"] = true;
    expect_integrity(with_checksum(document));
    auto slots = nlohmann::json::parse(serialize_key_header(sample()));
    slots["slots"][1]["type"] = "passphrase";
    expect_integrity(with_checksum(slots));
    auto unknown_slot = nlohmann::json::parse(serialize_key_header(sample()));
    unknown_slot["slots"][1]["type"] = "yubikey";
    expect_integrity(with_checksum(unknown_slot));
    auto short_slot = nlohmann::json::parse(serialize_key_header(sample()));
    short_slot["slots"][0]["sealed"] = crypto::to_base64(std::vector<std::uint8_t>(kSealedKeySize - 1, 1));
    expect_integrity(with_checksum(short_slot));
}

TEST(KeyHeader, AbsurdArgon2MemoryIsRefusedBeforeAnyWork) {
    auto document = nlohmann::json::parse(serialize_key_header(sample()));
    document["kdf"]["memlimit"] = std::uint64_t{1} << 40;  // 1 TiB
    const auto before = test::peak_rss_kib();
    expect_integrity(with_checksum(document), "out of bounds");
    EXPECT_LT(test::peak_rss_kib() - before, 64 * 1024);
    auto ops = nlohmann::json::parse(serialize_key_header(sample()));
    ops["kdf"]["opslimit"] = 1000000;
    expect_integrity(with_checksum(ops), "out of bounds");
    auto negative = nlohmann::json::parse(serialize_key_header(sample()));
    negative["kdf"]["memlimit"] = -1;
    expect_integrity(with_checksum(negative));
}

TEST(KeyHeader, UnsupportedCipherSettingsAreRefused) {
    for (const auto& [key, value] : std::vector<std::pair<std::string, nlohmann::json>>{
             {"cipher", "aes-128-cbc"}, {"page_size", 1000}, {"hmac_algorithm", "HMAC_SHA512"},
             {"use_hmac", false}, {"kdf_iter", 0}}) {
        auto document = nlohmann::json::parse(serialize_key_header(sample()));
        document["cipher"][key] = value;
        expect_integrity(with_checksum(document), "cipher");
    }
}

TEST(KeyHeader, AssociatedDataBindsTheFieldsEachSlotDependsOn) {
    const auto base = sample();
    auto other_salt = base;
    other_salt.salt[0] ^= 1;
    auto other_page = base;
    other_page.cipher.page_size = 1024;
    EXPECT_NE(slot_associated_data(base, SlotType::Passphrase), slot_associated_data(other_salt, SlotType::Passphrase));
    EXPECT_NE(slot_associated_data(base, SlotType::Passphrase), slot_associated_data(other_page, SlotType::Passphrase));
    EXPECT_NE(slot_associated_data(base, SlotType::Recovery), slot_associated_data(other_page, SlotType::Recovery));
    EXPECT_NE(slot_associated_data(base, SlotType::Passphrase), slot_associated_data(base, SlotType::Recovery));
    // The recovery slot survives a passphrase change (new salt).
    EXPECT_EQ(slot_associated_data(base, SlotType::Recovery), slot_associated_data(other_salt, SlotType::Recovery));
}

}  // namespace
}  // namespace fv::storage::detail
