#pragma once
// M4A (AAC or Apple Lossless in MP4) and raw ADTS AAC decoded in memory with
// FFmpeg (libavformat, libavcodec, libswresample): the demuxer reads the
// decrypted bytes through an AVIOContext over the span, never a file or a URL;
// no protocol can be opened (the demuxer is chosen from the first bytes, other
// demuxers, decoders and protocols are refused) and FFmpeg prints nothing.
// Used by decode_sound (models/sound.h) for SoundFormat::M4a and ::Aac.
#include <cstdint>
#include <span>

#include "models/sound.h"

namespace fv::gui {

// Samples as decode_sound gives them: 16-bit interleaved at the file's rate,
// mono or stereo (more channels are mixed down to one), written straight into
// wiped memory. `format` must be M4a or Aac. Throws fv::Error(Invalid) with
// decode_sound's sentences: damaged or cut short, not sound it can play (a
// video-only MP4, another codec), too long for limits.max_decoded_bytes.
Pcm decode_sound_ffmpeg(std::span<const std::uint8_t> bytes, SoundFormat format, const SoundLimits& limits);

}  // namespace fv::gui
