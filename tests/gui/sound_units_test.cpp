// Sound evidence (issue 14): decoding each format from memory, refusals with
// a calm message, playback through a fake output (order, pause, seek, stop),
// ALSA's "null" device (no sound card needed), recording through a fake
// input into a memo that decodes back.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "fake_sound.h"
#include "fieldvault/model/error.h"
#include "models/sound.h"
#include "models/sound_player.h"
#include "models/voice_recorder.h"
#include "platform/sound_device.h"
#include "sound_refusal.h"

namespace fv::gui::test {
namespace {

std::vector<std::uint8_t> encoded(const std::vector<std::int16_t>& samples, int rate, int channels, Encoding e) {
    const auto pcm = make_pcm(rate, channels, samples);
    const auto bytes = encode_sound(pcm, e);
    return {bytes.reveal().begin(), bytes.reveal().end()};
}

// Shift-invariant likeness to a 440 Hz sine of amplitude 0.5 (lossy codecs
// delay and pad): the loudness and the number of zero crossings per second.
void expect_like_sine(const Pcm& pcm) {
    const auto s = pcm.samples();
    const auto ch = static_cast<std::size_t>(pcm.channels);
    double sum = 0;
    std::size_t crossings = 0;
    for (std::size_t f = 0; f < pcm.frames; ++f) {
        const double v = s[f * ch] / 32768.0;
        sum += v * v;
        if (f > 0 && (s[(f - 1) * ch] < 0) != (s[f * ch] < 0)) ++crossings;
    }
    const double rms = std::sqrt(sum / static_cast<double>(pcm.frames));
    EXPECT_NEAR(rms, 0.5 / std::sqrt(2.0), 0.06);
    const double per_second = static_cast<double>(crossings) / pcm.seconds();
    EXPECT_NEAR(per_second, 880.0, 880.0 * 0.05);
}

struct Case {
    Encoding encoding;
    int rate;
    int channels;
    bool lossless;
    SoundFormat sniffed;
};

TEST(Sound, DecodesEachFormatFromMemory) {
    const std::vector<Case> cases = {
        {Encoding::Wav, 44100, 2, true, SoundFormat::Wav},
        {Encoding::Flac, 48000, 1, true, SoundFormat::Flac},
        {Encoding::OggVorbis, 44100, 2, false, SoundFormat::Ogg},
        {Encoding::OggOpus, 48000, 1, false, SoundFormat::Ogg},
        {Encoding::Mp3, 44100, 1, false, SoundFormat::Mp3},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(static_cast<int>(c.encoding));
        if (!can_encode(c.encoding)) {
            ASSERT_EQ(c.encoding, Encoding::Mp3) << "only MP3 may lack an encoder (LAME)";
            continue;
        }
        const std::size_t frames = static_cast<std::size_t>(c.rate);  // one second
        const auto wave = sine(c.rate, c.channels, frames);
        const auto file = encoded(wave, c.rate, c.channels, c.encoding);
        EXPECT_EQ(sniff_sound(file), c.sniffed);
        const auto pcm = decode_sound(file);
        EXPECT_EQ(pcm.sample_rate, c.rate);
        EXPECT_EQ(pcm.channels, c.channels);
        if (c.lossless) {
            EXPECT_EQ(pcm.frames, frames);
            ASSERT_EQ(pcm.samples().size(), wave.size());
            EXPECT_TRUE(std::equal(wave.begin(), wave.end(), pcm.samples().begin()));
        } else {
            EXPECT_NEAR(static_cast<double>(pcm.frames), static_cast<double>(frames), static_cast<double>(frames) * 0.1);
        }
        expect_like_sine(pcm);
        EXPECT_NEAR(pcm.seconds(), 1.0, 0.1);
    }
}

TEST(Sound, MoreThanTwoChannelsAreMixedDownToOne) {
    const auto wave = sine(48000, 4, 4800);
    const auto pcm = decode_sound(encoded(wave, 48000, 4, Encoding::Wav));
    EXPECT_EQ(pcm.channels, 1);
    EXPECT_EQ(pcm.frames, 4800u);
    EXPECT_EQ(pcm.samples()[100], wave[400]);  // every channel alike: the mix is the same
}

TEST(Sound, EmptyTruncatedCorruptAndUnknownInputIsRefusedCalmly) {
    EXPECT_NE(refusal({}).find("empty"), std::string::npos);

    const auto wave = sine(44100, 1, 44100);
    auto wav = encoded(wave, 44100, 1, Encoding::Wav);
    auto cut_wav = wav;
    cut_wav.resize(wav.size() / 2);
    EXPECT_NE(refusal(cut_wav).find("damaged or cut short"), std::string::npos) << refusal(cut_wav);
    auto header_only = wav;
    header_only.resize(30);
    EXPECT_NE(refusal(header_only).find("damaged"), std::string::npos) << refusal(header_only);

    auto flac = encoded(wave, 44100, 1, Encoding::Flac);
    flac.resize(flac.size() / 2);
    EXPECT_NE(refusal(flac).find("damaged or cut short"), std::string::npos) << refusal(flac);

    std::vector<std::uint8_t> ogg = {'O', 'g', 'g', 'S'};
    for (int i = 0; i < 500; ++i) ogg.push_back(static_cast<std::uint8_t>(i * 37));
    EXPECT_NE(refusal(ogg).find("damaged"), std::string::npos) << refusal(ogg);

    std::vector<std::uint8_t> flac_garbage = {'f', 'L', 'a', 'C'};
    for (int i = 0; i < 500; ++i) flac_garbage.push_back(static_cast<std::uint8_t>(i * 13));
    EXPECT_NE(refusal(flac_garbage).find("damaged"), std::string::npos) << refusal(flac_garbage);

    const std::string text = "They said they know where I live.";
    EXPECT_NE(refusal({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}).find("WAV, MP3, OGG"),
              std::string::npos);
}

TEST(Sound, M4aAndAacAreSniffedAndAHeaderAloneIsDamaged) {
    // They play through FFmpeg (sound_ffmpeg_test.cpp); a header with nothing after it is damaged.
    const std::uint8_t m4a[] = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0};
    EXPECT_EQ(sniff_sound(m4a), SoundFormat::M4a);
    EXPECT_NE(refusal(m4a).find("damaged or cut short"), std::string::npos) << refusal(m4a);
    const std::uint8_t adts[] = {0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC, 0, 0, 0};
    EXPECT_EQ(sniff_sound(adts), SoundFormat::Aac);
    EXPECT_NE(refusal(adts).find("damaged or cut short"), std::string::npos) << refusal(adts);
    EXPECT_TRUE(is_sound_attachment("audio/mp4", "call.m4a"));
    EXPECT_TRUE(is_sound_attachment("application/octet-stream", "Call.FLAC"));
    EXPECT_FALSE(is_sound_attachment("image/png", "photo.png"));
}

TEST(Sound, TooLargeOrTooLongIsRefusedBeforeFillingMemory) {
    const auto wav = encoded(sine(8000, 1, 8000), 8000, 1, Encoding::Wav);
    SoundLimits small_file;
    small_file.max_encoded_bytes = wav.size() - 1;
    EXPECT_NE(refusal(wav, small_file).find("too large"), std::string::npos);
    SoundLimits short_memory;
    short_memory.max_decoded_bytes = 1000;
    EXPECT_NE(refusal(wav, short_memory).find("too long"), std::string::npos) << refusal(wav, short_memory);
}

TEST(Sound, EncodingReportsProgressAndStopsWhenTheCallbackThrows) {
    const auto pcm = make_pcm(48000, 1, sine(48000, 1, 48000));
    std::uint64_t last = 0;
    int calls = 0;
    (void)encode_sound(pcm, Encoding::Flac, [&](std::uint64_t done, std::uint64_t total) {
        EXPECT_EQ(total, 48000u);
        EXPECT_GE(done, last);
        last = done;
        ++calls;
    });
    EXPECT_GT(calls, 5);
    int seen = 0;
    EXPECT_THROW((void)encode_sound(pcm, Encoding::Flac,
                                    [&](std::uint64_t, std::uint64_t) {
                                        if (++seen == 3) throw Error(ErrorKind::Invalid, "cancelled");
                                    }),
                 Error);
    EXPECT_EQ(seen, 3);
}

TEST(Sound, WipedBytesGrowsAndTakesExactly) {
    WipedBytes bytes;
    std::vector<std::uint8_t> expected;
    for (int i = 0; i < 10000; ++i) {
        const std::uint8_t b = static_cast<std::uint8_t>(i);
        bytes.append({&b, 1});
        expected.push_back(b);
    }
    ASSERT_EQ(bytes.size(), expected.size());
    const auto taken = bytes.take();
    EXPECT_TRUE(bytes.empty());
    ASSERT_EQ(taken.size(), expected.size());
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), taken.reveal().begin()));
}

