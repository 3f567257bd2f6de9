// Evidence in the report editor through the real views: attach through the
// built-in file browser, preview images and text in memory, extract a copy,
// and lock wiping the preview.
#include <gtest/gtest.h>
#include <imgui.h>
#include <stb/stb_image_write.h>

#include <fstream>

#include "exchange_test_support.h"
#include "fieldvault/core/reports.h"
#include "headless_ui.h"
#include "platform/texture_backend.h"

namespace fv::gui::test {
namespace {

constexpr int kKeyEscape = 256;  // GLFW_KEY_ESCAPE

std::string png_of(int width, int height) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width * height * 3), 0x40);
    std::string out;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) { static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size)); },
        &out, width, height, 3, pixels.data(), width * 3);
    return out;
}

// Counts textures instead of calling GL (headless tests have none).
class FakeTextures final : public TextureBackend {
public:
    ImTextureID create(const std::uint8_t* /*rgba*/, int width, int height) override {
        ++created;
        last_width = width;
        last_height = height;
        return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(created));
    }
    void destroy(ImTextureID) noexcept override { ++destroyed; }
    int created = 0;
    int destroyed = 0;
    int last_width = 0;
    int last_height = 0;
};

class GuiEvidence : public ::testing::Test {
protected:
    void SetUp() override {
        ui_ = std::make_unique<HeadlessUi>(dir_.path() / "vault");
        ImGui::GetIO().KeyMap[ImGuiKey_Escape] = kKeyEscape;
        create_vault_through_ui(*ui_);
        ui_->click("list.new");
        ui_->click("editor.title");
        ui_->type("Photos of the car outside");
        ui_->click("editor.save");
        ASSERT_NE(editor().report_id(), 0) << editor().error();
        std::filesystem::create_directories(files_);
    }
    void TearDown() override { set_texture_backend(nullptr); }

    ReportEditorView& editor() { return ui_->app().report_editor_view(); }
    EvidencePanel& evidence() { return editor().evidence(); }

    std::filesystem::path write_file(const std::string& name, const std::string& bytes) {
        const auto path = files_ / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path;
    }
    void attach(const std::filesystem::path& file) {
        editor().attach(ui_->app().state(), file);
        ui_->settle();
        ui_->settle();  // the editor reloads the report
    }
    void go_to_folder(const std::filesystem::path& folder) {
        ui_->click("browser.goto");
        ui_->type(folder.string());
        ui_->press(kKeyEnter);
    }
    void preview_first() {
        ui_->click("evidence.preview.0");
        ui_->settle();
    }

    TempDir dir_;
    std::filesystem::path files_ = dir_.path() / "files";
    std::unique_ptr<HeadlessUi> ui_;
};

TEST_F(GuiEvidence, AttachesAFileChosenInTheFileBrowser) {
    write_file("photo.png", png_of(4, 4));
    write_file(".hidden-note.txt", "hidden");
    ui_->click("evidence.browse");
    ASSERT_TRUE(evidence().browser().is_open());
    go_to_folder(files_);
    EXPECT_EQ(evidence().browser().listing().folder, files_);
    EXPECT_FALSE(ui_->drawn("browser.entry..hidden-note.txt"));  // hidden files off
    ui_->click("browser.entry.photo.png");
    ui_->click("browser.choose");
    ui_->settle();
    ui_->settle();
    EXPECT_FALSE(evidence().browser().is_open());
    ASSERT_TRUE(editor().detail().has_value());
    ASSERT_EQ(editor().detail()->attachments.size(), 1u) << editor().error();
    EXPECT_EQ(editor().detail()->attachments[0].name, "photo.png");
    EXPECT_EQ(editor().detail()->attachments[0].media_type, "image/png");
    // The next pick starts where the last file came from, not the home folder.
    ui_->click("evidence.browse");
    ui_->frame();
    EXPECT_EQ(evidence().browser().listing().folder, files_);
}

TEST_F(GuiEvidence, FileBrowserShowsHiddenOnRequestAndEscapeCloses) {
    write_file(".hidden-note.txt", "hidden");
    ui_->click("evidence.browse");
    go_to_folder(files_);
    ui_->click("browser.hidden");
    EXPECT_TRUE(ui_->drawn("browser.entry..hidden-note.txt"));
    go_to_folder(files_ / "missing");
    EXPECT_NE(evidence().browser().listing().error.find("does not exist"), std::string::npos);
    ui_->press(kKeyEscape);
    EXPECT_FALSE(evidence().browser().is_open());
    EXPECT_TRUE(editor().detail()->attachments.empty());
}

