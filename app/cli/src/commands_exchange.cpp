// export, inspect, verify, import: sealed bundles between vaults.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/export.h"
#include "fieldvault/core/import.h"
#include "fieldvault/model/error.h"
#include "json_output.h"
#include "text_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct ExportArgs {
    std::vector<std::string> to;
    bool all = false;
    std::vector<std::int64_t> reports;
    std::string case_name;
    std::string source;
    bool include_sensitive = false;
    bool no_attachments = false;
    std::string say_name;
    std::string out;
    bool dry_run = false;
    bool json = false;
};

core::ExportRequest to_request(const ExportArgs& args) {
    const int scopes = (args.all ? 1 : 0) + (args.reports.empty() ? 0 : 1) + (args.case_name.empty() ? 0 : 1) +
                       (args.source.empty() ? 0 : 1);
    if (scopes != 1)
        throw Error(ErrorKind::Usage,
                    core::tr("choose exactly one of --all, --report ID..., --case NAME, --source NAME"));
    core::ExportRequest request;
    request.recipients = args.to;
    request.scope = args.all                 ? core::ExportRequest::Scope::All
                    : !args.source.empty()   ? core::ExportRequest::Scope::Source
                    : args.reports.empty()   ? core::ExportRequest::Scope::Case
                                             : core::ExportRequest::Scope::Reports;
    request.source_name = args.source;
    request.report_ids = args.reports;
    request.case_name = args.case_name;
    request.include_sensitive = args.include_sensitive;
    request.include_attachments = !args.no_attachments;
    request.stated_name = args.say_name;
    request.out = args.out;
    return request;
}

Json plan_json(const core::ExportPlan& plan) {
    Json reports = Json::array();
    for (const auto& r : plan.reports) {
        reports.push_back(Json{{"id", r.id},
                               {"title", r.title},
                               {"left_out_fields", r.left_out_fields},
                               {"left_out_but_told_elsewhere", r.left_out_but_told},
                               {"sensitive_fields_sent", r.sensitive_sent},
                               {"case_name_left_out", r.case_name_left_out},
                               {"attachments", r.attachments},
                               {"attachment_bytes", r.attachment_bytes},
                               {"attachments_left_out", r.attachments_left_out},
                               {"forwarded", r.forwarded}});
    }
    Json recipients = Json::array();
    for (const auto& r : plan.recipients)
        recipients.push_back(Json{{"name", r.name}, {"fingerprint", r.fingerprint}, {"verified", r.verified}});
    return Json{{"dry_run", true},
                {"reports", reports},
                {"recipients", recipients},
                {"payload_bytes", plan.payload_bytes},
                {"metadata", Json::parse(core::encode_export_metadata(plan.metadata))}};
}

// "a b c": field codes (they stay as they are), separated by spaces.
std::string field_codes(const std::vector<std::string>& fields) {
    std::string out;
    for (const auto& f : fields) out += (out.empty() ? "" : " ") + f;
    return out;
}

// "To: NAME  FINGERPRINT", with a warning for an unverified contact.
std::string recipient_line(const std::string& name, const std::string& fingerprint, bool verified) {
    return verified ? core::tr_args("To: {1}  {2}", {name, fingerprint})
                    : core::tr_args("To: {1}  {2}  (UNVERIFIED contact)", {name, fingerprint});
}

