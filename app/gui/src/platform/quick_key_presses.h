#pragma once
// A key pressed and released between two frames (a quick tap on a loaded
// machine, a frame that took long, a synthetic key) reaches Dear ImGui 1.86's
// io.KeysDown as down and then up before any frame has seen it down, so the
// press is lost. This shows such a key as down for one frame and releases it
// before the next poll. (ImGui 1.87 and later queue key events themselves.)
#include <cstddef>
#include <set>

namespace fv::gui {

class QuickKeyPresses {
public:
    // From the GLFW key callback, before the ImGui backend handles the event.
    void on_key(int key, bool pressed);
    // Before polling events: keys shown down for the last frame go up.
    void before_poll(bool* keys_down, std::size_t count);
    // After polling: keys that went down and up during the poll are shown down.
    void after_poll(bool* keys_down, std::size_t count);

private:
    std::set<int> pressed_;   // pressed during this poll
    std::set<int> tapped_;    // pressed and released during this poll
    std::set<int> release_;   // shown down for one frame, to release
};

}  // namespace fv::gui
