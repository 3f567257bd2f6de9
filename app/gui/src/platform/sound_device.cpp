#include "platform/sound_device.h"

#include <alsa/asoundlib.h>

#include <atomic>
#include <cerrno>
#include <mutex>

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"

namespace fv::gui {
namespace {

std::atomic<SoundDevices*> g_devices{nullptr};

// ALSA writes its own complaints to stderr ("ALSA lib pcm.c: Unknown PCM");
// the person sees our message instead. They never hold report content.
void ignore_alsa_error(const char*, int, const char*, int, const char*, ...) {}

void quiet_alsa_errors() {
    static std::once_flag once;
    std::call_once(once, [] { snd_lib_error_set_handler(ignore_alsa_error); });
}

// 100 ms of buffer: pause and seek are heard at once, and a busy machine
// (2 cores, a worker thread) rarely starves it.
constexpr unsigned kLatencyMicroseconds = 100000;

snd_pcm_t* open_pcm(const std::string& name, snd_pcm_stream_t stream, int sample_rate, int channels) {
    quiet_alsa_errors();
    snd_pcm_t* pcm = nullptr;
    if (snd_pcm_open(&pcm, name.c_str(), stream, 0) < 0 || pcm == nullptr) {
        throw Error(ErrorKind::Io, stream == SND_PCM_STREAM_PLAYBACK
                                       ? core::tr("No sound output was found on this computer, so the sound cannot "
                                                  "be played here.")
                                       : core::tr("No microphone was found on this computer, so nothing can be "
                                                  "recorded."));
    }
    if (snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, static_cast<unsigned>(channels),
                           static_cast<unsigned>(sample_rate), 1, kLatencyMicroseconds) < 0) {
        snd_pcm_close(pcm);
        throw Error(ErrorKind::Io, core::tr("The sound device refused this kind of sound."));
    }
    return pcm;
}

class AlsaOutput final : public SoundOutput {
public:
    AlsaOutput(snd_pcm_t* pcm, int channels) : pcm_(pcm), channels_(static_cast<std::size_t>(channels)) {}
    ~AlsaOutput() override {
        snd_pcm_drop(pcm_);
        snd_pcm_close(pcm_);
    }
    void write(std::span<const std::int16_t> interleaved) override {
        std::size_t done = 0;
        const std::size_t frames = interleaved.size() / channels_;
        while (done < frames) {
            snd_pcm_sframes_t n = snd_pcm_writei(pcm_, interleaved.data() + done * channels_,
                                                 static_cast<snd_pcm_uframes_t>(frames - done));
            if (n < 0) n = snd_pcm_recover(pcm_, static_cast<int>(n), 1);  // an underrun: start again
            if (n < 0) throw Error(ErrorKind::Io, core::tr("The sound device stopped working."));
            done += static_cast<std::size_t>(n);
        }
    }
    void drop() noexcept override {
        snd_pcm_drop(pcm_);
        snd_pcm_prepare(pcm_);
    }
    void drain() noexcept override {
        snd_pcm_drain(pcm_);
        snd_pcm_prepare(pcm_);
    }

private:
    snd_pcm_t* pcm_;
    std::size_t channels_;
};

class AlsaInput final : public SoundInput {
public:
    AlsaInput(snd_pcm_t* pcm, int channels) : pcm_(pcm), channels_(static_cast<std::size_t>(channels)) {}
    ~AlsaInput() override {
        snd_pcm_drop(pcm_);
        snd_pcm_close(pcm_);
    }
    std::size_t read(std::span<std::int16_t> interleaved) override {
        snd_pcm_sframes_t n =
            snd_pcm_readi(pcm_, interleaved.data(), static_cast<snd_pcm_uframes_t>(interleaved.size() / channels_));
        if (n == -EAGAIN) return 0;
        if (n < 0) n = snd_pcm_recover(pcm_, static_cast<int>(n), 1);  // an overrun: go on
        if (n < 0) throw Error(ErrorKind::Io, core::tr("The microphone stopped working."));
        return static_cast<std::size_t>(n);
    }

private:
    snd_pcm_t* pcm_;
    std::size_t channels_;
};

}  // namespace

std::unique_ptr<SoundOutput> AlsaSoundDevices::open_output(int sample_rate, int channels) {
    return std::make_unique<AlsaOutput>(open_pcm(playback_, SND_PCM_STREAM_PLAYBACK, sample_rate, channels), channels);
}

std::unique_ptr<SoundInput> AlsaSoundDevices::open_input(int sample_rate, int channels) {
    return std::make_unique<AlsaInput>(open_pcm(capture_, SND_PCM_STREAM_CAPTURE, sample_rate, channels), channels);
}

SoundDevices& sound_devices() {
    if (SoundDevices* set = g_devices.load()) return *set;
    static AlsaSoundDevices alsa;
    return alsa;
}

void set_sound_devices(SoundDevices* devices) noexcept { g_devices.store(devices); }

}  // namespace fv::gui
