// check: the whole-vault check (core::VaultCheckService). Prints what was
// checked and every damaged item; exit 0 if intact, 4 if anything is damaged.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/vault_check.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

using core::CheckFinding;
using core::CheckFindingKind;
using core::VaultCheckReport;

Json finding_json(const CheckFinding& f) {
    Json doc{{"kind", core::check_finding_code(f.kind)}, {"damage", core::is_damage(f.kind)}};
    if (f.attachment_id != 0) {
        doc["attachment_id"] = f.attachment_id;
        doc["report_id"] = f.report_id;
        doc["name"] = f.attachment_name;
    }
    if (f.audit_seq != 0) {
        doc["seq"] = f.audit_seq;
        doc["action"] = f.audit_action;
        doc["at"] = f.audit_at != 0 ? Json(core::format_utc_time(f.audit_at)) : Json(nullptr);
    }
    if (!f.file_name.empty()) doc["file"] = f.file_name;
    doc["message"] = f.message;
    return doc;
}

Json report_json(const VaultCheckReport& r) {
    Json sections = Json::array();
    for (const auto& s : r.sections) {
        Json section{{"section", core::check_section_code(s.section)}, {"ran", s.ran}};
        if (!s.ran) section["why_skipped"] = s.why_skipped;
        sections.push_back(section);
    }
    Json findings = Json::array();
    for (const auto& f : r.findings) findings.push_back(finding_json(f));
    return Json{{"intact", r.intact()},
                {"complete", r.complete()},
                {"database", Json{{"pages", r.database_pages}, {"free_pages", r.database_free_pages},
                                  {"page_size", r.page_size}}},
                {"attachments", Json{{"count", r.attachments}, {"bytes", r.attachment_bytes}}},
                {"audit_log", Json{{"entries", r.audit_entries}}},
                {"files", Json{{"count", r.blob_files}}},
                {"sections", sections},
                {"findings", findings}};
}

std::size_t count_of(const VaultCheckReport& r, std::initializer_list<CheckFindingKind> kinds) {
    std::size_t n = 0;
    for (const auto& f : r.findings)
        for (const auto kind : kinds)
            if (f.kind == kind) ++n;
    return n;
}

const core::CheckSectionResult* section_of(const VaultCheckReport& r, core::CheckSection section) {
    for (const auto& s : r.sections)
        if (s.section == section) return &s;
    return nullptr;
}

void print_findings(std::ostream& out, const VaultCheckReport& r, std::initializer_list<CheckFindingKind> kinds) {
    for (const auto& f : r.findings) {
        bool wanted = false;
        for (const auto kind : kinds) wanted = wanted || f.kind == kind;
        if (!wanted) continue;
        out << "  - ";
        switch (f.kind) {
            case CheckFindingKind::AttachmentDamaged:
            case CheckFindingKind::AttachmentMissing: {
                const auto id = std::to_string(f.attachment_id);
                const auto report = std::to_string(f.report_id);
                const bool missing = f.kind == CheckFindingKind::AttachmentMissing;
                if (f.file_name.empty()) {
                    out << (missing ? core::tr_args("attachment {1} \"{2}\" of report {3}: MISSING: {4}",
                                                    {id, f.attachment_name, report, f.message})
                                    : core::tr_args("attachment {1} \"{2}\" of report {3}: DAMAGED: {4}",
                                                    {id, f.attachment_name, report, f.message}));
                } else {
                    out << (missing ? core::tr_args("attachment {1} \"{2}\" of report {3}: MISSING (file {4}): {5}",
                                                    {id, f.attachment_name, report, f.file_name, f.message})
                                    : core::tr_args("attachment {1} \"{2}\" of report {3}: DAMAGED (file {4}): {5}",
                                                    {id, f.attachment_name, report, f.file_name, f.message}));
                }
                break;
            }
            case CheckFindingKind::AuditChainBroken:
                if (f.audit_action.empty())
                    out << core::tr_args("entry {1}: {2}", {std::to_string(f.audit_seq), f.message});
                else
                    out << core::tr_args("entry {1} ({2}, {3}): {4}",
                                         {std::to_string(f.audit_seq), f.audit_action,
                                          core::format_utc_time(f.audit_at), f.message});
                break;
            case CheckFindingKind::UnreferencedFile:
                out << f.file_name << ": " << f.message;
                break;
            case CheckFindingKind::DatabaseDamaged:
            case CheckFindingKind::AttachmentsUnreadable:
            case CheckFindingKind::AuditUnreadable:
            case CheckFindingKind::FreshnessFailed:
                out << f.message;
                break;
        }
        out << '\n';
    }
}

