#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"

namespace fv::storage {

namespace {

constexpr std::string_view kColumns = "id, name, card, fingerprint, verified, created_at";

ContactRecord read_contact(const Statement& stmt) {
    return ContactRecord{stmt.column_int(0), stmt.column_text(1), stmt.column_text(2),
                         stmt.column_text(3), stmt.column_int(4) != 0, stmt.column_int(5)};
}

}  // namespace

std::int64_t ContactRepository::add(const ContactRecord& contact) {
    if (contact.name.empty()) throw Error(ErrorKind::Invalid, "a contact needs a name");
    if (find_by_name(contact.name)) throw Error(ErrorKind::Invalid, "a contact with this name already exists");
    db_.prepare("INSERT INTO contacts (name, card, fingerprint, verified, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(1, contact.name)
        .bind(2, contact.card)
        .bind(3, contact.fingerprint)
        .bind(4, std::int64_t{contact.verified ? 1 : 0})
        .bind(5, contact.created_at)
        .run();
    return db_.last_insert_id();
}

std::optional<ContactRecord> ContactRepository::find_by_name(std::string_view name) {
    auto stmt = db_.prepare("SELECT " + std::string(kColumns) + " FROM contacts WHERE name = ?");
    stmt.bind(1, name);
    if (!stmt.step()) return std::nullopt;
    return read_contact(stmt);
}

std::vector<ContactRecord> ContactRepository::list() {
    auto stmt = db_.prepare("SELECT " + std::string(kColumns) + " FROM contacts ORDER BY name, id");
    std::vector<ContactRecord> out;
    while (stmt.step()) out.push_back(read_contact(stmt));
    return out;
}

void ContactRepository::set_verified(std::int64_t id, bool verified) {
    db_.prepare("UPDATE contacts SET verified = ? WHERE id = ?")
        .bind(1, std::int64_t{verified ? 1 : 0})
        .bind(2, id)
        .run();
    if (db_.changes() == 0) throw Error(ErrorKind::NotFound, "no such contact");
}

void ContactRepository::rename(std::int64_t id, std::string_view name) {
    db_.prepare("UPDATE contacts SET name = ? WHERE id = ?").bind(1, name).bind(2, id).run();
    if (db_.changes() == 0) throw Error(ErrorKind::NotFound, "no such contact");
}

void ContactRepository::remove(std::int64_t id) {
    db_.prepare("DELETE FROM contacts WHERE id = ?").bind(1, id).run();
    if (db_.changes() == 0) throw Error(ErrorKind::NotFound, "no such contact");
}

}  // namespace fv::storage
