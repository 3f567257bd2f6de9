#include "models/unlock_note.h"

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"

namespace fv::gui {

std::string unlock_note(const core::UnlockReport& report) {
    // Sentences joined by a space: each one whole in itself, so a translation
    // never has to follow English word order across them.
    std::string note =
        report.last_entry == 0
            ? std::string(core::tr("Unlocked. The audit log is empty."))
            : core::tr_args("Unlocked. Last entry in the audit log: #{1}, {2}.",
                            {std::to_string(report.last_entry), core::format_local_time(report.last_entry_at)});
    if (report.rollback_accepted) note += core::tr(" You chose to open an older copy; this is recorded in the log.");
    if (report.with_recovery_key) {
        note += core::tr(" You used the recovery key: if someone else may know it or your old passphrase, make new "
                         "keys in Settings.");
    }
    if (report.files_quarantined > 0) {
        note += core::trn_args(" {n} attached file that no report uses was set aside in a separate folder of the "
                               "vault (still encrypted).",
                               " {n} attached files that no report uses were set aside in a separate folder of the "
                               "vault (still encrypted).",
                               report.files_quarantined);
    }
    if (report.files_restored > 0) {
        note += core::trn_args(" {n} attached file was brought back from that separate folder.",
                               " {n} attached files were brought back from that separate folder.",
                               report.files_restored);
    }
    return note;
}

}  // namespace fv::gui
