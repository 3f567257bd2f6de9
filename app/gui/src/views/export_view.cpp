#include "views/export_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <array>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <utility>

#include "models/content_wipe.h"
#include "views/exchange_widgets.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/import.h"
#include "fieldvault/core/places.h"
#include "fieldvault/core/sources.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

constexpr std::size_t kMaxRecipients = 8;  // the bundle format's limit

void wipe_rows(std::vector<core::ReportSummary>& rows) noexcept {
    for (auto& row : rows) {
        wipe_string(row.title);
        wipe_string(row.occurred_start);
    }
    rows.clear();
}

void wipe_contacts(std::vector<core::Contact>& contacts) noexcept {
    for (auto& c : contacts) {
        wipe_string(c.name);
        wipe_string(c.card);
        wipe_string(c.fingerprint);
    }
    contacts.clear();
}

// What the first job reads; swapped into the view on the frame thread.
struct LoadResult {
    std::vector<core::ReportSummary> rows;
    std::map<std::int64_t, std::string> received_from;
    std::vector<core::CaseRecord> cases;
    std::vector<core::Contact> contacts;
    ~LoadResult() {
        wipe_rows(rows);
        for (auto& [id, name] : received_from) wipe_string(name);
        for (auto& c : cases) wipe_string(c.name);
        wipe_contacts(contacts);
    }
};

void wipe_plan(core::ExportPlan& plan) noexcept {
    for (auto& r : plan.reports) wipe_string(r.title);
    plan.reports.clear();
    for (auto& r : plan.recipients) wipe_string(r.name);
    plan.recipients.clear();
}

struct ReviewResult {
    core::ExportPlan review;
    ~ReviewResult() { wipe_plan(review); }
};

std::string reports_count(std::size_t n) { return core::trn_args("{n} report", "{n} reports", n); }
std::string evidence_count(std::size_t n) {
    return core::trn_args("{n} evidence file", "{n} evidence files", n);
}

}  // namespace

std::string default_bundle_path() {
    const char* home = std::getenv("HOME");
    const std::filesystem::path folder = (home != nullptr && *home != '\0') ? home : ".";
    // "2026-03-14.bin": a name that says nothing of what it holds (core's places).
    const std::filesystem::path name = core::neutral_export_file_name(std::time(nullptr));
    const auto stem = name.stem().string();
    const auto extension = name.extension().string();
    std::filesystem::path candidate = folder / name;
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(candidate, ec) && n < 1000; ++n)
        candidate = folder / (stem + "-" + std::to_string(n) + extension);
    return display_path(candidate);
}

void ExportView::on_show(AppState& /*state*/) {
    // The wizard keeps its place while the user looks elsewhere; a finished
    // or fresh wizard reads the vault again (reports or contacts may be new).
    if (step_ == Step::Reports || step_ == Step::Done) needs_load_ = true;
    if (step_ == Step::Done) {
        reset_choices();
        step_ = Step::Reports;
    }
}

void ExportView::load(AppState& state) {
    needs_load_ = false;
    core::Session* session = state.session_for_job();
    if (session == nullptr || loading_) return;
    loading_ = true;
    auto result = std::make_shared<LoadResult>();
    state.worker().submit(
        core::tr("Reading reports and contacts"),
        [session, result](core::JobContext&) {
            // Received reports are offered too: they go on exactly as their
            // sender signed them, with that signature (core's export plan).
            const auto received = core::received_report_signers(*session);
            const auto sources = core::SourceService(*session).index();
            core::ReportService reports(*session);
            result->rows = reports.list();
            for (const auto& [id, fingerprint] : received) {
                const auto* source = sources.find(id);
                result->received_from.emplace(id, source != nullptr ? source->name : fingerprint);
            }
            result->cases = reports.cases();
            result->contacts = core::ContactService(*session).list();
        },
        [this, result, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            loading_ = false;
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            std::swap(rows_, result->rows);
            std::swap(received_from_, result->received_from);
            std::swap(cases_, result->cases);
            std::swap(contacts_, result->contacts);
            // Choices that no longer exist are dropped.
            std::set<std::int64_t> still;
            for (const auto& row : rows_)
                if (chosen_.count(row.id)) still.insert(row.id);
            chosen_ = std::move(still);
            std::set<std::string> names;
            for (const auto& c : contacts_)
                if (recipients_.count(c.name)) names.insert(c.name);
            recipients_ = std::move(names);
        });
}

