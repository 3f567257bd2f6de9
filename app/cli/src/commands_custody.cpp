// source list | show | rename | merge; proof verify DIR; legal-export: the
// chain from the person to the advocate to the lawyer.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/legal_export.h"
#include "fieldvault/core/proofs.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

Json source_json(const core::Source& s) {
    return Json{{"name", s.name},
                {"says", s.says},
                {"verified", s.verified},
                {"fingerprints", s.fingerprints},
                {"merged", s.merged_names},
                {"first_seen", core::format_utc_time(s.first_seen)},
                {"last_seen", core::format_utc_time(s.last_seen)},
                {"bundles", s.bundle_ids},
                {"report_ids", s.report_ids}};
}

void print_source(const core::Source& s) {
    std::cout << s.name << "  " << (s.verified ? core::tr("verified") : core::tr("UNVERIFIED"));
    if (!s.says.empty()) std::cout << "  " << core::tr_args("says they are \"{1}\"", {s.says});
    std::cout << "\n  "
              << core::tr_args("bundles {1}, reports {2}, first seen {3}, last seen {4}",
                               {std::to_string(s.bundle_ids.size()), std::to_string(s.report_ids.size()),
                                core::format_local_time(s.first_seen), core::format_local_time(s.last_seen)})
              << "\n";
    for (const auto& f : s.fingerprints) std::cout << "  " << core::tr_args("key {1}", {f}) << "\n";
    for (const auto& m : s.merged_names) std::cout << "  " << core::tr_args("merged: {1}", {m}) << "\n";
}

int run_source_list(const AppContext& context, bool json) {
    const auto session = unlock_vault(context);
    const auto sources = core::SourceService(*session).list();
    if (json) {
        Json list = Json::array();
        for (const auto& s : sources) list.push_back(source_json(s));
        print_json(std::cout, Json{{"sources", list}});
        return 0;
    }
    if (sources.empty()) std::cout << core::tr("No sources yet: nothing has been imported.") << "\n";
    for (const auto& s : sources) print_source(s);
    return 0;
}

int run_source_show(const AppContext& context, const std::string& name, bool json) {
    const auto session = unlock_vault(context);
    const auto source = core::SourceService(*session).get(name);
    if (json) {
        print_json(std::cout, source_json(source));
        return 0;
    }
    print_source(source);
    std::cout << "  " << core::tr("report ids:");
    for (const auto id : source.report_ids) std::cout << " " << id;
    std::cout << "\n";
    return 0;
}

int run_proof_verify(const std::string& folder, bool json) {
    const auto check = core::verify_proof_folder(folder);
    if (json) {
        Json proofs = Json::array();
        for (const auto& p : check.proofs)
            proofs.push_back(Json{{"folder", p.folder.string()},
                                  {"bundle_id", p.bundle_id},
                                  {"signer_fingerprint", p.signer_fingerprint},
                                  {"signed_at", core::format_utc_time(p.signed_at)},
                                  {"recipient_fingerprints", p.recipient_fingerprints},
                                  {"items", p.items},
                                  {"documents_checked", p.documents_checked},
                                  {"problem", p.problem.empty() ? Json(nullptr) : Json(p.problem)}});
        Json evidence = Json::array();
        for (const auto& e : check.evidence)
            evidence.push_back(Json{{"file", e.file},
                                    {"sha256", e.sha256},
                                    {"matches_sha256sums", e.matches_list},
                                    {"signed_by", e.signed_by.empty() ? Json(nullptr) : Json(e.signed_by)}});
        print_json(std::cout, Json{{"verified", check.ok()}, {"proofs", proofs}, {"evidence", evidence},
                                   {"problems", check.problems}});
    } else {
        for (const auto& p : check.proofs) {
            if (p.problem.empty())
                std::cout << core::tr_args("Signature OK: bundle {1} signed by {2} at {3} (their clock), {4} items, "
                                           "{5} report document(s) match",
                                           {p.bundle_id, p.signer_fingerprint, core::format_utc_time(p.signed_at),
                                            std::to_string(p.items), std::to_string(p.documents_checked)})
                          << "\n";
        }
        for (const auto& e : check.evidence)
            if (e.matches_list && !e.signed_by.empty())
                std::cout << core::tr_args("File OK: {1} is in the list signed by {2}", {e.file, e.signed_by}) << "\n";
        for (const auto& p : check.problems) std::cout << core::tr_args("PROBLEM: {1}", {p}) << "\n";
        std::cout << (check.ok() ? core::tr("Everything checks out.") : core::tr("This folder does NOT verify.")) << "\n";
    }
    if (!check.ok()) throw Error(ErrorKind::Integrity, core::tr("the proof folder does not verify"));
    return 0;
}

struct LegalArgs {
    std::string case_name;
    std::vector<std::int64_t> reports;
    std::string source;
    std::string prepared_for;
    std::string out;
};

