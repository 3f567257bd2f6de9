#include "text_output.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iomanip>
#include <string_view>

#include "fieldvault/core/file_names.h"
#include "fieldvault/core/vocabulary.h"

namespace fv::cli {
namespace {

using core::Vocabulary;

// "code (Label)" for coded values, so both the stable code and its meaning show.
std::string coded(Vocabulary vocabulary, const std::string& code) {
    const auto label = core::label(vocabulary, code);
    if (label == code) return code;
    return code + " (" + std::string(label) + ")";
}

void line(std::ostream& out, std::string_view name, const std::string& value) {
    if (!value.empty()) out << name << ": " << value << '\n';
}

void coded_list(std::ostream& out, std::string_view name, Vocabulary vocabulary,
                const std::vector<std::string>& codes) {
    if (codes.empty()) return;
    out << name << ":";
    for (const auto& code : codes) out << "\n  - " << coded(vocabulary, code);
    out << '\n';
}

std::string file_name_warning(std::string_view name) {
    switch (core::file_name_risk(name)) {
        case core::FileNameRisk::Program:
            return "Warning: this file would run as a program if opened. Do not open it unless you trust it.";
        case core::FileNameRisk::Hidden:
            return "Warning: this name makes a hidden file. Copy it out under another name.";
        case core::FileNameRisk::None: break;
    }
    return {};
}

void print_content(std::ostream& out, const core::ReportContent& c) {
    line(out, "Occurred", c.occurred_start);
    line(out, "Until", c.occurred_end);
    line(out, "Date precision", c.date_precision);
    line(out, "Host country", c.host_country);
    line(out, "City", c.host_city);
    line(out, "Place", c.place);
    line(out, "Origin country", c.origin_country);
    coded_list(out, "Tactics", Vocabulary::Tactic, c.tactics);
    coded_list(out, "Channels", Vocabulary::Channel, c.channels);
    if (!c.identifiers.empty()) {
        out << "Identifiers:";
        for (const auto& id : c.identifiers) out << "\n  - " << id.channel << ": " << id.value;
        out << '\n';
    }
    if (!c.perpetrators.empty()) {
        out << "Perpetrators:";
        for (const auto& p : c.perpetrators) {
            out << "\n  - " << (p.affiliation.empty() ? std::string("(affiliation not given)")
                                                      : coded(Vocabulary::Affiliation, p.affiliation));
            if (!p.names.empty()) out << "; names: " << p.names;
            if (!p.description.empty()) out << "; " << p.description;
        }
        out << '\n';
    }
    coded_list(out, "Demands", Vocabulary::Demand, c.demands);
    line(out, "Demands detail", c.demands_detail);
    if (!c.relatives.empty()) {
        out << "Relatives pressured:";
        for (const auto& r : c.relatives) {
            out << "\n  - " << r.relationship;
            if (!r.location.empty()) out << " (in " << r.location << ")";
            if (!r.what_happened.empty()) out << ": " << r.what_happened;
            if (!r.by_whom.empty()) out << "; by " << r.by_whom;
            if (!r.how_known.empty()) out << "; known through " << r.how_known;
        }
        out << '\n';
    }
    line(out, "Narrative language", c.narrative_language);
    if (!c.narrative.empty()) out << "Narrative:\n" << c.narrative << '\n';
    line(out, "Translation language", c.translation_language);
    line(out, "Translator", c.translator);
    if (!c.translation.empty()) out << "Translation:\n" << c.translation << '\n';
    if (!c.witnesses.empty()) {
        out << "Witnesses:";
        for (const auto& w : c.witnesses) {
            out << "\n  - " << w.name;
            if (!w.contact.empty()) out << " <" << w.contact << ">";
            if (!w.statement.empty()) out << ": " << w.statement;
        }
        out << '\n';
    }
    coded_list(out, "Impact", Vocabulary::Impact, c.impacts);
    line(out, "Impact detail", c.impact_detail);
    if (!c.reported_to.empty()) {
        out << "Reported to:";
        for (const auto& r : c.reported_to) {
            out << "\n  - " << r.authority;
            if (!r.date.empty()) out << " on " << r.date;
            if (!r.reference.empty()) out << ", reference " << r.reference;
            if (!r.outcome.empty()) out << ": " << r.outcome;
        }
        out << '\n';
    }
    if (!c.risk_level.empty()) line(out, "Risk", coded(Vocabulary::RiskLevel, c.risk_level));
    if (!c.sensitive_fields.empty()) {
        out << "Sensitive fields:";
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
    out << std::left << std::setw(6) << "ID" << "  " << std::setw(6) << "STATUS" << "  " << std::setw(20)
        << "OCCURRED" << "  " << "TITLE" << '\n';
    for (const auto& r : reports) {
        out << std::setw(6) << r.id << "  " << std::setw(6) << core::status_code(r.status) << "  " << std::setw(20)
            << (r.occurred_start.empty() ? std::string("-") : r.occurred_start) << "  " << r.title << '\n';
    }
    out << std::right;
}

void print_report_detail(std::ostream& out, const core::ReportDetail& detail) {
    const auto& r = detail.report;
    out << "Report " << r.id << ": " << r.content.title << '\n';
    out << "Status: " << core::status_code(r.status) << '\n';
    line(out, "Case", detail.case_name);
    if (!detail.other_case_names.empty()) {
        std::string also;
        for (const auto& name : detail.other_case_names) also += (also.empty() ? "" : "; ") + name;
        line(out, "Also in cases", also);
    }
    out << "Created: " << core::format_utc_time(r.created_at) << '\n';
    out << "Updated: " << core::format_utc_time(r.updated_at) << '\n';
    print_content(out, r.content);
    out << "Revisions:";
    for (const auto& rev : detail.revisions)
        out << "\n  " << rev.number << "  " << core::format_utc_time(rev.created_at) << "  sha256 " << rev.content_sha256;
    out << '\n';
    if (detail.attachments.empty()) {
        out << "Attachments: none\n";
        return;
    }
    out << "Attachments:";
    for (const auto& a : detail.attachments) {
        out << "\n  " << a.id << "  " << a.name << "  " << a.size << " bytes  " << a.media_type << "  sha256 "
            << a.sha256;
        if (const auto warning = file_name_warning(a.name); !warning.empty()) out << "\n      " << warning;
    }
    out << '\n';
}

void print_audit_table(std::ostream& out, const std::vector<core::AuditEntry>& entries) {
    out << std::left << std::setw(6) << "SEQ" << "  " << std::setw(20) << "TIME" << "  " << std::setw(18)
        << "ACTION" << "  " << std::setw(16) << "SUBJECT" << "  " << "DETAIL" << '\n';
    for (const auto& e : entries) {
        out << std::setw(6) << e.seq << "  " << std::setw(20) << core::format_utc_time(e.at) << "  " << std::setw(18) << e.action
            << "  " << std::setw(16) << e.subject << "  " << e.detail << '\n';
    }
    out << std::right;
}

}  // namespace fv::cli