std::vector<std::int64_t> ExportView::selected_ids() const {
    std::vector<std::int64_t> ids;
    for (const auto& row : rows_) {
        const bool in = by_case_ ? (case_id_ > 0 && in_case(row, case_id_)) : chosen_.count(row.id) > 0;
        if (in) ids.push_back(row.id);
    }
    return ids;
}

core::ExportRequest ExportView::request() const {
    core::ExportRequest request;
    request.recipients.assign(recipients_.begin(), recipients_.end());
    request.scope = core::ExportRequest::Scope::Reports;
    if (by_case_) {
        request.scope = core::ExportRequest::Scope::Case;
        for (const auto& c : cases_)
            if (c.id == case_id_) request.case_name = c.name;
    } else {
        request.report_ids = selected_ids();
    }
    request.include_sensitive = include_sensitive_;
    request.include_attachments = include_attachments_;
    request.out = expand_home(out_path_);
    return request;
}

void ExportView::load_review(AppState& state) {
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    wipe_plan(review_);
    review_loading_ = true;
    auto result = std::make_shared<ReviewResult>();
    state.worker().submit(
        core::tr("Preparing the summary"),
        [session, result, request = request()](core::JobContext& context) {
            context.throw_if_cancelled();
            result->review = core::ExportService(*session).plan(request);
        },
        [this, result, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            review_loading_ = false;
            if (outcome.cancelled) {
                step_ = Step::Contents;
                return;
            }
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                step_ = Step::Contents;
                return;
            }
            std::swap(review_, result->review);
            for (const auto& r : review_.reports) glyphs::note(r.title);
        });
}

void ExportView::start_export(AppState& state) {
    wipe_string(error_);
    wipe_string(notice_);
    // Jobs run one at a time in order, so an export queued behind another job is safe.
    core::Session* session = state.session_for_job();
    if (session == nullptr || export_job_ != 0) return;
    if (out_path_.empty()) {
        error_ = core::tr("Choose where to save the bundle.");
        return;
    }
    auto result = std::make_shared<core::ExportResult>();
    step_ = Step::Running;
    cancel_asked_ = false;
    export_job_ = state.worker().submit(
        core::tr("Sealing the bundle"),
        [session, result, request = request()](core::JobContext& context) {
            // Cancel unwinds out of the export from its progress callback: the
            // temporary file is removed and nothing is recorded.
            *result = core::ExportService(*session).export_bundle(
                request, [&context](std::uint64_t done, std::uint64_t total) {
                    context.set_progress(done, total);
                    context.throw_if_cancelled();
                });
        },
        [this, result, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            export_job_ = 0;
            // A cancel asked too late to stop it still leaves a finished bundle.
            if (outcome.ok() && !result->bundle_id.empty()) {
                result_ = *result;
                step_ = Step::Done;
                return;
            }
            step_ = Step::Save;
            if (outcome.cancelled) {
                notice_ = core::tr("The export was cancelled. No file was written.");
            } else {
                error_ = core::tr_args("Not exported: {1}", {describe_error(outcome.error)});
            }
        });
}

void ExportView::draw_content(AppState& state) {
    if (needs_load_) load(state);
    if (!ImGui::BeginChild("##export_body", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_NavFlattened)) {
        ImGui::EndChild();
        return;
    }
    draw_heading(core::tr("Send reports to contacts"));
    draw_steps();
    ImGui::Separator();
    ImGui::Spacing();
    draw_error(error_);
    draw_notice(notice_);
    switch (step_) {
        case Step::Reports: draw_reports_step(state); break;
        case Step::Recipients: draw_recipients_step(state); break;
        case Step::Contents: draw_contents_step(state); break;
        case Step::Review: draw_review_step(state); break;
        case Step::Save: draw_save_step(state); break;
        case Step::Running: draw_running(state); break;
        case Step::Done: draw_done(state); break;
    }
    ImGui::EndChild();
}

void ExportView::draw_steps() {
    static constexpr std::array kNames = {FV_N_("1 Reports"), FV_N_("2 Who can open it"), FV_N_("3 What to include"),
                                          FV_N_("4 Check"), FV_N_("5 Save")};
    const auto current = static_cast<std::size_t>(step_);
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine();
            ImGui::TextDisabled(">");
            ImGui::SameLine();
        }
        const bool here = i == current || (i + 1 == kNames.size() && current > i);
        ImGui::PushStyleColor(ImGuiCol_Text, here ? theme::accent() : theme::muted());
        ImGui::TextUnformatted(core::tr(kNames[i]));
        ImGui::PopStyleColor();
    }
}

