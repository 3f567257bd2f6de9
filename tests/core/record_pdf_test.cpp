// record.pdf (issue 13, legal export): what a reader of the PDF gets, read
// back with poppler's pdftotext/pdfinfo (poppler-utils, scripts/install-deps.sh).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "fieldvault/model/error.h"
#include "record_pdf.h"
#include "test_vault.h"

namespace {

namespace fs = std::filesystem;
using fv::core::detail::RecordDocument;
using fv::core::detail::RecordEvidence;
using fv::core::detail::RecordField;
using fv::core::detail::RecordSection;
using fv::core::detail::write_record_pdf;

const std::string kHashA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const std::string kHashB = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const std::string kUyghur = "ئۇيغۇرچە";
const std::string kTibetan = "བོད་ཡིག";

bool have_poppler() { return std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0; }

std::string quote(const fs::path& path) {
    std::string quoted = "'";
    for (const char c : path.string()) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string run(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe) throw std::runtime_error("popen failed: " + command);
    std::string output;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) output.append(buffer, n);
    return output;
}

// The text of the PDF (or of pages first..last), in content order (-raw).
std::string pdf_text(const fs::path& pdf, int first = 0, int last = 0) {
    std::string command = "pdftotext -enc UTF-8 -raw";
    if (first > 0) command += " -f " + std::to_string(first) + " -l " + std::to_string(last);
    return run(command + " " + quote(pdf) + " - 2>/dev/null");
}

// What is left to compare for complex scripts: pdftotext sets Tibetan vowel
// signs (drawn above the line) and each unjoined Arabic-script letter apart,
// with newlines, spaces and bidi embedding marks between them, and may give
// Arabic presentation forms. So: presentation forms back to letters (NFKC of
// those two blocks only), then whitespace and bidi controls dropped. The
// letters themselves must all be there, in order.
std::string compact(const std::string& text) {
    const fs::path tmp = fs::temp_directory_path() / ("fieldvault-compact-" + std::to_string(::getpid()));
    fv::test::write_file(tmp, text);
    const std::string normalised = run(
        "python3 -c 'import sys, unicodedata; t = open(sys.argv[1], encoding=\"utf-8\", errors=\"replace\").read(); "
        "sys.stdout.write(\"\".join(unicodedata.normalize(\"NFKC\", c) "
        "if 0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF else c for c in t))' " + quote(tmp));
    fs::remove(tmp);
    std::string out;
    for (std::size_t i = 0; i < normalised.size();) {
        const auto byte = static_cast<unsigned char>(normalised[i]);
        const std::size_t len = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        const std::string ch = normalised.substr(i, len);
        i += len;
        if (ch == " " || ch == "\n" || ch == "\t" || ch == "\f" || ch == "\r") continue;
        // U+200E/F, U+202A..202E, U+2066..2069: direction marks, embeddings, isolates.
        if (ch == "\u200E" || ch == "\u200F" || (ch >= "\u202A" && ch <= "\u202E") || (ch >= "\u2066" && ch <= "\u2069"))
            continue;
        out += ch;
    }
    return out;
}

int pdf_pages(const fs::path& pdf) {
    const std::string info = run("pdfinfo " + quote(pdf) + " 2>/dev/null");
    const auto at = info.find("Pages:");
    if (at == std::string::npos) return 0;
    return std::atoi(info.c_str() + at + 6);
}

// A word of a complex script, in `compacted` (compact() of the PDF's text):
// in logical order, or reversed (some extractors give Arabic script in visual
// order). Reversal is by code point.
bool contains_script_word(const std::string& compacted, const std::string& raw_word) {
    const std::string word = compact(raw_word);
    if (compacted.find(word) != std::string::npos) return true;
    std::vector<std::string> letters;
    for (std::size_t i = 0; i < word.size();) {
        const auto byte = static_cast<unsigned char>(word[i]);
        const std::size_t len = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        letters.push_back(word.substr(i, len));
        i += len;
    }
    std::string reversed;
    for (auto it = letters.rbegin(); it != letters.rend(); ++it) reversed += *it;
    return compacted.find(reversed) != std::string::npos;
}

