#include "views/pdf_preview.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "fieldvault/core/attachment_reader.h"
#include "fieldvault/core/i18n.h"
#include "platform/texture_backend.h"
#include "views/view.h"

namespace fv::gui {
namespace {

constexpr float kZoomSteps[] = {0.5f, 0.75f, 1.0f, 1.25f, 1.5f, 2.0f, 3.0f};
constexpr int kZoomStepCount = static_cast<int>(std::size(kZoomSteps));

// A page is drawn again for a new width only past this difference (a window
// resized by a few pixels keeps its picture, scaled).
bool width_changed(int asked, int wanted) {
    const int slack = std::max(8, asked / 20);
    return std::abs(asked - wanted) > slack;
}

}  // namespace

float PdfPreview::zoom() const noexcept { return kZoomSteps[zoom_step_]; }

void PdfPreview::next_page() noexcept {
    if (page_ + 1 < page_count_) ++page_;
}

void PdfPreview::previous_page() noexcept {
    if (page_ > 0) --page_;
}

void PdfPreview::zoom_in() noexcept { zoom_step_ = std::min(zoom_step_ + 1, kZoomStepCount - 1); }
void PdfPreview::zoom_out() noexcept { zoom_step_ = std::max(zoom_step_ - 1, 0); }

void PdfPreview::open(AppState& state, const core::AttachmentRecord& attachment, const PdfLimits& limits) {
    clear();
    core::Session* session = state.session_for_job();
    if (session == nullptr) return;
    attachment_id_ = attachment.id;
    limits_ = limits;
    // Known before anything is read: a file over the limit is not decrypted at all.
    if (attachment.size > limits.max_bytes) {
        message_ = core::tr_args("This document is too large to preview ({1}); save a copy to open it.",
                                 {human_size(attachment.size)});
        return;
    }
    opening_ = true;
    auto opened = std::make_shared<std::shared_ptr<PdfDocument>>();
    state.worker().submit(
        core::tr("Opening the document in memory"),
        [session, opened, id = attachment.id, limits](core::JobContext& context) {
            auto bytes = core::read_attachment(*session, id, limits.max_bytes);
            context.throw_if_cancelled();
            *opened = PdfDocument::open(std::move(bytes), limits);
        },
        [this, opened, id = attachment.id, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_ || id != attachment_id_) return;  // closed or locked meanwhile
            opening_ = false;
            if (outcome.cancelled) {
                message_ = core::tr("The preview was cancelled.");
                return;
            }
            if (!outcome.ok()) {
                message_ = describe_error(outcome.error);
                return;
            }
            document_ = std::move(*opened);
            page_count_ = document_->page_count();
            page_ = 0;
        });
}

void PdfPreview::request_page(AppState& state, int width) {
    drawing_ = true;
    asked_page_ = page_;
    asked_width_ = width;
    auto drawn = std::make_shared<std::optional<RenderedPage>>();
    state.worker().submit(
        core::tr("Drawing a page of the document"),
        [document = document_, drawn, index = page_, width](core::JobContext& context) {
            context.throw_if_cancelled();
            *drawn = document->render(index, width);
        },
        [this, drawn, index = page_, generation = generation_](const core::JobOutcome& outcome) {
            if (generation != generation_) return;  // the pixels go with `drawn`, wiped
            drawing_ = false;
            ++pages_drawn_;
            drop_texture();
            shown_page_ = index;
            if (!outcome.ok() || !drawn->has_value()) {
                page_message_ = outcome.cancelled ? std::string(core::tr("The preview was cancelled."))
                                                  : describe_error(outcome.error);
                return;
            }
            page_message_.clear();
            const RenderedPage& page = **drawn;
            image_width_ = page.width;
            image_height_ = page.height;
            reduced_ = page.reduced;
            if (TextureBackend* backend = texture_backend()) {
                texture_ = backend->create(page.rgba.reveal().data(), page.width, page.height);
            } else {
                page_message_ = core::tr("The page is not drawn here (no graphics device).");
            }
            drawn->reset();  // the pixels now live in the texture only
        });
}