// Back / Next along the bottom of a step; true if Next was clicked.
bool ExportView::draw_nav(AppState& state, bool can_continue, const char* next_label) {
    ImGui::Spacing();
    if (step_ != Step::Reports) {
        if (ImGui::Button(core::tr("< Back"))) {
            wipe_string(error_);
            wipe_string(notice_);
            step_ = static_cast<Step>(static_cast<int>(step_) - 1);
        }
        state.probe().item("export.back");
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(!can_continue || state.busy());
    const bool next = ImGui::Button(next_label != nullptr ? next_label : core::tr("Next"));
    state.probe().item("export.next");
    ImGui::EndDisabled();
    if (next) {
        wipe_string(error_);
        wipe_string(notice_);
    }
    return next;
}

void ExportView::draw_reports_step(AppState& state) {
    if (loading_ && rows_.empty()) {
        draw_notice(core::tr("Reading your reports..."));
        return;
    }
    if (rows_.empty()) {
        draw_notice(core::tr("There is nothing to send yet: write a report first."));
        return;
    }
    if (ImGui::RadioButton(core::tr("Reports I choose"), !by_case_)) by_case_ = false;
    state.probe().item("export.scope_reports");
    ImGui::SameLine();
    ImGui::BeginDisabled(cases_.empty());
    if (ImGui::RadioButton(core::tr("A whole case"), by_case_)) by_case_ = true;
    state.probe().item("export.scope_case");
    ImGui::EndDisabled();
    if (!received_from_.empty())
        draw_notice(core::tr("Reports you received go on exactly as their sender wrote and signed them, with that "
                             "signature, so the next person can check both."));

    if (by_case_) {
        std::string preview = core::tr("Choose a case");
        for (const auto& c : cases_) {
            glyphs::note(c.name);
            if (c.id == case_id_) preview = c.name;
        }
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
        const bool open = ImGui::BeginCombo("##export_case", preview.c_str());
        state.probe().item("export.case");
        if (open) {
            for (const auto& c : cases_) {
                ImGui::PushID(static_cast<int>(c.id));
                if (ImGui::Selectable(c.name.c_str(), c.id == case_id_)) case_id_ = c.id;
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        ImGui::TextUnformatted(
            core::trn_args("{n} report in this case.", "{n} reports in this case.", selected_ids().size()).c_str());
    } else {
        const float list_height = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.5f,
                                           ImGui::GetFrameHeight() * 4.0f);
        if (ImGui::BeginChild("##export_reports", ImVec2(0.0f, list_height), true, ImGuiWindowFlags_NavFlattened)) {
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(rows_.size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const auto& row = rows_[static_cast<std::size_t>(i)];
                    glyphs::note(row.title);
                    bool on = chosen_.count(row.id) > 0;
                    ImGui::PushID(i);
                    const auto from = received_from_.find(row.id);
                    if (from != received_from_.end()) glyphs::note(from->second);
                    const std::string label = "#" + std::to_string(row.id) + "  " +
                                              (row.occurred_start.empty() ? "" : row.occurred_start + "  ") + row.title +
                                              (from == received_from_.end()
                                                   ? std::string()
                                                   : "   " + core::tr_args("(received from {1})", {from->second}));
                    if (ImGui::Checkbox(label.c_str(), &on)) {
                        if (on) chosen_.insert(row.id);
                        else chosen_.erase(row.id);
                    }
                    if (state.probe().enabled()) state.probe().item(("export.report." + std::to_string(i)).c_str());
                    ImGui::PopID();
                }
            }
        }
        ImGui::EndChild();
        ImGui::TextUnformatted(
            core::trn_args("{n} report chosen.", "{n} reports chosen.", chosen_.size()).c_str());
    }
    if (draw_nav(state, !selected_ids().empty())) step_ = Step::Recipients;
}

void ExportView::draw_recipients_step(AppState& state) {
    ImGui::TextUnformatted(core::tr("Who may open the bundle? (1 to 8 contacts)"));
    draw_notice(core::tr("Only these contacts can read it. Anyone else who gets the file learns nothing from it."));
    if (contacts_.empty()) {
        draw_warning(core::tr("You have no contacts yet. Add one on the Contacts screen (paste their card)."));
    }
    for (std::size_t i = 0; i < contacts_.size(); ++i) {
        const auto& c = contacts_[i];
        bool on = recipients_.count(c.name) > 0;
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginDisabled(!on && recipients_.size() >= kMaxRecipients);
        if (ImGui::Checkbox(c.name.c_str(), &on)) {
            if (on) recipients_.insert(c.name);
            else recipients_.erase(c.name);
        }
        if (state.probe().enabled()) state.probe().item(("export.recipient." + std::to_string(i)).c_str());
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", c.fingerprint.c_str());
        if (!c.verified) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextUnformatted(core::tr("not verified"));
            ImGui::PopStyleColor();
        }
        ImGui::PopID();
    }
    const bool ok = !recipients_.empty() && recipients_.size() <= kMaxRecipients;
    if (draw_nav(state, ok)) step_ = Step::Contents;
}