void print_plan(const core::ExportPlan& plan) {
    std::cout << core::tr("Dry run: nothing was written and nothing recorded. The export would seal:") << "\n"
              << core::tr_args("Reports: {1}", {std::to_string(plan.reports.size())}) << "\n";
    for (const auto& r : plan.reports) {
        const auto id = std::to_string(r.id);
        std::cout << "  "
                  << (r.forwarded ? core::tr_args("report {1}  {2}  (forwarded as received, with its sender's signature)",
                                                  {id, r.title})
                                  : core::tr_args("report {1}  {2}", {id, r.title}))
                  << "\n";
        if (!r.left_out_fields.empty() || r.case_name_left_out) {
            auto fields = field_codes(r.left_out_fields);
            if (r.case_name_left_out) fields += fields.empty() ? "case-name" : " case-name";
            std::cout << "    " << core::tr_args("left out (marked sensitive): {1}", {fields}) << "\n";
        }
        if (!r.left_out_but_told.empty()) {
            std::cout << "    "
                      << core::tr_args("note: words of {1} are left out, but the same words still appear in a part "
                                       "that is sent (the account, say): read it before sending",
                                       {field_codes(r.left_out_but_told)})
                      << "\n";
        }
        if (!r.sensitive_sent.empty()) {
            std::cout << "    " << core::tr_args("SENT although marked sensitive: {1}", {field_codes(r.sensitive_sent)})
                      << "\n";
        }
    }
    const auto files = std::to_string(plan.attachments());
    const auto bytes = std::to_string(plan.attachment_bytes());
    std::cout << (plan.attachments_left_out() > 0
                      ? core::tr_args("Evidence files: {1} ({2} bytes); left in the vault: {3}",
                                      {files, bytes, std::to_string(plan.attachments_left_out())})
                      : core::tr_args("Evidence files: {1} ({2} bytes)", {files, bytes}))
              << "\n";
    for (const auto& r : plan.recipients) std::cout << recipient_line(r.name, r.fingerprint, r.verified) << "\n";
}

int run_export(const AppContext& context, const ExportArgs& args) {
    if (!args.dry_run && args.out.empty()) throw Error(ErrorKind::Usage, core::tr("--out FILE is required (or --dry-run)"));
    if (args.json && !args.dry_run) throw Error(ErrorKind::Usage, core::tr("--json is only for --dry-run"));
    const auto request = to_request(args);
    const auto session = unlock_vault(context);
    if (args.dry_run) {
        const auto plan = core::ExportService(*session).plan(request);
        if (args.json) {
            print_json(std::cout, plan_json(plan));
        } else {
            print_plan(plan);
        }
        return 0;
    }
    const auto result = core::ExportService(*session).export_bundle(request);
    std::cout << core::tr_args("Wrote {1} ({2} bytes)\n"
                               "Bundle id: {3}\n"
                               "SHA-256: {4}\n"
                               "Reports: {5}, attachments: {6}",
                               {args.out, std::to_string(result.file_size), result.bundle_id, result.file_sha256,
                                std::to_string(result.report_ids.size()), std::to_string(result.attachments)})
              << "\n";
    for (const auto& r : result.recipients) std::cout << recipient_line(r.name, r.fingerprint, r.verified) << "\n";
    if (!args.include_sensitive && result.redacted_reports > 0) {
        std::cout << core::tr_args("Sensitive fields left out of {1} report(s) (--include-sensitive to send them).",
                                   {std::to_string(result.redacted_reports)})
                  << "\n";
    }
    return 0;
}

int run_inspect(const std::string& file, bool json) {
    const auto info = core::inspect_bundle(file);
    if (json) {
        print_json(std::cout, Json{{"format", "fieldvault-bundle"},
                                   {"version", info.version},
                                   {"recipients", info.recipients},
                                   {"size", info.size}});
        return 0;
    }
    std::cout << core::tr_args("Fieldvault sealed bundle, format version {1}\n"
                               "Recipients: {2}\n"
                               "Size: {3} bytes\n"
                               "(sender, items and time are encrypted: use verify with a recipient's vault)",
                               {std::to_string(info.version), std::to_string(info.recipients), std::to_string(info.size)})
              << "\n";
    return 0;
}

