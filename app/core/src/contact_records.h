#pragma once
// Contacts inside a transaction the caller holds (the importer's): core only,
// because they take storage and crypto types the faces never see.
#include <cstdint>
#include <optional>

#include "fieldvault/core/contacts.h"
#include "fieldvault/crypto/identity.h"
#include "fieldvault/storage/database.h"

namespace fv::core {

// Inside the caller's transaction: the contact for `identity`, recorded as a new
// unverified source "source-<first two fingerprint groups>" when unknown.
Contact record_source(storage::Database& db, const crypto::PublicIdentity& identity, std::int64_t now);
// Throws fv::Error(Invalid) for an empty, over-long, non-UTF-8 name or one with controls.
void validate_contact_name(std::string_view name);
// The contact holding this identity (by its card), inside any transaction.
std::optional<Contact> find_contact(storage::Database& db, const crypto::PublicIdentity& identity);

}  // namespace fv::core
