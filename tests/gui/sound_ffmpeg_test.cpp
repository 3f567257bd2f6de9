// M4A and ADTS AAC sound evidence (issue 14) decoded in memory with FFmpeg:
// files made in the test with FFmpeg's own AAC encoder, played back through
// decode_sound; damaged, cut short, empty, video-only and too long ones are
// refused with decode_sound's calm sentences.
#include <gtest/gtest.h>

extern "C" {
#include <libavutil/log.h>
}

#include <cmath>
#include <string>
#include <vector>

#include "fieldvault/model/error.h"
#include "m4a_maker.h"
#include "models/sound.h"
#include "sound_refusal.h"

namespace fv::gui::test {
namespace {

// A sine of amplitude 0.5 at `hz` on channel `channel`: loudness and zero
// crossings per second (shift-invariant: AAC delays and pads).
void expect_like_sine(const Pcm& pcm, int channel, double hz) {
    const auto s = pcm.samples();
    const auto ch = static_cast<std::size_t>(pcm.channels);
    const auto c = static_cast<std::size_t>(channel);
    double sum = 0;
    std::size_t crossings = 0;
    // AAC's first frame fades in (encoder delay): look past it.
    const std::size_t from = 2048;
    ASSERT_GT(pcm.frames, from + 1000);
    for (std::size_t f = from; f < pcm.frames - 1024; ++f) {
        const double v = s[f * ch + c] / 32768.0;
        sum += v * v;
        if (f > from && (s[(f - 1) * ch + c] < 0) != (s[f * ch + c] < 0)) ++crossings;
    }
    const double n = static_cast<double>(pcm.frames - 1024 - from);
    EXPECT_NEAR(std::sqrt(sum / n), 0.5 / std::sqrt(2.0), 0.05) << "channel " << channel;
    const double per_second = static_cast<double>(crossings) / (n / pcm.sample_rate);
    EXPECT_NEAR(per_second, 2.0 * hz, 2.0 * hz * 0.03) << "channel " << channel;
}

TEST(SoundFfmpeg, MonoM4aPlaysAtItsRateAndLength) {
    const auto m4a = make_aac_sound("ipod", 44100, 1, 2.0);
    ASSERT_EQ(sniff_sound(m4a), SoundFormat::M4a);
    const auto pcm = decode_sound(m4a);
    EXPECT_EQ(pcm.sample_rate, 44100);
    EXPECT_EQ(pcm.channels, 1);
    EXPECT_NEAR(pcm.seconds(), 2.0, 2.0 * 1024 / 44100.0);
    EXPECT_EQ(pcm.bytes.size(), pcm.frames * 2);
    expect_like_sine(pcm, 0, 440.0);
}

TEST(SoundFfmpeg, StereoMp4KeepsBothChannels) {
    const auto mp4 = make_aac_sound("mp4", 48000, 2, 1.5);
    ASSERT_EQ(sniff_sound(mp4), SoundFormat::M4a);
    const auto pcm = decode_sound(mp4);
    EXPECT_EQ(pcm.sample_rate, 48000);
    EXPECT_EQ(pcm.channels, 2);
    EXPECT_NEAR(pcm.seconds(), 1.5, 2.0 * 1024 / 48000.0);
    EXPECT_EQ(pcm.bytes.size(), pcm.frames * 4);
    expect_like_sine(pcm, 0, 440.0);
    expect_like_sine(pcm, 1, 660.0);
}

TEST(SoundFfmpeg, AdtsAacPlays) {
    const auto aac = make_aac_sound("adts", 22050, 1, 1.0);
    ASSERT_EQ(sniff_sound(aac), SoundFormat::Aac);
    const auto pcm = decode_sound(aac);
    EXPECT_EQ(pcm.sample_rate, 22050);
    EXPECT_EQ(pcm.channels, 1);
    // Raw AAC has no edit list: the encoder's delay (1024 frames) is played too.
    EXPECT_NEAR(pcm.seconds(), 1.0, 3.0 * 1024 / 22050.0);
    expect_like_sine(pcm, 0, 440.0);
}

TEST(SoundFfmpeg, MoreThanTwoChannelsAreMixedDownToOne) {
    const auto m4a = make_aac_sound("ipod", 44100, 6, 0.5);
    const auto pcm = decode_sound(m4a);
    EXPECT_EQ(pcm.channels, 1);
    EXPECT_NEAR(pcm.seconds(), 0.5, 2.0 * 1024 / 44100.0);
}

TEST(SoundFfmpeg, CutShortDamagedEmptyOrJunkIsRefusedCalmly) {
    const auto m4a = make_aac_sound("ipod", 44100, 1, 1.0);
    const auto adts = make_aac_sound("adts", 44100, 1, 1.0);
    // FFmpeg's log goes nowhere, whatever its level: nothing about the file
    // reaches the terminal (its errors for damaged input would, by default).
    // Checked to fail without the app's log callback.
    (void)decode_sound(m4a);  // the decoder's one-time set-up done first
    av_log_set_level(AV_LOG_DEBUG);
    testing::internal::CaptureStderr();
    testing::internal::CaptureStdout();
    for (const auto* whole : {&m4a, &adts}) {
        SCOPED_TRACE(whole == &m4a ? "m4a" : "adts");
        const std::vector<std::uint8_t> half(whole->begin(), whole->begin() + static_cast<long>(whole->size() / 2));
        EXPECT_NE(refusal(half).find("damaged or cut short"), std::string::npos) << refusal(half);

        auto flipped = *whole;
        for (std::size_t i = flipped.size() / 2; i < flipped.size() / 2 + 200; ++i) flipped[i] ^= 0xA5;
        EXPECT_NE(refusal(flipped).find("damaged"), std::string::npos) << refusal(flipped);

        const std::vector<std::uint8_t> head(whole->begin(), whole->begin() + 12);
        EXPECT_NE(refusal(head).find("damaged"), std::string::npos) << refusal(head);
    }
    EXPECT_NE(refusal({}).find("empty"), std::string::npos);

    std::vector<std::uint8_t> junk = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0};
    for (int i = 0; i < 5000; ++i) junk.push_back(static_cast<std::uint8_t>(i * 37 + 11));
    EXPECT_NE(refusal(junk).find("damaged"), std::string::npos) << refusal(junk);

