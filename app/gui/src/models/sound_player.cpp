#include "models/sound_player.h"

#include <algorithm>
#include <memory>

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"
#include "platform/sound_device.h"

namespace fv::gui {
namespace {

// About 20 ms at 48 kHz: pause and seek take effect within one block.
constexpr std::uint64_t kBlockFrames = 1024;

void wipe(std::string& text) noexcept {
    wipe_memory(text.data(), text.size());
    text.clear();
}

}  // namespace

void SoundPlayer::load(Pcm pcm) {
    clear();
    pcm_ = std::move(pcm);
}

void SoundPlayer::join() noexcept {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        playing_ = false;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    quit_ = false;
    running_ = false;
}

void SoundPlayer::play(SoundDevices* devices) {
    if (!loaded()) return;
    std::unique_lock lock(mutex_);
    wipe(error_);
    if (position_.load() >= pcm_.frames) position_.store(0);
    playing_ = true;
    if (running_) {  // paused, its thread still waiting: it goes on
        lock.unlock();
        wake_.notify_all();
        return;
    }
    lock.unlock();
    if (thread_.joinable()) thread_.join();  // a thread that has ended
    lock.lock();
    running_ = true;
    lock.unlock();
    SoundDevices* chosen = devices != nullptr ? devices : &sound_devices();
    thread_ = std::thread([this, chosen] { run(chosen); });
}

void SoundPlayer::pause() {
    {
        std::lock_guard lock(mutex_);
        playing_ = false;
    }
    wake_.notify_all();
}

void SoundPlayer::stop() {
    join();
    position_.store(0);
}

void SoundPlayer::seek(std::uint64_t frame) {
    {
        std::lock_guard lock(mutex_);
        position_.store(std::min(frame, pcm_.frames));
        flush_ = true;
    }
    wake_.notify_all();
}

void SoundPlayer::seek_seconds(double seconds) {
    if (!(seconds > 0.0) || pcm_.sample_rate <= 0) {
        seek(0);
        return;
    }
    seek(static_cast<std::uint64_t>(seconds * static_cast<double>(pcm_.sample_rate)));
}

bool SoundPlayer::playing() const {
    std::lock_guard lock(mutex_);
    return playing_;
}

double SoundPlayer::position_seconds() const noexcept {
    return pcm_.sample_rate > 0 ? static_cast<double>(position_.load()) / static_cast<double>(pcm_.sample_rate) : 0.0;
}

std::string SoundPlayer::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

// The player's thread: opens the device, sends blocks while playing, stops
// at the end. Paused, it waits with the device open (the sound is dropped).
void SoundPlayer::run(SoundDevices* devices) {
    const auto channels = static_cast<std::size_t>(pcm_.channels);
    const auto samples = pcm_.samples();
    auto fail = [this](std::string message) {
        std::lock_guard lock(mutex_);
        error_ = std::move(message);
        playing_ = false;
        running_ = false;
    };
    std::unique_ptr<SoundOutput> output;
    try {
        output = devices->open_output(pcm_.sample_rate, pcm_.channels);
    } catch (const Error& e) {
        fail(e.what());
        return;
    } catch (...) {
        fail(core::tr("No sound output was found on this computer, so the sound cannot be played here."));
        return;
    }
    std::unique_lock lock(mutex_);
    for (;;) {
        if (!playing_ && !quit_) {
            lock.unlock();
            output->drop();  // silence now, not after the buffer
            lock.lock();
            wake_.wait(lock, [this] { return playing_ || quit_; });
        }
        if (quit_) break;
        if (flush_) {
            flush_ = false;
            lock.unlock();
            output->drop();
            lock.lock();
            continue;
        }
        const std::uint64_t at = position_.load();
        if (at >= pcm_.frames) {  // the end: let the last sound be heard
            lock.unlock();
            output->drain();
            lock.lock();
            if (position_.load() >= pcm_.frames && !flush_) playing_ = false;
            continue;
        }
        const std::uint64_t n = std::min(kBlockFrames, pcm_.frames - at);
        lock.unlock();
        try {
            output->write(samples.subspan(static_cast<std::size_t>(at) * channels, static_cast<std::size_t>(n) * channels));
        } catch (const Error& e) {
            output.reset();
            fail(e.what());
            return;
        } catch (...) {
            output.reset();
            fail(core::tr("The sound device stopped working."));
            return;
        }
        lock.lock();
        if (!flush_) position_.store(at + n);  // a seek meanwhile keeps its position
    }
    lock.unlock();
    output.reset();
    lock.lock();
    running_ = false;
}

void SoundPlayer::clear() noexcept {
    join();
    position_.store(0);
    pcm_.bytes.wipe();
    pcm_ = Pcm{};
    std::lock_guard lock(mutex_);
    wipe(error_);
    flush_ = false;
}

bool SoundPlayer::holds_sensitive_data() const noexcept { return !pcm_.bytes.empty() || pcm_.frames != 0; }

}  // namespace fv::gui
