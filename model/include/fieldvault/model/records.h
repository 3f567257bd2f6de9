#pragma once
// The domain model: plain data records every layer shares. app/core uses these
// and adds vocabularies and validation; storage persists them; the faces see them
// through app/core (core::ReportContent, ...).
// Codes (tactics, channels, ...) are stable strings defined in app/core's
// vocabularies; text is UTF-8 (validated by app/core before it gets here).
#include <cstdint>
#include <string>
#include <vector>

#include "fieldvault/model/report_status.h"

namespace fv::model {

struct Identifier {          // a phone number, handle, URL... used against the person
    std::string channel;     // channel code: phone, wechat, whatsapp, telegram, email, social, ...
    std::string value;
    bool operator==(const Identifier&) const = default;
};

struct Perpetrator {
    std::string affiliation;  // code: police, state_security, embassy, service_station, ...
    std::string names;        // names or badge numbers given
    std::string description;
    bool operator==(const Perpetrator&) const = default;
};

struct RelativePressured {
    std::string relationship;  // free text: mother, brother...
    std::string location;      // where they are (often sensitive)
    std::string what_happened;
    std::string by_whom;
    std::string how_known;
    bool operator==(const RelativePressured&) const = default;
};

struct Witness {
    std::string name;
    std::string contact;
    std::string statement;
    bool operator==(const Witness&) const = default;
};

struct ReportedTo {
    std::string authority;
    std::string date;       // ISO-8601 date
    std::string reference;
    std::string outcome;
    bool operator==(const ReportedTo&) const = default;
};

// Everything a revision captures: the whole editable content of a report.
struct ReportContent {
    std::string title;
    // when
    std::string occurred_start;            // ISO-8601 ("2026-03-14", "2026-03-14T18:30", "2026-03")
    std::string occurred_end;              // optional
    std::string date_precision = "exact";  // exact, day, month, approximate
    // where
    std::string host_country;   // ISO 3166 alpha-2 or free text
    std::string host_city;
    std::string place;          // free-text location
    std::string origin_country;
    // what
    std::vector<std::string> tactics;   // tactic codes
    std::vector<std::string> channels;  // channel codes
    std::vector<Identifier> identifiers;
    std::vector<Perpetrator> perpetrators;
    std::vector<std::string> demands;   // demand codes
    std::string demands_detail;
    std::vector<RelativePressured> relatives;
    // account
    std::string narrative;
    std::string narrative_language;     // BCP 47, e.g. "zh-Hans"
    std::string translation;
    std::string translation_language;
    std::string translator;
    std::vector<Witness> witnesses;
    std::vector<std::string> impacts;   // impact codes
    std::string impact_detail;
    std::vector<ReportedTo> reported_to;
    std::string risk_level;             // low, medium, high, critical, or empty
    // field names (as in docs/cli.md, e.g. "relatives", "place") the user marked sensitive
    std::vector<std::string> sensitive_fields;

    bool operator==(const ReportContent&) const = default;
};

struct ReportRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;   // 0 = no case
    ReportStatus status = ReportStatus::Draft;
    std::int64_t created_at = 0;   // unix seconds UTC
    std::int64_t updated_at = 0;
    std::int64_t revision = 0;     // number of the latest revision (1-based)
    ReportContent content;
};

struct ReportSummary {          // for lists: cheap to load 100,000 of
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string title;
    ReportStatus status = ReportStatus::Draft;
    std::string occurred_start;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t attachment_count = 0;
    std::vector<std::string> tactics;  // codes, for the list's tactic filter
    std::vector<std::int64_t> more_case_ids;  // the other cases it is also in (schema v10)
};

// Whether the row is in the case (its main case or one of the others); 0 asks
// for the reports in no case at all.
inline bool in_case(const ReportSummary& row, std::int64_t case_id) {
    if (case_id == 0) return row.case_id == 0 && row.more_case_ids.empty();
    if (row.case_id == case_id) return true;
    for (const auto other : row.more_case_ids)
        if (other == case_id) return true;
    return false;
}

// The first rows of a list or a search (newest first) and how many rows the
// whole list or search has, for showing one page at once.
struct ReportSummaryPage {
    std::vector<ReportSummary> rows;
    std::int64_t total = 0;
};

struct RevisionRecord {
    std::int64_t report_id = 0;
    std::int64_t number = 0;      // 1, 2, 3...
    std::int64_t created_at = 0;
    std::string content_sha256;   // hex SHA-256 of the revision's canonical JSON
    ReportContent content;
};

struct CaseRecord {
    std::int64_t id = 0;
    std::string name;
    std::int64_t created_at = 0;
};

struct AttachmentRecord {
    std::int64_t id = 0;
    std::int64_t report_id = 0;
    std::string name;         // original file name only, never the source path
    std::string media_type;   // e.g. image/png, application/octet-stream
    std::uint64_t size = 0;
    std::string sha256;       // hex SHA-256 of the original bytes
    std::int64_t created_at = 0;
    std::string caption;      // what it shows, in the person's words ("" if none; schema v11)
};

struct AuditEntry {
    std::int64_t seq = 0;        // 1, 2, 3... no gaps
    std::int64_t at = 0;         // unix seconds UTC
    std::string action;          // create_vault, report_create, report_edit, report_finalize, attach, ...
    std::string subject;         // e.g. "report:12", "attachment:3"
    std::string detail;          // non-sensitive detail (never report content)
    std::string prev_hash;       // hex; 64 zeros for the first entry
    std::string hash;            // hex SHA-256 over prev_hash and the fields above
};

struct IdentityRecord {
    std::string name;            // display name chosen at init (may be empty)
    std::string public_card;     // the identity card line
    std::int64_t created_at = 0;
};

struct ContactRecord {
    std::int64_t id = 0;
    std::string name;
    std::string card;
    std::string fingerprint;
    bool verified = false;
    std::int64_t created_at = 0;
};

}  // namespace fv::model
