#include "legal_record.h"

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/proofs.h"
#include "fieldvault/core/vocabulary.h"
#include "fieldvault/crypto/encoding.h"
#include "fieldvault/crypto/hash.h"
#include "fieldvault/model/error.h"
#include "fieldvault/storage/repositories.h"
#include "report_document_builder.h"

namespace fv::core::detail {

namespace {

using json = nlohmann::json;

// A court record states its zone: "2026-03-14 18:30:00 UTC (1773513000 Unix seconds)".
std::string utc(std::int64_t t) {
    if (t == 0) return "-";
    auto text = format_utc_time(t);  // 2026-03-14T18:30:00Z
    text[10] = ' ';
    text.pop_back();
    return text + " UTC (" + std::to_string(t) + " Unix seconds)";
}

std::string labels(Vocabulary v, const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) {
        if (!out.empty()) out += "; ";
        out += std::string(label(v, c));
    }
    return out;
}

std::string codes(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& c : list) out += (out.empty() ? "" : ";") + c;
    return out;
}

void add(std::vector<RecordField>& out, std::string label_text, std::string value) {
    if (!value.empty()) out.push_back(RecordField{std::move(label_text), std::move(value)});
}

std::vector<RecordField> content_fields(const LegalReport& r) {
    const auto& c = r.report.content;
    std::vector<RecordField> f;
    add(f, "Title", c.title);
    add(f, "Report id (stable, across vaults)", r.document.report_uid);
    add(f, "Status in this vault", std::string(label(Vocabulary::Status, status_code(r.report.status))));
    add(f, "Case", r.case_name);
    add(f, "When it happened", c.occurred_start + (c.occurred_end.empty() ? "" : " to " + c.occurred_end) + " (" +
                                   std::string(label(Vocabulary::DatePrecision, c.date_precision)) + ")");
    add(f, "Country where it happened", c.host_country);
    add(f, "City", c.host_city);
    add(f, "Place", c.place);
    add(f, "Country of origin", c.origin_country);
    add(f, "What was done", labels(Vocabulary::Tactic, c.tactics));
    add(f, "How they made contact", labels(Vocabulary::Channel, c.channels));
    for (const auto& i : c.identifiers)
        add(f, "Identifier (" + std::string(label(Vocabulary::Channel, i.channel)) + ")", i.value);
    for (const auto& p : c.perpetrators)
        add(f, "Who did it" + (p.affiliation.empty() ? std::string() : " (" + std::string(label(Vocabulary::Affiliation, p.affiliation)) + ")"),
            p.names + (p.description.empty() ? "" : "\n" + p.description));
    add(f, "What they asked for", labels(Vocabulary::Demand, c.demands));
    add(f, "Details of what they asked", c.demands_detail);
    for (const auto& rel : c.relatives)
        add(f, "Relative pressured: " + rel.relationship,
            rel.location + "\n" + rel.what_happened + "\n" + rel.by_whom + "\n" + rel.how_known);
    add(f, "Account (" + (c.narrative_language.empty() ? std::string("language not given") : c.narrative_language) + ")",
        c.narrative);
    add(f, "Translation (" + c.translation_language + (c.translator.empty() ? "" : ", by " + c.translator) + ")",
        c.translation);
    for (const auto& w : c.witnesses) add(f, "Witness: " + w.name, w.contact + "\n" + w.statement);
    add(f, "Harm done", labels(Vocabulary::Impact, c.impacts));
    add(f, "Details of the harm", c.impact_detail);
    for (const auto& t : c.reported_to)
        add(f, "Reported to " + t.authority, t.date + " " + t.reference + "\n" + t.outcome);
    add(f, "Risk", c.risk_level.empty() ? "" : std::string(label(Vocabulary::RiskLevel, c.risk_level)));
    add(f, "Marked sensitive by the writer", labels(Vocabulary::SensitiveField, c.sensitive_fields));
    if (r.annotation) {
        // Not the writer's words: the exporting organisation's, kept beside the report.
        const auto& a = r.annotation->annotation;
        const std::string whose = " (the exporter's, revision " + std::to_string(r.annotation->revision) + ", " +
                                  utc(r.annotation->created_at) + ")";
        std::string tags;
        for (const auto& t : a.tags) tags += (tags.empty() ? "" : "; ") + t;
        add(f, "Notes" + whose, a.notes);
        add(f, "Tags" + whose, tags);
        add(f, "Translation" + whose + (a.translator.empty() ? "" : ", by " + a.translator), a.translation);
    }
    return f;
}

