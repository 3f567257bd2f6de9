#include "received_marks.h"

#include <map>

#include "fieldvault/core/custody.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/core/vocabulary.h"
#include "text_output.h"
#include "fieldvault/core/i18n.h"

namespace fv::cli {

namespace {


std::string source_words(const core::Source& s) {
    if (s.says.empty())
        return s.verified ? core::tr_args("{1} (verified)", {s.name}) : core::tr_args("{1} (UNVERIFIED)", {s.name});
    return s.verified ? core::tr_args("{1} (verified), says they are \"{2}\"", {s.name, s.says})
                      : core::tr_args("{1} (UNVERIFIED), says they are \"{2}\"", {s.name, s.says});
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
            out << "  " << core::tr_args("report {1}: received from {2}", {std::to_string(r.id), source_words(*source)})
                << "\n";
        else if (const auto found = signers.find(r.id); found != signers.end())
            out << "  " << core::tr_args("report {1}: received from {2}", {std::to_string(r.id), found->second}) << "\n";
    }
}

void print_received_note_for_detail(std::ostream& out, core::Session& session, std::int64_t report_id) {
    const auto p = core::report_provenance(session, report_id);
    if (!p) return;
    const auto source = core::SourceService(session).of_report(report_id);
    out << "\n"
        << core::tr_args("Received (read-only) from {1}",
                         {(source ? source_words(*source) + "  " : std::string()) + p->signer_fingerprint})
        << "\n";
    const auto deliveries = core::report_deliveries(session, report_id);
    if (deliveries.empty())
        out << "  "
            << core::tr_args("bundle {1}, sent {2}, received {3}",
                             {p->bundle_id, core::format_utc_time(p->created_at), core::format_utc_time(p->received_at)})
            << "\n";
    for (const auto& d : deliveries) {
        const auto sent = core::format_utc_time(d.sent_at);
        const auto received = core::format_utc_time(d.received_at);
        out << "  "
            << (d.identical ? core::tr_args("bundle {1}, sent {2}, received {3}: identical to before",
                                            {d.bundle_id, sent, received})
                            : core::tr_args("bundle {1}, sent {2}, received {3}: revision {4} here",
                                            {d.bundle_id, sent, received, std::to_string(d.local_revision)}))
            << "\n";
        const auto& c = d.claims;
        const auto status = core::display_label(core::Vocabulary::Status, core::status_code(c.status));
        const auto written = core::format_utc_time(c.created_at);
        const auto changed = core::format_utc_time(c.updated_at);
        const auto revision = std::to_string(c.revision);
        out << "    "
            << (c.case_name.empty()
                    ? core::tr_args("the sender says: {1}, written {2}, changed {3}, their revision {4}",
                                    {status, written, changed, revision})
                    : core::tr_args("the sender says: {1}, written {2}, changed {3}, their revision {4}, case \"{5}\"",
                                    {status, written, changed, revision, c.case_name}))
            << "\n";
        if (c.origin)
            out << "    "
                << core::tr_args("forwarded: first signed by {1} at {2} (bundle {3}); the forwarder received it {4}",
                                 {c.origin->first_signer_fingerprint, core::format_utc_time(c.origin->first_signed_at),
                                  c.origin->first_bundle_id, core::format_utc_time(c.origin->forwarder_received_at)})
                << "\n";
    }
    if (!p->redacted_fields.empty()) {
        std::string fields;
        for (const auto& f : p->redacted_fields) fields += (fields.empty() ? "" : " ") + f;
        out << "  " << core::tr_args("left out by the sender: {1}", {fields}) << "\n";
    }
}

}  // namespace fv::cli