void PdfPreview::draw(AppState& state) {
    if (!active()) return;
    if (opening_) {
        draw_notice(core::tr("Opening the document in memory..."));
        return;
    }
    if (!message_.empty()) draw_notice(message_);
    if (!document_) return;

    const float em = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    // The width the page gets: the panel's, less a scrollbar (kept steady
    // whether or not the page is taller than its box), times the zoom.
    const float panel_w = std::max(ImGui::GetContentRegionAvail().x - style.ScrollbarSize - style.WindowPadding.x * 2.0f,
                                   em * 8.0f);
    const float page_w = panel_w * zoom();
    const int wanted_width = static_cast<int>(std::lround(page_w));

    // Controls: one line (they wrap onto two when the panel is narrow).
    ImGui::BeginDisabled(page_ == 0);
    if (ImGui::Button(core::tr("Previous page"))) previous_page();
    state.probe().item("pdf.previous");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        core::tr_args("Page {1} of {2}", {std::to_string(page_ + 1), std::to_string(page_count_)}).c_str());
    state.probe().item("pdf.page_label");
    ImGui::SameLine();
    ImGui::BeginDisabled(page_ + 1 >= page_count_);
    if (ImGui::Button(core::tr("Next page"))) next_page();
    state.probe().item("pdf.next");
    ImGui::EndDisabled();

    const char* smaller = core::tr("Smaller");
    const char* larger = core::tr("Larger");
    const char* fit = core::tr("Fit to width");
    const float zoom_w = ImGui::CalcTextSize(smaller).x + ImGui::CalcTextSize(larger).x + ImGui::CalcTextSize(fit).x +
                         style.FramePadding.x * 6.0f + style.ItemSpacing.x * 3.0f;
    const float line_right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (line_right - ImGui::GetItemRectMax().x - em * 1.5f > zoom_w) ImGui::SameLine(0.0f, em * 1.5f);
    ImGui::BeginDisabled(zoom_step_ == 0);
    if (ImGui::Button(smaller)) zoom_out();
    state.probe().item("pdf.zoom_out");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(zoom_step_ == kFitStep);
    if (ImGui::Button(fit)) fit_width();
    state.probe().item("pdf.fit");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(zoom_step_ == kZoomStepCount - 1);
    if (ImGui::Button(larger)) zoom_in();
    state.probe().item("pdf.zoom_in");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("%ld %%", std::lround(zoom() * 100.0f));

    // Only the page shown is drawn: a new one is asked for when the worker is
    // free and the page or the width changed (pages turned meanwhile are skipped).
    const bool stale = asked_page_ != page_ || width_changed(asked_width_, wanted_width);
    if (!drawing_ && stale && !state.busy()) request_page(state, wanted_width);
    // One status line, kept even when empty, so the page does not jump as pages are turned.
    if (drawing_ || stale) {
        draw_notice(core::tr_args("Drawing page {1}...", {std::to_string(page_ + 1)}));
    } else if (!page_message_.empty()) {
        draw_notice(page_message_);
    } else if (reduced_ && texture_ != nullptr) {
        draw_notice(core::tr("This page is very large: it is shown with less detail."));
    } else {
        ImGui::Dummy(ImVec2(0.0f, ImGui::GetTextLineHeight()));
    }

    // The page in a box of its own that scrolls (sideways too when enlarged).
    // About 30 lines tall, less on a small window or at a large text size.
    const float box_h = std::max(em * 8.0f, std::min(em * 30.0f, ImGui::GetMainViewport()->WorkSize.y * 0.7f));
    ImGui::BeginChild("##pdf_page", ImVec2(0.0f, box_h), true, ImGuiWindowFlags_HorizontalScrollbar);
    state.probe().item("pdf.page");
    if (texture_ != nullptr && image_width_ > 0 && image_height_ > 0) {
        const float shown_w = page_w;
        const float shown_h = page_w * static_cast<float>(image_height_) / static_cast<float>(image_width_);
        ImGui::Image(texture_, ImVec2(shown_w, shown_h));
    }
    ImGui::EndChild();
}

void PdfPreview::drop_texture() noexcept {
    if (texture_ != nullptr) {
        if (TextureBackend* backend = texture_backend()) backend->destroy(texture_);
        texture_ = nullptr;
    }
    image_width_ = image_height_ = 0;
    reduced_ = false;
}

void PdfPreview::clear() noexcept {
    drop_texture();
    document_.reset();  // a job drawing a page keeps its own reference until it ends
    attachment_id_ = 0;
    opening_ = drawing_ = false;
    page_count_ = page_ = 0;
    zoom_step_ = kFitStep;
    asked_page_ = shown_page_ = -1;
    asked_width_ = 0;
    pages_drawn_ = 0;
    wipe_string(message_);
    wipe_string(page_message_);
    ++generation_;
}

bool PdfPreview::holds_sensitive_data() const noexcept {
    return attachment_id_ != 0 || document_ != nullptr || texture_ != nullptr || image_width_ != 0 ||
           image_height_ != 0 || page_count_ != 0 || !message_.empty() || !page_message_.empty();
}

}  // namespace fv::gui
