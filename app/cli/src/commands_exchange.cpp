// export, inspect, verify, import: sealed bundles between vaults.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app_context.h"
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
        throw Error(ErrorKind::Usage, "choose exactly one of --all, --report ID..., --case NAME, --source NAME");
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

void print_plan(const core::ExportPlan& plan) {
    std::cout << "Dry run: nothing was written and nothing recorded. The export would seal:\n"
              << "Reports: " << plan.reports.size() << "\n";
    for (const auto& r : plan.reports) {
        std::cout << "  report " << r.id << "  " << r.title << (r.forwarded ? "  (forwarded as received, with its sender's signature)" : "") << "\n";
        if (!r.left_out_fields.empty() || r.case_name_left_out) {
            std::cout << "    left out (marked sensitive):";
            for (const auto& f : r.left_out_fields) std::cout << " " << f;
            if (r.case_name_left_out) std::cout << " case-name";
            std::cout << "\n";
        }
        if (!r.left_out_but_told.empty()) {
            std::cout << "    note: words of";
            for (const auto& f : r.left_out_but_told) std::cout << " " << f;
            std::cout << " are left out, but the same words still appear in a part that is sent (the account, "
                         "say): read it before sending\n";
        }
        if (!r.sensitive_sent.empty()) {
            std::cout << "    SENT although marked sensitive:";
            for (const auto& f : r.sensitive_sent) std::cout << " " << f;
            std::cout << "\n";
        }
    }
    std::cout << "Evidence files: " << plan.attachments() << " (" << plan.attachment_bytes() << " bytes)";
    if (plan.attachments_left_out() > 0) std::cout << "; left in the vault: " << plan.attachments_left_out();
    std::cout << "\n";
    for (const auto& r : plan.recipients) {
        std::cout << "To: " << r.name << "  " << r.fingerprint << (r.verified ? "" : "  (UNVERIFIED contact)") << "\n";
    }
}

int run_export(const AppContext& context, const ExportArgs& args) {
    if (!args.dry_run && args.out.empty()) throw Error(ErrorKind::Usage, "--out FILE is required (or --dry-run)");
    if (args.json && !args.dry_run) throw Error(ErrorKind::Usage, "--json is only for --dry-run");
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
    std::cout << "Wrote " << args.out << " (" << result.file_size << " bytes)\n"
              << "Bundle id: " << result.bundle_id << "\n"
              << "SHA-256: " << result.file_sha256 << "\n"
              << "Reports: " << result.report_ids.size() << ", attachments: " << result.attachments << "\n";
    for (const auto& r : result.recipients) {
        std::cout << "To: " << r.name << "  " << r.fingerprint << (r.verified ? "" : "  (UNVERIFIED contact)") << "\n";
    }
    if (!args.include_sensitive && result.redacted_reports > 0) {
        std::cout << "Sensitive fields left out of " << result.redacted_reports
                  << " report(s) (--include-sensitive to send them).\n";
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
    std::cout << "Fieldvault sealed bundle, format version " << info.version << "\n"
              << "Recipients: " << info.recipients << "\n"
              << "Size: " << info.size << " bytes\n"
              << "(sender, items and time are encrypted: use verify with a recipient's vault)\n";
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
    std::cout << "Signed by: " << c.signer_fingerprint;
    if (c.signer_contact) {
        std::cout << "  (" << *c.signer_contact << (c.signer_verified ? ", verified" : ", UNVERIFIED") << ")";
    } else {
        std::cout << "  (unknown: not one of your contacts)";
    }
    std::cout << "\nCreated: " << core::format_utc_time(c.created_at) << " (the sender's clock)\n"
              << "Bundle id: " << c.bundle_id << "  sequence " << c.sequence << "\n"
              << "Recipients: " << c.recipient_fingerprints.size() << "\n"
              << "Items: " << c.items.size() << "\n";
    for (const auto& i : c.items) {
        std::cout << "  " << i.kind << "  " << i.id << "  " << i.size << " bytes  sha256 " << i.sha256 << "\n";
    }
    if (c.sequence_not_increasing)
        std::cout << "Warning: this sender already sent a bundle with this or a higher sequence number.\n";
    if (c.already_imported) std::cout << "Note: this bundle is already imported in this vault.\n";
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
    std::cout << "Verified: signature, recipients and every item check out.\n";
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
    std::cout << "Imported " << result.report_ids.size() << " report(s) and " << result.attachments
              << " attachment(s); received reports are read-only.\n";
    if (result.attachments_already_held > 0)
        std::cout << "  " << result.attachments_already_held << " file(s) were already here and were not stored again\n";
    for (const auto& d : result.deliveries) {
        if (d.kind == core::ReportDelivery::Kind::NewRevision)
            std::cout << "  report " << d.report_id << ": sent again with changes, now revision " << d.local_revision
                      << " (see: report changes " << d.report_id << ")\n";
        else if (d.kind == core::ReportDelivery::Kind::Identical)
            std::cout << "  report " << d.report_id << ": sent again, identical to what you have\n";
    }
    print_check(result.check);
    if (result.new_source) {
        std::cout << "New source recorded as unverified contact '" << result.source_contact
                  << "': compare fingerprints, then run: fieldvault-cli contact verify " << shell_word(result.source_contact)
                  << "\n";
    }
    return 0;
}

}  // namespace

