#include "record_pdf.h"
#include "fieldvault/core/i18n.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib-object.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "exclusive_file.h"
#include "fieldvault/model/error.h"

namespace fv::core::detail {

namespace {

// Every cairo, pango and glib object is owned by one of these.
template <auto Free>
struct Deleter {
    template <class T>
    void operator()(T* p) const noexcept {
        if (p != nullptr) Free(p);
    }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<cairo_destroy>>;
using PangoContextPtr = std::unique_ptr<PangoContext, Deleter<g_object_unref>>;
using LayoutPtr = std::unique_ptr<PangoLayout, Deleter<g_object_unref>>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, Deleter<pango_layout_iter_free>>;
using FontPtr = std::unique_ptr<PangoFontDescription, Deleter<pango_font_description_free>>;
using AttrListPtr = std::unique_ptr<PangoAttrList, Deleter<pango_attr_list_unref>>;
using GCharPtr = std::unique_ptr<gchar, Deleter<g_free>>;

// A4 portrait in PostScript points, 2 cm margins; the footer sits in the bottom margin.
constexpr double kPageWidth = 595.2756;
constexpr double kPageHeight = 841.8898;
constexpr double kMargin = 56.69;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kTop = kMargin;
constexpr double kBottom = kPageHeight - kMargin;
constexpr double kIndent = 14.0;

// One family list for every script: Latin, Chinese (the SC face holds the
// Traditional characters too), Uyghur and Tibetan; fontconfig falls back for
// anything else. Hex digits are monospaced so a SHA-256 reads in columns.
constexpr const char* kSans = "Noto Sans, Noto Sans CJK SC, Noto Naskh Arabic, Noto Serif Tibetan, DejaVu Sans";
constexpr const char* kMono = "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace";

enum class Style { Title, Heading, Subheading, Label, Body, Note, Mono, Footer };

// Pango expects UTF-8; a stray invalid byte (or NUL) in a value would make it
// warn and drop text, and cairo's outline refuses it. Replace instead.
std::string valid_utf8(std::string_view text) {
    if (g_utf8_validate_len(text.data(), text.size(), nullptr)) return std::string(text);
    const GCharPtr fixed(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    return std::string(fixed.get());
}

std::string format_size(std::uint64_t bytes) {
    std::string text = std::to_string(bytes) + " B";
    if (bytes >= 1024) {
        static constexpr const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
        double value = static_cast<double>(bytes) / 1024.0;
        std::size_t unit = 0;
        while (value >= 1024.0 && unit + 1 < std::size(units)) {
            value /= 1024.0;
            ++unit;
        }
        char human[32];
        std::snprintf(human, sizeof human, " (%.1f %s)", value, units[unit]);
        text += human;
    }
    return text;
}

// Lays the document out page by page. With draw == false it only measures
// (the first pass, which counts the pages); with draw == true it paints, on
// exactly the same breaks, and numbers each page "n / total".
class Pager {
public:
    Pager(cairo_t* cr, cairo_surface_t* surface, int total_pages, bool draw)
        : cr_(cr), surface_(surface), total_(total_pages), draw_(draw), context_(pango_cairo_create_context(cr)) {
        // Sizes are in points: cairo's PDF user unit is the point, pango's default is 96 dpi.
        pango_cairo_context_set_resolution(context_.get(), 72.0);
        fonts_[static_cast<int>(Style::Title)] = font(kSans, PANGO_WEIGHT_BOLD, 20);
        fonts_[static_cast<int>(Style::Heading)] = font(kSans, PANGO_WEIGHT_BOLD, 15);
        fonts_[static_cast<int>(Style::Subheading)] = font(kSans, PANGO_WEIGHT_BOLD, 12);
        fonts_[static_cast<int>(Style::Label)] = font(kSans, PANGO_WEIGHT_BOLD, 10);
        fonts_[static_cast<int>(Style::Body)] = font(kSans, PANGO_WEIGHT_NORMAL, 10);
        fonts_[static_cast<int>(Style::Note)] = font(kSans, PANGO_WEIGHT_NORMAL, 8.5);
        fonts_[static_cast<int>(Style::Mono)] = font(kMono, PANGO_WEIGHT_NORMAL, 8.5);
        fonts_[static_cast<int>(Style::Footer)] = font(kSans, PANGO_WEIGHT_NORMAL, 8);
        body_line_ = line_height(Style::Body);
    }

    int page() const noexcept { return page_; }
    int pages() const noexcept { return page_; }
    double body_line() const noexcept { return body_line_; }

    // A new page unless the current one is still empty.
    void start_page() {
        if (!page_empty_) next_page();
    }

    // One paragraph (or several, if `text` holds newlines), wrapped to the
    // content width and split between pages line by line. `keep` is the
    // height that must fit below the first line on the same page, so a
    // heading or label is never left alone at the foot of a page.
    // `bold_prefix` bytes at the start are set in bold ("Label: value").
    void paragraph(std::string_view raw, Style style, double indent = 0, double before = 0, double after = 0,
                   double keep = 0, std::size_t bold_prefix = 0) {
        const std::string text = valid_utf8(raw);
        const LayoutPtr layout = make_layout(style, kContentWidth - indent);
        // set_text: user text is never parsed as markup.
        pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
        if (bold_prefix > 0) {
            const AttrListPtr attrs(pango_attr_list_new());
            PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
            bold->start_index = 0;
            bold->end_index = static_cast<guint>(std::min(bold_prefix, text.size()));
            pango_attr_list_insert(attrs.get(), bold);  // the list owns it now
            pango_layout_set_attributes(layout.get(), attrs.get());
        }
        if (!page_empty_) y_ += before;

        const LayoutIterPtr iter(pango_layout_get_iter(layout.get()));
        bool first = true;
        do {
            PangoRectangle logical{};
            pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
            const double height = pango_units_to_double(logical.height);
            const double need = height + (first ? keep : 0.0);
            if (!page_empty_ && y_ + need > kBottom) next_page();
            if (draw_) {
                const double baseline = pango_units_to_double(pango_layout_iter_get_baseline(iter.get()) - logical.y);
                cairo_move_to(cr_, kMargin + indent + pango_units_to_double(logical.x), y_ + baseline);
                pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter.get()));
            }
            y_ += height + leading(style);
            page_empty_ = false;
            first = false;
        } while (pango_layout_iter_next_line(iter.get()) != FALSE);
        y_ += after;
    }