RecordDocument sample_document() {
    RecordDocument doc;
    doc.title = "Legal export record";
    doc.cover = {{"Prepared for", "Rights Org (Toronto)"},
                 {"Exported by", "Li — 李"},
                 {"Date", "2026-03-20 10:15"},
                 {"Markup", "<b>x</b> & y"}};
    RecordSection one;
    one.heading = "Report 1 — 家人被警察约谈";
    one.fields = {{"Title", "家人被警察约谈"},
                  {"What happened", "警察在三月十四日打电话给我的父母，要求他们劝我回国。"},
                  {"Location", "Toronto"}};
    one.evidence = {{"screenshot.png", 123456, kHashA, "added 2026-03-14 18:30 (the sender's claim)"},
                    {"通话录音.m4a", 0, kHashB, ""}};
    one.custody = {"Created in this vault on 2026-03-14", "Sent to Rights Org on 2026-03-20"};
    one.audit = {"#12 2026-03-14 18:31 report created", "#13 2026-03-14 18:35 attachment added"};
    RecordSection two;
    two.heading = "Report 2 — 繁體中文的證據";
    two.fields = {{"Title", "繁體中文的證據"},
                  {"Language (Uyghur)", kUyghur + " تىلىدىكى خەت"},
                  {"Language (Tibetan)", kTibetan + " ཡི་གེ།"},
                  {"Note", "<i>not italic</i> &amp; <span foreground=\"red\">plain</span>"}};
    two.evidence = {{"photo.jpg", 5 * 1024 * 1024, kHashB, "received"}};
    two.audit = {"#20 2026-03-18 09:00 report finalized"};
    doc.reports = {one, two};
    doc.verify_heading = "How to check this record";
    doc.verify_paragraphs = {"Compute the SHA-256 of each evidence file and compare it with the value above.",
                             "Run fieldvault-cli verify on the bundle to check the signature."};
    return doc;
}

class RecordPdf : public ::testing::Test {
protected:
    void SetUp() override {
        if (!have_poppler()) GTEST_SKIP() << "pdftotext/pdfinfo (poppler-utils) not installed";
    }
    // FIELDVAULT_KEEP_RECORD_PDF=DIR keeps a copy of each test's PDF there, to look at.
    void TearDown() override {
        const char* keep = std::getenv("FIELDVAULT_KEEP_RECORD_PDF");
        const auto out = tmp.path() / "record.pdf";
        if (keep == nullptr || !fs::exists(out)) return;
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::error_code ec;
        fs::copy_file(out, fs::path(keep) / (std::string(info->name()) + ".pdf"), fs::copy_options::overwrite_existing, ec);
    }
    fv::test::TempDir tmp;
};

