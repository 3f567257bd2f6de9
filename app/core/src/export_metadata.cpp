// The export metadata in the manifest: written strictly, read leniently (a
// sender's note we cannot read is shown as unreadable, never a refusal: the
// signature, not this note, is what vouches for the bundle).
#include "fieldvault/core/export_metadata.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "fieldvault/crypto/bundle_format.h"

namespace fv::core {

namespace {

using json = nlohmann::json;

constexpr std::string_view kExportSchema = "fieldvault-export";
constexpr int kExportMetadataVersion = 1;
// The manifest bounds metadata to 64 KiB; leave room for the rest of it.
constexpr std::size_t kMaxMetadataBytes = 60000;

std::vector<std::string> strings_in(const json& list) {
    std::vector<std::string> out;
    if (!list.is_array()) throw std::invalid_argument("not a list");
    for (const auto& item : list) out.push_back(item.get<std::string>());
    return out;
}

}  // namespace

bool is_plain_name(std::string_view name) {
    // The bundle format's name rule: no controls, bidi marks, slashes or "..".
    return !name.empty() && name.size() <= 100 && crypto::bundle_format::name_problem(name).empty();
}

std::vector<std::string> ExportMetadata::redacted_field_names() const {
    std::vector<std::string> names;
    for (const auto& item : redacted)
        for (const auto& f : item.fields)
            if (std::find(names.begin(), names.end(), f) == names.end()) names.push_back(f);
    return names;
}

std::string encode_export_metadata(const ExportMetadata& m) {
    json redacted = json::array();
    for (const auto& r : m.redacted) redacted.push_back(json{{"item", r.item_id}, {"fields", r.fields}});
    json out{{"schema", kExportSchema},
             {"schema_version", kExportMetadataVersion},
             {"reports", m.reports},
             {"attachments", m.attachments},
             {"sensitive_included", m.sensitive_included},
             {"attachments_included", m.attachments_included},
             {"attachments_left_out", m.attachments_left_out},
             {"redacted", redacted}};
    if (m.redacted_reports_not_listed > 0) out["redacted_reports"] = m.redacted_reports_not_listed;
    if (!m.sender_name.empty()) out["sender_name"] = m.sender_name;
    if (m.proofs > 0) out["proofs"] = m.proofs;
    auto text = out.dump();
    // A long list shrinks to a count; each report document still says what it lacks.
    if (text.size() > kMaxMetadataBytes) {
        out["redacted"] = json::array();
        out["redacted_reports"] = m.redacted_report_count();
        text = out.dump();
    }
    return text;
}

ReceivedExportMetadata decode_export_metadata(std::string_view text) {
    ReceivedExportMetadata received;
    received.text = std::string(text);
    try {
        const auto doc = json::parse(text.begin(), text.end());
        if (!doc.is_object() || doc.value("schema", std::string()) != kExportSchema) return received;
        ExportMetadata& m = received.metadata;
        m.reports = doc.value("reports", std::size_t{0});
        m.attachments = doc.value("attachments", std::size_t{0});
        m.sensitive_included = doc.value("sensitive_included", true);
        m.attachments_included = doc.value("attachments_included", true);
        m.attachments_left_out = doc.value("attachments_left_out", std::uint64_t{0});
        m.redacted_reports_not_listed = doc.value("redacted_reports", std::size_t{0});
        m.sender_name = doc.value("sender_name", std::string());
        m.proofs = doc.value("proofs", std::size_t{0});
        // Shown to the receiver: a stated name that breaks the contact-name
        // rule (controls, bidi tricks, not UTF-8, too long) is not shown at all.
        if (!is_plain_name(m.sender_name)) m.sender_name.clear();
        for (const auto& entry : doc.value("redacted", json::array()))
            m.redacted.push_back(RedactedItem{entry.at("item").get<std::string>(), strings_in(entry.at("fields"))});
        received.readable = true;
    } catch (const std::exception&) {
        received.metadata = ExportMetadata{};
        received.readable = false;
    }
    return received;
}

}  // namespace fv::core