TEST(Sound, DurationsReadAsClockTimes) {
    EXPECT_EQ(format_duration(0.0), "0:00");
    EXPECT_EQ(format_duration(7.9), "0:07");
    EXPECT_EQ(format_duration(754.0), "12:34");
    EXPECT_EQ(format_duration(3723.0), "1:02:03");
    EXPECT_EQ(format_duration(-3.0), "0:00");
}

// --- playback ---------------------------------------------------------------

Pcm counting_pcm(std::size_t frames, int channels = 2) {
    std::vector<std::int16_t> samples(frames * static_cast<std::size_t>(channels));
    for (std::size_t i = 0; i < samples.size(); ++i) samples[i] = static_cast<std::int16_t>(i % 30000);
    return make_pcm(48000, channels, samples);
}

void wait_until_stopped(SoundPlayer& player) {
    while (player.playing()) std::this_thread::yield();
}

TEST(SoundPlayer, AFakeOutputReceivesEverySampleInOrder) {
    FakeSound devices;
    SoundPlayer player;
    const auto pcm = counting_pcm(5000);
    const std::vector<std::int16_t> expected(pcm.samples().begin(), pcm.samples().end());
    player.load(make_pcm(48000, 2, expected));
    EXPECT_TRUE(player.holds_sensitive_data());
    player.play(&devices);
    devices.wait_for_drain();
    wait_until_stopped(player);
    EXPECT_EQ(devices.opened_rate, 48000);
    EXPECT_EQ(devices.opened_channels, 2);
    EXPECT_EQ(devices.played(), expected);
    EXPECT_EQ(player.position(), player.frames());
    EXPECT_TRUE(player.error().empty());
    // Play again after the end: from the start.
    player.play(&devices);
    while (devices.played().size() < 2 * expected.size()) std::this_thread::yield();
    wait_until_stopped(player);
    const auto twice = devices.played();
    EXPECT_TRUE(std::equal(expected.begin(), expected.end(), twice.begin() + static_cast<long>(expected.size())));
    player.clear();
    EXPECT_FALSE(player.holds_sensitive_data());
    EXPECT_FALSE(player.loaded());
}

