// Must compile, linked as a face is: every public core header on its own
// terms (no header of storage or crypto behind it). The control for the two
// probes that must not compile.
#include "fieldvault/core/attachment_reader.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/audit.h"
#include "fieldvault/core/cases.h"
#include "fieldvault/core/contacts.h"
#include "fieldvault/core/custody.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/demo_vault.h"
#include "fieldvault/core/export.h"
#include "fieldvault/core/export_metadata.h"
#include "fieldvault/core/file_names.h"
#include "fieldvault/core/identity_service.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/legal_export.h"
#include "fieldvault/core/passphrase_strength.h"
#include "fieldvault/core/process_hardening.h"
#include "fieldvault/core/proofs.h"
#include "fieldvault/core/records.h"
#include "fieldvault/core/recovery_key_check.h"
#include "fieldvault/core/report_analysis.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/core/text.h"
#include "fieldvault/core/vault_check.h"
#include "fieldvault/core/vault_status.h"
#include "fieldvault/core/vocabulary.h"
#include "fieldvault/core/worker.h"

int main() {
    // A face can hold a passphrase and pick the KDF cost through core alone.
    const fv::SecretBuffer passphrase = fv::SecretBuffer::from_string("x");
    return passphrase.size() == 1 && fv::core::kdf_params_for_new_keys().within_bounds() ? 0 : 1;
}
