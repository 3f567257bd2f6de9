#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/i18n.h"

#include "fieldvault/model/error.h"
#include "fieldvault/crypto/identity.h"
#include "fieldvault/storage/repositories.h"

namespace fv::core {

OwnIdentity IdentityService::own() {
    auto record = storage::IdentityRepository(session_.db()).get();
    if (!record) throw Error(ErrorKind::Integrity, tr("the vault has no identity"));
    // Re-parse the stored card: its checksum guards against a damaged row.
    const auto pub = crypto::PublicIdentity::parse_card(record->public_card);
    return OwnIdentity{record->name, record->public_card, pub.fingerprint()};
}

}  // namespace fv::core
