#pragma once
// PDF files made in memory for the PDF preview's tests (issue 14): pages
// drawn with cairo (shapes) and pango (text, Chinese included) into a byte
// string, and a small password-protected PDF built by hand (the standard
// security handler, RC4 40-bit, revision 2: qpdf is not installed here).
#include <string>
#include <vector>

namespace fv::gui::test {

struct PdfBox {
    double x = 0, y = 0, width = 0, height = 0;  // points, from the page's top left
    double red = 0, green = 0, blue = 0;         // 0..1
};

struct PdfPageSpec {
    double width = 300;   // points
    double height = 400;
    std::vector<PdfBox> boxes;
    std::string text;     // drawn with pango at (20, height - 60), black, 18 pt
};

// A PDF with one page per spec, as cairo writes it.
std::string make_pdf(const std::vector<PdfPageSpec>& pages);

// One page of 200 x 300 points with a red square (20..120, from the top
// left) whose contents are encrypted under `user_password` (the owner
// password is another). An empty `user_password` makes a PDF protected by an
// owner password only (as many official PDFs are: readers open it at once).
std::string make_encrypted_pdf(const std::string& user_password);

// The same page, not encrypted, turned by the page's own /Rotate (90, 180, 270).
std::string make_rotated_pdf(int degrees);

}  // namespace fv::gui::test
