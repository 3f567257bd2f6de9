#include "views/received_info.h"

#include <imgui.h>

#include "views/exchange_widgets.h"
#include "fieldvault/core/import.h"
#include "platform/theme.h"
#include "views/view.h"

namespace fv::gui {

void ReceivedInfo::wipe() noexcept {
    wipe_string(signer_name);
    wipe_string(signer_fingerprint);
    wipe_string(bundle_id);
    for (auto& f : redacted_fields) wipe_string(f);
    redacted_fields.clear();
}

std::optional<ReceivedInfo> load_received_info(core::Session& session, std::int64_t report_id) {
    const auto provenance = core::report_provenance(session, report_id);
    if (!provenance) return std::nullopt;
    ReceivedInfo info;
    info.signer_fingerprint = provenance->signer_fingerprint;
    info.bundle_id = provenance->bundle_id;
    info.created_at = provenance->created_at;
    info.received_at = provenance->received_at;
    info.redacted_fields = provenance->redacted_fields;
    if (provenance->signer_contact) info.signer_name = *provenance->signer_contact;
    info.signer_verified = provenance->signer_verified;
    return info;
}

void draw_received_info(AppState& state, const ReceivedInfo& info) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted("Received report (read-only): someone else wrote it and sent it to you.");
    ImGui::PopStyleColor();
    state.probe().item("editor.received");
    std::string from = info.signer_name.empty() ? "a sender no longer in your contacts" : info.signer_name;
    if (!info.signer_name.empty()) from += info.signer_verified ? " (verified)" : " (not verified)";
    draw_labelled("From:", from + "   fingerprint " + info.signer_fingerprint);
    draw_labelled("Sent:", format_utc(info.created_at) + " (their clock)   received " + format_utc(info.received_at) +
                               "   bundle " + info.bundle_id.substr(0, 16));
    if (!info.redacted_fields.empty()) {
        std::string fields;
        for (const auto& f : info.redacted_fields) {
            if (!fields.empty()) fields += ", ";
            fields += sensitive_field_label(f);
        }
        draw_labelled("Left out by the sender:", fields);
    }
    ImGui::Separator();
}

}  // namespace fv::gui
