#include "models/unlock_note.h"

#include "fieldvault/core/dates.h"

namespace fv::gui {

std::string unlock_note(const core::UnlockReport& report) {
    std::string note = report.last_entry == 0 ? std::string("Unlocked. The audit log is empty.")
                                              : "Unlocked. Last entry in the audit log: #" +
                                                    std::to_string(report.last_entry) + ", " +
                                                    core::format_local_time(report.last_entry_at) + ".";
    if (report.rollback_accepted) note += " You chose to open an older copy; this is recorded in the log.";
    if (report.with_recovery_key) {
        note += " You used the recovery key: if someone else may know it or your old passphrase, make new keys "
                "in Settings.";
    }
    if (report.files_quarantined > 0) {
        note += " " + std::to_string(report.files_quarantined) +
                " attachment file(s) that no report names were put aside in the vault's quarantine folder "
                "(still encrypted).";
    }
    if (report.files_restored > 0) {
        note += " " + std::to_string(report.files_restored) + " attachment file(s) were brought back from quarantine.";
    }
    return note;
}

}  // namespace fv::gui