std::vector<std::string> custody_lines(const LegalReport& r) {
    std::vector<std::string> out;
    if (r.deliveries.empty() && !r.source) {
        out.push_back("Written in the vault that made this record. Created " + utc(r.report.created_at) +
                      ", last changed " + utc(r.report.updated_at) + ", revision " +
                      std::to_string(r.report.revision) + ".");
        return out;
    }
    if (r.source) {
        out.push_back("Source: " + r.source->name + (r.source->verified ? " (identity checked)" : " (identity not checked)") +
                      (r.source->says.empty() ? "" : "; says they are \"" + r.source->says + "\""));
        for (const auto& fp : r.source->fingerprints) out.push_back("Signing key fingerprint: " + fp);
    }
    for (const auto& d : r.deliveries) {
        const auto& c = d.claims;
        out.push_back("Signed by the sender at " + utc(d.sent_at) + " (their clock), received " + utc(d.received_at) +
                      " in bundle " + d.bundle_id + ": " +
                      (d.identical ? "the same as before" : "revision " + std::to_string(d.local_revision) + " here") + ".");
        out.push_back("  The sender says: written " + utc(c.created_at) + ", last changed " + utc(c.updated_at) +
                      ", their revision " + std::to_string(c.revision) + ", " +
                      std::string(label(Vocabulary::Status, status_code(c.status))) +
                      (c.case_name.empty() ? "" : ", case \"" + c.case_name + "\"") + ".");
        if (c.origin)
            out.push_back("  Forwarded: first signed by " + c.origin->first_signer_fingerprint + " at " +
                          utc(c.origin->first_signed_at) + " (their clock) in bundle " + c.origin->first_bundle_id +
                          "; the forwarder says it received it " + utc(c.origin->forwarder_received_at) +
                          ". Both signatures are in proofs/.");
        for (const auto& rev : c.revisions)
            out.push_back("  Their revision " + std::to_string(rev.number) + " of " + utc(rev.created_at) +
                          ", SHA-256 " + rev.sha256);
    }
    return out;
}

std::string evidence_note(const LegalReport& r, const EvidenceFile& f) {
    std::string note = "stored in the vault " + utc(f.attachment.created_at);
    if (!f.attachment.caption.empty()) note = "\u201c" + f.attachment.caption + "\u201d; " + note;
    for (const auto& d : r.deliveries)
        for (const auto& a : d.claims.attachments)
            if (a.sha256 == f.attachment.sha256 && a.added_at != 0)
                return note + "; attached by the sender " + utc(a.added_at) + " (their claim)";
    return note;
}

std::string csv_cell(const std::string& value) {
    std::string out = "\"";
    for (const char ch : value) {
        if (ch == '"') out += "\"\"";
        else out += ch;
    }
    return out + "\"";
}

}  // namespace

LegalReport gather_legal_report(Session& session, std::int64_t id, const std::vector<EvidenceFile>& evidence) {
    auto& db = session.db();
    LegalReport r;
    r.document = build_report_document(db, id, true);
    r.report = *storage::ReportRepository(db).get(id);
    r.case_name = r.document.case_name;
    r.source = SourceService(session).of_report(id);
    r.deliveries = report_deliveries(session, id);
    std::set<std::string> subjects{"report:" + std::to_string(id)};
    for (const auto& f : evidence) {
        if (f.report_id != id) continue;
        r.files.push_back(f);
        subjects.insert("attachment:" + std::to_string(f.attachment.id));
        r.document.attachments.push_back(DocumentAttachment{"attachment-" + std::to_string(f.attachment.id),
                                                            f.attachment.name, f.attachment.media_type,
                                                            f.attachment.size, f.attachment.sha256,
                                                            f.attachment.created_at, f.attachment.caption});
    }
    for (const auto& e : storage::AuditLog(db).entries())
        if (subjects.count(e.subject)) r.audit.push_back(e);
    r.proof_bundles = proof_bundle_ids(session, id);
    r.annotation = AnnotationService(session).current(id);
    return r;
}

std::string reports_json(const std::vector<LegalReport>& reports) {
    json out = json::array();
    for (const auto& r : reports) out.push_back(json::parse(encode_report_document(r.document)));
    return out.dump(2) + "\n";
}

