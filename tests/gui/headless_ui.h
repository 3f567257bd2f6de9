#pragma once
// Drives the real App through Dear ImGui with no window and no GL: the font
// atlas is built in memory, frames run NewFrame/Render, and input is injected
// as a user would give it (mouse position and buttons, typed characters, keys).
#include <filesystem>
#include <memory>
#include <string>

#include "app/app.h"

namespace fv::gui::test {

// GLFW key codes, as the GLFW backend maps them in io.KeyMap / io.KeysDown.
inline constexpr int kKeyEnter = 257;
inline constexpr int kKeyTab = 258;
inline constexpr int kKeyBackspace = 259;
inline constexpr int kKeySpace = 32;
inline constexpr int kKeyEscape = 256;
inline constexpr int kKeyRight = 262;
inline constexpr int kKeyLeft = 263;
inline constexpr int kKeyDown = 264;
inline constexpr int kKeyUp = 265;
inline constexpr int kKeyS = 83;

class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

class HeadlessUi {
public:
    // The app's clock is `now()` below, advanced only by tests.
    // The atlas is the app's: Latin and common Chinese, grown with the text
    // shown or typed (rebuilt between frames, as the real main loop does).
    // settings_file: where settings are saved (empty: not saved).
    explicit HeadlessUi(const std::filesystem::path& vault_dir, const std::filesystem::path& settings_file = {});
    ~HeadlessUi();

    App& app() { return *app_; }
    double& now() { return now_; }
    bool cjk_font_loaded() const { return cjk_loaded_; }

    void frame();
    void frames(int count);
    // Moves the mouse over the widget the views recorded under `key`, presses
    // and releases. Fails the test if the widget was not drawn.
    void click(const std::string& key);
    // Scrolls (mouse wheel) until the widget is within its window's view.
    void scroll_into_view(const std::string& key);
    void type(const std::string& utf8);
    void press(int key, bool ctrl = false, bool shift = false);
    // Lets the worker finish and the frame loop pick up its results.
    void settle();
    bool drawn(const std::string& key) const;
    // Keyboard use (issue 14). True if the keyboard focus ring (ui_setup.h)
    // is shown on the widget recorded under `key`.
    bool focused(const std::string& key) const;
    // True if the focus ring is shown on a text field being typed into.
    bool typing() const;
    // Where the focus ring is, for failure messages.
    std::string focus_text() const;
    // Presses `key` (Tab, an arrow...) until the widget under `target` has the
    // keyboard focus; fails the test after `limit` presses.
    void press_until_focused(int key, const std::string& target, int limit = 30, bool shift = false);
    // The open Session for direct checks, once running jobs (such as the
    // list's query) have finished; throws if the vault is locked.
    core::Session& session();

private:
    double now_ = 1000.0;
    bool cjk_loaded_ = false;
    std::unique_ptr<App> app_;
};

// Typical steps shared by tests.
inline constexpr const char* kPassphrase = "correct horse battery staple";
void create_vault_through_ui(HeadlessUi& ui, const std::string& passphrase = kPassphrase);
void unlock_through_ui(HeadlessUi& ui, const std::string& passphrase = kPassphrase);

}  // namespace fv::gui::test
