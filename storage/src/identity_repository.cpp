#include <algorithm>

#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"

namespace fv::storage {

namespace {

constexpr std::size_t kSigningSecretSize = 64;
constexpr std::size_t kEncryptionSecretSize = 32;

crypto::PublicKey public_key_from(std::span<const std::uint8_t> bytes) {
    crypto::PublicKey key{};
    if (bytes.size() != key.size()) throw Error(ErrorKind::Integrity, "the stored identity is corrupted");
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

}  // namespace

void IdentityRepository::store(const IdentityRecord& record, std::span<const std::uint8_t> signing_secret,
                               std::span<const std::uint8_t> encryption_secret) {
    if (signing_secret.size() != kSigningSecretSize || encryption_secret.size() != kEncryptionSecretSize) {
        throw Error(ErrorKind::Invalid, "identity secret keys have the wrong size");
    }
    const auto pub = crypto::PublicIdentity::parse_card(record.public_card);
    if (get()) throw Error(ErrorKind::Invalid, "this vault already has an identity");
    db_.prepare(
           "INSERT INTO identity (id, name, card, signing_public, encryption_public, signing_secret, "
           "encryption_secret, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, record.name)
        .bind(2, record.public_card)
        .bind_blob(3, pub.signing_key)
        .bind_blob(4, pub.encryption_key)
        .bind_blob(5, signing_secret)
        .bind_blob(6, encryption_secret)
        .bind(7, record.created_at)
        .run();
}

std::optional<IdentityRecord> IdentityRepository::get() {
    auto stmt = db_.prepare("SELECT name, card, created_at FROM identity WHERE id = 1");
    if (!stmt.step()) return std::nullopt;
    return IdentityRecord{stmt.column_text(0), stmt.column_text(1), stmt.column_int(2)};
}

std::optional<crypto::IdentityKeys> IdentityRepository::keys() {
    auto stmt = db_.prepare(
        "SELECT card, signing_public, encryption_public, signing_secret, encryption_secret "
        "FROM identity WHERE id = 1");
    if (!stmt.step()) return std::nullopt;
    crypto::IdentityKeys keys;
    keys.pub.signing_key = public_key_from(stmt.column_blob(1));
    keys.pub.encryption_key = public_key_from(stmt.column_blob(2));
    const auto signing = stmt.column_blob(3);
    const auto encryption = stmt.column_blob(4);
    if (signing.size() != kSigningSecretSize || encryption.size() != kEncryptionSecretSize) {
        throw Error(ErrorKind::Integrity, "the stored identity is corrupted");
    }
    // Straight from SQLite's row buffer into guarded memory, no intermediate copy.
    keys.signing_secret = crypto::SecretBuffer::from_bytes(signing);
    keys.encryption_secret = crypto::SecretBuffer::from_bytes(encryption);
    if (crypto::PublicIdentity::parse_card(stmt.column_text(0)) != keys.pub) {
        throw Error(ErrorKind::Integrity, "the stored identity card does not match its keys");
    }
    return keys;
}

}  // namespace fv::storage