    // A thin rule across the content width, below what was just written.
    void rule() {
        y_ += 3;
        if (draw_) {
            cairo_save(cr_);
            cairo_set_source_rgb(cr_, 0.55, 0.55, 0.55);
            cairo_set_line_width(cr_, 0.6);
            cairo_move_to(cr_, kMargin, y_);
            cairo_line_to(cr_, kMargin + kContentWidth, y_);
            cairo_stroke(cr_);
            cairo_restore(cr_);
        }
        y_ += 6;
    }

    // A PDF bookmark to the current page (the viewer's sidebar).
    void outline(std::string_view name) {
        if (!draw_ || surface_ == nullptr) return;
        const std::string text = valid_utf8(name);
        const std::string link = "page=" + std::to_string(page_);
        cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, text.c_str(), link.c_str(),
                                      static_cast<cairo_pdf_outline_flags_t>(0));
    }

    void finish() {
        if (!draw_) return;
        footer();
        cairo_show_page(cr_);
    }

private:
    FontPtr font(const char* families, PangoWeight weight, double points) const {
        FontPtr desc(pango_font_description_from_string(families));
        pango_font_description_set_weight(desc.get(), weight);
        pango_font_description_set_size(desc.get(), pango_units_from_double(points));
        return desc;
    }

    LayoutPtr make_layout(Style style, double width) const {
        LayoutPtr layout(pango_layout_new(context_.get()));
        pango_layout_set_font_description(layout.get(), fonts_[static_cast<int>(style)].get());
        pango_layout_set_width(layout.get(), pango_units_from_double(width));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        // Auto direction (pango's default): a Uyghur paragraph runs right to
        // left and is aligned to the right margin.
        return layout;
    }

    // A little air between the lines of running text (the fonts' own line
    // height is already generous for CJK and Tibetan).
    static double leading(Style style) noexcept {
        return style == Style::Body ? 1.5 : style == Style::Note || style == Style::Mono ? 0.8 : 0.0;
    }

    double line_height(Style style) const {
        const LayoutPtr layout = make_layout(style, kContentWidth);
        pango_layout_set_text(layout.get(), "Ag", -1);
        PangoRectangle logical{};
        pango_layout_line_get_extents(pango_layout_get_line_readonly(layout.get(), 0), nullptr, &logical);
        return pango_units_to_double(logical.height) + leading(style);
    }

    void footer() {
        const std::string text = std::to_string(page_) + " / " + std::to_string(total_);
        const LayoutPtr layout = make_layout(Style::Footer, kContentWidth);
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
        cairo_save(cr_);
        cairo_set_source_rgb(cr_, 0.35, 0.35, 0.35);
        cairo_move_to(cr_, kMargin, kBottom + kMargin / 2.0 - 6);
        pango_cairo_show_layout(cr_, layout.get());
        cairo_restore(cr_);
    }

    void next_page() {
        if (draw_) {
            footer();
            cairo_show_page(cr_);
        }
        ++page_;
        y_ = kTop;
        page_empty_ = true;
    }

