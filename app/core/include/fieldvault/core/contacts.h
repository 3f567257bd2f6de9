#pragma once
// Contacts: the public identity cards of people and organisations this vault
// exchanges bundles with. A contact is "verified" once the user has compared
// fingerprints with its owner over another channel (read aloud, in person).
// Signers of imported bundles that are not yet contacts are recorded as
// unverified contacts named "source-NNNNN-NNNNN" (docs/cli.md, "import").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldvault/core/session.h"

namespace fv::core {

struct Contact {
    std::int64_t id = 0;
    std::string name;
    std::string card;
    std::string fingerprint;
    bool verified = false;
    std::int64_t created_at = 0;
};

class ContactService {
public:
    explicit ContactService(Session& session) : session_(session) {}

    // Throws fv::Error(Invalid) with the card parser's reason, for an empty or
    // non-UTF-8 name, a name already used, a card already stored under another
    // name, or the vault's own card.
    Contact add(std::string_view name, std::string_view card);
    std::vector<Contact> list();
    // Throws fv::Error(NotFound) "no contact named ...".
    Contact get(std::string_view name);
    void verify(std::string_view name);
    void remove(std::string_view name);
    // The contact holding exactly this identity card, if any.
    std::optional<Contact> find_by_card(std::string_view card);

private:
    Session& session_;
};

}  // namespace fv::core
