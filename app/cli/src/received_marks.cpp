#include "received_marks.h"

#include <map>

#include "fieldvault/core/custody.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/sources.h"
#include "text_output.h"

namespace fv::cli {

namespace {


std::string source_words(const core::Source& s) {
    std::string words = s.name + (s.verified ? " (verified)" : " (UNVERIFIED)");
    if (!s.says.empty()) words += ", says they are \"" + s.says + "\"";
    return words;
}

Json claims_json(const core::SenderClaims& c) {
    Json revisions = Json::array();
    for (const auto& r : c.revisions)
        revisions.push_back(Json{{"number", r.number}, {"created_at", core::format_utc_time(r.created_at)}, {"sha256", r.sha256}});
    Json attachments = Json::array();
    for (const auto& a : c.attachments)
        attachments.push_back(Json{{"name", a.name}, {"sha256", a.sha256}, {"added_at", core::format_utc_time(a.added_at)}});
    return Json{{"report_uid", c.report_uid},      {"status", core::status_code(c.status)},
                {"case", c.case_name},             {"created_at", core::format_utc_time(c.created_at)},
                {"updated_at", core::format_utc_time(c.updated_at)}, {"revision", c.revision},
                {"revision_sha256", c.revision_sha256}, {"revisions", revisions}, {"attachments", attachments},
                {"forwarded_from", c.origin ? Json{{"first_signer_fingerprint", c.origin->first_signer_fingerprint},
                                                   {"first_bundle_id", c.origin->first_bundle_id},
                                                   {"first_signed_at", core::format_utc_time(c.origin->first_signed_at)},
                                                   {"forwarder_received_at", core::format_utc_time(c.origin->forwarder_received_at)}}
                                            : Json(nullptr)}};
}

}  // namespace

void mark_received_in_list(Json& document, core::Session& session) {
    const auto signers = core::received_report_signers(session);
    const auto sources = core::SourceService(session).index();
    for (auto& entry : document.at("reports")) {
        const auto id = entry.at("id").get<std::int64_t>();
        const auto found = signers.find(id);
        entry["received"] = found != signers.end();
        entry["signer_fingerprint"] = found != signers.end() ? Json(found->second) : Json(nullptr);
        const auto* source = sources.find(id);
        entry["source"] = source != nullptr ? Json(source->name) : Json(nullptr);
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
    const auto source = core::SourceService(session).of_report(report_id);
    document["source"] = source ? Json{{"name", source->name}, {"verified", source->verified}, {"says", source->says}}
                                : Json(nullptr);
    Json deliveries = Json::array();
    for (const auto& d : core::report_deliveries(session, report_id))
        deliveries.push_back(Json{{"bundle_id", d.bundle_id},
                                  {"sent_at", core::format_utc_time(d.sent_at)},
                                  {"received_at", core::format_utc_time(d.received_at)},
                                  {"revision", d.local_revision},
                                  {"identical", d.identical},
                                  {"sender_claims", claims_json(d.claims)}});
    document["deliveries"] = deliveries;
}

void print_received_note_for_list(std::ostream& out, core::Session& session,
                                  const std::vector<core::ReportSummary>& reports) {
    const auto signers = core::received_report_signers(session);
    const auto sources = core::SourceService(session).index();
    for (const auto& r : reports) {
        if (const auto* source = sources.find(r.id))
            out << "  report " << r.id << ": received from " << source_words(*source) << "\n";
        else if (const auto found = signers.find(r.id); found != signers.end())
            out << "  report " << r.id << ": received from " << found->second << "\n";
    }
}

void print_received_note_for_detail(std::ostream& out, core::Session& session, std::int64_t report_id) {
    const auto p = core::report_provenance(session, report_id);
    if (!p) return;
    const auto source = core::SourceService(session).of_report(report_id);
    out << "\nReceived (read-only) from " << (source ? source_words(*source) + "  " : std::string())
        << p->signer_fingerprint << "\n";
    const auto deliveries = core::report_deliveries(session, report_id);
    if (deliveries.empty())
        out << "  bundle " << p->bundle_id << ", sent " << core::format_utc_time(p->created_at) << ", received "
            << core::format_utc_time(p->received_at) << "\n";
    for (const auto& d : deliveries) {
        out << "  bundle " << d.bundle_id << ", sent " << core::format_utc_time(d.sent_at) << ", received "
            << core::format_utc_time(d.received_at) << ": "
            << (d.identical ? "identical to before" : "revision " + std::to_string(d.local_revision) + " here") << "\n";
        const auto& c = d.claims;
        out << "    the sender says: " << core::status_code(c.status) << ", written "
            << core::format_utc_time(c.created_at) << ", changed " << core::format_utc_time(c.updated_at)
            << ", their revision " << c.revision << (c.case_name.empty() ? "" : ", case \"" + c.case_name + "\"")
            << "\n";
        if (c.origin)
            out << "    forwarded: first signed by " << c.origin->first_signer_fingerprint << " at "
                << core::format_utc_time(c.origin->first_signed_at) << " (bundle " << c.origin->first_bundle_id
                << "); the forwarder received it " << core::format_utc_time(c.origin->forwarder_received_at)
                << "\n";
    }
    if (!p->redacted_fields.empty()) {
        out << "  left out by the sender:";
        for (const auto& f : p->redacted_fields) out << " " << f;
        out << "\n";
    }
}

}  // namespace fv::cli