Json check_json(const core::BundleCheck& c) {
    Json items = Json::array();
    for (const auto& i : c.items) {
        items.push_back(Json{{"id", i.id}, {"kind", i.kind}, {"name", i.name}, {"size", i.size}, {"sha256", i.sha256}});
    }
    Json metadata;
    try {
        metadata = Json::parse(c.metadata.text);
    } catch (const Json::exception&) {
        metadata = c.metadata.text;  // not JSON: shown as the sender's text
    }
    return Json{{"bundle_id", c.bundle_id},
                {"created_at", core::format_utc_time(c.created_at)},
                {"sequence", c.sequence},
                {"signer_fingerprint", c.signer_fingerprint},
                {"signer_card", c.signer_card},
                {"signer_contact", c.signer_contact ? Json(*c.signer_contact) : Json(nullptr)},
                {"signer_verified", c.signer_verified},
                {"recipient_fingerprints", c.recipient_fingerprints},
                {"manifest_hash", c.manifest_hash},
                {"file_sha256", c.file_sha256},
                {"already_imported", c.already_imported},
                {"sequence_not_increasing", c.sequence_not_increasing},
                {"metadata", metadata},
                {"items", items}};
}

void print_check(const core::BundleCheck& c) {
    if (c.signer_contact) {
        std::cout << (c.signer_verified ? core::tr_args("Signed by: {1}  ({2}, verified)", {c.signer_fingerprint, *c.signer_contact})
                                        : core::tr_args("Signed by: {1}  ({2}, UNVERIFIED)", {c.signer_fingerprint, *c.signer_contact}));
    } else {
        std::cout << core::tr_args("Signed by: {1}  (unknown: not one of your contacts)", {c.signer_fingerprint});
    }
    std::cout << "\n"
              << core::tr_args("Created: {1} (the sender's clock)\n"
                               "Bundle id: {2}  sequence {3}\n"
                               "Recipients: {4}\n"
                               "Items: {5}",
                               {core::format_utc_time(c.created_at), c.bundle_id, std::to_string(c.sequence),
                                std::to_string(c.recipient_fingerprints.size()), std::to_string(c.items.size())})
              << "\n";
    for (const auto& i : c.items) {
        std::cout << "  " << core::tr_args("{1}  {2}  {3} bytes  sha256 {4}", {i.kind, i.id, std::to_string(i.size), i.sha256})
                  << "\n";
    }
    if (c.sequence_not_increasing)
        std::cout << core::tr("Warning: this sender already sent a bundle with this or a higher sequence number.") << "\n";
    if (c.already_imported) std::cout << core::tr("Note: this bundle is already imported in this vault.") << "\n";
}

int run_verify(const AppContext& context, const std::string& file, bool json) {
    const auto session = unlock_vault(context);
    const auto check = core::ImportService(*session).verify(file);
    if (json) {
        auto doc = check_json(check);
        doc["verified"] = true;
        print_json(std::cout, doc);
        return 0;
    }
    std::cout << core::tr("Verified: signature, recipients and every item check out.") << "\n";
    print_check(check);
    return 0;
}

int run_import(const AppContext& context, const std::string& file, bool json) {
    const auto session = unlock_vault(context);
    const auto result = core::ImportService(*session).import_bundle(file);
    if (json) {
        auto doc = check_json(result.check);
        doc["report_ids"] = result.report_ids;
        Json deliveries = Json::array();
        for (const auto& d : result.deliveries)
            deliveries.push_back(Json{{"report_id", d.report_id},
                                      {"outcome", d.kind == core::ReportDelivery::Kind::New           ? "new"
                                                  : d.kind == core::ReportDelivery::Kind::NewRevision ? "new_revision"
                                                                                                      : "identical"},
                                      {"revision", d.local_revision}});
        doc["deliveries"] = deliveries;
        doc["attachments_stored"] = result.attachments;
        doc["attachments_already_held"] = result.attachments_already_held;
        doc["source_contact"] = result.source_contact;
        doc["new_source"] = result.new_source;
        print_json(std::cout, doc);
        return 0;
    }
    std::cout << core::tr_args("Imported {1} report(s) and {2} attachment(s); received reports are read-only.",
                               {std::to_string(result.report_ids.size()), std::to_string(result.attachments)})
              << "\n";
    if (result.attachments_already_held > 0)
        std::cout << "  "
                  << core::tr_args("{1} file(s) were already here and were not stored again",
                                   {std::to_string(result.attachments_already_held)})
                  << "\n";
    for (const auto& d : result.deliveries) {
        const auto id = std::to_string(d.report_id);
        if (d.kind == core::ReportDelivery::Kind::NewRevision)
            std::cout << "  "
                      << core::tr_args("report {1}: sent again with changes, now revision {2} (see: report changes {1})",
                                       {id, std::to_string(d.local_revision)})
                      << "\n";
        else if (d.kind == core::ReportDelivery::Kind::Identical)
            std::cout << "  " << core::tr_args("report {1}: sent again, identical to what you have", {id}) << "\n";
    }
    print_check(result.check);
    if (result.new_source) {
        std::cout << core::tr_args("New source recorded as unverified contact '{1}': compare fingerprints, then run: "
                                   "fieldvault-cli contact verify {2}",
                                   {result.source_contact, shell_word(result.source_contact)})
                  << "\n";
    }
    return 0;
}

}  // namespace

