#include "bundle_document.h"
#include "fieldvault/core/i18n.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/report_json.h"

namespace fv::core::detail {

namespace {

using json = nlohmann::json;

constexpr std::string_view kReportSchema = "fieldvault-report";
constexpr std::string_view kRedactedTitle = "[redacted]";

[[noreturn]] void malformed(const std::string& why) {
    throw Error(ErrorKind::Integrity, tr_args("received report document is malformed: {1}", {why}));
}

void require_exact_keys(const json& object, std::set<std::string> keys, const std::string& where) {
    if (!object.is_object()) malformed(where + " is not an object");
    std::set<std::string> present;
    for (const auto& [key, value] : object.items()) present.insert(key);
    if (present != keys) malformed(where + " does not have the expected keys");
}

const json& field(const json& object, const char* key, json::value_t type) {
    const auto& value = object.at(key);
    const bool ok = value.type() == type ||
                    (type == json::value_t::number_integer && value.type() == json::value_t::number_unsigned);
    if (!ok) malformed(std::string("\"") + key + "\" has the wrong type");
    return value;
}

std::string text(const json& object, const char* key) {
    return field(object, key, json::value_t::string).get<std::string>();
}

std::int64_t integer(const json& object, const char* key) {
    const auto& value = field(object, key, json::value_t::number_integer);
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        malformed(std::string("\"") + key + "\" is out of range");
    return value.get<std::int64_t>();
}

std::uint64_t unsigned_integer(const json& object, const char* key) {
    const auto& value = field(object, key, json::value_t::number_integer);
    if (value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() < 0)
        malformed(std::string("\"") + key + "\" is negative");
    return value.get<std::uint64_t>();
}

std::vector<std::string> texts(const json& object, const char* key) {
    const auto& list = field(object, key, json::value_t::array);
    std::vector<std::string> out;
    for (const auto& item : list) {
        if (!item.is_string()) malformed(std::string("\"") + key + "\" holds a non-string");
        out.push_back(item.get<std::string>());
    }
    return out;
}

bool is_lower_hex(const std::string& s, std::size_t length) {
    return s.size() == length &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

bool is_valid_caption(std::string_view caption) {
    if (caption.size() > kMaxCaptionBytes || !is_valid_utf8(caption)) return false;
    // The same rule as AttachmentService::set_caption, so that every caption
    // a vault holds can be sent.
    return std::none_of(caption.begin(), caption.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::vector<std::string> redact_sensitive(storage::ReportContent& c) {
    std::vector<std::string> redacted;
    for (const auto& name : c.sensitive_fields) {
        bool known = true;
        if (name == "title") c.title = std::string(kRedactedTitle);
        else if (name == "place") c.place.clear();
        else if (name == "host_city") c.host_city.clear();
        else if (name == "origin_country") c.origin_country.clear();
        else if (name == "identifiers") c.identifiers.clear();
        else if (name == "perpetrators") c.perpetrators.clear();
        else if (name == "relatives") c.relatives.clear();
        else if (name == "narrative") c.narrative.clear();
        else if (name == "translation") { c.translation.clear(); c.translator.clear(); }
        else if (name == "witnesses") c.witnesses.clear();
        else if (name == "impact") { c.impacts.clear(); c.impact_detail.clear(); }
        else if (name == "reported_to") c.reported_to.clear();
        else known = false;
        // An unknown name (never stored by this version) fails closed: refuse
        // rather than let a field marked sensitive leave unredacted.
        if (!known) throw Error(ErrorKind::Invalid, tr_args("cannot redact unknown sensitive field '{1}'", {name}));
        if (std::find(redacted.begin(), redacted.end(), name) == redacted.end()) redacted.push_back(name);
    }
    return redacted;
}

std::string encode_report_document(const ReportDocument& doc) {
    json attachments = json::array();
    for (const auto& a : doc.attachments) {
        attachments.push_back(json{{"item", a.item_id}, {"name", a.name}, {"media_type", a.media_type},
                                   {"size", a.size}, {"sha256", a.sha256}, {"added_at", a.added_at},
                                   {"caption", a.caption}});
    }
    json revisions = json::array();
    for (const auto& r : doc.revisions)
        revisions.push_back(json{{"number", r.number}, {"created_at", r.created_at}, {"sha256", r.sha256}});
    json out{{"schema", kReportSchema},
                   {"schema_version", kReportDocumentVersion},
                   {"status", model::status_code(doc.status)},
                   {"created_at", doc.created_at},
                   {"updated_at", doc.updated_at},
                   {"revision", doc.revision},
                   {"case", doc.case_name},
                   {"content", storage::report_to_json(doc.content)},
                   {"redacted_fields", doc.redacted_fields},
                   {"attachments", attachments},
                   {"attachments_left_out", doc.attachments_left_out},
                   {"report_uid", doc.report_uid},
                   {"revision_sha256", doc.revision_sha256},
                   {"revisions", revisions},
                   {"origin", nullptr}};
    if (doc.origin) {
        out["origin"] = json{{"proofs", doc.origin->proofs}, {"item", doc.origin->item},
                             {"received_at", doc.origin->received_at}};
    }
    return out.dump();
}

ReportDocument decode_report_document(std::string_view text_in) {
    json in;
    try {
        in = json::parse(text_in.begin(), text_in.end());
    } catch (const json::exception&) {
        malformed("not valid JSON");
    }
    if (!in.is_object() || !in.contains("schema_version")) malformed("the document has no schema_version");
    const auto version = integer(in, "schema_version");
    if (version < kOldestReportDocumentVersion || version > kReportDocumentVersion)
        malformed("unsupported schema_version");
    std::set<std::string> keys{"schema", "schema_version", "status", "created_at", "updated_at", "revision", "case",
                               "content", "redacted_fields", "attachments", "attachments_left_out"};
    std::set<std::string> attachment_keys{"item", "name", "media_type", "size", "sha256"};
    if (version >= 2) {
        keys.insert({"report_uid", "revision_sha256", "revisions", "origin"});
        attachment_keys.insert("added_at");
    }
    if (version >= 3) attachment_keys.insert("caption");
    require_exact_keys(in, keys, "the document");
    if (text(in, "schema") != kReportSchema) malformed("unknown schema");
    ReportDocument doc;
    doc.schema_version = static_cast<int>(version);
    const auto status = model::parse_status(text(in, "status"));
    if (!status) malformed("unknown status");
    doc.status = *status;
    doc.created_at = integer(in, "created_at");
    doc.updated_at = integer(in, "updated_at");
    doc.revision = integer(in, "revision");
    doc.case_name = text(in, "case");
    try {
        doc.content = storage::report_from_json(field(in, "content", json::value_t::object));
    } catch (const Error& e) {
        malformed(std::string("content: ") + e.what());
    }
    doc.redacted_fields = texts(in, "redacted_fields");
    for (const auto& a : field(in, "attachments", json::value_t::array)) {
        require_exact_keys(a, attachment_keys, "an attachment entry");
        DocumentAttachment entry{text(a, "item"), text(a, "name"), text(a, "media_type"),
                                 unsigned_integer(a, "size"), text(a, "sha256"),
                                 version >= 2 ? integer(a, "added_at") : 0, ""};
        if (version >= 3) {
            entry.caption = text(a, "caption");
            if (!is_valid_caption(entry.caption))
                malformed("an attachment's \"caption\" is not one line of at most 500 bytes of text");
        }
        doc.attachments.push_back(std::move(entry));
    }
    doc.attachments_left_out = unsigned_integer(in, "attachments_left_out");
    if (version >= 2) {
        doc.report_uid = text(in, "report_uid");
        if (!is_lower_hex(doc.report_uid, 32)) malformed("\"report_uid\" is not 32 lowercase hex digits");
        doc.revision_sha256 = text(in, "revision_sha256");
        if (!is_lower_hex(doc.revision_sha256, 64)) malformed("\"revision_sha256\" is not 64 lowercase hex digits");
        for (const auto& r : field(in, "revisions", json::value_t::array)) {
            require_exact_keys(r, {"number", "created_at", "sha256"}, "a revision entry");
            DocumentRevision rev{integer(r, "number"), integer(r, "created_at"), text(r, "sha256")};
            if (!is_lower_hex(rev.sha256, 64)) malformed("a revision's \"sha256\" is not 64 lowercase hex digits");
            doc.revisions.push_back(std::move(rev));
        }
        const auto& origin = in.at("origin");
        if (!origin.is_null()) {
            require_exact_keys(origin, {"proofs", "item", "received_at"}, "the origin");
            DocumentOrigin o{texts(origin, "proofs"), text(origin, "item"), integer(origin, "received_at")};
            if (o.proofs.empty() || o.item.empty()) malformed("the origin names no proof");
            doc.origin = std::move(o);
        }
    }
    return doc;
}

}  // namespace fv::core::detail
