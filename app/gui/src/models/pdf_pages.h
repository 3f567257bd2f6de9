#pragma once
// A PDF attachment drawn page by page in memory for the in-app preview
// (issue 14), with poppler-cpp. No ImGui, no GL, no file: the document is
// parsed from the decrypted bytes, which it keeps (poppler reads them through
// a pointer, without a copy) until it is destroyed, and which are wiped then.
// Only the page asked for is drawn, at a size capped before any pixel memory
// is taken; the pixels come back in a SecretBuffer (wiped when freed).
//
// Not thread-safe: one thread at a time (the GUI's worker) uses a document.
// Poppler's own messages (it reports damaged files on stderr) are silenced.
#include <cstdint>
#include <memory>
#include <span>

#include "fieldvault/model/secret.h"

namespace poppler {
class document;
}

namespace fv::gui {

struct PdfLimits {
    std::uint64_t max_bytes = 64ull << 20;     // the file
    int max_side = 6000;                       // pixels, width and height each, of a drawn page
    std::uint64_t max_pixels = 16ull << 20;    // width * height of a drawn page (64 MiB of RGBA)
};

struct RenderedPage {
    int index = 0;          // 0-based
    int width = 0;
    int height = 0;
    bool reduced = false;   // drawn smaller than asked (the size cap)
    SecretBuffer rgba;      // width * height * 4 bytes, wiped when freed
};

// True if a PDF header ("%PDF-") is within the first 1024 bytes, where
// readers accept it.
bool looks_like_pdf(std::span<const std::uint8_t> bytes) noexcept;

// Stops poppler from printing anything (its messages can quote the
// document). Called by PdfDocument::open; harmless to call again.
void silence_pdf_library_messages() noexcept;

class PdfDocument {
public:
    // Takes the decrypted bytes. Throws fv::Error(Invalid) with a calm
    // one-line reason: empty, too large, not a PDF, damaged, locked with a
    // password, no pages.
    static std::unique_ptr<PdfDocument> open(SecretBuffer bytes, const PdfLimits& limits = {});
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    int page_count() const noexcept { return page_count_; }
    // Draws page `index` (0-based) `width` pixels wide (height by the page's
    // shape), or smaller if the cap says so; white paper. Throws
    // fv::Error(Invalid) for an index out of range or a page that cannot be
    // drawn (an unusable size, a damaged page).
    RenderedPage render(int index, int width) const;
    // How many pages were drawn so far (tests: only the page shown is drawn).
    std::uint64_t pages_rendered() const noexcept { return pages_rendered_; }

private:
    PdfDocument(SecretBuffer bytes, const PdfLimits& limits);

    SecretBuffer bytes_;  // declared first: outlives the document reading it
    std::unique_ptr<poppler::document> document_;
    PdfLimits limits_;
    int page_count_ = 0;
    mutable std::uint64_t pages_rendered_ = 0;
};

}  // namespace fv::gui