TEST_F(RecordPdf, ContainsEveryHeadingLabelValueAndHash) {
    const auto doc = sample_document();
    const auto out = tmp.path() / "record.pdf";
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    write_record_pdf(doc, out, [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
    ASSERT_TRUE(fs::exists(out));
    EXPECT_EQ((fs::status(out).permissions() & fs::perms::all), fs::perms::owner_read | fs::perms::owner_write);
    // Only record.pdf in the folder: the temporary file is gone.
    EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()), 1);
    EXPECT_EQ(calls, (std::vector<std::pair<std::size_t, std::size_t>>{{1, 2}, {2, 2}}));

    const std::string text = pdf_text(out);
    std::vector<std::string> expected = {doc.title, doc.evidence_heading, doc.custody_heading, doc.audit_heading,
                                         doc.verify_heading};
    for (const auto& field : doc.cover) {
        expected.push_back(field.label);
        expected.push_back(field.value);
    }
    for (const auto& p : doc.verify_paragraphs) expected.push_back(p);
    for (const auto& section : doc.reports) {
        expected.push_back(section.heading);
        for (const auto& field : section.fields) {
            expected.push_back(field.label);
            // The Uyghur and Tibetan values are checked below, after compact().
            if (field.label.find("Language") == std::string::npos) expected.push_back(field.value);
        }
        for (const auto& item : section.evidence) {
            expected.push_back(item.file_name);
            expected.push_back(item.sha256);  // whole, on one line
            if (!item.note.empty()) expected.push_back(item.note);
        }
        for (const auto& line : section.custody) expected.push_back(line);
        for (const auto& line : section.audit) expected.push_back(line);
    }
    expected.insert(expected.end(), {"家人被警察约谈", "繁體中文的證據", "123456 B (120.6 KiB)", "5242880 B (5.0 MiB)"});
    for (const auto& s : expected) EXPECT_NE(text.find(s), std::string::npos) << "missing: " << s;
    const std::string compacted = compact(text);
    EXPECT_TRUE(contains_script_word(compacted, kUyghur)) << "missing Uyghur: " << kUyghur;
    EXPECT_TRUE(contains_script_word(compacted, doc.reports[1].fields[1].value)) << "missing Uyghur value";
    EXPECT_TRUE(contains_script_word(compacted, kTibetan)) << "missing Tibetan: " << kTibetan;
    EXPECT_TRUE(contains_script_word(compacted, doc.reports[1].fields[2].value)) << "missing Tibetan value";

    // Cover, one page per report, the verify page; numbered "n / N".
    const int pages = pdf_pages(out);
    EXPECT_EQ(pages, 4);
    const std::string total = " / " + std::to_string(pages);
    EXPECT_NE(text.find("1" + total), std::string::npos);
    EXPECT_NE(text.find(std::to_string(pages) + total), std::string::npos);
    // Each report starts on its own page; the verify text is on the last one.
    EXPECT_NE(pdf_text(out, 2, 2).find(doc.reports[0].heading), std::string::npos);
    EXPECT_NE(pdf_text(out, 3, 3).find(doc.reports[1].heading), std::string::npos);
    EXPECT_NE(pdf_text(out, 4, 4).find(doc.verify_heading), std::string::npos);
}

TEST_F(RecordPdf, TheTestNoticesMissingText) {
    // The checks above are not vacuous: a word that is not in the PDF is not found.
    auto doc = sample_document();
    doc.reports[1].fields[1].value = "no Uyghur here";
    doc.reports[1].fields[2].value = "བོད་ no second Tibetan word";
    const auto out = tmp.path() / "record.pdf";
    write_record_pdf(doc, out);
    const std::string text = pdf_text(out);
    const std::string compacted = compact(text);
    EXPECT_FALSE(contains_script_word(compacted, kUyghur));
    EXPECT_FALSE(contains_script_word(compacted, "تىلىدىكى"));
    EXPECT_FALSE(contains_script_word(compacted, kTibetan));
    EXPECT_TRUE(contains_script_word(compacted, "བོད་"));
    EXPECT_EQ(text.find("0123456789abcdef0123456789abcdef"), std::string::npos);
    EXPECT_NE(text.find("no Uyghur here"), std::string::npos);
}

TEST_F(RecordPdf, UserTextIsNeverMarkup) {
    const auto doc = sample_document();
    const auto out = tmp.path() / "record.pdf";
    write_record_pdf(doc, out);
    const std::string text = pdf_text(out);
    EXPECT_NE(text.find("Markup: <b>x</b> & y"), std::string::npos);
    EXPECT_NE(text.find("<i>not italic</i> &amp; <span foreground=\"red\">plain</span>"), std::string::npos);
}

