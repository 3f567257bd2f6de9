#include "views/import_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <memory>

#include "fieldvault/core/file_names.h"
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

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<std::string> left_out_lines(const core::ReceivedExportMetadata& received) {
    std::vector<std::string> lines;
    if (!received.readable) {
        lines.push_back("The sender's note on what was left out could not be read.");
        return lines;
    }
    const auto& m = received.metadata;
    if (!m.sensitive_included) {
        std::string fields;
        for (const auto& code : m.redacted_field_names()) {
            if (!fields.empty()) fields += ", ";
            fields += sensitive_field_label(code);
        }
        const auto reports = m.redacted_report_count();
        lines.push_back(reports == 0 ? "Sensitive fields: not sent (none of these reports had any)."
                                     : "Sensitive fields left out of " + plural(reports, "report", "reports") +
                                           (fields.empty() ? "" : ": " + fields) + ".");
    }
    if (!m.attachments_included || m.attachments_left_out > 0)
        lines.push_back("Evidence files left out: " + std::to_string(m.attachments_left_out) + ".");
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
        "Checking the bundle",
        [session, out, file = expand_home(path_)](core::JobContext&) {
            *out = core::ImportService(*session).verify(file);
        },
        [this, out, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;
            working_ = false;
            if (outcome.cancelled) return;
            if (!outcome.ok()) {
                wipe_check(*out);
                error_ = "This file cannot be opened here: " + describe_error(outcome.error);
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
        "Importing the bundle",
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
                error_ = "Not imported: " + describe_error(outcome.error);
                return;
            }
            result_ = std::move(*out);
        });
}

void ImportView::draw_content(AppState& state) {
    glyphs::note(path_);
    if (!ImGui::BeginChild("##import_body")) {
        ImGui::EndChild();
        return;
    }
    draw_heading("Import a bundle");
    draw_notice("A bundle is checked completely before anything is stored: who signed it, that it is meant "
                "for this vault, and that nothing in it was changed.");
    const auto& style = ImGui::GetStyle();
    const float button_w = ImGui::CalcTextSize("Verify").x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    ImGui::SetNextItemWidth(-button_w);
    std::string before = path_;
    const bool enter = ImGui::InputTextWithHint("##bundle_path", "/path/to/bundle.fvb", &path_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    state.probe().item("import.path");
    // A different file: the shown result no longer describes it.
    if (path_ != before && (check_ || result_ || !error_.empty())) forget();
    wipe_string(before);
    ImGui::SameLine();
    const bool busy = state.busy();
    ImGui::BeginDisabled(path_.empty() || busy);
    const bool clicked = ImGui::Button("Verify");
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
    ImGui::TextUnformatted("Verified: the signature, the recipients and every item check out.");
    ImGui::PopStyleColor();
    ImGui::Spacing();
    if (c.signer_contact) {
        draw_labelled("Signed by:", *c.signer_contact + (c.signer_verified ? "  (verified contact)" : ""));
        if (!c.signer_verified)
            draw_warning("This contact is not verified: compare fingerprints with them on the Contacts screen.");
    } else {
        draw_labelled("Signed by:", "a new source (not one of your contacts)");
        draw_warning("If you import, the sender is kept as an unverified contact. Compare this fingerprint with "
                     "them over another channel before you rely on the reports.");
    }
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    ImGui::TextUnformatted("Sender's fingerprint:");
    ImGui::PopStyleColor();
    draw_large_text(c.signer_fingerprint, 1.3f);
    draw_labelled("Created:", format_utc(c.created_at) + " (the sender's clock)");
    std::size_t reports = 0, files = 0;
    std::uint64_t bytes = 0;
    for (const auto& item : c.items) {
        if (item.kind == "report") ++reports;
        else {
            ++files;
            bytes += item.size;
        }
    }
    draw_labelled("Contains:", plural(reports, "report", "reports") + ", " +
                                   plural(files, "evidence file", "evidence files") +
                                   (files > 0 ? " (" + human_size(bytes) + ")" : ""));
    draw_labelled("Addressed to:", plural(c.recipient_fingerprints.size(), "recipient", "recipients") +
                                       ", this vault among them");
    for (const auto& line : left_out_lines(c.metadata)) draw_labelled("Left out:", line);
    std::size_t programs = 0;
    for (const auto& item : c.items)
        if (item.kind != "report" && core::file_name_risk(item.name) == core::FileNameRisk::Program) ++programs;
    if (programs > 0)
        draw_warning(plural(programs, "evidence file is", "evidence files are") +
                     " named like a program (for example .exe or .sh): they will be stored, but do not open "
                     "them unless you trust the sender.");
    if (c.sequence_not_increasing)
        draw_warning("This sender already sent a bundle with this or a later number: this one is older or a copy.");
    ImGui::Spacing();
    if (c.already_imported) {
        draw_notice("This bundle is already in your vault. There is nothing more to import.");
        return;
    }
    ImGui::BeginDisabled(state.busy());
    if (ImGui::Button("Import")) import(state);
    state.probe().item("import.import");
    ImGui::EndDisabled();
    ImGui::SameLine();
    draw_notice("Received reports are kept read-only, apart from your own.");
}

void ImportView::draw_result(AppState& state, const core::ImportResult& r) {
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::Text("Imported %s and %s.", plural(r.report_ids.size(), "report", "reports").c_str(),
                plural(r.attachments, "evidence file", "evidence files").c_str());
    ImGui::PopStyleColor();
    draw_notice("They are read-only and marked \"received\" in the report list.");
    if (r.new_source)
        draw_warning("The sender was saved as the unverified contact \"" + r.source_contact +
                     "\". Compare fingerprints with them, then verify them on the Contacts screen.");
    if (ImGui::Button("Show reports")) state.go_to(Screen::ReportList);
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
