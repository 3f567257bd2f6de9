#include "views/received_info.h"

#include <imgui.h>

#include "views/exchange_widgets.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
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
    ImGui::TextUnformatted(core::tr("Received report (read-only): someone else wrote it and sent it to you."));
    ImGui::PopStyleColor();
    state.probe().item("editor.received");
    std::string from;
    if (info.signer_name.empty()) {
        from = core::tr("a sender no longer in your contacts");
    } else {
        from = info.signer_verified ? core::tr_args("{1} (checked)", {info.signer_name})
                                    : core::tr_args("{1} (not checked)", {info.signer_name});
    }
    draw_labelled(core::tr("From:"), core::tr_args("{1}   fingerprint {2}", {from, info.signer_fingerprint}));
    // Times in the person's own time zone (the sender's clock may differ).
    draw_labelled(core::tr("Sent:"), core::tr_args("{1} (their clock)   received {2}   bundle {3}",
                                                   {core::format_local_time(info.created_at),
                                                    core::format_local_time(info.received_at),
                                                    info.bundle_id.substr(0, 16)}));
    if (!info.redacted_fields.empty()) {
        std::string fields;
        for (const auto& f : info.redacted_fields) {
            if (!fields.empty()) fields += ", ";
            fields += sensitive_field_label(f);
        }
        draw_labelled(core::tr("Left out by the sender:"), fields);
    }
    ImGui::Separator();
}

}  // namespace fv::gui
