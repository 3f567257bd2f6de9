// A key tapped between two frames (down and up in one event poll) is shown
// down for one frame, then released; a key held across polls is untouched.
#include <gtest/gtest.h>

#include <array>

#include "platform/quick_key_presses.h"

namespace fv::gui {
namespace {

constexpr int kEnter = 257;
constexpr int kCtrl = 341;

struct Keys {
    std::array<bool, 512> down{};
    QuickKeyPresses quick;
    // One frame's poll: the backend's own handling of each event is applied
    // after ours, as ImGui 1.86's GLFW callback does.
    template <class Events>
    void poll(Events events) {
        quick.before_poll(down.data(), down.size());
        events([&](int key, bool pressed) {
            quick.on_key(key, pressed);
            down[static_cast<std::size_t>(key)] = pressed;
        });
        quick.after_poll(down.data(), down.size());
    }
};

TEST(QuickKeyPresses, ATapWithinOnePollIsDownForOneFrame) {
    Keys k;
    k.poll([](auto event) {
        event(kEnter, true);
        event(kEnter, false);
    });
    EXPECT_TRUE(k.down[kEnter]);  // the frame sees it pressed
    k.poll([](auto) {});
    EXPECT_FALSE(k.down[kEnter]);  // and released in the next
    k.poll([](auto) {});
    EXPECT_FALSE(k.down[kEnter]);
}

TEST(QuickKeyPresses, ACtrlShortcutTappedTogetherKeepsBothForTheFrame) {
    Keys k;
    k.poll([](auto event) {
        event(kCtrl, true);
        event('S', true);
        event('S', false);
        event(kCtrl, false);
    });
    EXPECT_TRUE(k.down[kCtrl]);
    EXPECT_TRUE(k.down['S']);
    k.poll([](auto) {});
    EXPECT_FALSE(k.down[kCtrl]);
    EXPECT_FALSE(k.down['S']);
}

TEST(QuickKeyPresses, KeysHeldOrReleasedInAnotherPollAreLeftAlone) {
    Keys k;
    k.poll([](auto event) { event(kEnter, true); });
    EXPECT_TRUE(k.down[kEnter]);
    k.poll([](auto) {});
    EXPECT_TRUE(k.down[kEnter]);  // held: not released by us
    k.poll([](auto event) { event(kEnter, false); });
    EXPECT_FALSE(k.down[kEnter]);  // released in its own poll: not held back
    // Down, up, down again in one poll: simply held.
    k.poll([](auto event) {
        event(kEnter, true);
        event(kEnter, false);
        event(kEnter, true);
    });
    EXPECT_TRUE(k.down[kEnter]);
    k.poll([](auto) {});
    EXPECT_TRUE(k.down[kEnter]);
}

TEST(QuickKeyPresses, KeysOutsideTheArrayAreIgnored) {
    Keys k;
    QuickKeyPresses quick;
    quick.on_key(-1, true);
    quick.on_key(-1, false);
    quick.on_key(100000, true);
    quick.on_key(100000, false);
    quick.after_poll(k.down.data(), k.down.size());
    quick.before_poll(k.down.data(), k.down.size());
    for (const bool d : k.down) EXPECT_FALSE(d);
}

}  // namespace
}  // namespace fv::gui
