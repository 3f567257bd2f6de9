// report add | list | show | edit | finalize.
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app_context.h"
#include "fieldvault/core/i18n.h"
#include <algorithm>

#include "fieldvault/core/annotations.h"
#include "fieldvault/core/attachments.h"
#include "fieldvault/core/custody.h"
#include "fieldvault/core/sources.h"
#include "fieldvault/core/reports.h"
#include "json_output.h"
#include "received_marks.h"
#include "report_options.h"
#include "text_output.h"
#include "vault_access.h"

namespace fv::cli {
namespace {

struct AddArgs {
    ReportOptions fields;
    std::vector<std::string> attach;
};

int run_add(const AppContext& context, const AddArgs& args) {
    // Everything that can fail without the vault fails first: codes, files.
    core::ReportContent content;
    args.fields.apply_to(content);
    core::validate_report(content);
    const std::vector<std::filesystem::path> files(args.attach.begin(), args.attach.end());
    core::check_evidence_files(files);
    const auto case_name = args.fields.case_name().value_or(std::string());

    const auto session = unlock_vault(context);
    // One transaction: a file that fails while being stored leaves no report.
    const auto id = core::ReportService(*session).create_with_attachments(content, case_name, files);
    std::cout << id << "\n";
    return 0;
}

struct EditArgs {
    ReportOptions fields;
    std::int64_t id = 0;
};

int run_edit(const AppContext& context, const EditArgs& args) {
    core::ReportContent probe;  // reject bad codes and unreadable files before unlocking
    args.fields.apply_to(probe);

    const auto session = unlock_vault(context);
    core::ReportService reports(*session);
    auto content = reports.get(args.id).report.content;
    args.fields.apply_to(content);
    const auto case_name = args.fields.case_name();
    if (case_name) {
        reports.edit(args.id, content, std::string_view(*case_name));
    } else {
        reports.edit(args.id, content);
    }
    const auto revision = reports.get(args.id).report.revision;
    std::cout << core::tr_args("Report {1} saved as revision {2}.", {std::to_string(args.id), std::to_string(revision)})
              << "\n";
    return 0;
}

CaseNames case_names(core::ReportService& reports) {
    CaseNames names;
    for (const auto& c : reports.cases()) names[c.id] = c.name;
    return names;
}

struct ListArgs {
    std::string case_name;
    std::string source;
    bool by_source = false;
    bool json = false;
};

int run_list(const AppContext& context, const ListArgs& args) {
    const auto session = unlock_vault(context);
    core::ReportService reports(*session);
    auto found = reports.list(args.case_name);
    if (!args.source.empty()) {
        const auto ids = core::SourceService(*session).get(args.source).report_ids;
        std::erase_if(found, [&](const core::ReportSummary& r) { return !std::binary_search(ids.begin(), ids.end(), r.id); });
    }
    if (args.by_source) {
        // Your own reports first, then each source's by name; each group keeps the list's order.
        const auto sources = core::SourceService(*session).index();
        const auto key = [&](const core::ReportSummary& r) {
            const auto* source = sources.find(r.id);
            return source == nullptr ? std::make_pair(0, std::string()) : std::make_pair(1, source->name);
        };
        std::stable_sort(found.begin(), found.end(),
                         [&](const core::ReportSummary& a, const core::ReportSummary& b) { return key(a) < key(b); });
    }
    if (args.json) {
        auto document = reports_json(found, case_names(reports));
        mark_received_in_list(document, *session);
        print_json(std::cout, document);
    } else {
        print_report_table(std::cout, found);
        print_received_note_for_list(std::cout, *session, found);
    }
    return 0;
}

struct ShowArgs {
    std::int64_t id = 0;
    bool json = false;
};

Json annotation_json(const std::optional<core::AnnotationRevision>& a) {
    if (!a) return Json(nullptr);
    return Json{{"revision", a->revision},          {"saved_at", core::format_utc_time(a->created_at)},
                {"notes", a->annotation.notes},     {"tags", a->annotation.tags},
                {"translation", a->annotation.translation}, {"translator", a->annotation.translator}};
}

void print_annotation(std::ostream& out, const std::optional<core::AnnotationRevision>& a) {
    if (!a) return;
    out << "\n"
        << core::tr_args("Your notes (revision {1}, saved {2}; they stay in this vault):",
                         {std::to_string(a->revision), core::format_utc_time(a->created_at)})
        << "\n";
    if (!a->annotation.tags.empty()) {
        std::string tags;
        for (const auto& tag : a->annotation.tags) tags += (tags.empty() ? "[" : " [") + tag + "]";
        out << "  " << core::tr_args("Tags: {1}", {tags}) << "\n";
    }
    if (!a->annotation.notes.empty()) out << a->annotation.notes << "\n";
    if (!a->annotation.translation.empty()) {
        out << "  "
            << (a->annotation.translator.empty() ? std::string(core::tr("Your translation:"))
                                                 : core::tr_args("Your translation (by {1}):", {a->annotation.translator}))
            << "\n" << a->annotation.translation << "\n";
    }
}

int run_show(const AppContext& context, const ShowArgs& args) {
    const auto session = unlock_vault(context);
    const auto detail = core::ReportService(*session).get(args.id);
    const auto annotation = core::AnnotationService(*session).current(args.id);
    if (args.json) {
        auto document = report_detail_json(detail);
        mark_received_in_detail(document, *session, args.id);
        document["annotation"] = annotation_json(annotation);
        print_json(std::cout, document);
    } else {
        print_report_detail(std::cout, detail);
        print_received_note_for_detail(std::cout, *session, args.id);
        print_annotation(std::cout, annotation);
    }
    return 0;
}

struct ChangesArgs {
    std::int64_t id = 0;
    std::int64_t from = 0;
    std::int64_t to = 0;
};

int run_changes(const AppContext& context, const ChangesArgs& args) {
    const auto session = unlock_vault(context);
    const auto revision = core::ReportService(*session).get(args.id).report.revision;
    const auto to = args.to != 0 ? args.to : revision;
    const auto from = args.from != 0 ? args.from : to - 1;
    if (from < 1) {
        std::cout << core::tr_args("Report {1} has only one revision.", {std::to_string(args.id)}) << "\n";
        return 0;
    }
    const auto fields = core::revision_changes(*session, args.id, from, to);
    const auto id = std::to_string(args.id);
    if (fields.empty()) {
        std::cout << core::tr_args("Report {1}, revision {2} to {3}: nothing changed.",
                                   {id, std::to_string(from), std::to_string(to)})
                  << "\n";
        return 0;
    }
    std::string changed;
    for (const auto& f : fields) changed += (changed.empty() ? "" : " ") + f;
    std::cout << core::tr_args("Report {1}, revision {2} to {3}: changed {4}",
                               {id, std::to_string(from), std::to_string(to), changed})
              << "\n";
    return 0;
}

struct AnnotateArgs {
    std::int64_t id = 0;
    std::optional<std::string> notes, translation, translator;
    std::vector<std::string> tags;
    bool clear_tags = false;
};

// Your own notes, tags and translation: the options given replace those
// parts; the others stay as they were. A new revision (unless nothing changed).
int run_annotate(const AppContext& context, const AnnotateArgs& args) {
    const auto session = unlock_vault(context);
    core::AnnotationService service(*session);
    const auto current = service.current(args.id);
    auto annotation = current ? current->annotation : core::Annotation{};
    if (args.notes) annotation.notes = *args.notes;
    if (args.translation) annotation.translation = *args.translation;
    if (args.translator) annotation.translator = *args.translator;
    if (args.clear_tags) annotation.tags.clear();
    if (!args.tags.empty()) annotation.tags = args.tags;
    const auto saved = service.save(args.id, annotation);
    if (current && saved.revision == current->revision)
        std::cout << core::tr_args("Nothing changed: your notes on report {1} stay at revision {2}.",
                                   {std::to_string(args.id), std::to_string(saved.revision)})
                  << "\n";
    else
        std::cout << core::tr_args("Saved your notes on report {1} (revision {2}). They stay in this vault: bundles "
                                   "never carry them.",
                                   {std::to_string(args.id), std::to_string(saved.revision)})
                  << "\n";
    return 0;
}

int run_finalize(const AppContext& context, std::int64_t id) {
    const auto session = unlock_vault(context);
    core::ReportService(*session).finalize(id);
    std::cout << core::tr_args("Report {1} is final: it can no longer be edited.", {std::to_string(id)}) << "\n";
    return 0;
}

}  // namespace

void register_report_commands(CLI::App& app, AppContext& context) {
    auto* report = add_command(app, "report", core::tr("Add, list, show, edit and finalise incident reports"));
    report->require_subcommand(1);

    auto* add = add_command(*report, "add", core::tr("Add a report; prints its id"));
    auto add_args = std::make_shared<AddArgs>();
    add_args->fields.add_to(*add, false);
    add->add_option("--attach", add_args->attach, core::tr("Evidence file to store with the report (repeatable)"))
        ->allow_extra_args(false)
        ->option_text(core::tr("FILE"));
    context.commands.add(add, [&context, add_args] { return run_add(context, *add_args); });

    auto* list = add_command(*report, "list", core::tr("List reports"));
    auto list_args = std::make_shared<ListArgs>();
    list->add_option("--case", list_args->case_name, core::tr("Only the reports of this case"));
    list->add_option("--source", list_args->source, core::tr("Only the reports received from this source (see: source list)"))
        ->option_text(core::tr("NAME"));
    list->add_flag("--by-source", list_args->by_source, core::tr("Group by who sent each report (your own first)"));
    list->add_flag("--json", list_args->json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(list, [&context, list_args] { return run_list(context, *list_args); });

    auto* show = add_command(*report, "show", core::tr("Show one report with its revisions and attachments"));
    auto show_args = std::make_shared<ShowArgs>();
    show->add_option("id", show_args->id, core::tr("Report id"))->required();
    show->add_flag("--json", show_args->json, core::tr("One JSON document (see docs/cli.md)"));
    context.commands.add(show, [&context, show_args] { return run_show(context, *show_args); });

    auto* edit = add_command(*report, "edit", core::tr("Change fields of a draft report (a new revision)"));
    auto edit_args = std::make_shared<EditArgs>();
    edit->add_option("id", edit_args->id, core::tr("Report id"))->required();
    edit_args->fields.add_to(*edit, true);
    context.commands.add(edit, [&context, edit_args] { return run_edit(context, *edit_args); });

    auto* changes = add_command(*report, "changes", core::tr("Which fields changed between two revisions of a report"));
    auto changes_args = std::make_shared<ChangesArgs>();
    changes->add_option("id", changes_args->id, core::tr("Report id"))->required();
    changes->add_option("--from", changes_args->from, core::tr("Older revision (default: the one before --to)"))->option_text("N");
    changes->add_option("--to", changes_args->to, core::tr("Newer revision (default: the latest)"))->option_text("N");
    context.commands.add(changes, [&context, changes_args] { return run_changes(context, *changes_args); });

    auto* annotate = add_command(*report, "annotate",
                                 core::tr("Your own notes, tags and translation on a report (received ones too); never exported"));
    auto annotate_args = std::make_shared<AnnotateArgs>();
    annotate->add_option("id", annotate_args->id, core::tr("Report id"))->required();
    annotate->add_option("--note", annotate_args->notes, core::tr("Your notes (replaces them)"))->option_text(core::tr("TEXT"));
    annotate->add_option("--tag", annotate_args->tags, core::tr("A tag (repeatable; the tags given replace the old ones)"))
        ->option_text(core::tr("TAG"));
    annotate->add_flag("--clear-tags", annotate_args->clear_tags, core::tr("Remove every tag"));
    annotate->add_option("--translation", annotate_args->translation, core::tr("Your translation of the account"))
        ->option_text(core::tr("TEXT"));
    annotate->add_option("--translator", annotate_args->translator, core::tr("Who translated it"))->option_text(core::tr("NAME"));
    context.commands.add(annotate, [&context, annotate_args] { return run_annotate(context, *annotate_args); });

    auto* finalize = add_command(*report, "finalize", core::tr("Mark a report final (no more edits)"));
    auto finalize_id = std::make_shared<std::int64_t>(0);
    finalize->add_option("id", *finalize_id, core::tr("Report id"))->required();
    context.commands.add(finalize, [&context, finalize_id] { return run_finalize(context, *finalize_id); });
}

}  // namespace fv::cli
