#pragma once
// Where a received report came from, for the read-only report screen: the
// signer (contact name if known), fingerprint, bundle id, times, and the
// fields the sender left out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "fieldvault/core/session.h"

namespace fv::gui {

struct ReceivedInfo {
    std::string signer_name;  // the contact's name; empty if no longer a contact
    bool signer_verified = false;
    std::string signer_fingerprint;
    std::string bundle_id;
    std::int64_t created_at = 0;   // the sender's clock
    std::int64_t received_at = 0;
    std::vector<std::string> redacted_fields;
    void wipe() noexcept;
};

// nullopt for the vault's own reports.
std::optional<ReceivedInfo> load_received_info(core::Session& session, std::int64_t report_id);
// A framed note at the top of the report screen (probe key "editor.received").
void draw_received_info(AppState& state, const ReceivedInfo& info);

}  // namespace fv::gui
