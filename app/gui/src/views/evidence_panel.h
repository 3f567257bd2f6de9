#pragma once
// The evidence files of one report, drawn inside the report editor: name,
// media type, size and SHA-256 (short; full on hover, copied on click); an
// in-app preview of images and UTF-8 text, decoded in memory on the worker
// (never a temporary file); sound (WAV, MP3, OGG, FLAC) decoded the same way
// and played from wiped memory (views/sound_player); "Record a voice memo" on
// a draft (views/voice_memo); "Extract a copy" into a folder chosen in the
// built-in file browser; and the browser to choose files to attach.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/app_state.h"
#include "views/file_browser.h"
#include "fieldvault/core/reports.h"
#include "views/image_preview.h"
#include "views/pdf_preview.h"
#include "models/sound_player.h"
#include "views/voice_memo.h"
#include "views/text_preview.h"

namespace fv::gui {

class EvidencePanel {
public:
    using Attach = std::function<void(const std::filesystem::path&)>;

    EvidencePanel() = default;
    ~EvidencePanel() { clear(); }
    EvidencePanel(const EvidencePanel&) = delete;
    EvidencePanel& operator=(const EvidencePanel&) = delete;

    using Changed = std::function<void()>;
    // can_attach: the report is saved and not final; attach() stores a file.
    // On a draft each file can also get a caption or be removed; changed()
    // then asks the editor to read the files again.
    // report_id: the report shown (a voice memo is recorded into it when can_attach).
    void draw(AppState& state, const std::vector<core::AttachmentRecord>& attachments, bool can_attach,
              const Attach& attach, const Changed& changed = {}, std::int64_t report_id = 0);
    // Drops the preview (texture, text) and every message; bumps the
    // generation so a preview still on the worker is discarded when it ends.
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

    // What the buttons do (tests call them too).
    void preview(AppState& state, const core::AttachmentRecord& attachment);
    void extract(AppState& state, const core::AttachmentRecord& attachment, const std::filesystem::path& folder);
    bool remove(AppState& state, std::int64_t attachment_id);
    bool set_caption(AppState& state, std::int64_t attachment_id, const std::string& caption);

    // The preview shown now.
    std::int64_t preview_id() const noexcept { return preview_id_; }
    bool preview_loading() const noexcept { return preview_loading_; }
    int image_width() const noexcept { return image_width_; }
    int image_height() const noexcept { return image_height_; }
    const std::string& preview_text() const noexcept { return text_.text; }
    const std::string& preview_message() const noexcept { return preview_message_; }
    const std::string& error() const noexcept { return error_; }
    const std::string& notice() const noexcept { return notice_; }
    FileBrowser& browser() noexcept { return browser_; }
    PdfPreview& pdf() noexcept { return pdf_; }  // a PDF's preview, page by page
    SoundPlayer& player() noexcept { return player_; }
    VoiceMemoView& voice_memo() noexcept { return memo_; }
    // Sound is playing or a memo is being recorded: the person is busy here
    // (no idle lock, and frames keep coming for the clock and the meter).
    bool sound_in_use() const { return player_.playing() || memo_.recording(); }

private:
    void draw_table(AppState& state, const std::vector<core::AttachmentRecord>& attachments, bool can_change);
    void draw_change_popups(AppState& state);
    void draw_preview(AppState& state);
    void drop_preview() noexcept;

    FileBrowser browser_;
    bool browsing_to_extract_ = false;
    core::AttachmentRecord extract_target_;
    std::int64_t preview_id_ = 0;
    std::string preview_name_;
    bool preview_loading_ = false;
    ImTextureID texture_ = nullptr;
    int image_width_ = 0;
    int image_height_ = 0;
    TextPreview text_;
    std::string preview_message_;  // why there is no picture or text (calm, no content)
    std::string error_;
    std::string notice_;
    std::uint64_t generation_ = 0;
    Changed changed_;                 // the editor's, for the popups below
    std::int64_t changing_id_ = 0;    // the file being captioned or removed
    std::string changing_name_;
    std::string caption_;             // typed
    bool open_caption_ = false;
    bool open_remove_ = false;
    PdfPreview pdf_;
    SoundPlayer player_;              // a sound preview: its samples in wiped memory
    VoiceMemoView memo_;              // "Record a voice memo"
};

}  // namespace fv::gui
