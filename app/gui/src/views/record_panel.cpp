#include "views/record_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <ctime>
#include <memory>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "models/directory_listing.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"
#include "views/view.h"

namespace fv::gui {
namespace {

// ~/Documents/court-record-2026-03-14 (or -2, -3... if taken).
std::string default_record_folder() {
    const auto base = default_extract_folder() /
                      ("court-record-" + core::format_local_time(std::time(nullptr)).substr(0, 10));
    auto candidate = base;
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(candidate, ec) && n < 1000; ++n)
        candidate = base.string() + "-" + std::to_string(n);
    return display_path(candidate);
}

// "~/x" as typed or shown -> a real path.
std::filesystem::path expand_home(const std::string& typed) {
    if (typed == "~" || typed.rfind("~/", 0) == 0) return home_folder() / typed.substr(typed.size() > 1 ? 2 : 1);
    return typed;
}

}  // namespace

void RecordPanel::open_form() {
    open_ = true;
    error_.clear();
    notice_.clear();
    if (folder_.empty()) folder_ = default_record_folder();
}

void RecordPanel::draw(AppState& state, std::size_t shown_count, const ShownIds& shown) {
    if (!open_) {
        ImGui::BeginDisabled(shown_count == 0 || state.busy());
        if (ImGui::Button(core::tr("Court record..."))) open_form();
        state.probe().item("record.open");
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", core::tr("Plain files for a lawyer or a court, from the reports shown below."));
        ImGui::EndDisabled();
        return;
    }
    draw_form(state, shown_count, shown);
}

void RecordPanel::draw_form(AppState& state, std::size_t shown_count, const ShownIds& shown) {
    const float em = ImGui::GetFontSize();
    ImGui::Separator();
    draw_heading(core::tr("Court record"));
    ImGui::TextWrapped("%s", core::tr("A new folder of plain files for a lawyer or a court: a printable record "
                                      "(record.pdf), the evidence files with their check codes (SHA-256), the "
                                      "reports as data, and the senders' signatures so anyone can check them. "
                                      "These files are NOT encrypted: keep the folder safe."));
    ImGui::TextWrapped("%s", core::tr_args("Reports: the {1} shown in the list now (change the filters to choose "
                                           "others).",
                                           {std::to_string(shown_count)})
                                 .c_str());
    const bool running = job_ != 0;
    ImGui::BeginDisabled(running);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(core::tr("For (on the cover)"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 20.0f);
    ImGui::InputTextWithHint("##record_for", core::tr("e.g. Court file 2026-17"), &prepared_for_);
    state.probe().item("record.for");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(core::tr("New folder"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 26.0f);
    ImGui::InputText("##record_folder", &folder_);
    state.probe().item("record.folder");
    if (ImGui::Button(core::tr("Write the record"))) write(state, shown());
    state.probe().item("record.write");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Close"))) {
        open_ = false;
        error_.clear();
    }
    state.probe().item("record.close");
    ImGui::EndDisabled();
    if (running) draw_job_progress(state, job_, cancel_asked_, core::tr("Cancel"), "record.cancel", false);
    draw_error(error_);
    if (!notice_.empty()) {
        draw_notice(notice_);
        state.probe().item("record.done");
    }
    ImGui::Separator();
}

void RecordPanel::write(AppState& state, const std::vector<std::int64_t>& shown) {
    core::Session* session = state.session_for_job();
    if (session == nullptr || job_ != 0) return;
    error_.clear();
    notice_.clear();
    if (shown.empty()) {
        error_ = core::tr("No report is shown in the list: there is nothing to put in the record.");
        return;
    }
    if (folder_.empty()) {
        error_ = core::tr("Choose a new folder for the record.");
        return;
    }
    core::LegalExportRequest request;
    request.scope = core::LegalExportRequest::Scope::Reports;
    request.report_ids = shown;
    request.prepared_for = prepared_for_;
    request.out = expand_home(folder_);
    auto result = std::make_shared<core::LegalExportResult>();
    cancel_asked_ = false;
    job_ = state.worker().submit(
        core::tr("Writing the court record"),
        [session, result, request](core::JobContext& context) {
            // Cancel unwinds from the progress callback: nothing is left and nothing logged.
            *result = core::LegalExportService(*session).run(request, [&context](std::uint64_t done, std::uint64_t total) {
                context.set_progress(done, total);
                context.throw_if_cancelled();
            });
        },
        [this, result, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            job_ = 0;
            if (outcome.ok() && !result->record_sha256.empty()) {
                result_ = *result;
                notice_ = core::tr_args(
                    "The record is in {1} ({2}, {3}). The check code (SHA-256) of record.pdf: {4}. "
                    "HOW-TO-CHECK.txt in it says how anyone can check it.",
                    {display_path(result_.out),
                     core::trn_args("{n} report", "{n} reports", result_.report_ids.size()),
                     core::trn_args("{n} evidence file", "{n} evidence files", result_.evidence_files),
                     result_.record_sha256});
                return;
            }
            error_ = outcome.cancelled ? std::string(core::tr("Cancelled: nothing was written."))
                                       : describe_error(outcome.error);
        });
}

void RecordPanel::clear() noexcept {
    open_ = false;
    wipe_string(folder_);
    wipe_string(prepared_for_);
    wipe_string(error_);
    wipe_string(notice_);
    result_ = core::LegalExportResult{};
    job_ = 0;
    cancel_asked_ = false;
    ++generation_;
}

bool RecordPanel::holds_sensitive_data() const noexcept {
    return !folder_.empty() || !prepared_for_.empty() || !error_.empty() || !notice_.empty() ||
           !result_.record_sha256.empty();
}

}  // namespace fv::gui
