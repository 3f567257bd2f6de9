#include "headless_ui.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <random>
#include <stdexcept>

#include "fieldvault/crypto/kdf.h"
#include "platform/ui_setup.h"
#include "platform/wiping_allocator.h"

namespace fv::gui::test {

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("fieldvault-gui-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

HeadlessUi::HeadlessUi(const std::filesystem::path& vault_dir, const std::filesystem::path& settings_file) {
    install_wiping_allocator();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280.0f, 800.0f);
    io.DeltaTime = 1.0f / 60.0f;
    io.KeyMap[ImGuiKey_Enter] = kKeyEnter;
    io.KeyMap[ImGuiKey_Tab] = kKeyTab;
    io.KeyMap[ImGuiKey_Backspace] = kKeyBackspace;
    io.KeyMap[ImGuiKey_Space] = kKeySpace;  // keyboard navigation (on in the app) requires it
    io.KeyMap[ImGuiKey_Escape] = kKeyEscape;  // as the GLFW backend maps them (keyboard tests)
    io.KeyMap[ImGuiKey_LeftArrow] = kKeyLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kKeyRight;
    io.KeyMap[ImGuiKey_UpArrow] = kKeyUp;
    io.KeyMap[ImGuiKey_DownArrow] = kKeyDown;
    AppOptions options;
    if (!settings_file.empty()) {
        options.settings_file = settings_file;
        options.settings = load_settings(settings_file);
    }
    cjk_loaded_ = configure_imgui(1.0f, options.settings.font_percent, options.settings.theme);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);

    options.vault_dir = vault_dir;
    options.kdf = KdfParams::interactive();  // fast Argon2 for tests
    options.clock = [this] { return now_; };
    app_ = std::make_unique<App>(std::move(options));
    app_->state().probe().enable(true);
    frame();
}

HeadlessUi::~HeadlessUi() {
    app_.reset();
    ImGui::DestroyContext();
}

void HeadlessUi::frame() {
    ImGui::NewFrame();
    app_->frame();
    ImGui::Render();
    // As the real main loop does between frames.
    if (app_->state().take_appearance_change()) {
        const auto& settings = app_->state().settings();
        cjk_loaded_ = apply_appearance(1.0f, settings.font_percent, settings.theme);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    if (rebuild_glyphs_if_needed()) {
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
}

void HeadlessUi::frames(int count) {
    for (int i = 0; i < count; ++i) frame();
}

bool HeadlessUi::drawn(const std::string& key) const { return app_->state().probe().find(key).has_value(); }

void HeadlessUi::scroll_into_view(const std::string& key) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 200; ++i) {
        const auto rect = app_->state().probe().find(key);
        if (!rect || (rect->visible && rect->min.y >= 0.0f && rect->max.y <= io.DisplaySize.y)) return;
        // Wheel over the scrolling region the widget is in, towards it.
        io.MousePos = ImVec2(rect->center().x, io.DisplaySize.y * 0.5f);
        frame();
        io.MouseWheel = rect->center().y > io.DisplaySize.y * 0.5f ? -1.0f : 1.0f;
        frame();
    }
}

void HeadlessUi::click(const std::string& key) {
    scroll_into_view(key);
    const auto rect = app_->state().probe().find(key);
    ASSERT_TRUE(rect.has_value()) << "widget not drawn: " << key;
    ASSERT_TRUE(rect->visible) << "widget not visible: " << key;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = rect->center();
    frame();  // hover
    io.MouseDown[0] = true;
    frame();  // press
    io.MouseDown[0] = false;
    frame();  // release: buttons and checkboxes act here
    frame();  // requests applied, next screen drawn
}

void HeadlessUi::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

void HeadlessUi::press(int key, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[key] = true;
    frame();
    io.KeysDown[key] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    frame();
    frame();
}

bool HeadlessUi::focused(const std::string& key) const {
    const auto ring = keyboard_focus();
    const auto rect = app_->state().probe().find(key);
    if (!ring || !rect) return false;
    // The ring surrounds the item's frame: inside what the probe recorded
    // (which may include a label beside it), across its middle.
    constexpr float kSlack = 1.0f;
    const float middle = (ring->min.y + ring->max.y) * 0.5f;
    return ring->min.x >= rect->min.x - kSlack && ring->max.x <= rect->max.x + kSlack &&
           ring->min.y >= rect->min.y - kSlack && ring->max.y <= rect->max.y + kSlack && middle > rect->min.y &&
           middle < rect->max.y;
}

bool HeadlessUi::typing() const {
    const auto ring = keyboard_focus();
    return ring && ring->typing;
}

std::string HeadlessUi::focus_text() const {
    const ImGuiContext& g = *GImGui;
    const std::string nav = std::string(" [in ") + (g.NavWindow != nullptr ? g.NavWindow->Name : "no window") +
                            (g.NavIdIsAlive ? "" : ", widget gone") + (g.NavDisableHighlight ? ", hidden" : "") + "]";
    const auto ring = keyboard_focus();
    if (!ring) return "no focus shown" + nav;
    return "focus at (" + std::to_string(ring->min.x) + ", " + std::to_string(ring->min.y) + ")-(" +
           std::to_string(ring->max.x) + ", " + std::to_string(ring->max.y) + ")" + (ring->typing ? " typing" : "") + nav;
}

void HeadlessUi::press_until_focused(int key, const std::string& target, int limit, bool shift) {
    for (int i = 0; i < limit && !focused(target); ++i) press(key, false, shift);
    ASSERT_TRUE(focused(target)) << "the keyboard did not reach " << target << ": " << focus_text();
}

void HeadlessUi::settle() {
    frame();  // a view may submit its job (e.g. the list's query) while drawing
    for (int i = 0; i < 50 && app_->state().busy(); ++i) {
        app_->state().worker().wait_until_idle();
        frame();
    }
    frame();
}

core::Session& HeadlessUi::session() {
    if (app_->state().busy()) settle();
    core::Session* session = app_->state().session();
    if (session == nullptr) throw std::runtime_error("the vault is locked or busy");
    return *session;
}

void create_vault_through_ui(HeadlessUi& ui, const std::string& passphrase) {
    if (ui.app().screen() == Screen::Welcome) ui.click("welcome.create");
    ASSERT_EQ(ui.app().screen(), Screen::Create);
    ui.click("create.passphrase");
    ui.type(passphrase);
    ui.click("create.confirmation");
    ui.type(passphrase);
    ui.click("create.submit");
    ui.settle();
    ASSERT_TRUE(ui.app().create_view().showing_recovery_key()) << ui.app().create_view().error();
    ui.click("create.written_down");
    const std::string key(ui.app().create_view().recovery_key_text());
    ui.click("create.retyped_key");
    ui.type(key);
    ui.click("create.continue");
    ASSERT_EQ(ui.app().screen(), Screen::ReportList);
    ui.settle();  // the list's first query
}

void unlock_through_ui(HeadlessUi& ui, const std::string& passphrase) {
    ASSERT_EQ(ui.app().screen(), Screen::Unlock);
    ui.click("unlock.passphrase");
    ui.type(passphrase);
    ui.click("unlock.submit");
    ui.settle();
    ui.settle();  // then the list's first query
}

}  // namespace fv::gui::test
