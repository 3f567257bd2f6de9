#include "models/sound_ffmpeg.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavformat/avio.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
#include <libavutil/mem.h>
#include <libavutil/samplefmt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cstdarg>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <vector>

#include "fieldvault/model/secret.h"

namespace fv::gui {
namespace {

// FFmpeg names what it finds in a file (tags, codec details) in its log: the
// app's output must say nothing about report content.
void quiet_log(void*, int, const char*, va_list) {}

void silence_ffmpeg() {
    static std::once_flag once;
    std::call_once(once, [] {
        av_log_set_level(AV_LOG_QUIET);
        av_log_set_callback(quiet_log);
    });
}

// The decrypted file as FFmpeg's input: reads and seeks within the span.
struct MemoryInput {
    std::span<const std::uint8_t> bytes;
    std::int64_t position = 0;
};

int read_input(void* opaque, std::uint8_t* buffer, int size) {
    auto* in = static_cast<MemoryInput*>(opaque);
    const auto length = static_cast<std::int64_t>(in->bytes.size());
    if (size <= 0 || in->position >= length) return AVERROR_EOF;
    const auto n = std::min<std::int64_t>(size, length - in->position);
    std::memcpy(buffer, in->bytes.data() + in->position, static_cast<std::size_t>(n));
    in->position += n;
    return static_cast<int>(n);
}

std::int64_t seek_input(void* opaque, std::int64_t offset, int whence) {
    auto* in = static_cast<MemoryInput*>(opaque);
    const auto length = static_cast<std::int64_t>(in->bytes.size());
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE) return length;
    std::int64_t base = 0;
    if (whence == SEEK_CUR) base = in->position;
    else if (whence == SEEK_END) base = length;
    else if (whence != SEEK_SET) return AVERROR(EINVAL);
    if (offset > std::numeric_limits<std::int64_t>::max() - base) return AVERROR(EINVAL);
    const std::int64_t target = base + offset;
    if (target < 0) return AVERROR(EINVAL);
    in->position = target;
    return target;
}

// A demuxer asking to open another resource (an MP4's external data
// reference, a playlist's entries) is refused: only the bytes given are read.
int refuse_io_open(AVFormatContext*, AVIOContext**, const char*, int, AVDictionary**) { return AVERROR(EPERM); }

// RAII for every FFmpeg object, freed on every path.
struct IoFree {
    void operator()(AVIOContext* io) const noexcept {
        if (io == nullptr) return;
        if (io->buffer != nullptr) wipe_memory(io->buffer, static_cast<std::size_t>(io->buffer_size));
        av_freep(&io->buffer);
        avio_context_free(&io);
    }
};
struct FormatFree {
    void operator()(AVFormatContext* format) const noexcept { avformat_close_input(&format); }
};
struct CodecFree {
    void operator()(AVCodecContext* codec) const noexcept { avcodec_free_context(&codec); }
};
struct PacketFree {
    void operator()(AVPacket* packet) const noexcept { av_packet_free(&packet); }
};
struct FrameFree {
    void operator()(AVFrame* frame) const noexcept { av_frame_free(&frame); }
};
struct SwrFree {
    void operator()(SwrContext* swr) const noexcept { swr_free(&swr); }
};
struct Dictionary {
    AVDictionary* entries = nullptr;
    Dictionary() = default;
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    ~Dictionary() { av_dict_free(&entries); }
    void set(const char* key, const char* value) {
        if (av_dict_set(&entries, key, value, 0) < 0) throw std::bad_alloc();
    }
};
struct ChannelLayout {
    AVChannelLayout layout{};
    ChannelLayout() = default;
    ChannelLayout(const ChannelLayout&) = delete;
    ChannelLayout& operator=(const ChannelLayout&) = delete;
    ~ChannelLayout() { av_channel_layout_uninit(&layout); }
};

// Zeroes the bytes a packet or frame held before FFmpeg frees or reuses them
// (encoded and decoded report content). Best effort: FFmpeg's own internal
// buffers (the decoder's and resampler's state) are not reachable.
void wipe_packet(AVPacket* packet) noexcept {
    if (packet->data != nullptr && packet->size > 0 && packet->buf != nullptr && av_buffer_is_writable(packet->buf))
        wipe_memory(packet->data, static_cast<std::size_t>(packet->size));
    av_packet_unref(packet);
}

void wipe_frame(AVFrame* frame) noexcept {
    if (frame->nb_samples > 0 && frame->linesize[0] > 0) {
        const int planes = av_sample_fmt_is_planar(static_cast<AVSampleFormat>(frame->format))
                               ? frame->ch_layout.nb_channels
                               : 1;
        for (int p = 0; p < planes && frame->extended_data != nullptr; ++p)
            if (frame->extended_data[p] != nullptr)
                wipe_memory(frame->extended_data[p], static_cast<std::size_t>(frame->linesize[0]));
    }
    av_frame_unref(frame);
}

// An ADTS stream whose last frame claims more bytes than are left lost its
// end; a frame without the sync word where one should start is damaged.
bool adts_damaged(std::span<const std::uint8_t> b) noexcept {
    std::size_t at = 0;
    while (at < b.size()) {
        if (b.size() - at < 7) return true;
        if (b[at] != 0xFF || (b[at + 1] & 0xF6) != 0xF0) return true;
        const std::size_t length = (static_cast<std::size_t>(b[at + 3] & 0x03u) << 11) |
                                   (static_cast<std::size_t>(b[at + 4]) << 3) |
                                   (static_cast<std::size_t>(b[at + 5]) >> 5);
        if (length < 7 || length > b.size() - at) return true;
        at += length;
    }
    return false;
}

struct Output {
    WipedBytes bytes;
    std::uint64_t frames = 0;
    std::uint64_t max_frames = 0;
    int sample_rate = 0;
    int channels = 0;  // 1 or 2
};

// The resampler for the frames as they come: same rate, 16-bit interleaved,
// mono or stereo; more than two channels averaged into one, as sound.cpp does.
class Converter {
public:
    void convert(const AVFrame* frame, Output& out) {
        if (frame->nb_samples <= 0) return;
        const int in_channels = frame->ch_layout.nb_channels;
        if (in_channels < 1 || in_channels > 64) refuse_damaged_sound();
        if (frame->sample_rate != out.sample_rate) refuse_damaged_sound();  // a stream that changes its rate
        if (!swr_ || frame->format != in_format_ ||
            av_channel_layout_compare(&frame->ch_layout, &in_layout_.layout) != 0)
            open(frame, out);
        write(frame->extended_data, frame->nb_samples, out);
    }