TEST(SoundPlayer, PauseHoldsThePlaceAndSeekMovesIt) {
    FakeSound devices;
    SoundPlayer player;
    player.load(counting_pcm(10 * 1024, 1));
    devices.allow(2);
    player.play(&devices);
    devices.wait_until_held();  // two blocks written, the third waits
    player.pause();
    devices.allow_all();
    devices.wait_for_drops(1);  // the thread has stopped writing and waits
    // The waiting block was written as pause came: at most three blocks in.
    const auto paused_at = player.position();
    EXPECT_GE(paused_at, 2u * 1024);
    EXPECT_LE(paused_at, 3u * 1024);
    EXPECT_FALSE(player.playing());
    const auto written = devices.played().size();

    // Seek to frame 8192 while paused, then play to the end.
    player.seek(8 * 1024);
    EXPECT_EQ(player.position(), 8u * 1024);
    player.play(&devices);
    while (devices.played().size() < written + 2 * 1024) std::this_thread::yield();
    wait_until_stopped(player);
    const auto played = devices.played();
    ASSERT_EQ(played.size(), written + 2 * 1024);
    EXPECT_EQ(played[written], static_cast<std::int16_t>(8 * 1024));  // sample i holds i
    EXPECT_EQ(played.back(), static_cast<std::int16_t>(10 * 1024 - 1));

    player.seek(1u << 30);  // clamped to the end
    EXPECT_EQ(player.position(), player.frames());
    player.stop();
    EXPECT_EQ(player.position(), 0u);
    EXPECT_FALSE(player.playing());
}

TEST(SoundPlayer, NoSoundOutputGivesAMessageNotACrash) {
    FakeSound devices;
    devices.fail_output = true;
    SoundPlayer player;
    player.load(counting_pcm(100));
    player.play(&devices);
    while (player.error().empty()) std::this_thread::yield();
    wait_until_stopped(player);
    EXPECT_NE(player.error().find("No sound output"), std::string::npos);
    player.clear();
    EXPECT_TRUE(player.error().empty());
}

