// fieldvault-sound-screens: a TEST program, never shipped. The real app under
// Xvfb on a test vault, taken to the sound player or the voice-memo recorder
// before its first frame, for the screenshot tests (screenshot_test.cmake):
//   fieldvault-sound-screens --vault DIR --screenshot FILE --screen sound-player|sound-recorder
// The passphrase is the first line of standard input. The vault gets an
// invented "[DEMO]" report with a generated tone stored from memory
// (attach_bytes: no file); the recorder hears a fake microphone (a tone), so
// no sound card is needed.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <numbers>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "fieldvault/core/attachments.h"
#include "fieldvault/core/i18n.h"
#include "fieldvault/core/process_hardening.h"
#include "fieldvault/core/reports.h"
#include "fieldvault/model/error.h"
#include "models/settings.h"
#include "models/sound.h"
#include "platform/app_runner.h"
#include "platform/fonts.h"
#include "platform/sound_device.h"
#include "platform/stdin_passphrase.h"
#include "views/view.h"

namespace {

std::int16_t tone(std::size_t i, int rate) {
    // 330 Hz, swelling and fading twice a second: the meter moves.
    const double t = static_cast<double>(i) / rate;
    const double swell = 0.3 + 0.6 * std::fabs(std::sin(std::numbers::pi * 2.0 * t));
    return static_cast<std::int16_t>(std::lround(32767.0 * 0.9 * swell * std::sin(2.0 * std::numbers::pi * 330.0 * t)));
}

// Silent devices: the output takes what it is given, the microphone hums.
class ScreenshotSound final : public fv::gui::SoundDevices {
public:
    std::unique_ptr<fv::gui::SoundOutput> open_output(int, int) override { return std::make_unique<Output>(); }
    std::unique_ptr<fv::gui::SoundInput> open_input(int rate, int) override { return std::make_unique<Input>(rate); }

private:
    struct Output final : fv::gui::SoundOutput {
        void write(std::span<const std::int16_t>) override {}
        void drop() noexcept override {}
        void drain() noexcept override {}
    };
    struct Input final : fv::gui::SoundInput {
        explicit Input(int rate) : rate_(rate) {}
        std::size_t read(std::span<std::int16_t> out) override {
            // As fast as a microphone: one block's time per block.
            std::this_thread::sleep_for(std::chrono::microseconds(out.size() * 1000000 / static_cast<std::size_t>(rate_)));
            for (auto& s : out) s = tone(at_++, rate_);
            return out.size();
        }
        int rate_;
        std::size_t at_ = 0;
    };
};

[[noreturn]] void usage(const char* problem) {
    std::fprintf(stderr, "fieldvault-sound-screens: %s\nusage: fieldvault-sound-screens --vault DIR --screenshot FILE "
                         "--screen sound-player|sound-recorder [--language CODE]\n", problem);
    std::exit(2);
}

// The [DEMO] report with the tone, made once.
std::int64_t demo_report_with_tone(fv::core::Session& session) {
    fv::core::ReportService reports(session);
    fv::core::ReportContent content;
    content.title = "[DEMO] Voicemail left after the visit";
    const auto id = reports.create(content, "Self");
    constexpr int kRate = 22050;
    std::vector<std::int16_t> samples(static_cast<std::size_t>(kRate) * 83);  // 1:23
    for (std::size_t i = 0; i < samples.size(); ++i) samples[i] = tone(i, kRate);
    const auto wav = fv::gui::encode_sound(fv::gui::make_pcm(kRate, 1, samples), fv::gui::Encoding::Wav);
    fv::core::AttachmentService(session).attach_bytes(id, "voicemail.wav", "audio/wav", wav.reveal());
    return id;
}

}  // namespace

int main(int argc, char** argv) {
    fv::core::harden_process();
    fv::gui::RunOptions run;
    std::string screen;
    std::string language;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
        const std::string value = argv[++i];
        if (arg == "--vault") run.vault = value;
        else if (arg == "--screenshot") run.screenshot = value;
        else if (arg == "--screen") screen = value;
        else if (arg == "--language") language = fv::core::normalise_language(value);
        else usage(("unknown argument " + arg).c_str());
    }
    if (screen != "sound-player" && screen != "sound-recorder") usage("--screen names sound-player or sound-recorder");
    if (!run.screenshot || !run.vault) usage("--vault and --screenshot are required");
    if (!language.empty()) ::setenv("LANGUAGE", language.c_str(), 1);
    fv::gui::remember_system_language();
    fv::core::init_translations(fv::gui::system_language_at_start());
    static ScreenshotSound devices;
    fv::gui::set_sound_devices(&devices);
    return fv::gui::run_app(run, [&](fv::gui::App& app) {
        fv::gui::apply_language(language.empty() ? app.state().settings().language : language);
        fv::gui::follow_language();
        auto passphrase = fv::gui::read_passphrase_from_stdin();
        if (!passphrase) throw fv::Error(fv::ErrorKind::Usage, "the passphrase is read from standard input");
        auto& state = app.state();
        state.set_session(fv::core::Session::open(state.vault_dir(), *passphrase));
        passphrase->wipe();
        const auto id = demo_report_with_tone(*state.session());
        auto& editor = app.report_editor_view();
        app.navigate(fv::gui::Screen::ReportList);
        editor.load(state, id);
        app.navigate(fv::gui::Screen::ReportEditor);
        auto& evidence = editor.evidence();
        if (screen == "sound-player") {
            const auto detail = fv::core::ReportService(*state.session()).get(id);
            evidence.preview(state, detail.attachments.at(0));
            state.worker().wait_until_idle();
            state.worker().poll();  // the player gets the samples
            evidence.player().seek_seconds(31.0);
        } else {
            evidence.voice_memo().start(state);
        }
        editor.scroll_to_evidence();
    });
}
