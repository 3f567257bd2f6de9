#pragma once
// The sound card behind a small interface, so that tests use fake devices
// (CI machines have no sound card). The real ones are ALSA's: its "default"
// device reaches PulseAudio or PipeWire on desktops. Each device is used by
// one thread only (the player's or the recorder's).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace fv::gui {

class SoundOutput {
public:
    virtual ~SoundOutput() = default;
    // Plays frames of interleaved 16-bit samples; blocks while the device's
    // buffer is full. Throws fv::Error(Io) with a calm message if the device fails.
    virtual void write(std::span<const std::int16_t> interleaved) = 0;
    // Stops at once, dropping what is buffered (pause, seek, stop).
    virtual void drop() noexcept = 0;
    // Waits until what is buffered has been heard (the end of a recording).
    virtual void drain() noexcept = 0;
};

class SoundInput {
public:
    virtual ~SoundInput() = default;
    // Fills up to interleaved.size() / channels frames; returns the frames
    // read (0 when nothing came in this time). Blocks for at most a short
    // period. Throws fv::Error(Io) if the device fails.
    virtual std::size_t read(std::span<std::int16_t> interleaved) = 0;
};

class SoundDevices {
public:
    virtual ~SoundDevices() = default;
    // Throw fv::Error(Io) with a calm message if there is no such device.
    virtual std::unique_ptr<SoundOutput> open_output(int sample_rate, int channels) = 0;
    virtual std::unique_ptr<SoundInput> open_input(int sample_rate, int channels) = 0;
};

// ALSA devices by name ("default", "null", "hw:0"...).
class AlsaSoundDevices final : public SoundDevices {
public:
    explicit AlsaSoundDevices(std::string playback = "default", std::string capture = "default")
        : playback_(std::move(playback)), capture_(std::move(capture)) {}
    std::unique_ptr<SoundOutput> open_output(int sample_rate, int channels) override;
    std::unique_ptr<SoundInput> open_input(int sample_rate, int channels) override;

private:
    std::string playback_;
    std::string capture_;
};

// The devices the app uses: those set by set_sound_devices (tests), else ALSA's default.
SoundDevices& sound_devices();
void set_sound_devices(SoundDevices* devices) noexcept;

}  // namespace fv::gui
