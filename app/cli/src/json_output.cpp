#include "json_output.h"

#include "fieldvault/core/file_names.h"
#include "text_output.h"

namespace fv::cli {

namespace {

Json other_case_names(const core::ReportSummary& s, const CaseNames& cases) {
    Json names = Json::array();
    for (const auto id : s.more_case_ids)
        if (const auto found = cases.find(id); found != cases.end()) names.push_back(found->second);
    return names;
}

}  // namespace

Json summary_json(const core::ReportSummary& s, const CaseNames& cases) {
    const auto found = cases.find(s.case_id);
    return Json{{"id", s.id},
                {"title", s.title},
                {"status", core::status_code(s.status)},
                {"case", found == cases.end() ? Json(nullptr) : Json(found->second)},
                {"occurred", s.occurred_start},
                {"created_at", core::format_utc_time(s.created_at)},
                {"updated_at", core::format_utc_time(s.updated_at)},
                {"attachments", s.attachment_count},
                {"other_cases", other_case_names(s, cases)}};
}

Json reports_json(const std::vector<core::ReportSummary>& reports, const CaseNames& cases) {
    Json list = Json::array();
    for (const auto& r : reports) list.push_back(summary_json(r, cases));
    return Json{{"reports", std::move(list)}};
}

namespace {

Json strings(const std::vector<std::string>& values) {
    Json list = Json::array();
    for (const auto& v : values) list.push_back(v);
    return list;
}

// "none", "hidden" or "program": what the person should be told before opening it.
const char* name_risk_code(std::string_view name) {
    switch (core::file_name_risk(name)) {
        case core::FileNameRisk::Program: return "program";
        case core::FileNameRisk::Hidden: return "hidden";
        case core::FileNameRisk::None: break;
    }
    return "none";
}

}  // namespace

// Flat, with the same names as the command-line options where there is one.
void append_content(Json& document, const core::ReportContent& c) {
    Json identifiers = Json::array();
    for (const auto& i : c.identifiers) identifiers.push_back(Json{{"channel", i.channel}, {"value", i.value}});
    Json perpetrators = Json::array();
    for (const auto& p : c.perpetrators)
        perpetrators.push_back(
            Json{{"affiliation", p.affiliation}, {"names", p.names}, {"description", p.description}});
    Json relatives = Json::array();
    for (const auto& r : c.relatives)
        relatives.push_back(Json{{"relationship", r.relationship},
                                 {"location", r.location},
                                 {"what_happened", r.what_happened},
                                 {"by_whom", r.by_whom},
                                 {"how_known", r.how_known}});
    Json witnesses = Json::array();
    for (const auto& w : c.witnesses)
        witnesses.push_back(Json{{"name", w.name}, {"contact", w.contact}, {"statement", w.statement}});
    Json reported = Json::array();
    for (const auto& r : c.reported_to)
        reported.push_back(Json{
            {"authority", r.authority}, {"date", r.date}, {"reference", r.reference}, {"outcome", r.outcome}});

    document["occurred"] = c.occurred_start;
    document["end"] = c.occurred_end;
    document["precision"] = c.date_precision;
    document["host_country"] = c.host_country;
    document["city"] = c.host_city;
    document["location"] = c.place;
    document["origin_country"] = c.origin_country;
    document["tactics"] = strings(c.tactics);
    document["channels"] = strings(c.channels);
    document["identifiers"] = std::move(identifiers);
    document["perpetrators"] = std::move(perpetrators);
    document["demands"] = strings(c.demands);
    document["demands_detail"] = c.demands_detail;
    document["relatives"] = std::move(relatives);
    document["narrative"] = c.narrative;
    document["language"] = c.narrative_language;
    document["translation"] = c.translation;
    document["translation_language"] = c.translation_language;
    document["translator"] = c.translator;
    document["witnesses"] = std::move(witnesses);
    document["impacts"] = strings(c.impacts);
    document["impact_detail"] = c.impact_detail;
    document["reported_to"] = std::move(reported);
    document["risk"] = c.risk_level;
    document["sensitive"] = strings(c.sensitive_fields);
}

Json attachment_json(const core::AttachmentRecord& a) {
    return Json{{"id", a.id},
                {"name", a.name},
                {"name_risk", name_risk_code(a.name)},
                {"size", a.size},
                {"sha256", a.sha256},
                {"media_type", a.media_type},
                {"created_at", core::format_utc_time(a.created_at)},
                {"caption", a.caption}};
}

Json report_detail_json(const core::ReportDetail& detail) {
    const auto& r = detail.report;
    Json document{{"id", r.id},
                  {"title", r.content.title},
                  {"status", core::status_code(r.status)},
                  {"case", detail.case_name.empty() ? Json(nullptr) : Json(detail.case_name)},
                  {"other_cases", detail.other_case_names},
                  {"revision", r.revision},
                  {"created_at", core::format_utc_time(r.created_at)},
                  {"updated_at", core::format_utc_time(r.updated_at)}};
    append_content(document, r.content);
    Json revisions = Json::array();
    for (const auto& rev : detail.revisions)
        revisions.push_back(
            Json{{"number", rev.number}, {"created_at", core::format_utc_time(rev.created_at)}, {"sha256", rev.content_sha256}});
    document["revisions"] = std::move(revisions);
    Json attachments = Json::array();
    for (const auto& a : detail.attachments) attachments.push_back(attachment_json(a));
    document["attachments"] = std::move(attachments);
    return document;
}

Json audit_json(const std::vector<core::AuditEntry>& entries) {
    Json list = Json::array();
    for (const auto& e : entries)
        list.push_back(Json{{"seq", e.seq},
                            {"at", core::format_utc_time(e.at)},
                            {"action", e.action},
                            {"subject", e.subject},
                            {"detail", e.detail},
                            {"prev_hash", e.prev_hash},
                            {"hash", e.hash}});
    return Json{{"entries", std::move(list)}};
}

Json identity_json(const core::OwnIdentity& identity) {
    return Json{{"name", identity.name}, {"card", identity.card}, {"fingerprint", identity.fingerprint}};
}

void print_json(std::ostream& out, const Json& document) {
    out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace fv::cli
