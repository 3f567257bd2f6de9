#pragma once
// Plays decoded sound (Pcm, in wiped memory) on a thread of its own through a
// SoundOutput: play/pause, stop, seek, and the position for a bar and a clock.
// The frame thread calls every member; only the player's thread touches the
// device. No ImGui.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "models/sound.h"

namespace fv::gui {

class SoundDevices;

class SoundPlayer {
public:
    SoundPlayer() = default;
    ~SoundPlayer() { clear(); }
    SoundPlayer(const SoundPlayer&) = delete;
    SoundPlayer& operator=(const SoundPlayer&) = delete;

    // Stops what played before and takes these samples (wiped by clear()).
    void load(Pcm pcm);
    bool loaded() const noexcept { return pcm_.frames > 0; }

    // Plays from the position (from the start after the end) through
    // `devices` (sound_devices() when null). A device that cannot be opened
    // or fails leaves a calm message in error().
    void play(SoundDevices* devices = nullptr);
    void pause();
    // Stops and goes back to the start.
    void stop();
    // Moves to a frame (clamped); playback goes on from there if playing.
    void seek(std::uint64_t frame);
    void seek_seconds(double seconds);

    bool playing() const;
    // The next frame to be played (what was last sent to the device).
    std::uint64_t position() const noexcept { return position_.load(); }
    std::uint64_t frames() const noexcept { return pcm_.frames; }
    int sample_rate() const noexcept { return pcm_.sample_rate; }
    int channels() const noexcept { return pcm_.channels; }
    double position_seconds() const noexcept;
    double total_seconds() const noexcept { return pcm_.seconds(); }
    std::string error() const;

    // Stops the thread and wipes the samples and the message.
    void clear() noexcept;
    bool holds_sensitive_data() const noexcept;

private:
    void run(SoundDevices* devices);
    void join() noexcept;

    Pcm pcm_;  // read by the thread while it runs; changed only after join()
    std::atomic<std::uint64_t> position_{0};
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool playing_ = false;   // wanted: the thread plays while true
    bool running_ = false;   // the thread is alive (it clears this as it ends)
    bool quit_ = false;
    bool flush_ = false;     // drop what the device holds (seek)
    std::string error_;
    std::thread thread_;
};

}  // namespace fv::gui
