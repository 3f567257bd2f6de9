#include "models/pdf_pages.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"

namespace fv::gui {
namespace {

// Poppler's default prints "poppler/error (offset): ..." to stderr, which can
// quote names and text from the document: nothing is printed instead.
void ignore_message(const std::string& /*message*/, void* /*closure*/) {}

[[noreturn]] void refuse(const char* msgid) { throw Error(ErrorKind::Invalid, core::tr(msgid)); }

std::string size_text(std::uint64_t bytes) {
    // The view's human_size lives with the views; a plain MiB figure is enough here.
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", mib);
    return text;
}

}  // namespace

bool looks_like_pdf(std::span<const std::uint8_t> bytes) noexcept {
    const std::string_view head(reinterpret_cast<const char*>(bytes.data()), std::min<std::size_t>(bytes.size(), 1024));
    return head.find("%PDF-") != std::string_view::npos;
}

void silence_pdf_library_messages() noexcept {
    static std::once_flag once;
    try {
        std::call_once(once, [] { poppler::set_debug_error_function(ignore_message, nullptr); });
    } catch (...) {
        // call_once only throws if the callable does; this one does not.
    }
}

std::unique_ptr<PdfDocument> PdfDocument::open(SecretBuffer bytes, const PdfLimits& limits) {
    silence_pdf_library_messages();
    if (bytes.empty()) refuse("This file is empty.");
    if (bytes.size() > limits.max_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw Error(ErrorKind::Invalid,
                    core::tr_args("This document is too large to preview ({1}); save a copy to open it.",
                                  {size_text(bytes.size())}));
    if (!looks_like_pdf(bytes.reveal())) refuse("This file is not a PDF the app can show.");
    return std::unique_ptr<PdfDocument>(new PdfDocument(std::move(bytes), limits));
}

PdfDocument::PdfDocument(SecretBuffer bytes, const PdfLimits& limits) : bytes_(std::move(bytes)), limits_(limits) {
    // load_from_raw_data reads through this pointer for the document's whole
    // life (no copy is made): bytes_ is a member that outlives document_.
    const auto data = bytes_.reveal();
    document_.reset(poppler::document::load_from_raw_data(reinterpret_cast<const char*>(data.data()),
                                                          static_cast<int>(data.size())));
    if (!document_) refuse("This PDF seems to be damaged and cannot be shown.");
    if (document_->is_locked()) refuse("This PDF is locked with a password; it cannot be shown here.");
    page_count_ = document_->pages();
    if (page_count_ <= 0) refuse("This PDF has no pages to show.");
}

PdfDocument::~PdfDocument() {
    document_.reset();  // first: it reads bytes_
    bytes_.wipe();
}

RenderedPage PdfDocument::render(int index, int width) const {
    if (index < 0 || index >= page_count_) refuse("There is no such page in this document.");
    const std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page) refuse("This page could not be drawn.");

    // The page's size in points (1/72 inch), turned as it is shown.
    const poppler::rectf box = page->page_rect(poppler::crop_box);
    double page_w = box.width();
    double page_h = box.height();
    const auto orientation = page->orientation();
    if (orientation == poppler::page::landscape || orientation == poppler::page::seascape) std::swap(page_w, page_h);
    if (!std::isfinite(page_w) || !std::isfinite(page_h) || page_w < 1.0 || page_h < 1.0)
        refuse("This page has an unusual size and cannot be shown.");

    // Pixels per point: as asked, then capped (side and area) before poppler
    // allocates anything; a huge or very long page is drawn smaller.
    const double max_side = static_cast<double>(limits_.max_side);
    const double asked = static_cast<double>(std::clamp(width, 16, limits_.max_side)) / page_w;
    double scale = std::min({asked, max_side / page_w, max_side / page_h,
                             std::sqrt(static_cast<double>(limits_.max_pixels) / (page_w * page_h))});
    const double out_w = std::floor(page_w * scale);
    const double out_h = std::floor(page_h * scale);
    if (out_w < 1.0 || out_h < 1.0) refuse("This page has an unusual size and cannot be shown.");

    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_argb32);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_paper_color(0xffffffffu);
    const double dpi = 72.0 * scale;
    ++pages_rendered_;
    poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    // The image holds page pixels: zero them however this ends.
    struct WipeOnExit {
        poppler::image& image;
        ~WipeOnExit() {
            if (image.is_valid() && image.const_data() != nullptr && image.bytes_per_row() > 0 && image.height() > 0)
                wipe_memory(const_cast<char*>(image.const_data()),
                            static_cast<std::size_t>(image.bytes_per_row()) * static_cast<std::size_t>(image.height()));
        }
    } wipe_on_exit{image};

    const int w = image.width();
    const int h = image.height();
    // Rounding may give a pixel more than computed; anything beyond is refused.
    if (!image.is_valid() || image.format() != poppler::image::format_argb32 || w <= 0 || h <= 0 ||
        static_cast<double>(w) > out_w + 2.0 || static_cast<double>(h) > out_h + 2.0 ||
        image.bytes_per_row() < w * 4)
        refuse("This page could not be drawn.");

    RenderedPage out;
    out.index = index;
    out.width = w;
    out.height = h;
    out.reduced = scale < asked;
    out.rgba = SecretBuffer(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4u);
    // argb32 is one 32-bit word per pixel (0xAARRGGBB, native order): to RGBA bytes.
    auto rgba = out.rgba.mutable_bytes();
    const auto row_bytes = static_cast<std::size_t>(image.bytes_per_row());
    const auto* src = reinterpret_cast<const unsigned char*>(image.const_data());
    for (std::size_t y = 0; y < static_cast<std::size_t>(h); ++y) {
        const unsigned char* row = src + y * row_bytes;
        std::uint8_t* dst = rgba.data() + y * static_cast<std::size_t>(w) * 4u;
        for (std::size_t x = 0; x < static_cast<std::size_t>(w); ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, row + x * 4u, 4);
            dst[x * 4u + 0] = static_cast<std::uint8_t>((pixel >> 16) & 0xffu);
            dst[x * 4u + 1] = static_cast<std::uint8_t>((pixel >> 8) & 0xffu);
            dst[x * 4u + 2] = static_cast<std::uint8_t>(pixel & 0xffu);
            dst[x * 4u + 3] = 0xffu;  // on paper: opaque
        }
    }
    return out;
}

}  // namespace fv::gui