    void flush(Output& out) {
        if (swr_) write(nullptr, 0, out);
    }

private:
    void open(const AVFrame* frame, Output& out) {
        swr_.reset();
        av_channel_layout_uninit(&in_layout_.layout);
        if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
            av_channel_layout_default(&in_layout_.layout, frame->ch_layout.nb_channels);
        else if (av_channel_layout_copy(&in_layout_.layout, &frame->ch_layout) < 0) throw std::bad_alloc();
        in_format_ = frame->format;
        ChannelLayout out_layout;
        av_channel_layout_default(&out_layout.layout, out.channels);
        SwrContext* swr = nullptr;
        if (swr_alloc_set_opts2(&swr, &out_layout.layout, AV_SAMPLE_FMT_S16, out.sample_rate, &in_layout_.layout,
                                static_cast<AVSampleFormat>(frame->format), frame->sample_rate, 0, nullptr) < 0)
            refuse_damaged_sound();
        swr_.reset(swr);
        const int in_channels = in_layout_.layout.nb_channels;
        if (in_channels > 2 || (out.channels == 1 && in_channels > 1)) {
            std::vector<double> average(static_cast<std::size_t>(in_channels), 1.0 / in_channels);
            if (swr_set_matrix(swr_.get(), average.data(), in_channels) < 0) refuse_damaged_sound();
        }
        if (swr_init(swr_.get()) < 0) refuse_damaged_sound();
    }

    void write(const std::uint8_t* const* in, int in_samples, Output& out) {
        const int room = swr_get_out_samples(swr_.get(), in_samples);
        if (room < 0) refuse_damaged_sound();
        if (room == 0) return;
        const std::size_t frame_bytes = static_cast<std::size_t>(out.channels) * sizeof(std::int16_t);
        const std::size_t at = out.bytes.size();
        if (out.frames + static_cast<std::uint64_t>(room) > out.max_frames + 4096u)
            refuse_too_long_sound(out.max_frames, out.sample_rate);
        out.bytes.resize(at + static_cast<std::size_t>(room) * frame_bytes);
        std::uint8_t* to = out.bytes.data() + at;
        const int got = swr_convert(swr_.get(), &to, room, const_cast<const std::uint8_t**>(in), in_samples);
        if (got < 0) refuse_damaged_sound();
        out.bytes.resize(at + static_cast<std::size_t>(got) * frame_bytes);
        out.frames += static_cast<std::uint64_t>(got);
        if (out.frames > out.max_frames) refuse_too_long_sound(out.max_frames, out.sample_rate);
    }

