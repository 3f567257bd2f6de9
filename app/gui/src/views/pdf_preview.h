#pragma once
// The in-app preview of a PDF attachment (issue 14), drawn inside the
// evidence panel: "Page N of M", previous/next, fit to the panel's width,
// smaller/larger. The file is read and opened in memory on the worker
// (models/pdf_pages: never a file on disk), and only the page shown is drawn,
// on the worker, then uploaded as a texture. Everything decrypted (the
// document's bytes, the page's pixels, the texture) goes on clear(): when the
// preview closes, the vault locks or quick exit runs.
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>

#include "app/app_state.h"
#include "fieldvault/core/reports.h"
#include "models/pdf_pages.h"

namespace fv::gui {

class PdfPreview {
public:
    PdfPreview() = default;
    ~PdfPreview() { clear(); }
    PdfPreview(const PdfPreview&) = delete;
    PdfPreview& operator=(const PdfPreview&) = delete;

    // Reads and opens the attachment on the worker; the first page is drawn
    // by the next draw() (at the width it has there).
    void open(AppState& state, const core::AttachmentRecord& attachment, const PdfLimits& limits = {});
    // The page controls and the page; asks the worker for a page when the one
    // shown (or the width) changed.
    void draw(AppState& state);
    // Drops the document, the pixels, the texture and every message; a job
    // still on the worker is discarded when it ends.
    void clear() noexcept;
    bool active() const noexcept { return attachment_id_ != 0; }
    bool holds_sensitive_data() const noexcept;

    // What the buttons do (tests call them too). Pages count from 0 here.
    void next_page() noexcept;
    void previous_page() noexcept;
    void zoom_in() noexcept;
    void zoom_out() noexcept;
    void fit_width() noexcept { zoom_step_ = kFitStep; }

    bool opening() const noexcept { return opening_; }
    bool drawing() const noexcept { return drawing_; }
    int page() const noexcept { return page_; }
    int page_count() const noexcept { return page_count_; }
    int shown_page() const noexcept { return shown_page_; }  // the page whose picture is shown, -1 if none
    int image_width() const noexcept { return image_width_; }
    int image_height() const noexcept { return image_height_; }
    float zoom() const noexcept;
    const std::string& message() const noexcept { return message_; }
    const std::string& page_message() const noexcept { return page_message_; }
    // Pages drawn for this document so far (only the page shown is drawn).
    std::uint64_t pages_drawn() const noexcept { return pages_drawn_; }

private:
    static constexpr int kFitStep = 2;  // zoom 1.0: the page as wide as the panel
    void request_page(AppState& state, int width);
    void drop_texture() noexcept;

    std::int64_t attachment_id_ = 0;
    PdfLimits limits_;
    std::shared_ptr<PdfDocument> document_;  // used by worker jobs only; dropped here
    bool opening_ = false;
    bool drawing_ = false;
    int page_count_ = 0;
    int page_ = 0;           // the page asked for
    int zoom_step_ = kFitStep;
    int asked_page_ = -1;    // what the last drawing job was asked for
    int asked_width_ = 0;
    int shown_page_ = -1;
    ImTextureID texture_ = nullptr;
    int image_width_ = 0;
    int image_height_ = 0;
    bool reduced_ = false;
    std::uint64_t pages_drawn_ = 0;
    std::string message_;       // why there is no page (calm, one line)
    std::string page_message_;  // why this page is not shown
    std::uint64_t generation_ = 0;
};

}  // namespace fv::gui