void register_exchange_commands(CLI::App& app, AppContext& context) {
    auto* exp = add_command(app, "export", "Seal chosen reports and evidence into a signed bundle for contacts");
    auto ex = std::make_shared<ExportArgs>();
    exp->add_option("--to", ex->to, "Contact to address the bundle to (repeat, up to 8)")->required()->option_text("NAME");
    exp->add_flag("--all", ex->all, "Every report written in this vault (not the received ones)");
    exp->add_option("--report", ex->reports, "Report id (repeatable)")->option_text("ID");
    exp->add_option("--case", ex->case_name, "Every report of a case (received ones are forwarded)")->option_text("NAME");
    exp->add_option("--source", ex->source, "Every report received from a source (forwarded)")->option_text("NAME");
    exp->add_flag("--include-sensitive", ex->include_sensitive, "Also send fields marked sensitive");
    exp->add_flag("--no-attachments", ex->no_attachments, "Leave evidence files out");
    exp->add_option("--say-name", ex->say_name,
                    "A name to state, signed, in the bundle: the receiver sees it as who you say you are")
        ->option_text("NAME");
    exp->add_option("--out", ex->out, "Bundle file to create (never overwritten)")->option_text("FILE");
    exp->add_flag("--dry-run", ex->dry_run, "Show exactly what would be sealed; write and record nothing");
    exp->add_flag("--json", ex->json, "With --dry-run: one JSON document (see docs/cli.md)");
    context.commands.add(exp, [&context, ex] { return run_export(context, *ex); });

    auto* inspect = add_command(app, "inspect", "What a bundle shows without a key (version, recipients, size)");
    auto inspect_file = std::make_shared<std::string>();
    auto inspect_json = std::make_shared<bool>(false);
    inspect->add_option("file", *inspect_file, "Bundle file")->required();
    inspect->add_flag("--json", *inspect_json, "One JSON document");
    context.commands.add(inspect, [inspect_file, inspect_json] { return run_inspect(*inspect_file, *inspect_json); });

    auto* verify = add_command(app, "verify", "Check a bundle completely with this vault's key; stores nothing");
    auto verify_file = std::make_shared<std::string>();
    auto verify_json = std::make_shared<bool>(false);
    verify->add_option("file", *verify_file, "Bundle file")->required();
    verify->add_flag("--json", *verify_json, "One JSON document (see docs/cli.md)");
    context.commands.add(verify, [&context, verify_file, verify_json] {
        return run_verify(context, *verify_file, *verify_json);
    });

    auto* imp = add_command(app, "import", "Check a bundle and store its reports and evidence with provenance");
    auto import_file = std::make_shared<std::string>();
    auto import_json = std::make_shared<bool>(false);
    imp->add_option("file", *import_file, "Bundle file")->required();
    imp->add_flag("--json", *import_json, "One JSON document (see docs/cli.md)");
    context.commands.add(imp, [&context, import_file, import_json] {
        return run_import(context, *import_file, *import_json);
    });
}

}  // namespace fv::cli
