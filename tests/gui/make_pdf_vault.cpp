// Test helper for the PDF preview's screenshot (issue 14): adds to a vault made
// by fieldvault_gui_make_test_vault an invented "[DEMO]" report with a
// two-page PDF attached. The PDF is drawn here with cairo and pango (a sample
// letter in Chinese and English, grey lines for text and a magenta stamp that
// the screenshot check looks for), written into WORK only because the attach
// API takes a path, attached through the core service and removed again. It
// holds no report content. The passphrase is the first line of standard input.
// Usage: fieldvault_gui_make_pdf_vault VAULT WORK
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/demo_vault.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/core/session.h"
#include "pdf_test_support.h"

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
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s VAULT WORK < passphrase\n", argv[0]);
        return 2;
    }
    std::string line;
    std::getline(std::cin, line);
    const auto file = std::filesystem::path(argv[2]) / "demo-letter.pdf";
    try {
        auto passphrase = fv::SecretBuffer::from_string(line);
        auto session = fv::core::Session::open(argv[1], passphrase);
        fv::core::ReportService reports(*session);

        fv::core::ReportContent content;
        content.title = std::string(fv::core::kDemoTitlePrefix) + "Letter delivered to my parents";
        content.occurred_start = "2026-05-11";
        content.date_precision = "day";
        content.host_country = "CA";
        content.host_city = "Toronto";
        content.tactics = {"coercion_by_proxy"};
        content.channels = {"relatives"};
        content.narrative = "SAMPLE TEXT. My parents received a letter and sent me a scan. "
                            "(The attached PDF is a generated sample.)";
        content.narrative_language = "en";
        content.risk_level = "medium";
        const auto id = reports.create(content, "Self");

        std::ofstream(file, std::ios::binary) << sample_letter();
        fv::core::AttachmentService(*session).attach(id, file);
        std::filesystem::remove(file);
        session->lock();
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
        std::fprintf(stderr, "make_pdf_vault: %s\n", e.what());
        return 1;
    }
    return 0;
}
