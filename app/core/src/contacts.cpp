#include "fieldvault/core/contacts.h"
#include "fieldvault/core/i18n.h"
#include "contact_records.h"

#include <string>

#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/database.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {
namespace {

constexpr std::size_t kMaxContactNameBytes = 100;

Contact from_record(const storage::ContactRecord& r) {
    return Contact{r.id, r.name, r.card, r.fingerprint, r.verified, r.created_at};
}

}  // namespace

void validate_contact_name(std::string_view name) {
    if (name.empty()) throw Error(ErrorKind::Invalid, tr("a contact needs a name"));
    if (name.size() > kMaxContactNameBytes) throw Error(ErrorKind::Invalid, tr("contact name is longer than 100 bytes"));
    if (!is_valid_utf8(name)) throw Error(ErrorKind::Invalid, tr("contact name is not valid UTF-8"));
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) throw Error(ErrorKind::Invalid, tr("contact name contains a control character"));
    }
}

namespace {

storage::ContactRecord require(storage::Database& db, std::string_view name) {
    auto found = storage::ContactRepository(db).find_by_name(name);
    if (!found) throw Error(ErrorKind::NotFound, tr_args("no contact named '{1}'", {name}));
    return *found;
}

}  // namespace

std::optional<Contact> find_contact(storage::Database& db, const crypto::PublicIdentity& identity) {
    const auto card = identity.card();
    for (const auto& r : storage::ContactRepository(db).list()) {
        if (r.card == card) return from_record(r);
    }
    return std::nullopt;
}

Contact record_source(storage::Database& db, const crypto::PublicIdentity& identity, std::int64_t now) {
    if (auto known = find_contact(db, identity)) return *known;
    const auto fingerprint = identity.fingerprint();
    // "12345 67890 ..." -> "source-12345-67890": short, and unique unless two
    // identities share 10 digits (then the whole fingerprint is used).
    std::string name = "source-" + fingerprint.substr(0, 5) + "-" + fingerprint.substr(6, 5);
    storage::ContactRepository contacts(db);
    if (contacts.find_by_name(name)) {
        name = "source-" + fingerprint;
        for (auto& c : name) {
            if (c == ' ') c = '-';
        }
    }
    storage::ContactRecord record{0, name, identity.card(), fingerprint, false, now};
    record.id = contacts.add(record);
    storage::AuditLog(db).append("contact_add", "contact:" + std::to_string(record.id),
                                 "unverified source from an import, fingerprint " + fingerprint, now);
    return from_record(record);
}

Contact ContactService::add(std::string_view name, std::string_view card) {
    validate_contact_name(name);
    const auto identity = crypto::PublicIdentity::parse_card(card);  // Invalid with the parser's reason
    if (identity.card() == IdentityService(session_).own().card)
        throw Error(ErrorKind::Invalid, tr("this card is this vault's own identity"));
    auto& db = session_.db();
    storage::Transaction tx(db);
    storage::ContactRepository contacts(db);
    if (contacts.find_by_name(name))
        throw Error(ErrorKind::Invalid, tr_args("a contact named '{1}' already exists", {name}));
    if (auto same = find_contact(db, identity)) {
        throw Error(ErrorKind::Invalid, tr_args("this card is already stored as contact '{1}' (remove that contact first to store it under another name)", {same->name}));
    }
    const auto now = now_seconds();
    storage::ContactRecord record{0, std::string(name), identity.card(), identity.fingerprint(), false, now};
    record.id = contacts.add(record);
    storage::AuditLog(db).append("contact_add", "contact:" + std::to_string(record.id),
                                 "fingerprint " + record.fingerprint, now);
    tx.commit();
    return from_record(record);
}

std::vector<Contact> ContactService::list() {
    std::vector<Contact> out;
    for (const auto& r : storage::ContactRepository(session_.db()).list()) out.push_back(from_record(r));
    return out;
}

Contact ContactService::get(std::string_view name) { return from_record(require(session_.db(), name)); }

void ContactService::verify(std::string_view name) {
    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto record = require(db, name);
    storage::ContactRepository(db).set_verified(record.id, true);
    storage::AuditLog(db).append("contact_verify", "contact:" + std::to_string(record.id),
                                 "fingerprint " + record.fingerprint, now_seconds());
    tx.commit();
}

void ContactService::remove(std::string_view name) {
    auto& db = session_.db();
    storage::Transaction tx(db);
    const auto record = require(db, name);
    storage::ContactRepository(db).remove(record.id);
    storage::AuditLog(db).append("contact_remove", "contact:" + std::to_string(record.id),
                                 "fingerprint " + record.fingerprint, now_seconds());
    tx.commit();
}

std::optional<Contact> ContactService::find_by_card(std::string_view card) {
    for (const auto& r : storage::ContactRepository(session_.db()).list()) {
        if (r.card == card) return from_record(r);
    }
    return std::nullopt;
}

}  // namespace fv::core