std::string reports_csv(const std::vector<LegalReport>& reports) {
    const std::vector<std::string> header{
        "report_id", "report_uid", "title", "status", "case", "occurred_start", "occurred_end", "date_precision",
        "host_country", "host_city", "place", "origin_country", "tactics", "tactic_labels", "channels",
        "channel_labels", "demands", "demand_labels", "impacts", "impact_labels", "risk_level", "narrative_language",
        "narrative", "translation_language", "translation", "source", "source_says", "source_verified",
        "created_at", "updated_at", "revision", "evidence_files", "evidence_sha256"};
    std::string out;
    for (std::size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + header[i];
    out += "\r\n";
    for (const auto& r : reports) {
        const auto& c = r.report.content;
        std::string sums;
        for (const auto& f : r.files) sums += (sums.empty() ? "" : ";") + f.attachment.sha256;
        const std::vector<std::string> row{
            std::to_string(r.report.id), r.document.report_uid, c.title, std::string(status_code(r.report.status)),
            r.case_name, c.occurred_start, c.occurred_end, c.date_precision, c.host_country, c.host_city, c.place,
            c.origin_country, codes(c.tactics), labels(Vocabulary::Tactic, c.tactics), codes(c.channels),
            labels(Vocabulary::Channel, c.channels), codes(c.demands), labels(Vocabulary::Demand, c.demands),
            codes(c.impacts), labels(Vocabulary::Impact, c.impacts), c.risk_level, c.narrative_language,
            c.narrative, c.translation_language, c.translation, r.source ? r.source->name : "",
            r.source ? r.source->says : "", r.source ? (r.source->verified ? "yes" : "no") : "",
            std::to_string(r.report.created_at), std::to_string(r.report.updated_at),
            std::to_string(r.report.revision), std::to_string(r.files.size()), sums};
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_cell(row[i]);
        out += "\r\n";
    }
    return out;
}

RecordDocument legal_record(const std::vector<LegalReport>& reports, const LegalExportRequest& request,
                            const OwnIdentity& exporter, std::int64_t now, std::size_t proofs) {
    RecordDocument doc;
    doc.title = "Record of reports of transnational repression";
    std::string what;
    switch (request.scope) {
        case LegalExportRequest::Scope::Case: what = "the reports of case \"" + request.case_name + "\""; break;
        case LegalExportRequest::Scope::Source: what = "the reports sent by \"" + request.source_name + "\""; break;
        case LegalExportRequest::Scope::Reports: what = "reports chosen one by one"; break;
    }
    std::size_t files = 0;
    for (const auto& r : reports) files += r.files.size();
    doc.cover = {{"What", what + ": " + std::to_string(reports.size()) + " report(s), " + std::to_string(files) +
                              " evidence file(s), " + std::to_string(proofs) + " sender signature(s)"},
                 {"For", request.prepared_for.empty() ? "-" : request.prepared_for},
                 {"Made", utc(now)},
                 {"Made by", (exporter.name.empty() ? std::string("this vault") : exporter.name) +
                                 ", key fingerprint " + exporter.fingerprint},
                 {"Files", "record.pdf (this record), evidence/ with SHA256SUMS, reports.json, reports.csv, proofs/"}};
    for (const auto& r : reports) {
        RecordSection s;
        s.heading = "Report " + std::to_string(r.report.id) + " — " + r.report.content.title;
        s.fields = content_fields(r);
        for (const auto& f : r.files)
            s.evidence.push_back(RecordEvidence{f.file_name, f.attachment.size, f.attachment.sha256, evidence_note(r, f)});
        s.custody = custody_lines(r);
        for (const auto& e : r.audit)
            s.audit.push_back("#" + std::to_string(e.seq) + " " + utc(e.at) + " " + e.action + " " + e.subject +
                              (e.detail.empty() ? "" : ": " + e.detail));
        doc.reports.push_back(std::move(s));
    }
    doc.verify_heading = "How to check this record";
    doc.verify_paragraphs = {
        "Every evidence file is in the folder evidence/. Its SHA-256 (a fingerprint of its exact bytes) is printed "
        "in this record and listed in evidence/SHA256SUMS. If even one byte of a file changed, its SHA-256 changes. "
        "To check all files at once, open a terminal in the folder evidence/ and run: sha256sum -c SHA256SUMS. "
        "Every line must end in OK.",
        "The folder proofs/ holds, for each bundle a sender signed, the signed list of files (manifest.bin), the "
        "signature (signature.bin) and the sender's public key (signer.pem). With Fieldvault, run: "
        "fieldvault-cli proof verify FOLDER (the folder of this record). It checks each signature and that each "
        "evidence file's SHA-256 is in a signed list.",
        "Without Fieldvault, in a proof folder: build the signed message with printf 'fieldvault-bundle-v2 signature' "
        "> msg.bin; b2sum header.bin | cut -c1-128 | xxd -r -p >> msg.bin; b2sum manifest.bin | cut -c1-128 | "
        "xxd -r -p >> msg.bin; then cmp msg.bin signed-message.bin and openssl pkeyutl -verify -pubin -inkey "
        "signer.pem -rawin -in msg.bin -sigfile signature.bin must say Signature Verified Successfully. The "
        "signer's key is bytes 33 to 64 of manifest.bin (xxd -s 32 -l 32 -p manifest.bin). An evidence file belongs "
        "to that signed list when its SHA-256 appears in manifest.bin (xxd -p manifest.bin | tr -d '\\n' | grep "
        "HASH). manifest.txt lists the same in words.",
        "A signature proves that whoever holds that signing key signed this list; it does not prove who that "
        "person is. \"Identity checked\" means the organisation compared the key's fingerprint with the person. "
        "Times marked as the sender's clock or claim are what their computer said."};
    return doc;
}

std::string how_to_check_text(const RecordDocument& record) {
    std::string out = record.verify_heading + "\n\n";
    for (const auto& p : record.verify_paragraphs) out += p + "\n\n";
    return out;
}

std::string sha256_of_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, tr_args("cannot read {1}", {file.string()}));
    crypto::Sha256 hash;
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > 0) hash.update({reinterpret_cast<const std::uint8_t*>(buffer.data()), got});
    }
    return crypto::to_hex(hash.finish());
}

}  // namespace fv::core::detail