TEST_F(GuiEvidence, PreviewsAnImageInMemoryAndLockWipesIt) {
    FakeTextures textures;
    set_texture_backend(&textures);
    attach(write_file("car.png", png_of(7, 5)));
    preview_first();
    EXPECT_EQ(evidence().image_width(), 7);
    EXPECT_EQ(evidence().image_height(), 5);
    EXPECT_EQ(textures.created, 1);
    EXPECT_EQ(textures.last_width, 7);
    EXPECT_TRUE(evidence().preview_message().empty()) << evidence().preview_message();
    ui_->press(kKeyL, true);
    EXPECT_EQ(ui_->app().screen(), Screen::Unlock);
    EXPECT_EQ(textures.destroyed, 1);
    EXPECT_EQ(evidence().image_width(), 0);
    EXPECT_FALSE(evidence().holds_sensitive_data());
    EXPECT_FALSE(ui_->app().holds_sensitive_data());
}

// What `fieldvault --screen evidence` relies on: a preview opened without a
// click (none scrolls the form) is brought into view by scroll_to_evidence().
TEST_F(GuiEvidence, ScrollToEvidenceBringsAPreviewIntoView) {
    FakeTextures textures;
    set_texture_backend(&textures);
    attach(write_file("car.png", png_of(240, 135)));
    auto& state = ui_->app().state();
    const auto picture = editor().detail()->attachments.at(0);
    auto preview_in_view = [&] {
        const auto rect = state.probe().find("evidence.close_preview");
        return rect && rect->visible && rect->max.y <= ImGui::GetIO().DisplaySize.y;
    };
    evidence().preview(state, picture);
    ui_->settle();
    ui_->frames(3);
    ASSERT_EQ(evidence().image_width(), 240);
    EXPECT_FALSE(preview_in_view());  // below the fold of the form at first

    editor().load(state, editor().report_id());
    evidence().preview(state, picture);
    editor().scroll_to_evidence();
    ui_->settle();
    ui_->frames(3);
    EXPECT_EQ(evidence().image_width(), 240);
    EXPECT_TRUE(preview_in_view());
    EXPECT_EQ(textures.created, 2);
}

TEST_F(GuiEvidence, WithoutAGraphicsDeviceTheSizeIsStillShown) {
    attach(write_file("car.png", png_of(3, 2)));
    preview_first();
    EXPECT_EQ(evidence().image_width(), 3);
    EXPECT_NE(evidence().preview_message().find("not drawn"), std::string::npos);
}

TEST_F(GuiEvidence, DamagedAndOversizedImagesGetACalmMessage) {
    auto broken = png_of(16, 16);
    broken.resize(40);
    attach(write_file("broken.png", broken));
    preview_first();
    EXPECT_EQ(evidence().image_width(), 0);
    EXPECT_NE(evidence().preview_message().find("damaged"), std::string::npos) << evidence().preview_message();

    attach(write_file("wide.png", png_of(9000, 1)));
    ui_->click("evidence.preview.1");
    ui_->settle();
    EXPECT_EQ(evidence().image_width(), 0);
    EXPECT_NE(evidence().preview_message().find("9000 x 1 pixels"), std::string::npos) << evidence().preview_message();
    EXPECT_TRUE(editor().error().empty());
}

TEST_F(GuiEvidence, PreviewsUtf8TextAndRefusesInvalidUtf8) {
    const std::string text = "他们说知道我住在哪里。\nThey said they know where I live.\n";
    attach(write_file("notes.txt", text));
    preview_first();
    EXPECT_EQ(evidence().preview_text(), text);
    attach(write_file("binary.txt", std::string("ab\xff\xfe\x00", 5)));
    ui_->click("evidence.preview.1");
    ui_->settle();
    EXPECT_TRUE(evidence().preview_text().empty());
    EXPECT_NE(evidence().preview_message().find("UTF-8"), std::string::npos) << evidence().preview_message();
}

TEST_F(GuiEvidence, ExtractsACopyIntoAChosenFolderWithoutOverwriting) {
    const std::string bytes = "call log\n+86 138 0000 0000\n";
    attach(write_file("calls.txt", bytes));
    const auto out = dir_.path() / "usb";
    std::filesystem::create_directories(out);
    for (int round = 0; round < 2; ++round) {
        ui_->click("evidence.extract.0");
        ASSERT_TRUE(evidence().browser().is_open());
        EXPECT_EQ(evidence().browser().mode(), FileBrowser::Mode::Folder);
        go_to_folder(out);
        ui_->click("browser.choose");
        ui_->settle();
        EXPECT_TRUE(evidence().error().empty()) << evidence().error();
    }
    EXPECT_EQ(read_file(out / "calls.txt"), bytes);
    EXPECT_EQ(read_file(out / "calls (2).txt"), bytes);  // the first copy was kept
    EXPECT_NE(evidence().notice().find("calls (2).txt"), std::string::npos);
}

