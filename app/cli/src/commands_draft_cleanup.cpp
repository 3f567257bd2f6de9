// report delete | attachment remove | attachment caption: tidying a draft.
// A wrong file comes off, a draft that never left is deleted for good (both
// need --yes), a file gets a caption. Final and sent reports stay whole.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "app_context.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct CleanupArgs {
    std::int64_t id = 0;
    std::string caption;
    bool yes = false;
};

}  // namespace

void register_draft_cleanup_commands(CLI::App& app, AppContext& context) {
    using core::tr;
    auto* report = app.get_subcommand("report");
    auto* attachment = app.get_subcommand("attachment");

    auto* remove_report = add_command(*report, "delete", tr("Delete a draft that was never sent, with its files, for good"));
    auto report_args = std::make_shared<CleanupArgs>();
    remove_report->add_option("id", report_args->id, tr("Report id"))->required();
    remove_report->add_flag("--yes", report_args->yes, tr("Yes, delete it (there is no undo)"));
    context.commands.add(remove_report, [&context, report_args] {
        if (!report_args->yes)
            throw Error(ErrorKind::Usage, core::tr_args("this deletes report {1} and its files for good: add --yes",
                                                        {std::to_string(report_args->id)}));
        const auto session = unlock_vault(context);
        core::ReportService(*session).delete_draft(report_args->id);
        std::cout << core::tr_args("Report {1} is deleted. The audit log keeps that it existed, not what it said.",
                                   {std::to_string(report_args->id)})
                  << "\n";
        return 0;
    });

    auto* remove_file = add_command(*attachment, "remove", tr("Take a wrong file off a draft report, for good"));
    auto file_args = std::make_shared<CleanupArgs>();
    remove_file->add_option("id", file_args->id, tr("Attachment id (see report show)"))->required();
    remove_file->add_flag("--yes", file_args->yes, tr("Yes, remove it (there is no undo)"));
    context.commands.add(remove_file, [&context, file_args] {
        if (!file_args->yes)
            throw Error(ErrorKind::Usage, core::tr_args("this removes attachment {1} for good: add --yes",
                                                        {std::to_string(file_args->id)}));
        const auto session = unlock_vault(context);
        core::AttachmentService(*session).remove(file_args->id);
        std::cout << core::tr_args("Attachment {1} is removed from the vault. The original file on this computer, "
                                   "if you still have it, was not touched.",
                                   {std::to_string(file_args->id)})
                  << "\n";
        return 0;
    });

    auto* caption = add_command(*attachment, "caption", tr("Say in a few words what a file shows (\"\" removes it)"));
    auto caption_args = std::make_shared<CleanupArgs>();
    caption->add_option("id", caption_args->id, tr("Attachment id (see report show)"))->required();
    caption->add_option("text", caption_args->caption, tr("The caption, one line"))->required();
    context.commands.add(caption, [&context, caption_args] {
        const auto session = unlock_vault(context);
        core::AttachmentService(*session).set_caption(caption_args->id, caption_args->caption);
        std::cout << (caption_args->caption.empty() ? tr("Caption removed.") : tr("Caption saved.")) << "\n";
        return 0;
    });
}

}  // namespace fv::cli