TEST(SoundPlayer, AlsaNullDevicePlaysWithoutASoundCard) {
    AlsaSoundDevices null_device("null", "null");
    SoundPlayer player;
    player.load(make_pcm(48000, 1, sine(48000, 1, 4800)));
    player.play(&null_device);
    wait_until_stopped(player);
    EXPECT_TRUE(player.error().empty()) << player.error();
    EXPECT_EQ(player.position(), player.frames());
}

TEST(SoundPlayer, AMissingAlsaDeviceGivesAMessage) {
    AlsaSoundDevices missing("fieldvault_no_such_device", "fieldvault_no_such_device");
    SoundPlayer player;
    player.load(make_pcm(48000, 1, sine(48000, 1, 480)));
    player.play(&missing);
    while (player.error().empty()) std::this_thread::yield();
    EXPECT_NE(player.error().find("No sound output"), std::string::npos) << player.error();
    VoiceRecorder recorder;
    recorder.start(&missing);
    while (recorder.recording()) std::this_thread::yield();
    EXPECT_NE(recorder.error().find("No microphone"), std::string::npos) << recorder.error();
    EXPECT_EQ(recorder.stop().frames, 0u);
}

// --- recording --------------------------------------------------------------

TEST(VoiceRecorder, AFakeMicrophoneMakesAMemoThatDecodesBack) {
    FakeSound devices;
    devices.give_microphone(48000);  // one second of a 440 Hz tone
    VoiceRecorder recorder;
    recorder.start(&devices);
    while (recorder.seconds() < 1.0) std::this_thread::yield();
    EXPECT_TRUE(recorder.recording());
    EXPECT_GT(recorder.level(), 0.4f);  // the tone peaks at half scale
    EXPECT_TRUE(recorder.holds_sensitive_data());
    const auto pcm = recorder.stop();
    EXPECT_FALSE(recorder.recording());
    EXPECT_FALSE(recorder.holds_sensitive_data());
    EXPECT_EQ(devices.opened_rate, VoiceRecorder::kSampleRate);
    EXPECT_EQ(devices.opened_channels, 1);
    ASSERT_EQ(pcm.frames, 48000u);
    const auto flac = encode_sound(pcm, Encoding::Flac);
    EXPECT_EQ(sniff_sound(flac.reveal()), SoundFormat::Flac);
    const auto back = decode_sound(flac.reveal());
    EXPECT_EQ(back.frames, pcm.frames);
    EXPECT_TRUE(std::equal(pcm.samples().begin(), pcm.samples().end(), back.samples().begin()));
    expect_like_sine(back);
}

TEST(VoiceRecorder, CancelWipesAndTheLimitStopsIt) {
    FakeSound devices;
    devices.give_microphone(100000);
    VoiceRecorder recorder;
    recorder.start(&devices, 4800);  // a tenth of a second at most
    while (recorder.recording()) std::this_thread::yield();
    EXPECT_TRUE(recorder.reached_limit());
    EXPECT_DOUBLE_EQ(recorder.seconds(), 0.1);
    recorder.cancel();
    EXPECT_FALSE(recorder.holds_sensitive_data());
    EXPECT_EQ(recorder.stop().frames, 0u);  // nothing left to hand over
}

TEST(VoiceRecorder, NoMicrophoneGivesAMessage) {
    FakeSound devices;
    devices.fail_input = true;
    VoiceRecorder recorder;
    recorder.start(&devices);
    while (recorder.recording()) std::this_thread::yield();
    EXPECT_NE(recorder.error().find("No microphone"), std::string::npos);
    recorder.cancel();
    EXPECT_TRUE(recorder.error().empty());
}

TEST(VoiceRecorder, AlsaNullCaptureRecordsWithoutASoundCard) {
    AlsaSoundDevices null_device("null", "null");
    VoiceRecorder recorder;
    recorder.start(&null_device, 2400);
    while (recorder.recording()) std::this_thread::yield();
    EXPECT_TRUE(recorder.error().empty()) << recorder.error();
    EXPECT_TRUE(recorder.reached_limit());
    EXPECT_EQ(recorder.stop().frames, 2400u);
}

}  // namespace
}  // namespace fv::gui::test