// Issue 12, item 3: extract used to open the folder browser in the home
// folder itself, where a file named like a dot-file would take effect.
TEST_F(GuiEvidence, ExtractNeverStartsInTheHomeFolderItself) {
    attach(write_file("calls.txt", "x"));
    const char* old_home = std::getenv("HOME");
    const std::string saved = old_home != nullptr ? old_home : "";
    const auto home = dir_.path() / "home";
    std::filesystem::create_directories(home / "Downloads");
    ::setenv("HOME", home.c_str(), 1);
    ui_->click("evidence.extract.0");
    ASSERT_TRUE(evidence().browser().is_open());
    EXPECT_EQ(evidence().browser().listing().folder, home / "Downloads");
    ui_->press(kKeyEscape);
    // No usual folder at all: ~/Documents is made (private) rather than using ~.
    std::filesystem::remove(home / "Downloads");
    ui_->click("evidence.extract.0");
    EXPECT_EQ(evidence().browser().listing().folder, home / "Documents");
    EXPECT_EQ(std::filesystem::status(home / "Documents").permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_all);
    ui_->press(kKeyEscape);
    if (old_home != nullptr) ::setenv("HOME", saved.c_str(), 1); else ::unsetenv("HOME");
}

TEST_F(GuiEvidence, AFileNamedLikeAProgramCarriesAWarning) {
    attach(write_file("photo.png", png_of(2, 2)));
    EXPECT_FALSE(ui_->drawn("evidence.risk.0"));
    attach(write_file("invoice.pdf.exe", "MZ"));
    // Rows are in the order attached: the program is the second.
    EXPECT_TRUE(ui_->drawn("evidence.risk.1"));
    EXPECT_FALSE(ui_->drawn("evidence.risk.0"));
}

TEST_F(GuiEvidence, ADanglingSymlinkUnderTheNameCountsAsTaken) {
    const std::string bytes = "call log\n+86 138 0000 0000\n";
    attach(write_file("calls.txt", bytes));
    const auto out = dir_.path() / "usb";
    const auto elsewhere = dir_.path() / "elsewhere" / "calls.txt";  // does not exist
    std::filesystem::create_directories(out);
    std::filesystem::create_directories(elsewhere.parent_path());
    std::filesystem::create_symlink(elsewhere, out / "calls.txt");
    ui_->click("evidence.extract.0");
    go_to_folder(out);
    ui_->click("browser.choose");
    ui_->settle();
    EXPECT_TRUE(evidence().error().empty()) << evidence().error();
    EXPECT_EQ(read_file(out / "calls (2).txt"), bytes);
    EXPECT_NE(evidence().notice().find("calls (2).txt"), std::string::npos) << evidence().notice();
    // The link is left as it was and nothing was written through it.
    EXPECT_TRUE(std::filesystem::is_symlink(std::filesystem::symlink_status(out / "calls.txt")));
    EXPECT_EQ(std::filesystem::read_symlink(out / "calls.txt"), elsewhere);
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(elsewhere)));
}

TEST_F(GuiEvidence, MessagesAndAChosenExtractCountUntilCleared) {
    attach(write_file("calls.txt", "call log\n"));
    const auto attachment = editor().detail()->attachments.at(0);
    ASSERT_FALSE(evidence().holds_sensitive_data());

    // A failed extract leaves only its message.
    evidence().extract(ui_->app().state(), attachment, dir_.path() / "no such folder");
    ui_->settle();
    ASSERT_FALSE(evidence().error().empty());
    EXPECT_TRUE(evidence().holds_sensitive_data());
    evidence().clear();
    EXPECT_TRUE(evidence().error().empty());
    EXPECT_FALSE(evidence().holds_sensitive_data());

    // A preview's message (here: damaged picture).
    auto broken = png_of(16, 16);
    broken.resize(40);
    attach(write_file("broken.png", broken));
    ui_->click("evidence.preview.1");
    ui_->settle();
    ASSERT_FALSE(evidence().preview_message().empty());
    EXPECT_TRUE(evidence().holds_sensitive_data());
    evidence().clear();
    EXPECT_TRUE(evidence().preview_message().empty());
    EXPECT_FALSE(evidence().holds_sensitive_data());

    // The file chosen to extract, after the folder browser was closed with Escape.
    ui_->click("evidence.extract.0");
    ui_->press(kKeyEscape);
    ASSERT_FALSE(evidence().browser().is_open());
    EXPECT_TRUE(evidence().holds_sensitive_data());
    evidence().clear();
    EXPECT_FALSE(evidence().holds_sensitive_data());
}

}  // namespace
}  // namespace fv::gui::test
