#include "views/import_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <memory>

#include "fieldvault/core/file_names.h"
#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "views/exchange_widgets.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"

namespace fv::gui {
namespace {

void wipe_check(core::BundleCheck& c) noexcept {
    wipe_string(c.signer_card);
    wipe_string(c.metadata.text);
    for (auto& item : c.metadata.metadata.redacted) wipe_string(item.item_id);
    if (c.signer_contact) wipe_string(*c.signer_contact);
    for (auto& item : c.items) wipe_string(item.name);
}

std::string reports_count(std::size_t n) { return core::trn_args("{n} report", "{n} reports", n); }
std::string evidence_count(std::size_t n) {
    return core::trn_args("{n} evidence file", "{n} evidence files", n);
}

}  // namespace

std::vector<std::string> left_out_lines(const core::ReceivedExportMetadata& received) {
    std::vector<std::string> lines;
    if (!received.readable) {
        lines.push_back(core::tr("The sender's note on what was left out could not be read."));
        return lines;
    }
    const auto& m = received.metadata;
    if (!m.sensitive_included) {
        std::string fields;
        for (const auto& code : m.redacted_field_names()) {
            if (!fields.empty()) fields += list_separator();
            fields += sensitive_field_label(code);
        }
        const auto reports = m.redacted_report_count();
        if (reports == 0)
            lines.push_back(core::tr("Sensitive fields: not sent (none of these reports had any)."));
        else if (fields.empty())
            lines.push_back(core::trn_args("Sensitive fields left out of {n} report.",
                                           "Sensitive fields left out of {n} reports.", reports));
        else
            lines.push_back(core::trn_args("Sensitive fields left out of {n} report: {1}.",
                                           "Sensitive fields left out of {n} reports: {1}.", reports, {fields}));
    }
    if (!m.attachments_included || m.attachments_left_out > 0)
        lines.push_back(core::trn_args("{n} evidence file left out.", "{n} evidence files left out.",
                                       m.attachments_left_out));
    return lines;
}

void ImportView::on_show(AppState& /*state*/) {
    // After an import, the screen starts afresh next time.
    if (result_) forget();
}

void ImportView::set_path(std::string path) {
    wipe_string(path_);
    path_ = std::move(path);
}

void ImportView::forget() noexcept {
    if (check_) wipe_check(*check_);
    check_.reset();
    if (result_) wipe_check(result_->check);
    result_.reset();
    wipe_string(checked_path_);
    error_.clear();
}

void ImportView::verify(AppState& state) {
    core::Session* session = state.session_for_job();
    if (session == nullptr || state.busy() || path_.empty()) return;
    forget();
    working_ = true;
    checked_path_ = path_;
    auto out = std::make_shared<core::BundleCheck>();
    state.worker().submit(
        core::tr("Checking the bundle"),
        [session, out, file = expand_home(path_)](core::JobContext&) {
            *out = core::ImportService(*session).verify(file);
        },
        [this, out, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            working_ = false;
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                wipe_check(*out);
                error_ = core::tr_args("This file cannot be opened here: {1}", {describe_error(outcome.error)});
                return;
            }
            check_ = std::move(*out);
            if (check_->signer_contact) glyphs::note(*check_->signer_contact);
        });
}

void ImportView::import(AppState& state) {
    core::Session* session = state.session_for_job();
    if (session == nullptr || state.busy() || !check_) return;
    working_ = true;
    error_.clear();
    auto out = std::make_shared<core::ImportResult>();
    state.worker().submit(
        core::tr("Importing the bundle"),
        [session, out, file = expand_home(checked_path_)](core::JobContext&) {
            // One transaction, committed only after the whole bundle verified.
            *out = core::ImportService(*session).import_bundle(file);
        },
        [this, out, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            working_ = false;
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                wipe_check(out->check);
                error_ = core::tr_args("Not imported: {1}", {describe_error(outcome.error)});
                return;
            }
            result_ = std::move(*out);
        });
}

void ImportView::draw_content(AppState& state) {
    glyphs::note(path_);
    if (!ImGui::BeginChild("##import_body", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_NavFlattened)) {
        ImGui::EndChild();
        return;
    }
    draw_heading(core::tr("Open a bundle you received"));
    draw_notice(core::tr("A bundle is checked completely before anything is stored: who signed it, that it is "
                         "meant for this vault, and that nothing in it was changed."));
    const auto& style = ImGui::GetStyle();
    const char* verify_label = core::tr("Check");
    const float button_w = ImGui::CalcTextSize(verify_label).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    ImGui::SetNextItemWidth(-button_w);
    std::string before = path_;
    const bool enter = ImGui::InputTextWithHint("##bundle_path", core::tr("Where the file is, e.g. ~/Downloads/2026-03-14.bin"),
                                                &path_, ImGuiInputTextFlags_EnterReturnsTrue);
    state.probe().item("import.path");
    // A different file: the shown result no longer describes it.
    if (path_ != before && (check_ || result_ || !error_.empty())) forget();
    wipe_string(before);
    ImGui::SameLine();
    const bool busy = state.busy();
    ImGui::BeginDisabled(path_.empty() || busy);
    const bool clicked = ImGui::Button(verify_label);
    state.probe().item("import.verify");
    ImGui::EndDisabled();
    if ((clicked || enter) && !path_.empty() && !busy) verify(state);
    if (busy) draw_busy_indicator(state, false);
    draw_error(error_);
    ImGui::Spacing();
    if (result_) {
        draw_result(state, *result_);
    } else if (check_) {
        draw_check(state, *check_);
    }
    ImGui::EndChild();
}

