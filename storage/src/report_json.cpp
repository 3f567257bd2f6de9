#include "fieldvault/storage/report_json.h"

#include <initializer_list>
#include <nlohmann/json.hpp>

#include "fieldvault/model/error.h"

namespace fv::storage {

using nlohmann::json;

namespace {

[[noreturn]] void bad(const std::string& what) {
    throw Error(ErrorKind::Invalid, "malformed report content: " + what);
}

// Exactly these keys, no more, no fewer.
void require_keys(const json& object, std::initializer_list<const char*> keys, const std::string& where) {
    if (!object.is_object()) bad(where + " is not an object");
    if (object.size() != keys.size()) bad(where + " has unexpected or missing keys");
    for (const char* key : keys) {
        if (!object.contains(key)) bad(where + " lacks \"" + key + "\"");
    }
}

std::string text(const json& object, const char* key) {
    const auto& value = object.at(key);
    if (!value.is_string()) bad(std::string("\"") + key + "\" is not a string");
    return value.get<std::string>();
}

std::vector<std::string> text_list(const json& object, const char* key) {
    const auto& value = object.at(key);
    if (!value.is_array()) bad(std::string("\"") + key + "\" is not a list");
    std::vector<std::string> out;
    out.reserve(value.size());
    for (const auto& item : value) {
        if (!item.is_string()) bad(std::string("\"") + key + "\" holds a non-string");
        out.push_back(item.get<std::string>());
    }
    return out;
}

template <typename T, typename Fn>
std::vector<T> object_list(const json& object, const char* key, Fn&& parse_one) {
    const auto& value = object.at(key);
    if (!value.is_array()) bad(std::string("\"") + key + "\" is not a list");
    std::vector<T> out;
    out.reserve(value.size());
    for (const auto& item : value) out.push_back(parse_one(item));
    return out;
}

}  // namespace

json report_to_json(const ReportContent& c) {
    json identifiers = json::array();
    for (const auto& i : c.identifiers) identifiers.push_back({{"channel", i.channel}, {"value", i.value}});
    json perpetrators = json::array();
    for (const auto& p : c.perpetrators) {
        perpetrators.push_back({{"affiliation", p.affiliation}, {"names", p.names}, {"description", p.description}});
    }
    json relatives = json::array();
    for (const auto& r : c.relatives) {
        relatives.push_back({{"relationship", r.relationship},
                             {"location", r.location},
                             {"what_happened", r.what_happened},
                             {"by_whom", r.by_whom},
                             {"how_known", r.how_known}});
    }
    json witnesses = json::array();
    for (const auto& w : c.witnesses) {
        witnesses.push_back({{"name", w.name}, {"contact", w.contact}, {"statement", w.statement}});
    }
    json reported_to = json::array();
    for (const auto& r : c.reported_to) {
        reported_to.push_back(
            {{"authority", r.authority}, {"date", r.date}, {"reference", r.reference}, {"outcome", r.outcome}});
    }
    return json{
        {"content_version", kReportContentVersion},
        {"title", c.title},
        {"occurred_start", c.occurred_start},
        {"occurred_end", c.occurred_end},
        {"date_precision", c.date_precision},
        {"host_country", c.host_country},
        {"host_city", c.host_city},
        {"place", c.place},
        {"origin_country", c.origin_country},
        {"tactics", c.tactics},
        {"channels", c.channels},
        {"identifiers", std::move(identifiers)},
        {"perpetrators", std::move(perpetrators)},
        {"demands", c.demands},
        {"demands_detail", c.demands_detail},
        {"relatives", std::move(relatives)},
        {"narrative", c.narrative},
        {"narrative_language", c.narrative_language},
        {"translation", c.translation},
        {"translation_language", c.translation_language},
        {"translator", c.translator},
        {"witnesses", std::move(witnesses)},
        {"impacts", c.impacts},
        {"impact_detail", c.impact_detail},
        {"reported_to", std::move(reported_to)},
        {"risk_level", c.risk_level},
        {"sensitive_fields", c.sensitive_fields},
    };
}

ReportContent report_from_json(const json& j) {
    require_keys(j,
                 {"content_version", "title", "occurred_start", "occurred_end", "date_precision", "host_country",
                  "host_city", "place", "origin_country", "tactics", "channels", "identifiers", "perpetrators",
                  "demands", "demands_detail", "relatives", "narrative", "narrative_language", "translation",
                  "translation_language", "translator", "witnesses", "impacts", "impact_detail", "reported_to",
                  "risk_level", "sensitive_fields"},
                 "report");
    const auto& version = j.at("content_version");
    if (!version.is_number_integer() || version.get<std::int64_t>() != kReportContentVersion) {
        bad("unsupported content_version");
    }
    ReportContent c;
    c.title = text(j, "title");
    c.occurred_start = text(j, "occurred_start");
    c.occurred_end = text(j, "occurred_end");
    c.date_precision = text(j, "date_precision");
    c.host_country = text(j, "host_country");
    c.host_city = text(j, "host_city");
    c.place = text(j, "place");
    c.origin_country = text(j, "origin_country");
    c.tactics = text_list(j, "tactics");
    c.channels = text_list(j, "channels");
    c.identifiers = object_list<Identifier>(j, "identifiers", [](const json& item) {
        require_keys(item, {"channel", "value"}, "identifier");
        return Identifier{text(item, "channel"), text(item, "value")};
    });
    c.perpetrators = object_list<Perpetrator>(j, "perpetrators", [](const json& item) {
        require_keys(item, {"affiliation", "names", "description"}, "perpetrator");
        return Perpetrator{text(item, "affiliation"), text(item, "names"), text(item, "description")};
    });
    c.demands = text_list(j, "demands");
    c.demands_detail = text(j, "demands_detail");
    c.relatives = object_list<RelativePressured>(j, "relatives", [](const json& item) {
        require_keys(item, {"relationship", "location", "what_happened", "by_whom", "how_known"}, "relative");
        return RelativePressured{text(item, "relationship"), text(item, "location"), text(item, "what_happened"),
                                 text(item, "by_whom"), text(item, "how_known")};
    });
    c.narrative = text(j, "narrative");
    c.narrative_language = text(j, "narrative_language");
    c.translation = text(j, "translation");
    c.translation_language = text(j, "translation_language");
    c.translator = text(j, "translator");
    c.witnesses = object_list<Witness>(j, "witnesses", [](const json& item) {
        require_keys(item, {"name", "contact", "statement"}, "witness");
        return Witness{text(item, "name"), text(item, "contact"), text(item, "statement")};
    });
    c.impacts = text_list(j, "impacts");
    c.impact_detail = text(j, "impact_detail");
    c.reported_to = object_list<ReportedTo>(j, "reported_to", [](const json& item) {
        require_keys(item, {"authority", "date", "reference", "outcome"}, "reported_to entry");
        return ReportedTo{text(item, "authority"), text(item, "date"), text(item, "reference"),
                          text(item, "outcome")};
    });
    c.risk_level = text(j, "risk_level");
    c.sensitive_fields = text_list(j, "sensitive_fields");
    return c;
}

std::string canonical_report_json(const ReportContent& content) {
    // dump() sorts keys (std::map) and, with error_handler strict, refuses invalid UTF-8.
    try {
        return report_to_json(content).dump(-1, ' ', false, json::error_handler_t::strict);
    } catch (const json::exception&) {
        throw Error(ErrorKind::Invalid, "report content is not valid UTF-8");
    }
}

ReportContent parse_report_json(std::string_view text_in) {
    json parsed;
    try {
        parsed = json::parse(text_in.begin(), text_in.end());
    } catch (const json::exception&) {
        bad("not valid JSON");
    }
    return report_from_json(parsed);
}

}  // namespace fv::storage
