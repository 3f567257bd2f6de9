// A PDF attachment previewed page by page through the real views (issue 14):
// Preview in the evidence list opens it in memory, the first page is drawn,
// Next page draws the next one only; locked, damaged and oversized files get
// a plain message; lock and quick exit wipe the preview; no file is written
// anywhere while previewing.
#include <gtest/gtest.h>
#include <imgui.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "headless_ui.h"
#include "pdf_test_support.h"
#include "platform/texture_backend.h"

namespace fv::gui::test {
namespace {

namespace fs = std::filesystem;

// Keeps a copy of the last page uploaded, so the test can look at its pixels.
class PageTextures final : public TextureBackend {
public:
    ImTextureID create(const std::uint8_t* rgba, int width, int height) override {
        ++created;
        live += 1;
        last_width = width;
        last_height = height;
        last.assign(rgba, rgba + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u);
        return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(created));
    }
    void destroy(ImTextureID) noexcept override {
        ++destroyed;
        live -= 1;
    }
    // The colour at a point given in page points (the pages are 300 x 400).
    std::array<int, 3> at_points(double x, double y) const {
        const auto px = static_cast<std::size_t>(x / 300.0 * last_width);
        const auto py = static_cast<std::size_t>(y / 400.0 * last_height);
        const std::size_t i = (py * static_cast<std::size_t>(last_width) + px) * 4u;
        return {last[i], last[i + 1], last[i + 2]};
    }
    int created = 0;
    int destroyed = 0;
    int live = 0;
    int last_width = 0;
    int last_height = 0;
    std::vector<std::uint8_t> last;
};

bool red(const std::array<int, 3>& c) { return c[0] > 200 && c[1] < 60 && c[2] < 60; }
bool green(const std::array<int, 3>& c) { return c[1] > 100 && c[0] < 60 && c[2] < 60; }
bool white(const std::array<int, 3>& c) { return c[0] > 245 && c[1] > 245 && c[2] > 245; }

std::vector<PdfPageSpec> three_pages() {
    std::vector<PdfPageSpec> pages(3);
    pages[0].boxes.push_back({0, 20, 300, 40, 1, 0, 0});
    pages[0].text = "第一页 page one";
    pages[1].boxes.push_back({0, 180, 300, 40, 0, 0.6, 0});
    pages[2].boxes.push_back({0, 340, 300, 40, 0, 0, 1});
    return pages;
}

// Every file under `root` with its size (what a preview must not change).
std::map<std::string, std::uintmax_t> listing(const fs::path& root) {
    std::map<std::string, std::uintmax_t> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
        if (ec) break;
        files[it->path().string()] = it->is_regular_file(ec) ? it->file_size(ec) : 0;
    }
    return files;
}

// Files under `root` holding `needle` (skipping large and unreadable ones).
std::vector<std::string> files_containing(const fs::path& root, const std::string& needle) {
    std::vector<std::string> hits;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec) || it->file_size(ec) > (64u << 20)) continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (bytes.str().find(needle) != std::string::npos) hits.push_back(it->path().string());
    }
    return hits;
}

class GuiPdfPreview : public ::testing::Test {
protected:
    void SetUp() override {
        set_texture_backend(&textures_);
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        create_vault_through_ui(*ui_);
        ui_->click("list.new");
        ui_->click("editor.title");
        ui_->type("Letter from the police");
        ui_->click("editor.save");
        ASSERT_NE(editor().report_id(), 0) << editor().error();
        fs::create_directories(files_);
    }
    void TearDown() override {
        ui_.reset();
        set_texture_backend(nullptr);
    }

    ReportEditorView& editor() { return ui_->app().report_editor_view(); }
    EvidencePanel& evidence() { return editor().evidence(); }
    PdfPreview& pdf() { return evidence().pdf(); }

    // Attaches `bytes` as `name`, then removes the original (as the person may).
    void attach(const std::string& name, const std::string& bytes) {
        const auto path = files_ / name;
        std::ofstream(path, std::ios::binary) << bytes;
        editor().attach(ui_->app().state(), path);
        ui_->settle();
        ui_->settle();
        fs::remove(path);
    }
    void preview(int row) {
        ui_->click("evidence.preview." + std::to_string(row));
        ui_->settle();
    }

