#pragma once
// Sound devices for tests (CI has no sound card): an output that keeps what
// it is given, and can hold the player's thread at a block until the test
// lets it go on; an input that plays a sine wave into the recorder.
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <numbers>
#include <vector>

#include "fieldvault/model/error.h"
#include "platform/sound_device.h"

namespace fv::gui::test {

// A sine wave of `frames` frames, the same in every channel.
inline std::vector<std::int16_t> sine(int rate, int channels, std::size_t frames, double hz = 440.0,
                                      double amplitude = 0.5) {
    std::vector<std::int16_t> out(frames * static_cast<std::size_t>(channels));
    for (std::size_t f = 0; f < frames; ++f) {
        const double v = amplitude * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(f) / rate);
        for (int c = 0; c < channels; ++c)
            out[f * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                static_cast<std::int16_t>(std::lround(v * 32767.0));
    }
    return out;
}

class FakeSound final : public SoundDevices {
public:
    struct Shared {
        std::mutex mutex;
        std::condition_variable changed;
        std::vector<std::int16_t> played;  // every sample written, in order
        std::size_t writes = 0;
        std::size_t drops = 0;
        std::size_t drains = 0;
        std::size_t allowed_writes = SIZE_MAX;  // a write past this waits for allow()
        std::size_t input_frames_left = 0;      // what the microphone still gives
        std::size_t input_position = 0;
        bool input_waits_when_empty = false;
    };

    bool fail_output = false;
    bool fail_input = false;
    int opened_rate = 0;
    int opened_channels = 0;
    std::shared_ptr<Shared> shared = std::make_shared<Shared>();

    void allow(std::size_t more_writes) {
        std::lock_guard lock(shared->mutex);
        shared->allowed_writes = shared->writes + more_writes;
        shared->changed.notify_all();
    }
    void allow_all() {
        std::lock_guard lock(shared->mutex);
        shared->allowed_writes = SIZE_MAX;
        shared->changed.notify_all();
    }
    // Waits until the player's thread is held at the gate (writes == allowed).
    void wait_until_held() {
        std::unique_lock lock(shared->mutex);
        shared->changed.wait(lock, [&] { return shared->writes >= shared->allowed_writes; });
    }
    void wait_for_drain() {
        std::unique_lock lock(shared->mutex);
        shared->changed.wait(lock, [&] { return shared->drains > 0; });
    }
    // Waits until the player's thread has silenced the device `count` times (it pauses).
    void wait_for_drops(std::size_t count) {
        std::unique_lock lock(shared->mutex);
        shared->changed.wait(lock, [&] { return shared->drops >= count; });
    }
    std::vector<std::int16_t> played() {
        std::lock_guard lock(shared->mutex);
        return shared->played;
    }
    void give_microphone(std::size_t frames) {
        std::lock_guard lock(shared->mutex);
        shared->input_frames_left += frames;
    }

    std::unique_ptr<SoundOutput> open_output(int rate, int channels) override {
        if (fail_output) throw Error(ErrorKind::Io, "No sound output was found on this computer.");
        opened_rate = rate;
        opened_channels = channels;
        return std::make_unique<Output>(shared);
    }
    std::unique_ptr<SoundInput> open_input(int rate, int channels) override {
        if (fail_input) throw Error(ErrorKind::Io, "No microphone was found on this computer.");
        opened_rate = rate;
        opened_channels = channels;
        return std::make_unique<Input>(shared, rate);
    }

private:
    class Output final : public SoundOutput {
    public:
        explicit Output(std::shared_ptr<Shared> s) : s_(std::move(s)) {}
        void write(std::span<const std::int16_t> samples) override {
            std::unique_lock lock(s_->mutex);
            s_->changed.wait(lock, [&] { return s_->writes < s_->allowed_writes; });
            s_->played.insert(s_->played.end(), samples.begin(), samples.end());
            ++s_->writes;
            s_->changed.notify_all();
        }
        void drop() noexcept override {
            std::lock_guard lock(s_->mutex);
            ++s_->drops;
            s_->changed.notify_all();
        }
        void drain() noexcept override {
            std::lock_guard lock(s_->mutex);
            ++s_->drains;
            s_->changed.notify_all();
        }

    private:
        std::shared_ptr<Shared> s_;
    };

    class Input final : public SoundInput {
    public:
        Input(std::shared_ptr<Shared> s, int rate) : s_(std::move(s)), rate_(rate) {}
        std::size_t read(std::span<std::int16_t> out) override {
            std::lock_guard lock(s_->mutex);
            const std::size_t n = std::min(out.size(), s_->input_frames_left);  // mono
            for (std::size_t i = 0; i < n; ++i) {
                const double t = static_cast<double>(s_->input_position + i) / rate_;
                out[i] = static_cast<std::int16_t>(std::lround(0.5 * 32767.0 * std::sin(2.0 * std::numbers::pi * 440.0 * t)));
            }
            s_->input_position += n;
            s_->input_frames_left -= n;
            return n;
        }

    private:
        std::shared_ptr<Shared> s_;
        int rate_;
    };
};

}  // namespace fv::gui::test
