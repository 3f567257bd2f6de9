#include "views/annotation_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "fieldvault/core/dates.h"
#include "fieldvault/core/i18n.h"
#include "platform/glyph_cache.h"
#include "platform/theme.h"
#include "views/view.h"
#include "views/wrapping_editor.h"

namespace fv::gui {

std::vector<std::string> split_tags(const std::string& typed) {
    std::vector<std::string> tags;
    std::string::size_type start = 0;
    while (start <= typed.size()) {
        const auto comma = typed.find(',', start);
        tags.push_back(typed.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return tags;
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& tag : tags) out += (out.empty() ? "" : ", ") + tag;
    return out;
}

void AnnotationPanel::load(core::Session& session, std::int64_t report_id) {
    clear();
    report_id_ = report_id;
    if (report_id == 0) return;
    try {
        saved_ = core::AnnotationService(session).current(report_id);
    } catch (...) {
        error_ = describe_error(std::current_exception());
    }
    if (!saved_) return;
    notes_ = saved_->annotation.notes;
    tags_ = join_tags(saved_->annotation.tags);
    translation_ = saved_->annotation.translation;
    translator_ = saved_->annotation.translator;
}

core::Annotation AnnotationPanel::typed() const {
    return core::Annotation{notes_, split_tags(tags_), translation_, translator_};
}

bool AnnotationPanel::dirty() const {
    if (report_id_ == 0) return false;
    const auto now = typed();
    if (!saved_) return !notes_.empty() || !translation_.empty() || !translator_.empty() || !tags_.empty();
    return now.notes != saved_->annotation.notes || tags_ != join_tags(saved_->annotation.tags) ||
           now.translation != saved_->annotation.translation || now.translator != saved_->annotation.translator;
}

bool AnnotationPanel::save(AppState& state) {
    error_.clear();
    core::Session* session = state.session();
    if (session == nullptr || report_id_ == 0) return false;
    try {
        saved_ = core::AnnotationService(*session).save(report_id_, typed());
        tags_ = join_tags(saved_->annotation.tags);  // as kept: trimmed, each once
        return true;
    } catch (...) {
        error_ = describe_error(std::current_exception());
        return false;
    }
}

void AnnotationPanel::keep_before_lock(core::Session& session) noexcept {
    if (report_id_ == 0 || !dirty()) return;
    try {
        saved_ = core::AnnotationService(session).save(report_id_, typed());
    } catch (...) {
        // A safety net: a full disk must not stop a lock.
    }
}

void AnnotationPanel::draw(AppState& state) {
    if (report_id_ == 0) return;
    const float em = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    ImGui::TextUnformatted(core::tr("Your notes"));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::muted());
    // Wrapped: at large text sizes the note would run past the column's edge.
    ImGui::TextWrapped(
        "%s", saved_ ? core::tr_args("(revision {1}, saved {2}; never sent in a bundle; a court record prints them)",
                                     {std::to_string(saved_->revision), core::format_local_time(saved_->created_at)})
                           .c_str()
                     : core::tr("(never sent in a bundle; a court record prints them)"));
    ImGui::PopStyleColor();
    glyphs::note(notes_);
    glyphs::note(tags_);
    glyphs::note(translation_);
    glyphs::note(translator_);
    // Wrapping fields (views/wrapping_editor.h): a long Chinese note stays inside the column.
    WrappingEditorOptions three_lines;
    three_lines.lines = 3.0f;
    three_lines.record_as = state.probe().enabled() ? "annotation.notes" : nullptr;
    wrapping_editor("##annotation_notes", notes_, three_lines);
    state.probe().item("annotation.notes");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(core::tr("Tags"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##annotation_tags", core::tr("e.g. wechat, follow up (separate with commas)"), &tags_);
    state.probe().item("annotation.tags");
    ImGui::TextUnformatted(core::tr("Your translation"));
    three_lines.record_as = state.probe().enabled() ? "annotation.translation" : nullptr;
    wrapping_editor("##annotation_translation", translation_, three_lines);
    state.probe().item("annotation.translation");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(core::tr("by"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 12.0f);
    ImGui::InputTextWithHint("##annotation_translator", core::tr("translator's name"), &translator_);
    state.probe().item("annotation.translator");
    ImGui::SameLine();
    ImGui::BeginDisabled(!dirty());
    if (ImGui::Button(core::tr("Save notes"))) save(state);
    state.probe().item("annotation.save");
    ImGui::EndDisabled();
    draw_error(error_);
    ImGui::Separator();
}

void AnnotationPanel::clear() noexcept {
    report_id_ = 0;
    if (saved_) {
        wipe_string(saved_->annotation.notes);
        for (auto& tag : saved_->annotation.tags) wipe_string(tag);
        wipe_string(saved_->annotation.translation);
        wipe_string(saved_->annotation.translator);
    }
    saved_.reset();
    wipe_string(notes_);
    wipe_string(tags_);
    wipe_string(translation_);
    wipe_string(translator_);
    wipe_string(error_);
}

bool AnnotationPanel::holds_sensitive_data() const noexcept {
    return report_id_ != 0 || saved_.has_value() || !notes_.empty() || !tags_.empty() || !translation_.empty() ||
           !translator_.empty() || !error_.empty();
}

}  // namespace fv::gui