int run_legal_export(const AppContext& context, const LegalArgs& args) {
    const int scopes = (args.case_name.empty() ? 0 : 1) + (args.reports.empty() ? 0 : 1) + (args.source.empty() ? 0 : 1);
    if (scopes != 1) throw Error(ErrorKind::Usage, core::tr("choose exactly one of --case NAME, --report ID..., --source NAME"));
    core::LegalExportRequest request;
    request.scope = !args.case_name.empty() ? core::LegalExportRequest::Scope::Case
                    : !args.source.empty()  ? core::LegalExportRequest::Scope::Source
                                            : core::LegalExportRequest::Scope::Reports;
    request.case_name = args.case_name;
    request.report_ids = args.reports;
    request.source_name = args.source;
    request.prepared_for = args.prepared_for;
    request.out = args.out;
    const auto session = unlock_vault(context);
    const auto result = core::LegalExportService(*session).run(request);
    std::cout << core::tr_args("Wrote the record to {1}: {2} report(s), {3} evidence file(s), {4} sender signature(s).\n"
                               "record.pdf SHA-256: {5}",
                               {args.out, std::to_string(result.report_ids.size()),
                                std::to_string(result.evidence_files), std::to_string(result.proofs),
                                result.record_sha256})
              << "\n";
    const auto evidence_dir = args.out + "/evidence";
    std::cout << (result.proofs > 0
                      ? core::tr_args("Check it with: (cd {1} && sha256sum -c SHA256SUMS) and fieldvault-cli proof verify {2}",
                                      {evidence_dir, args.out})
                      : core::tr_args("Check it with: (cd {1} && sha256sum -c SHA256SUMS)", {evidence_dir}))
              << "\n";
    if (result.unsigned_evidence_files > 0) {
        const auto count = std::to_string(result.unsigned_evidence_files);
        std::cout << (result.proofs > 0
                          ? core::tr_args("{1} evidence file(s) come from this vault's own reports: no sender signed "
                                          "them, so proof verify lists them as unsigned and only SHA256SUMS and "
                                          "record.pdf vouch for them.",
                                          {count})
                          : core::tr_args("{1} evidence file(s) come from this vault's own reports: no sender signed "
                                          "them, so only SHA256SUMS and record.pdf vouch for them.",
                                          {count}))
                  << "\n";
    }
    std::cout << core::tr("These files are NOT encrypted: keep the folder safe.") << "\n";
    return 0;
}

}  // namespace

void register_custody_commands(CLI::App& app, AppContext& context) {
    auto* source = add_command(app, "source", core::tr("Who sent what: the signers of imported bundles"));
    source->require_subcommand(1);
    auto* list = add_command(*source, "list", core::tr("Every source with its bundles and reports"));
    auto list_json = std::make_shared<bool>(false);
    list->add_flag("--json", *list_json, core::tr("One JSON document"));
    context.commands.add(list, [&context, list_json] { return run_source_list(context, *list_json); });

    auto* show = add_command(*source, "show", core::tr("One source: keys, bundles, reports"));
    auto show_name = std::make_shared<std::string>();
    auto show_json = std::make_shared<bool>(false);
    show->add_option("name", *show_name, core::tr("Source name"))->required();
    show->add_flag("--json", *show_json, core::tr("One JSON document"));
    context.commands.add(show, [&context, show_name, show_json] {
        return run_source_show(context, *show_name, *show_json);
    });

    auto* rename = add_command(*source, "rename", core::tr("Give a source your own name for it"));
    auto names = std::make_shared<std::pair<std::string, std::string>>();
    rename->add_option("name", names->first, core::tr("Source name now"))->required();
    rename->add_option("new_name", names->second, core::tr("New name"))->required();
    context.commands.add(rename, [&context, names] {
        const auto session = unlock_vault(context);
        core::SourceService(*session).rename(names->first, names->second);
        std::cout << core::tr_args("Source '{1}' is now '{2}'.", {names->first, names->second}) << "\n";
        return 0;
    });

    auto* merge = add_command(*source, "merge", core::tr("Say a source is the same person as another contact"));
    auto merge_names = std::make_shared<std::pair<std::string, std::string>>();
    merge->add_option("name", merge_names->first, core::tr("Source name"))->required();
    merge->add_option("--into", merge_names->second, core::tr("The contact it is the same person as"))->required()->option_text(core::tr("CONTACT"));
    context.commands.add(merge, [&context, merge_names] {
        const auto session = unlock_vault(context);
        core::SourceService(*session).merge(merge_names->first, merge_names->second);
        std::cout << core::tr_args("Source '{1}' is now shown as '{2}'.", {merge_names->first, merge_names->second})
                  << "\n";
        return 0;
    });

    auto* proof = add_command(app, "proof", core::tr("Check kept signatures and evidence, with no vault and no key"));
    proof->require_subcommand(1);
    auto* verify = add_command(*proof, "verify", core::tr("Check a proof folder or a legal export folder"));
    auto folder = std::make_shared<std::string>();
    auto proof_json = std::make_shared<bool>(false);
    verify->add_option("folder", *folder, core::tr("Folder"))->required();
    verify->add_flag("--json", *proof_json, core::tr("One JSON document"));
    context.commands.add(verify, [folder, proof_json] { return run_proof_verify(*folder, *proof_json); });

    auto* legal = add_command(app, "legal-export", core::tr("A court-ready record: PDF, evidence files with SHA256SUMS, JSON, CSV, proofs"));
    auto la = std::make_shared<LegalArgs>();
    legal->add_option("--case", la->case_name, core::tr("Every report of a case"))->option_text(core::tr("NAME"));
    legal->add_option("--report", la->reports, core::tr("Report id (repeatable)"))->option_text(core::tr("ID"));
    legal->add_option("--source", la->source, core::tr("Every report from a source"))->option_text(core::tr("NAME"));
    legal->add_option("--for", la->prepared_for, core::tr("Who the record is for (shown on the cover)"))->option_text(core::tr("TEXT"));
    legal->add_option("--out", la->out, core::tr("A new or empty folder"))->required()->option_text(core::tr("DIR"));
    context.commands.add(legal, [&context, la] { return run_legal_export(context, *la); });
}

}  // namespace fv::cli