void ImportView::draw_check(AppState& state, const core::BundleCheck& c) {
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(core::tr("Checked: the signature, the recipients and every item are in order."));
    ImGui::PopStyleColor();
    ImGui::Spacing();
    if (c.signer_contact) {
        draw_labelled(core::tr("Signed by:"), c.signer_verified
                                                  ? core::tr_args("{1}  (verified contact)", {*c.signer_contact})
                                                  : *c.signer_contact);
        if (!c.signer_verified)
            draw_warning(core::tr("This contact is not verified: compare fingerprints with them on the Contacts "
                                  "screen."));
    } else {
        draw_labelled(core::tr("Signed by:"), core::tr("someone new (not one of your contacts)"));
        draw_warning(core::tr("If you import, the sender is kept as an unverified contact. Compare this fingerprint "
                              "with them another way (in person, or on a call where you know their voice) before "
                              "you rely on the reports."));
    }
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextUnformatted(core::tr("Sender's fingerprint:"));
    ImGui::PopStyleColor();
    draw_large_text(c.signer_fingerprint, 1.3f);
    draw_labelled(core::tr("Created:"), core::tr_args("{1} (by the sender's clock)", {core::format_local_time(c.created_at)}));
    std::size_t reports = 0, files = 0;
    std::uint64_t bytes = 0;
    for (const auto& item : c.items) {
        if (item.kind == "report") ++reports;
        else {
            ++files;
            bytes += item.size;
        }
    }
    draw_labelled(core::tr("Contains:"), reports_count(reports) + list_separator() + evidence_count(files) +
                                             (files > 0 ? " (" + human_size(bytes) + ")" : ""));
    draw_labelled(core::tr("Addressed to:"),
                  core::trn_args("{n} recipient, this vault among them", "{n} recipients, this vault among them",
                                 c.recipient_fingerprints.size()));
    for (const auto& line : left_out_lines(c.metadata)) draw_labelled(core::tr("Left out:"), line);
    std::size_t programs = 0;
    for (const auto& item : c.items)
        if (item.kind != "report" && core::file_name_risk(item.name) == core::FileNameRisk::Program) ++programs;
    if (programs > 0)
        draw_warning(core::trn_args("{n} evidence file is named like a program (for example .exe or .sh): it will be "
                                    "stored, but do not open it unless you trust the sender.",
                                    "{n} evidence files are named like a program (for example .exe or .sh): they "
                                    "will be stored, but do not open them unless you trust the sender.",
                                    programs));
    if (c.sequence_not_increasing)
        draw_warning(core::tr("This sender already sent a bundle with this or a later number: this one is older or "
                              "a copy."));
    ImGui::Spacing();
    if (c.already_imported) {
        draw_notice(core::tr("This bundle is already in your vault. There is nothing more to import."));
        return;
    }
    ImGui::BeginDisabled(state.busy());
    if (ImGui::Button(core::tr("Import"))) import(state);
    state.probe().item("import.import");
    ImGui::EndDisabled();
    ImGui::SameLine();
    draw_notice(core::tr("Received reports are kept read-only, apart from your own."));
}

void ImportView::draw_result(AppState& state, const core::ImportResult& r) {
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(
        core::tr_args("Imported {1} and {2}.", {reports_count(r.report_ids.size()), evidence_count(r.attachments)})
            .c_str());
    ImGui::PopStyleColor();
    draw_notice(core::tr("They are read-only and marked as received in the report list."));
    if (r.new_source)
        draw_warning(core::tr_args("The sender was saved as the unverified contact \"{1}\". Compare fingerprints "
                                   "with them, then verify them on the Contacts screen.",
                                   {r.source_contact}));
    if (ImGui::Button(core::tr("Show reports"))) state.go_to(Screen::ReportList);
    state.probe().item("import.show_reports");
}

void ImportView::clear() noexcept {
    forget();
    wipe_string(path_);
    working_ = false;
    ++generation_;
}

bool ImportView::holds_sensitive_data() const noexcept {
    return !path_.empty() || check_.has_value() || result_.has_value();
}

}  // namespace fv::gui
