#pragma once
// The evidence files of one report, drawn inside the report editor: name,
// media type, size and SHA-256 (short; full on hover, copied on click); an
// in-app preview of images and UTF-8 text, decoded in memory on the worker
// (never a temporary file); "Extract a copy" into a folder chosen in the
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
    void draw(AppState& state, const std::vector<core::AttachmentRecord>& attachments, bool can_attach,
              const Attach& attach, const Changed& changed = {});
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
};

}  // namespace fv::gui
