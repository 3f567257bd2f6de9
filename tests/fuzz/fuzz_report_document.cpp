// Fuzzes what import reads from inside a bundle once it has verified: the
// report document (app/core/src/bundle_document.h), the report content it
// holds (storage's report JSON, also parsed alone as parse_report_json does
// for stored revisions), the validation import applies to it, and the
// attachment names it carries (sanitize_file_name, used for the stored name).
// A bundle is signed by its sender, so a malicious or compromised contact can
// put any bytes here. Beyond "no crash":
//  - decode refusals are fv::Error(Integrity), content refusals Invalid;
//  - an accepted document encodes to a document that decodes to the same
//    values (encode . decode is a fixed point: no value is lost or changed);
//  - a sanitized attachment name is non-empty, valid UTF-8, at most 200 bytes,
//    one path component (no '/', '\\'), never "." or "..", no control or
//    bidirectional-override characters, and sanitizing it again changes nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bundle_document.h"
#include "fieldvault/core/file_names.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/text.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/report_json.h"

namespace {

using namespace fv;

void expect_kind(const Error& error, ErrorKind kind) {
    if (error.kind() != kind) {
        __builtin_trap();
    }
}

bool same(const core::detail::ReportDocument& a, const core::detail::ReportDocument& b) {
    if (a.attachments.size() != b.attachments.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.attachments.size(); ++i) {
        const auto& x = a.attachments[i];
        const auto& y = b.attachments[i];
        if (x.item_id != y.item_id || x.name != y.name || x.media_type != y.media_type || x.size != y.size ||
            x.sha256 != y.sha256) {
            return false;
        }
    }
    return a.status == b.status && a.created_at == b.created_at && a.updated_at == b.updated_at &&
           a.revision == b.revision && a.case_name == b.case_name && a.content == b.content &&
           a.redacted_fields == b.redacted_fields && a.attachments_left_out == b.attachments_left_out;
}

bool has_unsafe_code_point(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F || c == '/' || c == '\\') {
            return true;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            return true;  // U+0080..U+009F
        }
        if (c == 0xE2 && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const auto b2 = static_cast<unsigned char>(s[i + 2]);
            // U+200E/F (E2 80 8E/8F), U+202A..E (E2 80 AA..AE), U+2066..9 (E2 81 A6..A9)
            if ((b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
                (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
                return true;
            }
        }
    }
    return false;
}

void check_name(std::string_view raw) {
    const auto name = core::sanitize_file_name(raw);
    if (name.empty() || name.size() > 200 || name == "." || name == ".." || !core::is_valid_utf8(name) ||
        has_unsafe_code_point(name) || core::sanitize_file_name(name) != name) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    try {
        const auto doc = core::detail::decode_report_document(text);
        const auto encoded = core::detail::encode_report_document(doc);
        const auto again = core::detail::decode_report_document(encoded);
        if (!same(doc, again) || core::detail::encode_report_document(again) != encoded) {
            __builtin_trap();
        }
        try {
            core::validate_report(doc.content);
        } catch (const Error& error) {
            expect_kind(error, ErrorKind::Invalid);
        }
        for (const auto& attachment : doc.attachments) {
            check_name(attachment.name);
        }
    } catch (const Error& error) {
        expect_kind(error, ErrorKind::Integrity);
    }

    try {
        const auto content = storage::parse_report_json(text);
        const auto canonical = storage::canonical_report_json(content);
        if (!(storage::parse_report_json(canonical) == content) ||
            storage::canonical_report_json(storage::parse_report_json(canonical)) != canonical) {
            __builtin_trap();
        }
    } catch (const Error& error) {
        expect_kind(error, ErrorKind::Invalid);
    }

    check_name(text);
    return 0;
}
