#include "text_output.h"

#include "help_formatter.h"  // terminal_columns

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iomanip>
#include <string_view>

#include "fieldvault/core/file_names.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/vocabulary.h"

namespace fv::cli {
namespace {

using core::Vocabulary;

// "code (Label)" for coded values, so both the stable code and its meaning show.
std::string coded(Vocabulary vocabulary, const std::string& code) {
    const auto label = core::display_label(vocabulary, code);
    if (label == code) return code;
    return code + " (" + label + ")";
}

// "Name: value"; `name` is already translated.
void line(std::ostream& out, std::string_view name, const std::string& value) {
    if (!value.empty()) out << core::tr_args("{1}: {2}", {name, value}) << '\n';
}

void coded_list(std::ostream& out, std::string_view name, Vocabulary vocabulary,
                const std::vector<std::string>& codes) {
    if (codes.empty()) return;
    out << core::tr_args("{1}:", {name});
    for (const auto& code : codes) out << "\n  - " << coded(vocabulary, code);
    out << '\n';
}


// `text` followed by spaces up to `columns` terminal columns (as std::setw
// does for ASCII).
std::string pad_columns(std::string_view text, std::size_t columns) {
    std::string out(text);
    const auto used = terminal_columns(text);
    if (used < columns) out.append(columns - used, ' ');
    return out;
}

std::string file_name_warning(std::string_view name) {
    switch (core::file_name_risk(name)) {
        case core::FileNameRisk::Program:
            return core::tr("Warning: this file would run as a program if opened. Do not open it unless you trust it.");
        case core::FileNameRisk::Hidden:
            return core::tr("Warning: this name makes a hidden file. Copy it out under another name.");
        case core::FileNameRisk::None: break;
    }
    return {};
}

void print_content(std::ostream& out, const core::ReportContent& c) {
    line(out, core::tr("Occurred"), c.occurred_start);
    line(out, core::tr("Until"), c.occurred_end);
    line(out, core::tr("Date precision"), c.date_precision);
    line(out, core::tr("Host country"), c.host_country);
    line(out, core::tr("City"), c.host_city);
    line(out, core::tr("Place"), c.place);
    line(out, core::tr("Origin country"), c.origin_country);
    coded_list(out, core::tr("Tactics"), Vocabulary::Tactic, c.tactics);
    coded_list(out, core::tr("Channels"), Vocabulary::Channel, c.channels);
    if (!c.identifiers.empty()) {
        out << core::tr("Identifiers:");
        for (const auto& id : c.identifiers) out << "\n  - " << id.channel << ": " << id.value;
        out << '\n';
    }
    if (!c.perpetrators.empty()) {
        out << core::tr("Perpetrators:");
        for (const auto& p : c.perpetrators) {
            out << "\n  - " << (p.affiliation.empty() ? std::string(core::tr("(affiliation not given)"))
                                                      : coded(Vocabulary::Affiliation, p.affiliation));
            if (!p.names.empty()) out << core::tr_args("; names: {1}", {p.names});
            if (!p.description.empty()) out << "; " << p.description;
        }
        out << '\n';
    }
    coded_list(out, core::tr("Demands"), Vocabulary::Demand, c.demands);
    line(out, core::tr("Demands detail"), c.demands_detail);
    if (!c.relatives.empty()) {
        out << core::tr("Relatives pressured:");
        for (const auto& r : c.relatives) {
            out << "\n  - " << r.relationship;
            if (!r.location.empty()) out << core::tr_args(" (in {1})", {r.location});
            if (!r.what_happened.empty()) out << ": " << r.what_happened;
            if (!r.by_whom.empty()) out << core::tr_args("; by {1}", {r.by_whom});
            if (!r.how_known.empty()) out << core::tr_args("; known through {1}", {r.how_known});
        }
        out << '\n';
    }
    line(out, core::tr("Narrative language"), c.narrative_language);
    if (!c.narrative.empty()) out << core::tr("Narrative:") << '\n' << c.narrative << '\n';
    line(out, core::tr("Translation language"), c.translation_language);
    line(out, core::tr("Translator"), c.translator);
    if (!c.translation.empty()) out << core::tr("Translation:") << '\n' << c.translation << '\n';
    if (!c.witnesses.empty()) {
        out << core::tr("Witnesses:");
        for (const auto& w : c.witnesses) {
            out << "\n  - " << w.name;
            if (!w.contact.empty()) out << " <" << w.contact << ">";
            if (!w.statement.empty()) out << ": " << w.statement;
        }
        out << '\n';
    }
    coded_list(out, core::tr("Impact"), Vocabulary::Impact, c.impacts);
    line(out, core::tr("Impact detail"), c.impact_detail);
    if (!c.reported_to.empty()) {
        out << core::tr("Reported to:");
        for (const auto& r : c.reported_to) {
            out << "\n  - " << r.authority;
            if (!r.date.empty()) out << core::tr_args(" on {1}", {r.date});
            if (!r.reference.empty()) out << core::tr_args(", reference {1}", {r.reference});
            if (!r.outcome.empty()) out << ": " << r.outcome;
        }
        out << '\n';
    }
    if (!c.risk_level.empty()) line(out, core::tr("Risk"), coded(Vocabulary::RiskLevel, c.risk_level));
    if (!c.sensitive_fields.empty()) {
        out << core::tr("Sensitive fields:");
        for (const auto& f : c.sensitive_fields) out << ' ' << f;
        out << '\n';
    }
}

}  // namespace


std::string shell_word(const std::string& word) {
    const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/' ||
               static_cast<unsigned char>(c) >= 0x80;
    });
    if (plain) return word;
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

