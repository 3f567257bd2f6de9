#include "views/report_editor_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/drafts.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/original_files.h"
#include "fieldvault/core/text.h"
#include "platform/glyph_cache.h"
#include "platform/report_glyphs.h"
#include "views/editor_widgets.h"
#include "views/wrapping_editor.h"
#include "fieldvault/core/vocabulary.h"
#include "models/revision_history.h"
#include "platform/theme.h"
#include "platform/ui_setup.h"

namespace fv::gui {
namespace {

constexpr int kKeyS = 83;  // GLFW's key code for S (io.KeysDown is indexed by GLFW key codes)

// Fresh rows start with a sensible code so the row is valid once its text is typed.
const core::Identifier kNewIdentifier{"phone", ""};
const core::Perpetrator kNewPerpetrator{"unknown", "", ""};

// A long field: the text wraps at the field's edge (views/wrapping_editor.h).
void text_area(AppState& state, const char* id, const char* probe_key, std::string& value, float lines,
               const char* hint = "") {
    WrappingEditorOptions options;
    options.lines = lines;
    options.hint = hint;
    options.record_as = state.probe().enabled() ? probe_key : nullptr;
    wrapping_editor(id, value, options);
    state.probe().item(probe_key);
}

// A labelled long field (a statement, a description): two lines that wrap,
// beside the label column like text_row's one-line fields.
void text_area_row(AppState& state, const char* label, const std::string& key, std::string& value,
                   const char* hint = "") {
    field_label(label);
    const std::string id = "##" + key;
    text_area(state, id.c_str(), key.c_str(), value, 2.0f, hint);
}

}  // namespace

void ReportEditorView::forget_loaded() noexcept {
    if (detail_) wipe_detail(*detail_);
    detail_.reset();
    if (received_) received_->wipe();
    received_.reset();
}

void ReportEditorView::load(AppState& state, std::int64_t report_id) {
    // A new editing session: it keeps under a key of its own (made when first needed).
    keep_key_.clear();
    if (kept_) wipe_content(*kept_);
    kept_.reset();
    wipe_string(kept_case_);
    wipe_content(draft_);
    wipe_string(case_name_);
    wipe_string(attach_path_);
    forget_loaded();
    annotation_.clear();
    people_.clear();
    evidence_.clear();
    error_.clear();
    notice_.clear();
    confirm_finalize_ = confirm_discard_ = confirm_delete_ = scroll_to_evidence_ = false;
    attached_original_.clear();
    leave_to_.reset();
    report_id_ = report_id;
    needs_reload_ = report_id != 0;
    if (needs_reload_) reload(state);
}

void ReportEditorView::reload(AppState& state) {
    core::Session* session = state.session();
    if (session == nullptr || report_id_ == 0) return;
    needs_reload_ = false;
    try {
        auto fresh = core::ReportService(*session).get(report_id_);
        forget_loaded();
        wipe_content(draft_);
        wipe_string(case_name_);
        detail_ = std::move(fresh);
        received_ = load_received_info(*session, report_id_);
        if (!annotation_.dirty()) annotation_.load(*session, report_id_);  // never over notes being typed
        people_.load(*session, report_id_);
        draft_ = detail_->report.content;
        case_name_ = detail_->case_name;
        note_glyphs(*detail_);
    } catch (...) {
        error_ = describe_error(std::current_exception());
    }
}

bool ReportEditorView::report_dirty() const {
    if (!detail_) return !(draft_ == core::ReportContent{}) || !case_name_.empty();
    return !(draft_ == detail_->report.content) || case_name_ != detail_->case_name;
}

bool ReportEditorView::dirty() const { return report_dirty() || annotation_.dirty(); }

void ReportEditorView::keep_unsaved(AppState& state, bool worker_drained) noexcept {
    try {
        core::Session* session = worker_drained ? state.session_for_job() : state.session();
        if (session == nullptr) return;
        // Notes are the organisation's own revisions: kept as one when the vault locks.
        if (worker_drained) annotation_.keep_before_lock(*session);
        if (!report_dirty()) {
            // Edits undone: what was kept of them must not come back later.
            if (kept_ && !keep_key_.empty()) core::DraftService(*session).discard(keep_key_);
            if (kept_) wipe_content(*kept_);
            kept_.reset();
            return;
        }
        if (kept_ && *kept_ == draft_ && kept_case_ == case_name_) return;  // already kept as it is
        if (keep_key_.empty()) keep_key_ = core::DraftService::new_key();
        core::DraftService(*session).keep(keep_key_, report_id_, case_name_, draft_);
        if (kept_) wipe_content(*kept_);
        kept_ = draft_;
        kept_case_ = case_name_;
    } catch (...) {
        // Keeping is a safety net: a full disk must not stop a lock.
    }
}

void ReportEditorView::forget_kept(AppState& state) {
    if (kept_) wipe_content(*kept_);
    kept_.reset();
    wipe_string(kept_case_);
    if (core::Session* session = state.session(); session != nullptr && !keep_key_.empty()) {
        try {
            core::DraftService(*session).discard(keep_key_);
        } catch (...) {
        }
    }
    keep_key_.clear();
}

void ReportEditorView::restore_kept(AppState& state, const std::string& key) {
    core::Session* session = state.session();
    if (session == nullptr) return;
    auto kept = core::DraftService(*session).get(key);
    if (!kept) return;
    // A report that can no longer be opened, or that was made final since:
    // the text comes back as a new report (a final one takes no edits).
    std::int64_t id = kept->report_id;
    try {
        if (id != 0 && core::ReportService(*session).get(id).report.status == core::ReportStatus::Final) id = 0;
    } catch (...) {
        id = 0;
    }
    load(state, id);
    wipe_content(draft_);
    draft_ = std::move(kept->content);
    case_name_ = std::move(kept->case_name);
    keep_key_ = key;  // saving or discarding now ends this kept writing
    kept_ = draft_;
    kept_case_ = case_name_;
    notice_ = core::tr("This is the writing that was kept when the vault closed. Save it to keep it in the report.");
}

bool ReportEditorView::save(AppState& state) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session();
    if (session == nullptr) {
        error_ = core::tr("The vault is busy; try again in a moment.");
        return false;
    }
    try {
        core::ReportService reports(*session);
        if (report_id_ == 0) {
            report_id_ = reports.create(draft_, case_name_);
        } else {
            reports.edit(report_id_, draft_, std::string_view(case_name_));
        }
        reload(state);
        forget_kept(state);
        notice_ = detail_ ? core::tr_args("Saved as revision {1}.", {std::to_string(detail_->report.revision)})
                          : std::string(core::tr("Saved."));
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

bool ReportEditorView::delete_draft(AppState& state) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session();
    if (session == nullptr || report_id_ == 0) return false;
    try {
        core::ReportService(*session).delete_draft(report_id_);
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
    forget_kept(state);
    clear();
    state.go_to(Screen::ReportList, true);
    return true;
}

bool ReportEditorView::finalize(AppState& state) {
    error_.clear();
    notice_.clear();
    core::Session* session = state.session();
    if (session == nullptr || report_id_ == 0) return false;
    try {
        core::ReportService(*session).finalize(report_id_);
        reload(state);
        notice_ = core::tr("The report is final.");
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

void ReportEditorView::attach(AppState& state, const std::filesystem::path& file) {
    error_.clear();
    notice_.clear();
    if (report_id_ == 0) {
        // Attaching while writing a new report: it is saved as a draft first
        // (a file belongs to a stored report); save() says what is missing.
        // The file is checked before, so a wrong path saves nothing.
        try {
            core::check_evidence_files({file});
        } catch (...) {
            error_ = describe_error(std::current_exception());
            return;
        }
        if (!save(state)) return;
        notice_ = core::tr("The report was saved as a draft so the file could be attached to it.");
    }
    if (detail_ && detail_->report.status == core::ReportStatus::Final) {
        error_ = core::tr("This report is final: no more files can be attached.");
        return;
    }
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    const auto id = report_id_;
    state.worker().submit(
        core::tr("Storing the file in the vault"),
        [session, id, file](core::JobContext& context) {
            core::AttachmentService(*session).attach(id, file, [&context](std::uint64_t done, std::uint64_t total) {
                context.set_progress(done, total);
                context.throw_if_cancelled();  // unwinds out of the store; its transaction rolls back
            });
        },
        [this, id, file](const core::JobOutcome& outcome) {
            if (outcome.cancelled) {
                notice_ = core::tr("Attaching was cancelled.");
                return;
            }
            if (!outcome.ok()) {
                error_ = describe_error(outcome.error);
                return;
            }
            if (id == report_id_) {
                notice_ = core::tr("File attached.");
                attached_original_ = file;  // offered for deletion, with what that can promise
                files_changed_ = true;  // the files only: words being typed stay as they are
            }
        });
}

// ImGui draws each character on its own: Uyghur (Arabic script) and Tibetan
// come out unjoined. Said once, in plain words, instead of leaving the person
// to think their words were damaged.
void ReportEditorView::draw_shaping_note(AppState& state) {
    if (state.shaping_note_closed()) return;
    const auto& c = draft_;
    if (!core::needs_complex_shaping(c.title) && !core::needs_complex_shaping(c.narrative) &&
        !core::needs_complex_shaping(c.translation))
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
    ImGui::TextWrapped("%s", core::tr("Uyghur and Tibetan letters are kept, searched and sent exactly as you typed "
                                      "them, but this window cannot join them as they should look. The court record "
                                      "(PDF) shows them properly."));
    ImGui::PopStyleColor();
    if (ImGui::SmallButton(core::tr("I understand"))) state.close_shaping_note();
    state.probe().item("editor.shaping_note_close");
}

// The file just attached is safe in the vault; the original may still sit in
// Downloads. Offered once, with an honest word on what deleting can promise.
void ReportEditorView::draw_original_offer(AppState& state) {
    const std::string title = std::string(core::tr("Delete the original?")) + "###delete_original";
    if (!attached_original_.empty()) {
        const auto name = attached_original_.filename().string();
        glyphs::note(name);
        ImGui::TextUnformatted(core::tr_args("The original \"{1}\" is still on this computer.", {name}).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(core::tr("Delete the original..."))) ImGui::OpenPopup(title.c_str());
        state.probe().item("editor.original_delete");
        ImGui::SameLine();
        if (ImGui::SmallButton(core::tr("Keep it"))) attached_original_.clear();
        state.probe().item("editor.original_keep");
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(attached_original_.filename().string().c_str());
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
    ImGui::TextWrapped("%s", core::tr("The copy in the vault stays. The original is overwritten once and removed."));
    ImGui::TextWrapped("%s", core::tr("What this cannot promise: on SSDs and USB sticks, and where the trash, a backup "
                                      "or cloud sync (phone, WeChat, Google Drive...) kept copies, the file may still "
                                      "be recoverable. Delete those copies too if you can."));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(core::tr("Delete the original"))) {
        try {
            core::delete_original(attached_original_);
            notice_ = core::tr("The original was deleted. The copy in the vault stays.");
        } catch (...) {
            error_ = describe_error(std::current_exception());
        }
        attached_original_.clear();
        ImGui::CloseCurrentPopup();
    }
    state.probe().item("editor.original_delete_confirm");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("Keep it")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::CloseCurrentPopup();
    ImGui::SetItemDefaultFocus();  // the keyboard starts on the safe answer
    ImGui::EndPopup();
}

void ReportEditorView::files_dropped(AppState& state, const std::vector<std::filesystem::path>& paths) {
    for (const auto& path : paths) attach(state, path);
}

// After a file was attached, removed or captioned: the list of files is read
// again, never the report's words (they may hold changes not saved yet).
void ReportEditorView::reload_files(AppState& state) {
    core::Session* session = state.session();
    if (session == nullptr) return;  // a job holds the vault: next frame
    files_changed_ = false;
    if (report_id_ == 0) return;
    if (!detail_) {
        needs_reload_ = true;  // nothing loaded yet: the whole report, as on opening
        return;
    }
    try {
        detail_->attachments = core::ReportService(*session).get(report_id_).attachments;
    } catch (...) {
        error_ = describe_error(std::current_exception());
    }
}

void ReportEditorView::draw_content(AppState& state) {
    if (needs_reload_) reload(state);
    if (files_changed_) reload_files(state);
    // Autosave: what is typed is kept inside the vault every few seconds.
    constexpr double kKeepEverySeconds = 5.0;
    if (state.now() - last_keep_ >= kKeepEverySeconds) {
        last_keep_ = state.now();
        keep_unsaved(state);
    }
    // What the form shows now (a few KB: one bit test per character).
    note_glyphs(draft_);
    glyphs::note(case_name_);
    draw_header(state);
    if (received_) draw_received_info(state, *received_);
    if (state.busy()) draw_busy_indicator(state, true);
    draw_error(error_);
    draw_notice(notice_);
    draw_original_offer(state);
    draw_shaping_note(state);

    const bool final_report = detail_ && detail_->report.status == core::ReportStatus::Final;
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_ScrollY;
    // Side by side when there is room; one column at large text sizes, so no
    // field is squeezed to a few characters (200 % text on a laptop screen).
    const bool side_by_side = ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 55.0f;
    if (ImGui::BeginTable("##form", side_by_side ? 2 : 1, kFlags)) {
        keyboard_flatten_table();  // Tab goes from the header into every field of the form
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(final_report);
        draw_left_column(state);
        ImGui::EndDisabled();
        if (side_by_side) {
            ImGui::TableNextColumn();
        } else {
            ImGui::Separator();
        }
        draw_right_column(state);
        ImGui::EndTable();
    }
    draw_modals(state);
}

void ReportEditorView::draw_header(AppState& state) {
    // The App asks before leaving if there are unsaved edits.
    if (ImGui::Button((std::string("< ") + core::tr("Reports") + "###back").c_str())) state.go_to(Screen::ReportList);
    state.probe().item("editor.back");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (detail_) {
        const auto status = label_text(core::label(core::Vocabulary::Status, core::status_code(detail_->report.status)));
        ImGui::TextUnformatted(core::tr_args("Report {1}  |  {2}  |  revision {3}",
                                             {std::to_string(report_id_), status,
                                              std::to_string(detail_->report.revision)})
                                   .c_str());
    } else {
        ImGui::TextUnformatted(core::tr("New report"));
    }
    if (dirty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, theme::warning());
        ImGui::TextUnformatted(core::tr("(unsaved changes)"));
        ImGui::PopStyleColor();
    }

    const bool final_report = detail_ && detail_->report.status == core::ReportStatus::Final;
    if (final_report) return;
    const auto& style = ImGui::GetStyle();
    const std::string save_label = std::string(core::tr("Save  (Ctrl+S)")) + "###save";
    const std::string final_label = std::string(core::tr("Mark as final...")) + "###finalize";
    const float save_w = ImGui::CalcTextSize(save_label.c_str(), nullptr, true).x + style.FramePadding.x * 2.0f;
    const float final_w = ImGui::CalcTextSize(final_label.c_str(), nullptr, true).x + style.FramePadding.x * 2.0f;
    const std::string delete_label = std::string(core::tr("Delete draft...")) + "###delete";
    const float delete_w = report_id_ == 0 ? 0.0f
                                           : ImGui::CalcTextSize(delete_label.c_str(), nullptr, true).x +
                                                 style.FramePadding.x * 2.0f + style.ItemSpacing.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - delete_w - save_w - final_w - style.ItemSpacing.x);
    const bool busy = state.busy();
    if (report_id_ != 0) {
        ImGui::BeginDisabled(busy);
        if (ImGui::Button(delete_label.c_str())) confirm_delete_ = true;
        state.probe().item("editor.delete");
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(busy || !report_dirty());  // "Your notes" have their own Save
    // Ctrl+S saves too, as in most editors (only while Save can be pressed).
    const bool save_keys = ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(kKeyS, false) && !busy && report_dirty();
    if (ImGui::Button(save_label.c_str()) || save_keys) save(state);
    state.probe().item("editor.save");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(busy || report_id_ == 0 || report_dirty());
    if (ImGui::Button(final_label.c_str())) confirm_finalize_ = true;
    state.probe().item("editor.finalize");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && dirty())
        ImGui::SetTooltip("%s", core::tr("Save your changes first."));
    ImGui::EndDisabled();
}

void ReportEditorView::draw_left_column(AppState& state) {
    auto& c = draft_;
    const float em = ImGui::GetFontSize();
    section(core::tr("What happened"));
    text_row(state, core::tr("Title"), "editor.title", c.title, true);
    sensitive_toggle(state, c.sensitive_fields, "title");
    text_row(state, core::tr("Case"), "editor.case", case_name_);
    if (detail_ && !detail_->other_case_names.empty()) {
        std::string also;
        for (const auto& name : detail_->other_case_names) also += (also.empty() ? "" : ", ") + name;
        field_label("");
        ImGui::TextDisabled("%s", core::tr_args("Also in: {1}", {also}).c_str());
        state.probe().item("editor.other_cases");
    }

    field_label(core::tr("When"));
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##start", "2026-03-14", &c.occurred_start);
    state.probe().item("editor.occurred");
    ImGui::SameLine();
    ImGui::TextUnformatted(core::tr("to"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##end", core::tr("(optional)"), &c.occurred_end);
    state.probe().item("editor.occurred_end");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    vocabulary_combo(state, "editor.precision", core::Vocabulary::DatePrecision, c.date_precision, nullptr);

    section(core::tr("Where"));
    text_row(state, core::tr("Country"), "editor.host_country", c.host_country);
    text_row(state, core::tr("City"), "editor.host_city", c.host_city, true);
    sensitive_toggle(state, c.sensitive_fields, "host_city");
    text_row(state, core::tr("Place"), "editor.place", c.place, true);
    sensitive_toggle(state, c.sensitive_fields, "place");
    text_row(state, core::tr("Home country"), "editor.origin", c.origin_country, true);
    sensitive_toggle(state, c.sensitive_fields, "origin_country");

    section(core::tr("How"));
    ImGui::TextUnformatted(core::tr("What they did"));
    code_checkboxes(state, "tactic", core::Vocabulary::Tactic, c.tactics, 2);
    ImGui::TextUnformatted(core::tr("How they got in touch"));
    code_checkboxes(state, "channel", core::Vocabulary::Channel, c.channels, 3);

    section(core::tr("Numbers, accounts and addresses used"));
    sensitive_toggle(state, c.sensitive_fields, "identifiers");
    editable_rows(state, "identifiers", core::tr("Number or account"),
                  core::tr("Add a number or account"), c.identifiers, kNewIdentifier,
                  [&](core::Identifier& row, const std::string& key) {
                      field_label(core::tr("Used on"));
                      ImGui::SetNextItemWidth(-1.0f);
                      vocabulary_combo(state, key + ".channel", core::Vocabulary::Channel, row.channel, nullptr);
                      text_row(state, core::tr("Number or name"), (key + ".value").c_str(), row.value, false,
                               core::tr("+86 ..., @handle, https://..."));
                  });
    draw_people(state);
}

// Who did it, what they wanted, and who else was pressured.
void ReportEditorView::draw_people(AppState& state) {
    auto& c = draft_;
    section(core::tr("Who did it"));
    sensitive_toggle(state, c.sensitive_fields, "perpetrators");
    editable_rows(state, "perpetrators", core::tr("Person"), core::tr("Add a person"), c.perpetrators, kNewPerpetrator,
                  [&](core::Perpetrator& row, const std::string& key) {
                      field_label(core::tr("Claimed to be"));
                      ImGui::SetNextItemWidth(-1.0f);
                      vocabulary_combo(state, key + ".affiliation", core::Vocabulary::Affiliation, row.affiliation,
                                       core::tr("Not said"));
                      text_row(state, core::tr("Names, badges"), (key + ".names").c_str(), row.names, false,
                               core::tr("names or badge numbers they gave"));
                      text_area_row(state, core::tr("Description"), key + ".description", row.description,
                                    core::tr("what they looked like, what they said"));
                  });

    section(core::tr("What they demanded"));
    code_checkboxes(state, "demand", core::Vocabulary::Demand, c.demands, 3);
    text_area_row(state, core::tr("Details"), "editor.demands_detail", c.demands_detail);

    section(core::tr("Relatives pressured"));
    sensitive_toggle(state, c.sensitive_fields, "relatives");
    editable_rows(state, "relatives", core::tr("Relative"), core::tr("Add a relative"), c.relatives, core::RelativePressured{},
                  [&](core::RelativePressured& row, const std::string& key) {
                      text_row(state, core::tr("Relationship"), (key + ".relationship").c_str(), row.relationship, false,
                               core::tr("mother, brother..."));
                      text_row(state, core::tr("Where"), (key + ".location").c_str(), row.location, false,
                               core::tr("city or province"));
                      text_area_row(state, core::tr("What happened"), key + ".what_happened", row.what_happened);
                      text_row(state, core::tr("By whom"), (key + ".by_whom").c_str(), row.by_whom);
                      text_row(state, core::tr("How you know"), (key + ".how_known").c_str(), row.how_known, false,
                               core::tr("how you learned of it"));
                  });
}

void ReportEditorView::draw_right_column(AppState& state) {
    auto& c = draft_;
    const bool final_report = detail_ && detail_->report.status == core::ReportStatus::Final;
    const float em = ImGui::GetFontSize();
    annotation_.draw(state);  // editable on a final or received report too
    people_.draw(state);
    ImGui::BeginDisabled(final_report);
    section(core::tr("Account, in the words of the person"));
    sensitive_toggle(state, c.sensitive_fields, "narrative");
    text_area(state, "##narrative", "editor.narrative", c.narrative, 9.0f,
              core::tr("What happened, in your own words and in any language."));
    field_label(core::tr("Language"));
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##narrative_language", core::tr("e.g. Chinese"), &c.narrative_language);
    state.probe().item("editor.narrative_language");

    section(core::tr("Translation"));
    sensitive_toggle(state, c.sensitive_fields, "translation");
    text_area(state, "##translation", "editor.translation", c.translation, 4.0f,
              core::tr("The same account in another language, if there is one."));
    field_label(core::tr("Language"));
    ImGui::SetNextItemWidth(em * 8.0f);
    ImGui::InputTextWithHint("##translation_language", core::tr("e.g. English"), &c.translation_language);
    state.probe().item("editor.translation_language");
    ImGui::SameLine();
    ImGui::TextUnformatted(core::tr("by"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##translator", core::tr("translator's name"), &c.translator);
    state.probe().item("editor.translator");
    draw_follow_up(state);
    ImGui::EndDisabled();

    draw_attachments(state);

    ImGui::Spacing();
    const std::string history =
        core::tr_args("Revision history ({1})",
                      {std::to_string(detail_ ? detail_->revisions.size() : std::size_t{0})}) +
        "###history";
    const bool open = ImGui::CollapsingHeader(history.c_str());
    state.probe().item("editor.history");
    if (open) draw_revision_history(state, detail_ ? detail_->revisions : std::vector<core::RevisionRecord>{});
}

// Witnesses, harm done, where it was reported, and the risk now.
void ReportEditorView::draw_follow_up(AppState& state) {
    auto& c = draft_;
    section(core::tr("Witnesses"));
    sensitive_toggle(state, c.sensitive_fields, "witnesses");
    editable_rows(state, "witnesses", core::tr("Witness"), core::tr("Add a witness"), c.witnesses, core::Witness{},
                  [&](core::Witness& row, const std::string& key) {
                      text_row(state, core::tr("Name"), (key + ".name").c_str(), row.name);
                      text_row(state, core::tr("How to reach"), (key + ".contact").c_str(), row.contact);
                      text_area_row(state, core::tr("Statement"), key + ".statement", row.statement,
                                    core::tr("what they saw or heard"));
                  });

    section(core::tr("Harm done"));
    sensitive_toggle(state, c.sensitive_fields, "impact");
    code_checkboxes(state, "impact", core::Vocabulary::Impact, c.impacts, 3);
    text_area_row(state, core::tr("Details"), "editor.impact_detail", c.impact_detail);

    section(core::tr("Reported to"));
    sensitive_toggle(state, c.sensitive_fields, "reported_to");
    editable_rows(state, "reported_to", core::tr("Where reported"),
                  core::tr("Add where it was reported"), c.reported_to, core::ReportedTo{},
                  [&](core::ReportedTo& row, const std::string& key) {
                      text_row(state, core::tr("To whom"), (key + ".authority").c_str(), row.authority, false,
                               core::tr("police, MP, platform..."));
                      text_row(state, core::tr("Date"), (key + ".date").c_str(), row.date, false, "2026-03-20");
                      text_row(state, core::tr("Their reference"), (key + ".reference").c_str(), row.reference, false,
                               core::tr("case or ticket number"));
                      text_area_row(state, core::tr("What came of it"), key + ".outcome", row.outcome);
                  });

    section(core::tr("Risk now"));
    field_label(core::tr("How serious"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    vocabulary_combo(state, "editor.risk", core::Vocabulary::RiskLevel, c.risk_level,
                     core::tr("Not decided yet"));
}

void ReportEditorView::draw_attachments(AppState& state) {
    if (scroll_to_evidence_) {
        ImGui::SetScrollHereY(0.0f);  // the form's scrolling table: this section at its top
        scroll_to_evidence_ = evidence_.preview_loading();
    }
    section(core::tr("Evidence files"));
    const bool final_report = detail_ && detail_->report.status == core::ReportStatus::Final;
    if (report_id_ == 0) draw_notice(core::tr("Attaching a file saves this new report as a draft first."));
    if (!final_report) {
        const std::string attach_label = std::string(core::tr("Attach")) + "###attach";
        const float button_w = ImGui::CalcTextSize(attach_label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f +
                               ImGui::GetStyle().ItemSpacing.x;
        ImGui::SetNextItemWidth(-button_w);
        const bool enter = ImGui::InputTextWithHint("##attach_path",
                                                    core::tr("Type a file's path, or drop files on this window"),
                                                    &attach_path_, ImGuiInputTextFlags_EnterReturnsTrue);
        state.probe().item("editor.attach_path");
        ImGui::SameLine();
        ImGui::BeginDisabled(attach_path_.empty() || state.busy());
        const bool clicked = ImGui::Button(attach_label.c_str());
        state.probe().item("editor.attach");
        ImGui::EndDisabled();
        if ((clicked || enter) && !attach_path_.empty() && !state.busy()) {
            attach(state, std::filesystem::path(attach_path_));
            wipe_string(attach_path_);
        }
    }
    static const std::vector<core::AttachmentRecord> kNone;
    evidence_.draw(state, detail_ ? detail_->attachments : kNone, report_id_ != 0 && !final_report,
                   [this, &state](const std::filesystem::path& file) { attach(state, file); },
                   [this] { files_changed_ = true; }, report_id_);
    if (report_id_ != 0 && (!detail_ || detail_->attachments.empty())) draw_notice(core::tr("No files attached."));
}

void ReportEditorView::draw_modals(AppState& state) {
    // Titles in the person's language; the ids after ### stay the same in every language.
    const std::string finalize_title = std::string(core::tr("Mark this report as final?")) + "###finalize_report";
    const std::string discard_title = std::string(core::tr("Leave without saving?")) + "###discard_changes";
    if (confirm_finalize_) {
        ImGui::OpenPopup(finalize_title.c_str());
        confirm_finalize_ = false;
    }
    if (confirm_discard_) {
        ImGui::OpenPopup(discard_title.c_str());
        confirm_discard_ = false;
    }
    const std::string delete_title = std::string(core::tr("Delete this draft for good?")) + "###delete_draft";
    if (confirm_delete_) {
        ImGui::OpenPopup(delete_title.c_str());
        confirm_delete_ = false;
    }
    const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(finalize_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(core::tr("A final report can no longer be edited, and no files can be added to it."));
        if (ImGui::Button(core::tr("Mark as final"))) {
            finalize(state);
            ImGui::CloseCurrentPopup();
        }
        state.probe().item("editor.finalize_confirm");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Keep as draft")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
            ImGui::CloseCurrentPopup();
        ImGui::SetItemDefaultFocus();  // the keyboard starts on the safe answer
        state.probe().item("editor.finalize_keep");
        ImGui::EndPopup();
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(delete_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(core::tr("The draft and its files are removed from the vault. This cannot be undone."));
        ImGui::TextUnformatted(core::tr("The activity log keeps that a draft was deleted, never what it said."));
        ImGui::TextUnformatted(core::tr("A report that was sent, or marked as final, cannot be deleted."));
        if (ImGui::Button(core::tr("Delete for good"))) {
            ImGui::CloseCurrentPopup();
            delete_draft(state);
        }
        state.probe().item("editor.delete_confirm");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Keep it")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
            ImGui::CloseCurrentPopup();
        ImGui::SetItemDefaultFocus();  // the keyboard starts on the safe answer
        state.probe().item("editor.delete_keep");
        ImGui::EndPopup();
    }
    ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(discard_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(core::tr("This report has changes that are not saved."));
        if (ImGui::Button(core::tr("Throw them away"))) {
            forget_kept(state);
            ImGui::CloseCurrentPopup();
            state.go_to(leave_to_.value_or(Screen::ReportList), true);
            leave_to_.reset();
        }
        state.probe().item("editor.discard");
        ImGui::SameLine();
        if (ImGui::Button(core::tr("Keep editing")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            ImGui::CloseCurrentPopup();
            leave_to_.reset();
        }
        ImGui::SetItemDefaultFocus();  // the keyboard starts on the safe answer
        state.probe().item("editor.keep_editing");
        ImGui::EndPopup();
    }
}

void ReportEditorView::clear() noexcept {
    keep_key_.clear();
    if (kept_) wipe_content(*kept_);
    kept_.reset();
    wipe_string(kept_case_);
    wipe_content(draft_);
    wipe_string(case_name_);
    wipe_string(attach_path_);
    forget_loaded();
    annotation_.clear();
    people_.clear();
    evidence_.clear();
    error_.clear();
    notice_.clear();
    report_id_ = 0;
    needs_reload_ = false;
    confirm_finalize_ = confirm_discard_ = confirm_delete_ = scroll_to_evidence_ = false;
    attached_original_.clear();
    leave_to_.reset();
}

void ReportEditorView::ask_before_leaving(Screen screen) {
    leave_to_ = screen;
    confirm_discard_ = true;
}

bool ReportEditorView::holds_sensitive_data() const noexcept {
    return !(draft_ == core::ReportContent{}) || !case_name_.empty() || !attach_path_.empty() || detail_.has_value() ||
           report_id_ != 0 || evidence_.holds_sensitive_data() || annotation_.holds_sensitive_data() ||
           people_.holds_sensitive_data() || !attached_original_.empty();
}

}  // namespace fv::gui