void ExportView::draw_contents_step(AppState& state) {
    ImGui::TextUnformatted(core::tr("What to include"));
    ImGui::Checkbox(core::tr("Include fields marked sensitive (and case names)"), &include_sensitive_);
    state.probe().item("export.sensitive");
    draw_notice(include_sensitive_
                    ? core::tr("Sensitive fields such as relatives' names will be sent.")
                    : core::tr("Fields you marked sensitive stay in your vault; the bundle says they were left out."));
    ImGui::Checkbox(core::tr("Include evidence files"), &include_attachments_);
    state.probe().item("export.attachments");
    if (draw_nav(state, true, core::tr("Check before sending"))) {
        step_ = Step::Review;
        load_review(state);
    }
}

void ExportView::draw_review_step(AppState& state) {
    if (review_loading_) {
        draw_busy_indicator(state, true);
        return;
    }
    ImGui::TextUnformatted(core::tr("Exactly what will leave your vault:"));
    ImGui::Spacing();
    std::map<std::string, std::size_t> redacted;  // field -> reports it stays out of
    std::size_t sensitive_sent = 0;
    std::size_t with_case = 0;
    for (const auto& r : review_.reports) {
        for (const auto& f : r.left_out_fields) ++redacted[f];
        if (!r.sensitive_sent.empty()) ++sensitive_sent;
        if (r.case_name_left_out) ++with_case;
    }
    ImGui::TextUnformatted(core::tr_args("Reports: {1}", {std::to_string(review_.reports.size())}).c_str());
    const float list_height = std::min(ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(review_.reports.size()) +
                                           ImGui::GetStyle().WindowPadding.y * 2.0f,
                                       ImGui::GetFontSize() * 8.0f);
    if (ImGui::BeginChild("##review_reports", ImVec2(0.0f, list_height), true)) {
        for (const auto& r : review_.reports)
            ImGui::BulletText("#%lld  %s   %s", static_cast<long long>(r.id), r.title.c_str(),
                              r.forwarded ? core::tr("(sent on as received, with its sender's signature)") : "");
    }
    ImGui::EndChild();

    if (review_.attachments() == 0 && review_.attachments_left_out() > 0) {
        ImGui::TextUnformatted(core::trn_args("Evidence files: none ({n} file stays in your vault)",
                                              "Evidence files: none ({n} files stay in your vault)",
                                              review_.attachments_left_out())
                                   .c_str());
    } else {
        ImGui::TextUnformatted(core::trn_args("Evidence files: {n} file, {1} in total",
                                              "Evidence files: {n} files, {1} in total", review_.attachments(),
                                              {human_size(review_.attachment_bytes())})
                                   .c_str());
    }

    if (review_.metadata.sensitive_included) {
        draw_warning(sensitive_sent == 0 ? core::tr("Sensitive fields: included (none of these reports has any).")
                                         : core::tr("Sensitive fields: INCLUDED. Relatives' names and other fields "
                                                    "you marked sensitive will be sent."));
    } else if (redacted.empty() && with_case == 0) {
        ImGui::TextUnformatted(core::tr("Left out: nothing (no field of these reports is marked sensitive)."));
    } else {
        std::string left_out;
        for (const auto& [field, count] : redacted) {
            if (!left_out.empty()) left_out += list_separator();
            left_out += core::trn_args("{1} ({n} report)", "{1} ({n} reports)", count, {sensitive_field_label(field)});
        }
        if (with_case > 0) left_out += std::string(left_out.empty() ? "" : list_separator()) + core::tr("case names");
        ImGui::TextWrapped("%s", core::tr_args("Left out (marked sensitive): {1}", {left_out}).c_str());
        // A gentle word when the same words still go out in another part.
        std::map<std::string, std::size_t> told;
        for (const auto& r : review_.reports)
            for (const auto& f : r.left_out_but_told) ++told[f];
        if (!told.empty()) {
            std::string fields;
            for (const auto& [field, count] : told)
                fields += (fields.empty() ? "" : list_separator()) + sensitive_field_label(field);
            draw_warning(core::tr_args("Please read before sending: words you marked sensitive ({1}) still appear in "
                                       "a part that is sent, such as the account. Those parts go as written.",
                                       {fields}));
            state.probe().item("export.told_elsewhere");
        }
    }

    ImGui::Spacing();
    ImGui::TextUnformatted(core::tr("Readable only by:"));
    for (const auto& c : review_.recipients) {
        ImGui::BulletText("%s  %s", c.name.c_str(), c.fingerprint.c_str());
        if (!c.verified) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
            ImGui::TextUnformatted(core::tr("not verified: compare fingerprints first if you can"));
            ImGui::PopStyleColor();
        }
    }
    if (draw_nav(state, !review_.reports.empty())) {
        if (out_path_.empty()) out_path_ = default_bundle_path();
        step_ = Step::Save;
    }
}

