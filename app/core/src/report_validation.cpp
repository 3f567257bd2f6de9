// Everything a report must satisfy before it is stored. Errors name the field
// but never echo its content (it may be sensitive).
#include <string>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/text.h"
#include "fieldvault/core/vocabulary.h"
#include "fieldvault/model/error.h"

namespace fv::core {
namespace {

constexpr std::size_t kMaxTitleBytes = 1000;
constexpr std::size_t kMaxTextBytes = 4u << 20;  // a long narrative, not a file

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorKind::Invalid, message); }

void check_text(std::string_view field, std::string_view value, std::size_t max_bytes = kMaxTextBytes) {
    if (!is_valid_utf8(value)) invalid(tr_args("{1}: text is not valid UTF-8", {field}));
    if (value.size() > max_bytes) invalid(tr_args("{1}: text is too long", {field}));
    if (value.find('\0') != std::string_view::npos) invalid(tr_args("{1}: text contains a NUL byte", {field}));
}

void check_code(Vocabulary vocabulary, std::string_view field, std::string_view code) {
    check_text(field, code, 100);
    if (!is_known_code(vocabulary, code))
        invalid(tr_args("{1}: unknown {2} code '{3}'", {field, vocabulary_name(vocabulary), code}));
}

void check_codes(Vocabulary vocabulary, std::string_view field, const std::vector<std::string>& codes) {
    for (const auto& code : codes) check_code(vocabulary, field, code);
}

void check_date(std::string_view field, std::string_view value) {
    check_text(field, value, 100);
    if (!value.empty() && !is_valid_iso8601(value))
        invalid(tr_args("{1}: not an ISO-8601 date (e.g. 2026-03-14 or 2026-03-14T18:30)", {field}));
}

}  // namespace

void validate_case_name(std::string_view name) {
    check_text("case", name, 200);
    if (name.find_first_not_of(" \t\r\n") == std::string_view::npos) invalid(tr("case: name must not be empty"));
}

void validate_report(const ReportContent& c) {
    check_text("title", c.title, kMaxTitleBytes);
    if (c.title.find_first_not_of(" \t\r\n") == std::string::npos) invalid(tr("title: must not be empty"));

    check_date("occurred", c.occurred_start);
    check_date("end", c.occurred_end);
    const auto when = parse_date_range(c.occurred_start, c.occurred_end).error;
    if (when == DateRangeError::EndWithoutStart) invalid(tr("end: given without a start date"));
    if (when == DateRangeError::EndBeforeStart) invalid(tr("end: before the start date"));
    check_code(Vocabulary::DatePrecision, "precision", c.date_precision);

    for (const auto& [name, value] : {std::pair<std::string_view, const std::string&>{"host_country", c.host_country},
                                      {"host_city", c.host_city},
                                      {"place", c.place},
                                      {"origin_country", c.origin_country},
                                      {"demands_detail", c.demands_detail},
                                      {"narrative", c.narrative},
                                      {"narrative_language", c.narrative_language},
                                      {"translation", c.translation},
                                      {"translation_language", c.translation_language},
                                      {"translator", c.translator},
                                      {"impact_detail", c.impact_detail}})
        check_text(name, value);

    check_codes(Vocabulary::Tactic, "tactic", c.tactics);
    check_codes(Vocabulary::Channel, "channel", c.channels);
    check_codes(Vocabulary::Demand, "demand", c.demands);
    check_codes(Vocabulary::Impact, "impact", c.impacts);
    if (!c.risk_level.empty()) check_code(Vocabulary::RiskLevel, "risk", c.risk_level);
    check_codes(Vocabulary::SensitiveField, "sensitive", c.sensitive_fields);

    for (const auto& id : c.identifiers) {
        check_code(Vocabulary::Channel, "identifier channel", id.channel);
        check_text("identifier", id.value, 2000);
        if (id.value.empty()) invalid(tr("identifier: value must not be empty"));
    }
    for (const auto& p : c.perpetrators) {
        if (!p.affiliation.empty()) check_code(Vocabulary::Affiliation, "perpetrator affiliation", p.affiliation);
        check_text("perpetrator names", p.names);
        check_text("perpetrator description", p.description);
    }
    for (const auto& r : c.relatives) {
        for (const auto* v : {&r.relationship, &r.location, &r.what_happened, &r.by_whom, &r.how_known})
            check_text("relative", *v);
    }
    for (const auto& w : c.witnesses) {
        for (const auto* v : {&w.name, &w.contact, &w.statement}) check_text("witness", *v);
    }
    for (const auto& r : c.reported_to) {
        check_text("reported_to", r.authority);
        check_date("reported_to date", r.date);
        check_text("reported_to", r.reference);
        check_text("reported_to", r.outcome);
    }
}

}  // namespace fv::core