void print_report_table(std::ostream& out, const std::vector<core::ReportSummary>& reports) {
    // The headers are for people (translated); padded by the columns they
    // take on a terminal, so a Chinese header lines up with the rows.
    out << pad_columns(core::tr("ID"), 6) << "  " << pad_columns(core::tr("STATUS"), 6) << "  "
        << pad_columns(core::tr("OCCURRED"), 20) << "  " << core::tr("TITLE") << '\n';
    out << std::left;
    for (const auto& r : reports) {
        // The status as the person reads it ("Draft", "草稿"); --json keeps the code.
        out << std::setw(6) << r.id << "  "
            << pad_columns(core::display_label(core::Vocabulary::Status, core::status_code(r.status)), 6) << "  "
            << std::setw(20)
            << (r.occurred_start.empty() ? std::string("-") : r.occurred_start) << "  " << r.title << '\n';
    }
    out << std::right;
}

void print_report_detail(std::ostream& out, const core::ReportDetail& detail) {
    const auto& r = detail.report;
    out << core::tr_args("Report {1}: {2}", {std::to_string(r.id), r.content.title}) << '\n';
    out << core::tr_args("Status: {1}", {core::display_label(core::Vocabulary::Status, core::status_code(r.status))})
        << '\n';
    line(out, core::tr("Case"), detail.case_name);
    if (!detail.other_case_names.empty()) {
        std::string also;
        for (const auto& name : detail.other_case_names) also += (also.empty() ? "" : "; ") + name;
        line(out, core::tr("Also in cases"), also);
    }
    out << core::tr_args("Created: {1}", {core::format_utc_time(r.created_at)}) << '\n';
    out << core::tr_args("Updated: {1}", {core::format_utc_time(r.updated_at)}) << '\n';
    print_content(out, r.content);
    out << core::tr("Revisions:");
    for (const auto& rev : detail.revisions)
        out << "\n  " << rev.number << "  " << core::format_utc_time(rev.created_at) << "  sha256 "  // i18n: not text
            << rev.content_sha256;
    out << '\n';
    if (detail.attachments.empty()) {
        out << core::tr("Attachments: none") << '\n';
        return;
    }
    out << core::tr("Attachments:");
    for (const auto& a : detail.attachments) {
        out << "\n  "
            << core::tr_args("{1}  {2}  {3} bytes  {4}  sha256 {5}",
                             {std::to_string(a.id), a.name, std::to_string(a.size), a.media_type, a.sha256});
        if (!a.caption.empty()) out << "\n      " << core::tr_args("caption: {1}", {a.caption});
        if (const auto warning = file_name_warning(a.name); !warning.empty()) out << "\n      " << warning;
    }
    out << '\n';
}

void print_audit_table(std::ostream& out, const std::vector<core::AuditEntry>& entries) {
    out << pad_columns(core::tr("SEQ"), 6) << "  " << pad_columns(core::tr("TIME"), 20) << "  "
        << pad_columns(core::tr("ACTION"), 18) << "  " << pad_columns(core::tr("SUBJECT"), 16) << "  "
        << core::tr("DETAIL") << '\n';
    out << std::left;
    for (const auto& e : entries) {
        out << std::setw(6) << e.seq << "  " << std::setw(20) << core::format_utc_time(e.at) << "  " << std::setw(18) << e.action
            << "  " << std::setw(16) << e.subject << "  " << e.detail << '\n';
    }
    out << std::right;
}

}  // namespace fv::cli