    const std::uint8_t adts_junk[] = {0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    EXPECT_NE(refusal(adts_junk).find("damaged"), std::string::npos) << refusal(adts_junk);
    const std::string printed = testing::internal::GetCapturedStdout() + testing::internal::GetCapturedStderr();
    av_log_set_level(AV_LOG_QUIET);
    EXPECT_TRUE(printed.empty()) << printed;
}

TEST(SoundFfmpeg, AVideoWithNoSoundIsNotPlayed) {
    const auto video = make_video_only_mp4();
    ASSERT_EQ(sniff_sound(video), SoundFormat::M4a);
    const auto message = refusal(video);
    EXPECT_NE(message.find("not a kind of sound file"), std::string::npos) << message;
    EXPECT_NE(message.find("M4A"), std::string::npos) << message;
}

TEST(SoundFfmpeg, TooLongIsRefusedNotCut) {
    const auto m4a = make_aac_sound("ipod", 44100, 1, 1.0);
    SoundLimits limits;
    limits.max_decoded_bytes = 44100;  // half a second of mono
    EXPECT_NE(refusal(m4a, limits).find("too long"), std::string::npos) << refusal(m4a, limits);
    // Raw AAC states no length: refused while decoding, before the limit is passed.
    const auto aac = make_aac_sound("adts", 44100, 1, 1.0);
    EXPECT_NE(refusal(aac, limits).find("too long"), std::string::npos) << refusal(aac, limits);
    limits.max_decoded_bytes = 44100 * 2 * 2;
    EXPECT_NO_THROW((void)decode_sound(aac, limits));
}

}  // namespace
}  // namespace fv::gui::test
