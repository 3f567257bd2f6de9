#pragma once
// Sound evidence decoded and encoded in memory with libsndfile's virtual I/O
// (sf_open_virtual over the decrypted bytes: never a file). Reads WAV, FLAC,
// OGG (Vorbis, Opus) and MP3, and M4A (AAC, Apple Lossless) and ADTS AAC with
// FFmpeg over the same bytes (models/sound_ffmpeg.h); writes FLAC for voice memos. Samples are 16-bit,
// channels interleaved, kept in wiped memory (SecretBuffer): they are report
// content. No ImGui, no sound device.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "fieldvault/model/secret.h"

namespace fv::gui {

// A byte buffer that grows in wiped memory: each larger buffer is a new
// SecretBuffer and the old one is zeroed when it goes.
class WipedBytes {
public:
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    std::uint8_t* data() noexcept { return buffer_.mutable_bytes().data(); }
    const std::uint8_t* data() const noexcept { return buffer_.reveal().data(); }
    std::span<const std::uint8_t> bytes() const noexcept { return buffer_.reveal().first(size_); }
    // New bytes are zero. Throws std::bad_alloc like any allocation.
    void resize(std::size_t size);
    void reserve(std::size_t capacity);
    void append(std::span<const std::uint8_t> bytes);
    // The bytes in a SecretBuffer of exactly their size; this one is wiped.
    SecretBuffer take();
    void wipe() noexcept;

private:
    SecretBuffer buffer_;
    std::size_t size_ = 0;
};

// Decoded sound: 16-bit samples, channels interleaved, wiped when freed.
struct Pcm {
    int sample_rate = 0;
    int channels = 0;
    std::uint64_t frames = 0;
    SecretBuffer bytes;  // frames * channels * 2 bytes

    std::span<const std::int16_t> samples() const noexcept;
    std::span<std::int16_t> mutable_samples() noexcept;
    double seconds() const noexcept;
};

// A Pcm made from samples (tests and the recorder); the samples are copied.
Pcm make_pcm(int sample_rate, int channels, std::span<const std::int16_t> interleaved);

struct SoundLimits {
    // The decrypted file read for playing (as the picture preview's limit).
    std::uint64_t max_encoded_bytes = 64ull << 20;
    // Decoded samples held in memory: 512 MiB is about 50 minutes of CD-quality
    // stereo, or 90 minutes of a mono recording at 48 kHz.
    std::uint64_t max_decoded_bytes = 512ull << 20;
};

enum class SoundFormat { Unknown, Wav, Flac, Ogg, Mp3, M4a, Aac };

// What the first bytes say (WAV, FLAC, OGG, MP3 with or without ID3, M4A/MP4,
// ADTS AAC); Unknown for anything else.
SoundFormat sniff_sound(std::span<const std::uint8_t> bytes) noexcept;
// The attachment's media type or name says it is sound (audio/..., .m4a...).
bool is_sound_attachment(std::string_view media_type, std::string_view name) noexcept;

// Throws fv::Error(Invalid) with a calm one-line reason: empty, too large or
// too long, a kind the app cannot play (not WAV, FLAC, OGG, MP3, M4A or AAC;
// an MP4 with no sound in it), or damaged or cut short. Files with more than
// two channels are mixed down to one.
Pcm decode_sound(std::span<const std::uint8_t> bytes, const SoundLimits& limits = {});

// decode_sound's refusals (fv::Error(Invalid), translated), shared by its decoders.
[[noreturn]] void refuse_damaged_sound();
[[noreturn]] void refuse_unplayable_sound();
[[noreturn]] void refuse_too_long_sound(std::uint64_t max_frames, int sample_rate);

enum class Encoding { Wav, Flac, OggVorbis, OggOpus, Mp3 };
// Whether this libsndfile can write the encoding (MP3 needs LAME).
bool can_encode(Encoding encoding) noexcept;
// The samples encoded in memory (16-bit for WAV and FLAC). Throws
// fv::Error(Invalid) if the encoding cannot take them (rate, channels).
// `progress` (frames done, total) is called between blocks and may throw to
// stop (a cancelled job): nothing is kept, what was encoded is wiped.
using EncodeProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;
SecretBuffer encode_sound(const Pcm& pcm, Encoding encoding, const EncodeProgress& progress = {});

// "0:07", "12:34", "1:02:03".
std::string format_duration(double seconds);

}  // namespace fv::gui