void register_exchange_commands(CLI::App& app, AppContext& context) {
    auto* exp = add_command(app, "export", core::tr("Seal chosen reports and evidence into a signed bundle for contacts"));
    auto ex = std::make_shared<ExportArgs>();
    exp->add_option("--to", ex->to, core::tr("Contact to address the bundle to (repeat, up to 8)"))->required()->option_text(core::tr("NAME"));
    exp->add_flag("--all", ex->all, core::tr("Every report written in this vault (not the received ones)"));
    exp->add_option("--report", ex->reports, core::tr("Report id (repeatable)"))->option_text(core::tr("ID"));
    exp->add_option("--case", ex->case_name, core::tr("Every report of a case (received ones are forwarded)"))->option_text(core::tr("NAME"));
    exp->add_option("--source", ex->source, core::tr("Every report received from a source (forwarded)"))->option_text(core::tr("NAME"));
    exp->add_flag("--include-sensitive", ex->include_sensitive, core::tr("Also send fields marked sensitive"));
    exp->add_flag("--no-attachments", ex->no_attachments, core::tr("Leave evidence files out"));
    exp->add_option("--say-name", ex->say_name,
                    core::tr("A name to state, signed, in the bundle: the receiver sees it as who you say you are"))
        ->option_text(core::tr("NAME"));
    exp->add_option("--out", ex->out, core::tr("Bundle file to create (never overwritten)"))->option_text(core::tr("FILE"));
    exp->add_flag("--dry-run", ex->dry_run, core::tr("Show exactly what would be sealed; write and record nothing"));
    exp->add_flag("--json", ex->json, core::tr("With --dry-run: one JSON document (see docs/cli.md)"));
    context.commands.add(exp, [&context, ex] { return run_export(context, *ex); });

    auto* inspect = add_command(app, "inspect", core::tr("What a bundle shows without a key (version, recipients, size)"));
    auto inspect_file = std::make_shared<std::string>();
    auto inspect_json = std::make_shared<bool>(false);
    inspect->add_option("file", *inspect_file, core::tr("Bundle file"))->required();
    inspect->add_flag("--json", *inspect_json, core::tr("One JSON document"));
    context.commands.add(inspect, [inspect_file, inspect_json] { return run_inspect(*inspect_file, *inspect_json); });

    auto* verify = add_command(app, "verify", core::tr("Check a bundle completely with this vault's key; stores nothing"));
    auto verify_file = std::make_shared<std::string>();
    auto verify_json = std::make_shared<bool>(false);
    verify->add_option("file", *verify_file, core::tr("Bundle file"))->required();
    verify->add_flag("--json", *verify_json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(verify, [&context, verify_file, verify_json] {
        return run_verify(context, *verify_file, *verify_json);
    });

    auto* imp = add_command(app, "import", core::tr("Check a bundle and store its reports and evidence with provenance"));
    auto import_file = std::make_shared<std::string>();
    auto import_json = std::make_shared<bool>(false);
    imp->add_option("file", *import_file, core::tr("Bundle file"))->required();
    imp->add_flag("--json", *import_json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(imp, [&context, import_file, import_json] {
        return run_import(context, *import_file, *import_json);
    });
}

}  // namespace fv::cli
