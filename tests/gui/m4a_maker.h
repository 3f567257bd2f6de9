#pragma once
// M4A, MP4 and ADTS AAC files made in memory for the sound tests (issue 14):
// FFmpeg's built-in "aac" encoder and its muxers writing through an
// AVIOContext into a vector. No file is written.
#include <cstdint>
#include <string>
#include <vector>

namespace fv::gui::test {

// A sine of amplitude 0.5: 440 Hz on the first channel, 660 Hz on the second.
// `muxer`: "ipod" (M4A), "mp4" or "adts" (raw AAC).
std::vector<std::uint8_t> make_aac_sound(const std::string& muxer, int sample_rate, int channels, double seconds);

// An MP4 holding a short MPEG-4 video and no sound.
std::vector<std::uint8_t> make_video_only_mp4();

}  // namespace fv::gui::test