TEST_F(RecordPdf, LongNarrativeFlowsOverPagesLineByLine) {
    RecordDocument doc;
    doc.title = "Long";
    RecordSection section;
    section.heading = "Report 7 — long narrative";
    // 20,000 characters of numbered words, Chinese mixed in, then a marker:
    // every word must come out, in order, across the page breaks.
    std::string narrative;
    int words = 0;
    while (narrative.size() < 20000) {
        char word[16];
        std::snprintf(word, sizeof word, "w%05d ", ++words);
        narrative += word;
        if (words % 10 == 0) narrative += "警察 ";
        if (words % 150 == 0) narrative += "\n";
    }
    narrative += "END-OF-NARRATIVE";
    section.fields = {{"What happened", narrative}, {"After", "the field after the long one"}};
    section.evidence = {{"a.png", 1, kHashA, ""}};
    doc.reports = {section};
    doc.verify_heading = "Verify";
    const auto out = tmp.path() / "record.pdf";
    write_record_pdf(doc, out);

    const int pages = pdf_pages(out);
    ASSERT_GT(pages, 3) << "cover + report + verify: the report needs more than one page";
    const std::string text = pdf_text(out);
    std::size_t at = 0;
    for (int i = 1; i <= words; ++i) {
        char word[16];
        std::snprintf(word, sizeof word, "w%05d", i);
        const auto found = text.find(word, at);
        ASSERT_NE(found, std::string::npos) << "lost or out of order: " << word;
        at = found;
    }
    EXPECT_NE(text.find("END-OF-NARRATIVE", at), std::string::npos);
    EXPECT_NE(text.find("the field after the long one", at), std::string::npos);
    EXPECT_NE(text.find(kHashA, at), std::string::npos);
    // The report's first page and its continuation page both hold narrative.
    EXPECT_NE(pdf_text(out, 2, 2).find("w00001"), std::string::npos);
    EXPECT_EQ(pdf_text(out, 2, 2).find("END-OF-NARRATIVE"), std::string::npos);
    EXPECT_NE(pdf_text(out, 3, 3).find("w0"), std::string::npos);
    EXPECT_NE(pdf_text(out, pages, pages).find("Verify"), std::string::npos);
    EXPECT_NE(text.find(std::to_string(pages) + " / " + std::to_string(pages)), std::string::npos);
}

TEST_F(RecordPdf, RefusesAnExistingFileAndLeavesItUnchanged) {
    const auto out = tmp.path() / "record.pdf";
    fv::test::write_file(out, "keep me");
    try {
        write_record_pdf(sample_document(), out);
        ADD_FAILURE() << "no error";
    } catch (const fv::Error& e) {
        EXPECT_EQ(e.kind(), fv::ErrorKind::Invalid) << e.what();
    }
    EXPECT_EQ(fv::test::read_file(out), "keep me");
    EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()), 1);
}

TEST_F(RecordPdf, AnUnwritableFolderThrowsIoAndLeavesNoFile) {
    const auto dir = tmp.path() / "locked";
    fs::create_directory(dir);
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    fs::path folder = dir;
    if (::access(dir.c_str(), W_OK) == 0) folder = "/proc";  // root writes anywhere; /proc takes no new files
    const auto out = folder / "fieldvault-record-test.pdf";
    try {
        write_record_pdf(sample_document(), out);
        ADD_FAILURE() << "no error";
    } catch (const fv::Error& e) {
        EXPECT_EQ(e.kind(), fv::ErrorKind::Io) << e.what();
    }
    EXPECT_FALSE(fs::exists(out));
    std::error_code ec;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir, ec), fs::directory_iterator()), 0);
    fs::permissions(dir, fs::perms::owner_all);
}

TEST_F(RecordPdf, InvalidUtf8AndEmptyDocumentStillWrite) {
    RecordDocument doc;
    doc.title = std::string("bad\xFF\x00title", 10);
    doc.reports = {RecordSection{}};
    const auto out = tmp.path() / "record.pdf";
    write_record_pdf(doc, out);
    EXPECT_EQ(pdf_pages(out), 3);
    EXPECT_NE(pdf_text(out).find("bad"), std::string::npos);
}

}  // namespace