    std::unique_ptr<SwrContext, SwrFree> swr_;
    ChannelLayout in_layout_;
    int in_format_ = -1;
};

}  // namespace

Pcm decode_sound_ffmpeg(std::span<const std::uint8_t> bytes, SoundFormat format, const SoundLimits& limits) {
    silence_ffmpeg();
    if (bytes.empty()) refuse_damaged_sound();
    if (format == SoundFormat::Aac && adts_damaged(bytes)) refuse_damaged_sound();
    // The demuxer follows the first bytes; no probing, so no other demuxer reads them.
    const AVInputFormat* demuxer = av_find_input_format(format == SoundFormat::Aac ? "aac" : "mov");
    if (demuxer == nullptr) refuse_unplayable_sound();

    MemoryInput input{bytes, 0};
    constexpr int kIoBuffer = 16 * 1024;
    auto* io_buffer = static_cast<std::uint8_t*>(av_malloc(kIoBuffer));
    if (io_buffer == nullptr) throw std::bad_alloc();
    std::unique_ptr<AVIOContext, IoFree> io(
        avio_alloc_context(io_buffer, kIoBuffer, 0, &input, read_input, nullptr, seek_input));
    if (!io) {
        av_free(io_buffer);
        throw std::bad_alloc();
    }

    std::unique_ptr<AVFormatContext, FormatFree> container(avformat_alloc_context());
    if (!container) throw std::bad_alloc();
    container->pb = io.get();
    container->flags |= AVFMT_FLAG_CUSTOM_IO;
    container->io_open = refuse_io_open;
    {
        Dictionary options;
        options.set("protocol_whitelist", "none");  // no protocol at all: not file, not any network one
        options.set("format_whitelist", "mov,mp4,m4a,3gp,3g2,mj2,aac");
        options.set("codec_whitelist", "aac,alac");
        options.set("enable_drefs", "0");  // the MP4 demuxer's external data references (its default)
        options.set("use_absolute_path", "0");
        AVFormatContext* raw = container.release();
        const int opened = avformat_open_input(&raw, nullptr, demuxer, &options.entries);
        container.reset(raw);  // FFmpeg frees it and leaves null on failure
        if (opened < 0) refuse_damaged_sound();
    }

    // The first audio stream (raw AAC's states no rate or channels before decoding).
    int index = -1;
    for (unsigned i = 0; i < container->nb_streams && index < 0; ++i)
        if (container->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO) index = static_cast<int>(i);
    if (index < 0) {
        if (format == SoundFormat::Aac) refuse_damaged_sound();
        refuse_unplayable_sound();  // an MP4 with no sound in it (a video only)
    }
    for (unsigned i = 0; i < container->nb_streams; ++i)
        container->streams[i]->discard = static_cast<int>(i) == index ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    const AVStream* stream = container->streams[index];
    const AVCodecParameters* parameters = stream->codecpar;
    if (parameters->codec_id != AV_CODEC_ID_AAC && parameters->codec_id != AV_CODEC_ID_ALAC) refuse_unplayable_sound();
    const AVCodec* decoder = avcodec_find_decoder(parameters->codec_id);
    if (decoder == nullptr) refuse_unplayable_sound();

    std::unique_ptr<AVCodecContext, CodecFree> codec(avcodec_alloc_context3(decoder));
    if (!codec) throw std::bad_alloc();
    if (avcodec_parameters_to_context(codec.get(), parameters) < 0) refuse_damaged_sound();
    codec->thread_count = 1;
    codec->err_recognition |= AV_EF_CRCCHECK | AV_EF_BITSTREAM | AV_EF_BUFFER | AV_EF_EXPLODE;
    {
        Dictionary options;
        options.set("codec_whitelist", "aac,alac");
        if (avcodec_open2(codec.get(), decoder, &options.entries) < 0) refuse_damaged_sound();
    }

    // The frames the MP4 says it holds at `sample_rate` (0 when it does not say).
    auto stated_frames = [&](int sample_rate) -> std::uint64_t {
        if (stream->duration <= 0 || stream->time_base.num <= 0 || stream->time_base.den <= 0) return 0;
        const std::int64_t frames = av_rescale_q(stream->duration, stream->time_base, AVRational{1, sample_rate});
        return frames > 0 ? static_cast<std::uint64_t>(frames) : 0;
    };
    Output out;
    Converter converter;
    std::uint64_t expected_frames = 0;
    // Rate and channels come from the first decoded frame: HE-AAC (SBR) plays at
    // twice the rate its MP4 header states.
    auto start = [&](int sample_rate, int channels) {
        if (channels < 1 || channels > 64 || sample_rate < 1000 || sample_rate > 768000) refuse_damaged_sound();
        out.sample_rate = sample_rate;
        out.channels = channels > 2 ? 1 : channels;
        out.max_frames = limits.max_decoded_bytes / (static_cast<std::uint64_t>(out.channels) * sizeof(std::int16_t));
        expected_frames = stated_frames(sample_rate);
        if (expected_frames > out.max_frames) refuse_too_long_sound(out.max_frames, sample_rate);
        if (expected_frames > 0)
            out.bytes.reserve(static_cast<std::size_t>(expected_frames) * static_cast<std::size_t>(out.channels) *
                              sizeof(std::int16_t));
    };
    // Too long by what the header says: refused before anything is decoded.
    if (parameters->sample_rate >= 1000 && parameters->sample_rate <= 768000 && parameters->ch_layout.nb_channels > 0) {
        const int channels = parameters->ch_layout.nb_channels > 2 ? 1 : parameters->ch_layout.nb_channels;
        const std::uint64_t max_frames =
            limits.max_decoded_bytes / (static_cast<std::uint64_t>(channels) * sizeof(std::int16_t));
        if (stated_frames(parameters->sample_rate) > max_frames)
            refuse_too_long_sound(max_frames, parameters->sample_rate);
    }

    std::unique_ptr<AVPacket, PacketFree> packet(av_packet_alloc());
    std::unique_ptr<AVFrame, FrameFree> frame(av_frame_alloc());
    if (!packet || !frame) throw std::bad_alloc();
    auto drain = [&] {
        for (;;) {
            const int got = avcodec_receive_frame(codec.get(), frame.get());
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
            if (got < 0) refuse_damaged_sound();
            struct Unref {
                AVFrame* f;
                ~Unref() { wipe_frame(f); }
            } unref{frame.get()};
            if (frame->decode_error_flags != 0 || (frame->flags & AV_FRAME_FLAG_CORRUPT) != 0) refuse_damaged_sound();
            if (out.sample_rate == 0) start(frame->sample_rate, frame->ch_layout.nb_channels);
            converter.convert(frame.get(), out);
        }
    };
    for (;;) {
        const int read = av_read_frame(container.get(), packet.get());
        if (read == AVERROR_EOF) break;
        if (read < 0) refuse_damaged_sound();
        struct Unref {
            AVPacket* p;
            ~Unref() { wipe_packet(p); }
        } unref{packet.get()};
        if (packet->stream_index != index) continue;
        if ((packet->flags & AV_PKT_FLAG_CORRUPT) != 0) refuse_damaged_sound();
        if (avcodec_send_packet(codec.get(), packet.get()) < 0) refuse_damaged_sound();
        drain();
    }
    if (avcodec_send_packet(codec.get(), nullptr) < 0) refuse_damaged_sound();
    drain();
    if (out.sample_rate == 0) refuse_damaged_sound();
    converter.flush(out);
    if (out.frames == 0) refuse_damaged_sound();
    // The MP4 states its length: clearly fewer samples means the end was lost
    // (a few frames of encoder delay and padding are allowed for).
    if (expected_frames > 0 && out.frames + 8192u < expected_frames) refuse_damaged_sound();

    Pcm pcm;
    pcm.sample_rate = out.sample_rate;
    pcm.channels = out.channels;
    pcm.frames = out.frames;
    pcm.bytes = out.bytes.take();
    return pcm;
}

}  // namespace fv::gui