void print_report(std::ostream& out, const VaultCheckReport& r) {
    const auto db_damage = count_of(r, {CheckFindingKind::DatabaseDamaged});
    const auto pages = std::to_string(r.database_pages);
    const auto free_pages = std::to_string(r.database_free_pages);
    out << (db_damage == 0
                ? core::tr_args("database: {1} pages read ({2} free-list pages hold no data and are not read): intact",
                                {pages, free_pages})
                : core::tr_args("database: {1} pages read ({2} free-list pages hold no data and are not read): DAMAGED",
                                {pages, free_pages}))
        << '\n';
    print_findings(out, r, {CheckFindingKind::DatabaseDamaged});

    const auto att_damage = count_of(
        r, {CheckFindingKind::AttachmentDamaged, CheckFindingKind::AttachmentMissing, CheckFindingKind::AttachmentsUnreadable});
    const auto attachments = std::to_string(r.attachments);
    const auto bytes = std::to_string(r.attachment_bytes);
    if (att_damage == 0) {
        out << core::tr_args("attachments: {1} read end to end ({2} bytes): intact", {attachments, bytes}) << '\n';
    } else {
        out << core::tr_args("attachments: {1} read end to end ({2} bytes): {3} DAMAGED",
                             {attachments, bytes, std::to_string(att_damage)})
            << '\n';
    }
    print_findings(out, r,
                   {CheckFindingKind::AttachmentDamaged, CheckFindingKind::AttachmentMissing,
                    CheckFindingKind::AttachmentsUnreadable});

    const auto audit_damage = count_of(r, {CheckFindingKind::AuditChainBroken, CheckFindingKind::AuditUnreadable});
    const auto entries = std::to_string(r.audit_entries);
    out << (audit_damage == 0 ? core::tr_args("audit log: {1} entries: chain intact", {entries})
                              : core::tr_args("audit log: {1} entries: BROKEN", {entries}))
        << '\n';
    print_findings(out, r, {CheckFindingKind::AuditChainBroken, CheckFindingKind::AuditUnreadable});

    const auto stale = count_of(r, {CheckFindingKind::FreshnessFailed});
    out << (stale == 0 ? core::tr("last recorded state (vault.anchor): matches the database")
                       : core::tr("last recorded state (vault.anchor): DOES NOT MATCH: an older copy of vault.db may "
                                  "have been put back"))
        << '\n';
    print_findings(out, r, {CheckFindingKind::FreshnessFailed});

    const auto* files = section_of(r, core::CheckSection::Files);
    if (files != nullptr && !files->ran) {
        out << core::tr_args("files: not checked: {1}", {files->why_skipped}) << '\n';
    } else {
        const auto unreferenced = count_of(r, {CheckFindingKind::UnreferencedFile});
        const auto blob_files = std::to_string(r.blob_files);
        if (unreferenced == 0) {
            out << core::tr_args("files: {1} in blobs/: none unreferenced", {blob_files}) << '\n';
        } else {
            out << core::tr_args("files: {1} in blobs/: {2} unreferenced (not damage; left as they are)",
                                 {blob_files, std::to_string(unreferenced)})
                << '\n';
        }
        print_findings(out, r, {CheckFindingKind::UnreferencedFile});
    }
}

std::size_t damage_count(const VaultCheckReport& r) {
    std::size_t n = 0;
    for (const auto& f : r.findings) if (core::is_damage(f.kind)) ++n;
    return n;
}

// "checking: 42%" on stderr, only when it is a terminal (scripts see nothing).
class TerminalProgress {
public:
    TerminalProgress() : shown_(::isatty(STDERR_FILENO) == 1) {}
    ~TerminalProgress() {
        if (shown_ && last_ >= 0) std::cerr << "\r              \r" << std::flush;
    }
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;
    void operator()(std::uint64_t done, std::uint64_t total) {
        if (!shown_ || total == 0) return;
        const int percent = static_cast<int>(done * 100 / total);
        if (percent == last_) return;
        last_ = percent;
        std::cerr << "\r" << core::tr_args("checking: {1}%", {std::to_string(percent)}) << std::flush;
    }

private:
    bool shown_;
    int last_ = -1;
};

int run_check(const AppContext& context, bool json) {
    const auto session = unlock_vault(context);
    VaultCheckReport report;
    {
        TerminalProgress progress;
        report = core::VaultCheckService(*session).run(
            [&progress](std::uint64_t done, std::uint64_t total) { progress(done, total); });
    }
    if (json) {
        print_json(std::cout, report_json(report));
    } else {
        print_report(std::cout, report);
        if (report.intact()) {
            std::cout << (report.complete() ? core::tr("vault intact: everything checked is whole")
                                            : core::tr("vault intact as far as checked (see \"not checked\" above)"))
                      << "\n";
        }
    }
    if (!report.intact()) {
        const auto n = damage_count(report);
        throw Error(ErrorKind::Integrity,
                    core::trn_args("vault check found damage: {n} item (listed on standard output)",
                                   "vault check found damage: {n} items (listed on standard output)", n));
    }
    return 0;
}

}  // namespace

void register_check_command(CLI::App& app, AppContext& context) {
    auto* check = add_command(app, "check",
                              core::tr("Check the whole vault (every database page, attachment and the audit log); "
                                       "changes nothing; exit 4 if anything is damaged"));
    auto json = std::make_shared<bool>(false);
    check->add_flag("--json", *json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(check, [&context, json] { return run_check(context, *json); });
}

}  // namespace fv::cli
