#pragma once
// One report: every field group of the domain, save (a new report, or a new
// revision of an existing one), finalise, evidence files (attach by path or
// by drop), revision history, and a guard against leaving with unsaved edits.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/content_wipe.h"
#include "views/annotation_panel.h"
#include "views/people_panel.h"
#include "views/evidence_panel.h"
#include "fieldvault/core/reports.h"
#include "views/received_info.h"
#include "views/view.h"

namespace fv::gui {

class ReportEditorView final : public View {
public:
    void clear() noexcept override;
    bool holds_sensitive_data() const noexcept override;
    void files_dropped(AppState& state, const std::vector<std::filesystem::path>& paths) override;

    // Start a new report (id 0) or load an existing one.
    void load(AppState& state, std::int64_t report_id);
    // What the buttons do.
    bool save(AppState& state);
    bool finalize(AppState& state);
    // Deletes this draft for good (it never left the vault) and goes back to the list.
    bool delete_draft(AppState& state);
    void attach(AppState& state, const std::filesystem::path& file);

    std::int64_t report_id() const noexcept { return report_id_; }
    core::ReportContent& draft() noexcept { return draft_; }
    const std::optional<core::ReportDetail>& detail() const noexcept { return detail_; }
    // Provenance of a received report (read-only); nullopt for the vault's own.
    const std::optional<ReceivedInfo>& received() const noexcept { return received_; }
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }
    EvidencePanel& evidence() noexcept { return evidence_; }
    AnnotationPanel& annotation() noexcept { return annotation_; }
    PeoplePanel& people() noexcept { return people_; }
    // Scrolls the form to "Evidence files" when next drawn, and again once
    // a preview being decrypted appears (the screenshot of the panel).
    void scroll_to_evidence() noexcept { scroll_to_evidence_ = true; }
    bool dirty() const;
    // Unsaved edits of the report itself (not counting "Your notes").
    bool report_dirty() const;
    // Keeps unsaved edits inside the vault now (core::DraftService); also
    // every few seconds while drawing. Never throws: a failure keeps nothing.
    // `worker_drained`: the caller waited for the worker (a lock), so the
    // vault may be used although a finished job's completion is still pending.
    void keep_unsaved(AppState& state, bool worker_drained = false) noexcept;
    // Opens kept writing (`key`, core::DraftService): its report (or a new
    // one) with the kept text; saving or discarding it then ends it.
    void restore_kept(AppState& state, const std::string& key);
    // The App asks before leaving with unsaved edits: the editor shows
    // "Discard changes" and, if confirmed, asks to go to `screen` again.
    void ask_before_leaving(Screen screen);
    bool asking_before_leaving() const noexcept { return leave_to_.has_value(); }

protected:
    void draw_content(AppState& state) override;

private:
    void reload(AppState& state);
    void draw_header(AppState& state);
    void draw_left_column(AppState& state);
    void draw_right_column(AppState& state);
    void draw_people(AppState& state);
    void draw_follow_up(AppState& state);
    void draw_attachments(AppState& state);
    void draw_modals(AppState& state);
    void forget_loaded() noexcept;

    std::int64_t report_id_ = 0;
    core::ReportContent draft_;
    std::string case_name_;
    std::optional<core::ReportDetail> detail_;  // as last loaded from the vault
    std::optional<ReceivedInfo> received_;      // where a received report came from
    std::string attach_path_;
    std::string error_;
    std::string notice_;
    bool needs_reload_ = false;
    bool confirm_finalize_ = false;
    bool confirm_delete_ = false;
    bool files_changed_ = false;
    std::filesystem::path attached_original_;  // where the file just attached came from  // read the files again (not the words) next frame
    bool confirm_discard_ = false;
    bool scroll_to_evidence_ = false;
    std::optional<Screen> leave_to_;  // where to go once unsaved edits are discarded
    // This editing session's autosave key, and what it last kept (so the same
    // text is not written again).
    std::string keep_key_;
    std::optional<core::ReportContent> kept_;
    std::string kept_case_;
    double last_keep_ = 0.0;
    void forget_kept(AppState& state);  // the edits were saved or thrown away
    void reload_files(AppState& state);
    void draw_original_offer(AppState& state);
    void draw_shaping_note(AppState& state);
    EvidencePanel evidence_;          // attachments: list, preview, extract, file browser
    AnnotationPanel annotation_;      // the organisation's own notes, tags and translation
    PeoplePanel people_;              // the people and groups it concerns
};

}  // namespace fv::gui
