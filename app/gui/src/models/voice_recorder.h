#pragma once
// Records a voice memo from a SoundInput on a thread of its own into wiped
// memory, with the time and a level for a meter; stop() hands the samples
// over (to be encoded and stored in the vault), cancel() wipes them. Nothing
// is written to disk. No ImGui.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "models/sound.h"

namespace fv::gui {

class SoundDevices;

class VoiceRecorder {
public:
    // Mono at 48 kHz: what laptop microphones give, and enough for a voice.
    static constexpr int kSampleRate = 48000;
    static constexpr int kChannels = 1;
    // An hour (about 330 MiB of samples in memory; the memo is then stored).
    static constexpr std::uint64_t kMaxFrames = 3600ull * kSampleRate;

    VoiceRecorder() = default;
    ~VoiceRecorder() { cancel(); }
    VoiceRecorder(const VoiceRecorder&) = delete;
    VoiceRecorder& operator=(const VoiceRecorder&) = delete;

    // Starts recording through `devices` (sound_devices() when null). A
    // microphone that cannot be opened or fails leaves a message in error().
    void start(SoundDevices* devices = nullptr, std::uint64_t max_frames = kMaxFrames);
    // True from start() until stop()/cancel(), or until the device failed or
    // the limit was reached (then the thread has ended and stop() keeps what came).
    bool recording() const noexcept { return recording_.load(); }
    bool started() const noexcept { return thread_.joinable(); }
    bool reached_limit() const noexcept { return limit_.load(); }
    double seconds() const noexcept;
    // The loudest sample of the last block, 0..1.
    float level() const noexcept { return level_.load(); }
    std::string error() const;

    // Ends the recording and hands over what was recorded (frames may be 0).
    Pcm stop();
    // Ends the recording and wipes it.
    void cancel() noexcept;
    bool holds_sensitive_data() const noexcept;

private:
    void run(SoundDevices* devices, std::uint64_t max_frames);
    void join() noexcept;

    WipedBytes samples_;  // written by the thread only; read after join()
    std::atomic<bool> recording_{false};
    std::atomic<bool> quit_{false};
    std::atomic<bool> limit_{false};
    std::atomic<std::uint64_t> frames_{0};
    std::atomic<float> level_{0.0f};
    mutable std::mutex mutex_;
    std::string error_;
    std::thread thread_;
};

}  // namespace fv::gui