    cairo_t* cr_;
    cairo_surface_t* surface_;
    int total_;
    bool draw_;
    PangoContextPtr context_;
    FontPtr fonts_[8];
    double body_line_ = 0;
    int page_ = 1;
    double y_ = kTop;
    bool page_empty_ = true;
};

// The whole document, once. Returns the number of pages.
int render(const RecordDocument& doc, cairo_t* cr, cairo_surface_t* surface, int total_pages, bool draw,
           const RecordProgress& progress) {
    Pager p(cr, surface, total_pages, draw);
    const double keep = p.body_line() * 2;

    p.outline(doc.title);
    p.paragraph(doc.title, Style::Title, 0, 0, 6, keep);
    p.rule();
    p.paragraph("", Style::Body);
    for (const auto& field : doc.cover) {
        const std::string label = valid_utf8(field.label) + ": ";
        p.paragraph(label + valid_utf8(field.value), Style::Body, 0, 3, 0, 0, label.size());
    }

    const std::size_t total = doc.reports.size();
    for (std::size_t i = 0; i < total; ++i) {
        const RecordSection& section = doc.reports[i];
        p.start_page();
        p.outline(section.heading);
        p.paragraph(section.heading, Style::Heading, 0, 0, 0, keep);
        p.rule();
        for (const auto& field : section.fields) {
            p.paragraph(field.label, Style::Label, 0, 8, 1, p.body_line());
            p.paragraph(field.value, Style::Body, kIndent * 0.5);
        }
        if (!section.evidence.empty()) {
            p.paragraph(doc.evidence_heading, Style::Subheading, 0, 16, 2, keep);
            for (const auto& item : section.evidence) {
                p.paragraph(item.file_name, Style::Label, kIndent * 0.5, 6, 0, p.body_line());
                p.paragraph(format_size(item.size), Style::Note, kIndent);
                p.paragraph("SHA-256 " + item.sha256, Style::Mono, kIndent);
                if (!item.note.empty()) p.paragraph(item.note, Style::Note, kIndent);
            }
        }
        const auto lines = [&](const std::string& heading, const std::vector<std::string>& entries) {
            if (entries.empty()) return;
            p.paragraph(heading, Style::Subheading, 0, 16, 2, keep);
            for (const auto& line : entries) p.paragraph("\u2022 " + line, Style::Body, kIndent * 0.5, 2);
        };
        lines(doc.custody_heading, section.custody);
        lines(doc.audit_heading, section.audit);
        if (draw && progress) progress(i + 1, total);
    }

    p.start_page();
    p.outline(doc.verify_heading);
    p.paragraph(doc.verify_heading, Style::Heading, 0, 0, 0, keep);
    p.rule();
    for (const auto& paragraph : doc.verify_paragraphs) p.paragraph(paragraph, Style::Body, 0, 6);
    p.finish();
    return p.pages();
}

cairo_status_t write_to_stream(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::ostream*>(closure);
    try {
        out->write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
        return *out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
    } catch (...) {  // never unwind through cairo's C frames
        return CAIRO_STATUS_WRITE_ERROR;
    }
}

[[noreturn]] void cairo_failed(const std::filesystem::path& out, cairo_status_t status) {
    throw Error(ErrorKind::Io, tr_args("writing {1} failed: {2}", {out.string(), cairo_status_to_string(status)}));
}

}  // namespace

void write_record_pdf(const RecordDocument& doc, const std::filesystem::path& out, const RecordProgress& progress) {
    write_new_file(out, [&](std::ostream& file) {
        // First pass: the same layout on a PDF surface that writes nothing,
        // only to count the pages for the "n / N" footers.
        int pages = 0;
        {
            const SurfacePtr surface(cairo_pdf_surface_create_for_stream(nullptr, nullptr, kPageWidth, kPageHeight));
            const CairoPtr cr(cairo_create(surface.get()));
            if (const auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) cairo_failed(out, status);
            pages = render(doc, cr.get(), nullptr, 0, false, {});
        }
        const SurfacePtr surface(cairo_pdf_surface_create_for_stream(write_to_stream, &file, kPageWidth, kPageHeight));
        if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
            cairo_failed(out, status);
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, valid_utf8(doc.title).c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Fieldvault");
        {
            const CairoPtr cr(cairo_create(surface.get()));
            const int drawn = render(doc, cr.get(), surface.get(), pages, true, progress);
            if (const auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS) cairo_failed(out, status);
            if (drawn != pages) throw Error(ErrorKind::Io, tr_args("writing {1} failed: page count changed", {out.string()}));
        }
        cairo_surface_finish(surface.get());
        if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
            cairo_failed(out, status);
    });
}

}  // namespace fv::core::detail
