#include "received_marks.h"

#include "fieldvault/core/import.h"
#include "text_output.h"

namespace fv::cli {

void mark_received_in_list(Json& document, core::Session& session) {
    const auto signers = core::received_report_signers(session);
    for (auto& entry : document.at("reports")) {
        const auto found = signers.find(entry.at("id").get<std::int64_t>());
        entry["received"] = found != signers.end();
        entry["signer_fingerprint"] = found != signers.end() ? Json(found->second) : Json(nullptr);
    }
}

void mark_received_in_detail(Json& document, core::Session& session, std::int64_t report_id) {
    const auto p = core::report_provenance(session, report_id);
    document["received"] = p.has_value();
    document["signer_fingerprint"] = p ? Json(p->signer_fingerprint) : Json(nullptr);
    if (!p) {
        document["provenance"] = nullptr;
        return;
    }
    document["provenance"] = Json{{"bundle_id", p->bundle_id},
                                  {"signer_card", p->signer_card},
                                  {"signer_fingerprint", p->signer_fingerprint},
                                  {"sequence", p->sequence},
                                  {"sent_at", core::format_utc_time(p->created_at)},
                                  {"received_at", core::format_utc_time(p->received_at)},
                                  {"manifest_hash", p->manifest_hash},
                                  {"bundle_sha256", p->file_sha256},
                                  {"item", p->item_id},
                                  {"redacted_fields", p->redacted_fields}};
}

void print_received_note_for_list(std::ostream& out, core::Session& session,
                                  const std::vector<core::ReportSummary>& reports) {
    const auto signers = core::received_report_signers(session);
    for (const auto& r : reports) {
        const auto found = signers.find(r.id);
        if (found != signers.end()) out << "  report " << r.id << ": received from " << found->second << "\n";
    }
}

void print_received_note_for_detail(std::ostream& out, core::Session& session, std::int64_t report_id) {
    const auto p = core::report_provenance(session, report_id);
    if (!p) return;
    out << "\nReceived (read-only) from " << p->signer_fingerprint << "\n"
        << "  bundle " << p->bundle_id << ", sent " << core::format_utc_time(p->created_at) << ", received "
        << core::format_utc_time(p->received_at) << "\n";
    if (!p->redacted_fields.empty()) {
        out << "  left out by the sender:";
        for (const auto& f : p->redacted_fields) out << " " << f;
        out << "\n";
    }
}

}  // namespace fv::cli
