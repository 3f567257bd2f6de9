// attach REPORT_ID FILE... and attachment get ID --out FILE.
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "app_context.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct AttachArgs {
    std::int64_t report_id = 0;
    std::vector<std::string> files;
};

int run_attach(const AppContext& context, const AttachArgs& args) {
    // Checked up front so one bad path stores none of the files.
    core::check_evidence_files({args.files.begin(), args.files.end()});
    const auto session = unlock_vault(context);
    // Fail on an unknown or final report before storing anything.
    const auto report = core::ReportService(*session).get(args.report_id);
    if (report.report.status == core::ReportStatus::Final)
        throw Error(ErrorKind::Invalid, core::tr_args("report {1} is final; evidence can no longer be added",
                                                      {std::to_string(args.report_id)}));
    core::AttachmentService attachments(*session);
    for (const auto& file : args.files) std::cout << attachments.attach(args.report_id, file).id << "\n";
    return 0;
}

struct GetArgs {
    std::int64_t attachment_id = 0;
    std::string out;
};

int run_get(const AppContext& context, const GetArgs& args) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(args.out, ec)))
        throw Error(ErrorKind::Invalid, core::tr_args("will not overwrite existing {1}", {args.out}));
    const auto session = unlock_vault(context);
    core::AttachmentService attachments(*session);
    const auto record = attachments.get(args.attachment_id);
    attachments.extract(args.attachment_id, args.out);
    std::cerr << core::tr_args("Wrote {1} bytes (sha256 {2}, verified).", {std::to_string(record.size), record.sha256})
              << "\n";
    return 0;
}

}  // namespace

void register_attachment_commands(CLI::App& app, AppContext& context) {
    auto* attach = add_command(app, "attach", core::tr("Store evidence files with a report; prints their ids"));
    auto attach_args = std::make_shared<AttachArgs>();
    attach->add_option("report_id", attach_args->report_id, core::tr("Report id"))->required();
    attach->add_option("files", attach_args->files, core::tr("Files to store"))->required();
    context.commands.add(attach, [&context, attach_args] { return run_attach(context, *attach_args); });

    auto* attachment = add_command(app, "attachment", core::tr("Work with stored evidence files"));
    attachment->require_subcommand(1);
    auto* get = add_command(*attachment, "get", core::tr("Write an attachment out to a new file (checks its SHA-256)"));
    auto get_args = std::make_shared<GetArgs>();
    get->add_option("id", get_args->attachment_id, core::tr("Attachment id"))->required();
    get->add_option("--out", get_args->out, core::tr("File to create (never overwritten)"))->required()->option_text(core::tr("FILE"));
    context.commands.add(get, [&context, get_args] { return run_get(context, *get_args); });
}

}  // namespace fv::cli