    TempDir dir_;
    fs::path files_ = dir_.path() / "files";
    PageTextures textures_;
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiPdfPreview, OpensAPdfAndTurnsItsPages) {
    attach("letter.pdf", make_pdf(three_pages()));
    ASSERT_EQ(editor().detail()->attachments.at(0).media_type, "application/pdf");
    preview(0);
    ASSERT_TRUE(pdf().active());
    EXPECT_EQ(pdf().message(), "");
    EXPECT_EQ(pdf().page_count(), 3);
    EXPECT_EQ(pdf().shown_page(), 0);
    EXPECT_EQ(textures_.created, 1);
    EXPECT_TRUE(ui_->drawn("pdf.page_label"));
    // Fitted to the panel's width (most of the 1280-pixel window), the page's shape kept.
    EXPECT_GT(textures_.last_width, 400);
    EXPECT_NEAR(static_cast<double>(textures_.last_height) / textures_.last_width, 400.0 / 300.0, 0.01);
    EXPECT_TRUE(red(textures_.at_points(150, 40)));
    EXPECT_TRUE(white(textures_.at_points(150, 200)));

    ui_->scroll_into_view("pdf.next");
    ui_->click("pdf.next");
    ui_->settle();
    EXPECT_EQ(pdf().page(), 1);
    EXPECT_EQ(pdf().shown_page(), 1);
    EXPECT_EQ(pdf().pages_drawn(), 2u);  // only the pages shown were drawn
    EXPECT_TRUE(green(textures_.at_points(150, 200)));
    EXPECT_TRUE(white(textures_.at_points(150, 40)));
    EXPECT_EQ(textures_.live, 1);  // the first page's texture is gone

    // To the last page and no further.
    ui_->click("pdf.next");
    ui_->settle();
    ui_->click("pdf.next");
    ui_->settle();
    EXPECT_EQ(pdf().page(), 2);
    EXPECT_EQ(pdf().pages_drawn(), 3u);
    ui_->click("pdf.previous");
    ui_->settle();
    EXPECT_EQ(pdf().shown_page(), 1);

    // Larger draws the page again, wider; Fit to width comes back.
    const int fitted = textures_.last_width;
    ui_->scroll_into_view("pdf.zoom_in");
    ui_->click("pdf.zoom_in");
    ui_->settle();
    EXPECT_FLOAT_EQ(pdf().zoom(), 1.25f);
    EXPECT_NEAR(textures_.last_width, fitted * 1.25, 3.0);
    ui_->click("pdf.fit");
    ui_->settle();
    EXPECT_NEAR(textures_.last_width, fitted, 3.0);

    // Locking wipes it all.
    ui_->press(kKeyL, true);
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_EQ(textures_.live, 0);
    EXPECT_FALSE(pdf().active());
    EXPECT_FALSE(pdf().holds_sensitive_data());
    EXPECT_FALSE(evidence().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiPdfPreview, ClosingAndQuickExitWipeThePreview) {
    attach("letter.pdf", make_pdf(three_pages()));
    preview(0);
    ASSERT_EQ(textures_.live, 1);
    ui_->click("evidence.close_preview");
    EXPECT_EQ(textures_.live, 0);
    EXPECT_FALSE(pdf().holds_sensitive_data());
    ui_->frames(30);  // half a second: the next click is not taken as a double click
    preview(0);
    ASSERT_EQ(textures_.live, 1);
    EXPECT_TRUE(evidence().holds_sensitive_data());
    ui_->press(kKeyQ, true, true);
    EXPECT_TRUE(ui_->app().close_requested());
    EXPECT_EQ(textures_.live, 0);
    EXPECT_FALSE(pdf().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiPdfPreview, LockedDamagedAndOversizedPdfsGetAPlainMessage) {
    attach("locked.pdf", make_encrypted_pdf("secret"));
    preview(0);
    EXPECT_EQ(pdf().message(), "This PDF is locked with a password; it cannot be shown here.");
    EXPECT_EQ(pdf().page_count(), 0);
    EXPECT_EQ(textures_.created, 0);
    EXPECT_TRUE(evidence().error().empty());

    const auto whole = make_pdf(three_pages());
    attach("cut.pdf", whole.substr(0, whole.size() / 2));
    preview(1);
    EXPECT_EQ(pdf().message(), "This PDF seems to be damaged and cannot be shown.");
    EXPECT_EQ(textures_.created, 0);

    attach("not-really.pdf", "Dear Li,\nthis is a letter, not a PDF.\n");
    preview(2);
    EXPECT_EQ(pdf().message(), "This file is not a PDF the app can show.");

    // Over the size limit: refused before anything is read or decrypted.
    PdfLimits small;
    small.max_bytes = 1000;
    pdf().open(ui_->app().state(), editor().detail()->attachments.at(1), small);
    EXPECT_FALSE(ui_->app().state().busy());
    EXPECT_NE(pdf().message().find("too large to preview"), std::string::npos) << pdf().message();
    EXPECT_EQ(textures_.created, 0);
}

TEST_F(GuiPdfPreview, WithoutAGraphicsDeviceThePageCountIsStillShown) {
    attach("letter.pdf", make_pdf(three_pages()));
    set_texture_backend(nullptr);
    preview(0);
    EXPECT_EQ(pdf().page_count(), 3);
    EXPECT_EQ(pdf().shown_page(), 0);
    EXPECT_GT(pdf().image_width(), 0);
    EXPECT_NE(pdf().page_message().find("not drawn here"), std::string::npos) << pdf().page_message();
    EXPECT_TRUE(ui_->drawn("pdf.page_label"));
    EXPECT_EQ(textures_.created, 0);
    ui_->press(kKeyL, true);
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

TEST_F(GuiPdfPreview, NoFileIsWrittenWhilePreviewing) {
    const auto home = dir_.path() / "home";
    const auto tmp = dir_.path() / "tmp";
    fs::create_directories(home);
    fs::create_directories(tmp);
    const std::string old_home = std::getenv("HOME") != nullptr ? std::getenv("HOME") : "";
    const std::string old_tmp = std::getenv("TMPDIR") != nullptr ? std::getenv("TMPDIR") : "";
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("TMPDIR", tmp.c_str(), 1);

    // A marker in the file (a PDF comment after its end) that no other file holds.
    std::random_device rd;
    const std::string marker = "fieldvault-pdf-marker-" + std::to_string(rd()) + std::to_string(rd());
    attach("letter.pdf", make_pdf(three_pages()) + "%" + marker + "\n");
    const auto vault = dir_.path() / "vault";
    const auto before_home = listing(home), before_tmp = listing(tmp), before_vault = listing(vault);

    preview(0);
    ASSERT_EQ(pdf().shown_page(), 0) << pdf().message();
    ui_->click("pdf.next");
    ui_->settle();
    ui_->click("pdf.zoom_in");
    ui_->settle();
    ASSERT_EQ(pdf().shown_page(), 1);

    EXPECT_EQ(listing(home), before_home);
    EXPECT_EQ(listing(tmp), before_tmp);
    EXPECT_EQ(listing(vault), before_vault);
    const fs::path system_tmp = old_tmp.empty() ? fs::path("/tmp") : fs::path(old_tmp);
    for (const fs::path& root : {home, tmp, vault, system_tmp})
        EXPECT_EQ(files_containing(root, marker), std::vector<std::string>{}) << root;
    std::ofstream(home / "control") << marker;  // the scanner itself finds a file that has it
    EXPECT_EQ(files_containing(home, marker).size(), 1u);

    if (old_home.empty()) ::unsetenv("HOME"); else ::setenv("HOME", old_home.c_str(), 1);
    if (old_tmp.empty()) ::unsetenv("TMPDIR"); else ::setenv("TMPDIR", old_tmp.c_str(), 1);
}

}  // namespace
}  // namespace fv::gui::test
