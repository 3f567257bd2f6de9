#include "models/sound.h"

#include "models/sound_ffmpeg.h"

#include <sndfile.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>

#include "fieldvault/core/i18n.h"
#include "fieldvault/model/error.h"

namespace fv::gui {
namespace {

[[noreturn]] void refuse(const std::string& why) { throw Error(ErrorKind::Invalid, why); }

std::string damaged() { return core::tr("This sound file is damaged or cut short, so it cannot be played here."); }

// libsndfile's virtual I/O over bytes in memory: a reader over the decrypted
// file, or a writer into wiped memory. Never a file descriptor.
struct MemoryFile {
    std::span<const std::uint8_t> input;  // reading
    WipedBytes* output = nullptr;         // writing
    sf_count_t position = 0;

    sf_count_t length() const noexcept {
        return static_cast<sf_count_t>(output != nullptr ? output->size() : input.size());
    }
};

sf_count_t vio_length(void* user) { return static_cast<MemoryFile*>(user)->length(); }

sf_count_t vio_seek(sf_count_t offset, int whence, void* user) {
    auto* file = static_cast<MemoryFile*>(user);
    sf_count_t base = 0;
    if (whence == SEEK_CUR) base = file->position;
    else if (whence == SEEK_END) base = file->length();
    const sf_count_t target = base + offset;
    if (target < 0) return -1;
    file->position = target;
    return target;
}

sf_count_t vio_read(void* ptr, sf_count_t count, void* user) {
    auto* file = static_cast<MemoryFile*>(user);
    const sf_count_t length = file->length();
    if (count <= 0 || file->position >= length) return 0;
    const sf_count_t n = std::min(count, length - file->position);
    const std::uint8_t* from = file->output != nullptr ? file->output->data() : file->input.data();
    std::memcpy(ptr, from + file->position, static_cast<std::size_t>(n));
    file->position += n;
    return n;
}

sf_count_t vio_write(const void* ptr, sf_count_t count, void* user) {
    auto* file = static_cast<MemoryFile*>(user);
    if (file->output == nullptr || count < 0) return 0;
    const auto end = static_cast<std::size_t>(file->position + count);
    try {
        if (end > file->output->size()) file->output->resize(end);
    } catch (const std::bad_alloc&) {
        return 0;
    }
    std::memcpy(file->output->data() + file->position, ptr, static_cast<std::size_t>(count));
    file->position += count;
    return count;
}

sf_count_t vio_tell(void* user) { return static_cast<MemoryFile*>(user)->position; }

SF_VIRTUAL_IO memory_io() {
    SF_VIRTUAL_IO io{};
    io.get_filelen = vio_length;
    io.seek = vio_seek;
    io.read = vio_read;
    io.write = vio_write;
    io.tell = vio_tell;
    return io;
}

struct SndFile {
    SNDFILE* handle = nullptr;
    ~SndFile() {
        if (handle != nullptr) sf_close(handle);
    }
};

std::uint32_t le32(const std::uint8_t* p) noexcept {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

// libsndfile quietly plays a WAV whose data chunk was cut short; a recording
// that lost its end should say so. True if the data chunk claims more bytes
// than the file holds (0 and 0xFFFFFFFF mean "unknown" to some recorders).
bool wav_cut_short(std::span<const std::uint8_t> bytes) noexcept {
    if (bytes.size() < 12) return false;
    std::size_t at = 12;
    while (at + 8 <= bytes.size()) {
        const std::uint32_t size = le32(bytes.data() + at + 4);
        if (std::memcmp(bytes.data() + at, "data", 4) == 0)
            return size != 0 && size != 0xFFFFFFFFu && size > bytes.size() - (at + 8);
        at += 8 + static_cast<std::size_t>(size) + (size & 1u);
    }
    return false;
}

}  // namespace

void refuse_damaged_sound() { refuse(damaged()); }

void refuse_unplayable_sound() {
    refuse(core::tr("This is not a kind of sound file the app can play (it plays WAV, MP3, OGG, FLAC, M4A and AAC)."));
}

void refuse_too_long_sound(std::uint64_t max_frames, int sample_rate) {
    const auto minutes =
        static_cast<unsigned long>(max_frames / static_cast<std::uint64_t>(std::max(sample_rate, 1)) / 60u);
    refuse(core::trn_args("This recording is too long to play here (more than {n} minute). \"Save a copy...\" "
                          "lets you play it in another program, but that copy is not protected by the vault.",
                          "This recording is too long to play here (more than {n} minutes). \"Save a copy...\" "
                          "lets you play it in another program, but that copy is not protected by the vault.",
                          minutes));
}

void WipedBytes::reserve(std::size_t capacity) {
    if (capacity <= buffer_.size()) return;
    SecretBuffer bigger(capacity);
    if (size_ > 0) std::memcpy(bigger.mutable_bytes().data(), buffer_.reveal().data(), size_);
    buffer_ = std::move(bigger);  // the old buffer is zeroed as it is freed
}

void WipedBytes::resize(std::size_t size) {
    if (size > buffer_.size()) reserve(std::max({size, buffer_.size() * 2, std::size_t{4096}}));
    if (size > size_) std::memset(buffer_.mutable_bytes().data() + size_, 0, size - size_);
    size_ = size;
}

void WipedBytes::append(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return;
    const std::size_t at = size_;
    resize(size_ + bytes.size());
    std::memcpy(data() + at, bytes.data(), bytes.size());
}

SecretBuffer WipedBytes::take() {
    auto out = SecretBuffer::from_bytes(bytes());
    wipe();
    return out;
}

void WipedBytes::wipe() noexcept {
    buffer_.wipe();
    size_ = 0;
}

std::span<const std::int16_t> Pcm::samples() const noexcept {
    const auto raw = bytes.reveal();
    return {reinterpret_cast<const std::int16_t*>(raw.data()), raw.size() / sizeof(std::int16_t)};
}

std::span<std::int16_t> Pcm::mutable_samples() noexcept {
    const auto raw = bytes.mutable_bytes();
    return {reinterpret_cast<std::int16_t*>(raw.data()), raw.size() / sizeof(std::int16_t)};
}

double Pcm::seconds() const noexcept {
    return sample_rate > 0 ? static_cast<double>(frames) / static_cast<double>(sample_rate) : 0.0;
}

Pcm make_pcm(int sample_rate, int channels, std::span<const std::int16_t> interleaved) {
    Pcm pcm;
    pcm.sample_rate = sample_rate;
    pcm.channels = channels;
    pcm.frames = channels > 0 ? interleaved.size() / static_cast<std::size_t>(channels) : 0;
    pcm.bytes = SecretBuffer::from_bytes(
        {reinterpret_cast<const std::uint8_t*>(interleaved.data()), interleaved.size() * sizeof(std::int16_t)});
    return pcm;
}

SoundFormat sniff_sound(std::span<const std::uint8_t> b) noexcept {
    auto starts = [&](std::size_t at, const char* magic) {
        const std::size_t n = std::strlen(magic);
        return b.size() >= at + n && std::memcmp(b.data() + at, magic, n) == 0;
    };
    if (starts(0, "RIFF") && starts(8, "WAVE")) return SoundFormat::Wav;
    if (starts(0, "fLaC")) return SoundFormat::Flac;
    if (starts(0, "OggS")) return SoundFormat::Ogg;
    if (starts(4, "ftyp")) return SoundFormat::M4a;  // MP4 family: M4A, AAC in MP4
    if (starts(0, "ID3")) return SoundFormat::Mp3;
    if (b.size() >= 2 && b[0] == 0xFF && (b[1] & 0xF6) == 0xF0) return SoundFormat::Aac;  // ADTS: layer bits 00
    if (b.size() >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0) return SoundFormat::Mp3;
    return SoundFormat::Unknown;
}

bool is_sound_attachment(std::string_view media_type, std::string_view name) noexcept {
    if (media_type.rfind("audio/", 0) == 0) return true;
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos) return false;
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    for (const char* known : {"wav", "flac", "ogg", "oga", "opus", "mp3", "m4a", "aac"})
        if (ext == known) return true;
    return false;
}

Pcm decode_sound(std::span<const std::uint8_t> bytes, const SoundLimits& limits) {
    if (bytes.empty()) refuse(core::tr("This file is empty."));
    if (bytes.size() > limits.max_encoded_bytes)
        refuse(core::tr("This sound file is too large to play here. \"Save a copy...\" lets you play it in another "
                        "program, but that copy is not protected by the vault."));
    const auto format = sniff_sound(bytes);
    if (format == SoundFormat::M4a || format == SoundFormat::Aac)  // FFmpeg, over the same bytes in memory
        return decode_sound_ffmpeg(bytes, format, limits);
    if (format == SoundFormat::Unknown) refuse_unplayable_sound();
    if (format == SoundFormat::Wav && wav_cut_short(bytes)) refuse(damaged());

    MemoryFile file{bytes, nullptr, 0};
    auto io = memory_io();
    SF_INFO info{};
    SndFile sf;
    sf.handle = sf_open_virtual(&io, SFM_READ, &info, &file);
    if (sf.handle == nullptr) refuse(damaged());
    if (info.channels < 1 || info.channels > 64 || info.samplerate < 1000 || info.samplerate > 768000)
        refuse(damaged());
    const auto channels = static_cast<std::size_t>(info.channels);
    const std::size_t out_channels = channels > 2 ? 1 : channels;
    const std::uint64_t frame_bytes = out_channels * sizeof(std::int16_t);
    const std::uint64_t max_frames = limits.max_decoded_bytes / frame_bytes;
    auto too_long = [&] { refuse_too_long_sound(max_frames, info.samplerate); };
    if (info.frames > 0 && static_cast<std::uint64_t>(info.frames) > max_frames) too_long();

    WipedBytes out;
    if (info.frames > 0) out.reserve(static_cast<std::size_t>(static_cast<std::uint64_t>(info.frames) * frame_bytes));
    constexpr std::size_t kBlock = 4096;
    SecretBuffer block(kBlock * channels * sizeof(std::int16_t));
    auto* samples = reinterpret_cast<short*>(block.mutable_bytes().data());
    std::uint64_t frames = 0;
    for (;;) {
        const sf_count_t got = sf_readf_short(sf.handle, samples, static_cast<sf_count_t>(kBlock));
        if (got <= 0) break;
        const auto n = static_cast<std::size_t>(got);
        if (frames + n > max_frames) too_long();
        if (out_channels != channels) {  // mix down in place: the average of every channel
            for (std::size_t f = 0; f < n; ++f) {
                long sum = 0;
                for (std::size_t c = 0; c < channels; ++c) sum += samples[f * channels + c];
                samples[f] = static_cast<short>(sum / static_cast<long>(channels));
            }
        }
        out.append({reinterpret_cast<const std::uint8_t*>(samples), n * frame_bytes});
        frames += n;
    }
    if (sf_error(sf.handle) != SF_ERR_NO_ERROR) refuse(damaged());
    // FLAC states its length: fewer samples than that means the end was lost.
    if (format == SoundFormat::Flac && info.frames > 0 && frames < static_cast<std::uint64_t>(info.frames))
        refuse(damaged());
    if (frames == 0) refuse(damaged());

    Pcm pcm;
    pcm.sample_rate = info.samplerate;
    pcm.channels = static_cast<int>(out_channels);
    pcm.frames = frames;
    pcm.bytes = out.take();
    return pcm;
}

namespace {

int sf_format_of(Encoding encoding) noexcept {
    switch (encoding) {
        case Encoding::Wav: return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        case Encoding::Flac: return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
        case Encoding::OggVorbis: return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
        case Encoding::OggOpus: return SF_FORMAT_OGG | SF_FORMAT_OPUS;
        case Encoding::Mp3: return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    }
    return 0;
}

}  // namespace

bool can_encode(Encoding encoding) noexcept {
    SF_INFO info{};
    info.samplerate = 48000;
    info.channels = 1;
    info.format = sf_format_of(encoding);
    return sf_format_check(&info) != 0;
}

SecretBuffer encode_sound(const Pcm& pcm, Encoding encoding, const EncodeProgress& progress) {
    WipedBytes out;
    {
        MemoryFile file{{}, &out, 0};
        auto io = memory_io();
        SF_INFO info{};
        info.samplerate = pcm.sample_rate;
        info.channels = pcm.channels;
        info.format = sf_format_of(encoding);
        if (pcm.frames == 0 || sf_format_check(&info) == 0)
            refuse(core::tr("The recording could not be turned into a sound file."));
        SndFile sf;
        sf.handle = sf_open_virtual(&io, SFM_WRITE, &info, &file);
        if (sf.handle == nullptr) refuse(core::tr("The recording could not be turned into a sound file."));
        const auto samples = pcm.samples();
        constexpr std::size_t kBlock = 4096;
        const auto channels = static_cast<std::size_t>(pcm.channels);
        for (std::uint64_t at = 0; at < pcm.frames; at += kBlock) {
            if (progress) progress(at, pcm.frames);
            const auto n = static_cast<sf_count_t>(std::min<std::uint64_t>(kBlock, pcm.frames - at));
            if (sf_writef_short(sf.handle, samples.data() + at * channels, n) != n)
                refuse(core::tr("The recording could not be turned into a sound file."));
        }
        if (sf_close(sf.handle) != 0) {
            sf.handle = nullptr;
            refuse(core::tr("The recording could not be turned into a sound file."));
        }
        sf.handle = nullptr;
    }
    return out.take();
}

std::string format_duration(double seconds) {
    if (!(seconds > 0.0)) seconds = 0.0;
    const auto total = static_cast<std::uint64_t>(seconds);
    const auto h = total / 3600, m = (total / 60) % 60, s = total % 60;
    auto two = [](std::uint64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    if (h > 0) return std::to_string(h) + ":" + two(m) + ":" + two(s);
    return std::to_string(m) + ":" + two(s);
}

}  // namespace fv::gui