void ExportView::draw_save_step(AppState& state) {
    ImGui::TextUnformatted(core::tr("Where to save the bundle"));
    draw_notice(core::tr("A new file; an existing file is never replaced. Carry it to the recipients any way you "
                         "like."));
    ImGui::SetNextItemWidth(-1.0f);
    const bool enter =
        ImGui::InputText("##export_path", &out_path_, ImGuiInputTextFlags_EnterReturnsTrue);
    state.probe().item("export.path");
    if (draw_nav(state, !out_path_.empty(), core::tr("Seal and save")) || (enter && !out_path_.empty() && !state.busy()))
        start_export(state);
}

void ExportView::draw_running(AppState& state) {
    ImGui::TextUnformatted(core::tr("Sealing the bundle..."));
    if (export_job_ == 0) return;
    draw_job_progress(state, export_job_, cancel_asked_, core::tr("Cancel"), "export.cancel");
}

void ExportView::draw_done(AppState& state) {
    if (!result_) return;
    const auto& r = *result_;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(core::tr("The bundle is sealed and saved."));
    ImGui::PopStyleColor();
    draw_labelled(core::tr("File:"), display_path(out_path_) + "  (" + human_size(r.file_size) + ")");
    draw_labelled(core::tr("Contains:"),
                  reports_count(r.report_ids.size()) + list_separator() + evidence_count(r.attachments));
    draw_labelled(core::tr("Bundle number:"), r.bundle_id);
    ImGui::TextUnformatted(core::tr("The file's check code (SHA-256), for the recipient to compare:"));
    ImGui::TextWrapped("%s", r.file_sha256.c_str());
    state.probe().item("export.sha256");
    if (ImGui::Button(core::tr("Copy the check code"))) ImGui::SetClipboardText(r.file_sha256.c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(core::tr("Readable only by:"));
    for (const auto& to : r.recipients) {
        ImGui::BulletText("%s  %s  %s", to.name.c_str(), to.fingerprint.c_str(),
                          to.verified ? "" : core::tr("(not verified)"));
    }
    ImGui::Spacing();
    if (ImGui::Button(core::tr("Send other reports"))) {
        reset_choices();
        step_ = Step::Reports;
        needs_load_ = true;
    }
    state.probe().item("export.again");
}

void ExportView::reset_choices() noexcept {
    chosen_.clear();
    by_case_ = false;
    case_id_ = -1;
    recipients_.clear();
    include_sensitive_ = false;
    include_attachments_ = true;
    wipe_plan(review_);
    wipe_string(out_path_);
    result_.reset();
    wipe_string(error_);
    wipe_string(notice_);
}

void ExportView::forget_loaded() noexcept {
    wipe_rows(rows_);
    for (auto& [id, name] : received_from_) wipe_string(name);
    received_from_.clear();
    for (auto& c : cases_) wipe_string(c.name);
    cases_.clear();
    wipe_contacts(contacts_);
}

void ExportView::clear() noexcept {
    forget_loaded();
    reset_choices();
    step_ = Step::Reports;
    needs_load_ = true;
    loading_ = review_loading_ = false;
    export_job_ = 0;
    ++generation_;
}

bool ExportView::holds_sensitive_data() const noexcept {
    return !rows_.empty() || !received_from_.empty() || !cases_.empty() || !contacts_.empty() || !review_.reports.empty() || !chosen_.empty() ||
           !recipients_.empty() || !out_path_.empty() || result_.has_value();
}

}  // namespace fv::gui
