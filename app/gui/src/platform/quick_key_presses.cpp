#include "platform/quick_key_presses.h"

namespace fv::gui {

namespace {

bool in_range(int key, std::size_t count) { return key >= 0 && static_cast<std::size_t>(key) < count; }

}  // namespace

void QuickKeyPresses::on_key(int key, bool pressed) {
    if (pressed) {
        pressed_.insert(key);
        tapped_.erase(key);  // down again: it is simply held
    } else if (pressed_.count(key) != 0) {
        tapped_.insert(key);
    }
}

void QuickKeyPresses::before_poll(bool* keys_down, std::size_t count) {
    for (const int key : release_)
        if (in_range(key, count)) keys_down[key] = false;
    release_.clear();
}

void QuickKeyPresses::after_poll(bool* keys_down, std::size_t count) {
    for (const int key : tapped_) {
        if (!in_range(key, count)) continue;
        keys_down[key] = true;
        release_.insert(key);
    }
    tapped_.clear();
    pressed_.clear();
}

}  // namespace fv::gui
