// Test helper for the PDF preview's screenshot (issue 14): adds to a vault made
// by fieldvault_gui_make_test_vault an invented "[DEMO]" report with a
// two-page PDF attached. The PDF is drawn here with cairo and pango (a sample
// letter in Chinese and English, grey lines for text and a magenta stamp that
// the screenshot check looks for), written into WORK only because the attach
// API takes a path, attached through the core service and removed again. It
// holds no report content. The passphrase is the first line of standard input.
// Usage: fieldvault_gui_make_pdf_vault VAULT WORK
#include <string>

#include "fieldvault/core/reports.h"
#include "pdf_test_support.h"
#include "vault_maker.h"

namespace {

std::string sample_letter() {
    using fv::gui::test::PdfBox;
    using fv::gui::test::PdfPageSpec;
    PdfPageSpec first;  // 300 x 400 points
    first.boxes.push_back({20, 20, 160, 14, 0.15, 0.15, 0.15});  // a heading
    first.boxes.push_back({200, 20, 80, 80, 1, 0, 1});            // the stamp (magenta), near the top
    for (int line = 0; line < 18; ++line)
        first.boxes.push_back({20, 50.0 + line * 14.0, line < 4 ? 160.0 : line % 4 == 3 ? 150.0 : 260.0, 6, 0.6, 0.6, 0.6});
    first.text = "样本 SAMPLE 警察来信";
    PdfPageSpec second;
    for (int line = 0; line < 6; ++line) second.boxes.push_back({20, 20.0 + line * 14.0, 260, 6, 0.6, 0.6, 0.6});
    second.text = "第二页 page two";
    return fv::gui::test::make_pdf({first, second});
}

}  // namespace

int main(int argc, char** argv) {
    return fv::gui::test::run_vault_maker(argc, argv, "make_pdf_vault", [](auto& session, const auto& work) {
        const auto content = fv::gui::test::demo_report(
            "Letter delivered to my parents", "2026-05-11", "CA", "Toronto", "coercion_by_proxy", "relatives",
            "SAMPLE TEXT. My parents received a letter and sent me a scan. (The attached PDF is a generated sample.)");
        const auto id = fv::core::ReportService(session).create(content, "Self");
        fv::gui::test::attach_generated(session, id, work / "demo-letter.pdf", sample_letter());
    });
}
