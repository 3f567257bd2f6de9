#include "models/voice_recorder.h"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"
#include "platform/sound_device.h"

namespace fv::gui {

void VoiceRecorder::start(SoundDevices* devices, std::uint64_t max_frames) {
    cancel();
    {
        std::lock_guard lock(mutex_);
        error_.clear();
    }
    quit_.store(false);
    limit_.store(false);
    frames_.store(0);
    level_.store(0.0f);
    recording_.store(true);
    SoundDevices* chosen = devices != nullptr ? devices : &sound_devices();
    thread_ = std::thread([this, chosen, max_frames] { run(chosen, max_frames); });
}

void VoiceRecorder::run(SoundDevices* devices, std::uint64_t max_frames) {
    auto fail = [this](const std::string& message) {
        std::lock_guard lock(mutex_);
        error_ = message;
    };
    try {
        auto input = devices->open_input(kSampleRate, kChannels);
        // About 20 ms a block: the meter moves smoothly and stop is quick.
        constexpr std::size_t kBlock = 960;
        SecretBuffer block(kBlock * kChannels * sizeof(std::int16_t));
        auto* data = reinterpret_cast<std::int16_t*>(block.mutable_bytes().data());
        // An hour's room at once would be 330 MiB; grow as it comes instead.
        samples_.reserve(static_cast<std::size_t>(kSampleRate) * 10u * sizeof(std::int16_t));
        while (!quit_.load()) {
            const std::uint64_t room = max_frames - frames_.load();
            if (room == 0) {
                limit_.store(true);
                break;
            }
            const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(kBlock, room));
            const std::size_t got = input->read({data, want * kChannels});
            if (got == 0) {
                std::this_thread::yield();
                continue;
            }
            int peak = 0;
            for (std::size_t i = 0; i < got * kChannels; ++i) peak = std::max(peak, std::abs(static_cast<int>(data[i])));
            samples_.append({reinterpret_cast<const std::uint8_t*>(data), got * kChannels * sizeof(std::int16_t)});
            level_.store(static_cast<float>(peak) / 32768.0f);
            frames_.fetch_add(got);
        }
        wipe_memory(data, block.size());
    } catch (const Error& e) {
        fail(e.what());
    } catch (const std::bad_alloc&) {
        fail(core::tr("There is not enough memory to record any longer; what was recorded can still be kept."));
    } catch (...) {
        fail(core::tr("The microphone stopped working."));
    }
    level_.store(0.0f);
    recording_.store(false);
}

double VoiceRecorder::seconds() const noexcept {
    return static_cast<double>(frames_.load()) / static_cast<double>(kSampleRate);
}

std::string VoiceRecorder::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

void VoiceRecorder::join() noexcept {
    quit_.store(true);
    if (thread_.joinable()) thread_.join();
    recording_.store(false);
}

Pcm VoiceRecorder::stop() {
    join();
    Pcm pcm;
    pcm.sample_rate = kSampleRate;
    pcm.channels = kChannels;
    pcm.frames = samples_.size() / (kChannels * sizeof(std::int16_t));
    pcm.bytes = samples_.take();
    frames_.store(0);
    return pcm;
}

void VoiceRecorder::cancel() noexcept {
    join();
    samples_.wipe();
    frames_.store(0);
    level_.store(0.0f);
    limit_.store(false);
    std::lock_guard lock(mutex_);
    wipe_memory(error_.data(), error_.size());
    error_.clear();
}

bool VoiceRecorder::holds_sensitive_data() const noexcept {
    return thread_.joinable() || !samples_.empty() || frames_.load() != 0;
}

}  // namespace fv::gui
