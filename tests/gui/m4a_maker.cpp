#include "m4a_maker.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/log.h>
#include <libavutil/mem.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace fv::gui::test {
namespace {

void check(int result, const char* what) {
    if (result < 0)
        throw std::runtime_error(std::string("FFmpeg: ") + what + " failed (" + std::to_string(result) + ")");
}

struct Sink {
    std::vector<std::uint8_t> bytes;
    std::int64_t position = 0;
};

int write_sink(void* opaque, std::uint8_t* buffer, int size) {
    auto* sink = static_cast<Sink*>(opaque);
    const auto end = static_cast<std::size_t>(sink->position) + static_cast<std::size_t>(size);
    if (end > sink->bytes.size()) sink->bytes.resize(end);
    std::memcpy(sink->bytes.data() + sink->position, buffer, static_cast<std::size_t>(size));
    sink->position += size;
    return size;
}

std::int64_t seek_sink(void* opaque, std::int64_t offset, int whence) {
    auto* sink = static_cast<Sink*>(opaque);
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE) return static_cast<std::int64_t>(sink->bytes.size());
    std::int64_t base = whence == SEEK_CUR ? sink->position
                        : whence == SEEK_END ? static_cast<std::int64_t>(sink->bytes.size())
                                             : 0;
    if (base + offset < 0) return AVERROR(EINVAL);
    sink->position = base + offset;
    return sink->position;
}

// A muxer writing into memory, one stream, and an encoder feeding it.
class Writer {
public:
    explicit Writer(const std::string& muxer) {
        av_log_set_level(AV_LOG_QUIET);
        check(avformat_alloc_output_context2(&container_, nullptr, muxer.c_str(), nullptr), "muxer");
        auto* buffer = static_cast<std::uint8_t*>(av_malloc(4096));
        io_ = avio_alloc_context(buffer, 4096, 1, &sink_, nullptr, write_sink, seek_sink);
        container_->pb = io_;
        container_->flags |= AVFMT_FLAG_CUSTOM_IO;
    }
    ~Writer() {
        av_frame_free(&frame_);
        av_packet_free(&packet_);
        avcodec_free_context(&codec_);
        avformat_free_context(container_);
        if (io_ != nullptr) av_freep(&io_->buffer);
        avio_context_free(&io_);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // The encoder's context, to be set up before start().
    AVCodecContext* codec(const char* encoder_name) {
        encoder_ = avcodec_find_encoder_by_name(encoder_name);
        if (encoder_ == nullptr) throw std::runtime_error(std::string("no encoder ") + encoder_name);
        codec_ = avcodec_alloc_context3(encoder_);
        codec_->thread_count = 1;
        return codec_;
    }
    void start() {
        if ((container_->oformat->flags & AVFMT_GLOBALHEADER) != 0) codec_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        check(avcodec_open2(codec_, encoder_, nullptr), "encoder");
        stream_ = avformat_new_stream(container_, nullptr);
        check(avcodec_parameters_from_context(stream_->codecpar, codec_), "parameters");
        stream_->time_base = codec_->time_base;
        check(avformat_write_header(container_, nullptr), "header");
    }
    // A fresh frame for the encoder's format, to fill and send().
    AVFrame* frame() {
        av_frame_unref(frame_);
        return frame_;
    }
    void send(AVFrame* frame) {
        check(avcodec_send_frame(codec_, frame), "encoding");
        for (;;) {
            const int got = avcodec_receive_packet(codec_, packet_);
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF) return;
            check(got, "encoding");
            av_packet_rescale_ts(packet_, codec_->time_base, stream_->time_base);
            packet_->stream_index = stream_->index;
            check(av_interleaved_write_frame(container_, packet_), "writing");
        }
    }
    std::vector<std::uint8_t> finish() {
        send(nullptr);
        check(av_write_trailer(container_), "trailer");
        avio_flush(io_);
        return std::move(sink_.bytes);
    }

private:
    Sink sink_;
    AVIOContext* io_ = nullptr;
    AVFormatContext* container_ = nullptr;
    const AVCodec* encoder_ = nullptr;
    AVCodecContext* codec_ = nullptr;
    AVStream* stream_ = nullptr;
    AVPacket* packet_ = av_packet_alloc();
    AVFrame* frame_ = av_frame_alloc();
};

}  // namespace

std::vector<std::uint8_t> make_aac_sound(const std::string& muxer, int sample_rate, int channels, double seconds) {
    Writer writer(muxer);
    AVCodecContext* codec = writer.codec("aac");
    codec->sample_fmt = AV_SAMPLE_FMT_FLTP;
    codec->sample_rate = sample_rate;
    av_channel_layout_default(&codec->ch_layout, channels);
    codec->bit_rate = 64000 * channels;
    codec->time_base = AVRational{1, sample_rate};
    writer.start();
    const auto total = static_cast<std::int64_t>(seconds * sample_rate);
    const double pi = std::acos(-1.0);
    for (std::int64_t at = 0; at < total; at += codec->frame_size) {
        AVFrame* frame = writer.frame();
        frame->nb_samples = static_cast<int>(std::min<std::int64_t>(codec->frame_size, total - at));
        frame->format = codec->sample_fmt;
        frame->sample_rate = sample_rate;
        check(av_channel_layout_copy(&frame->ch_layout, &codec->ch_layout), "layout");
        check(av_frame_get_buffer(frame, 0), "frame");
        for (int c = 0; c < channels; ++c) {
            auto* plane = reinterpret_cast<float*>(frame->extended_data[c]);
            const double hz = c == 0 ? 440.0 : 660.0;
            for (int i = 0; i < frame->nb_samples; ++i)
                plane[i] =
                    static_cast<float>(0.5 * std::sin(2.0 * pi * hz * static_cast<double>(at + i) / sample_rate));
        }
        frame->pts = at;
        writer.send(frame);
    }
    return writer.finish();
}

std::vector<std::uint8_t> make_video_only_mp4() {
    Writer writer("mp4");
    AVCodecContext* codec = writer.codec("mpeg4");
    codec->width = 64;
    codec->height = 48;
    codec->pix_fmt = AV_PIX_FMT_YUV420P;
    codec->time_base = AVRational{1, 25};
    writer.start();
    for (int n = 0; n < 10; ++n) {
        AVFrame* frame = writer.frame();
        frame->format = codec->pix_fmt;
        frame->width = codec->width;
        frame->height = codec->height;
        check(av_frame_get_buffer(frame, 0), "frame");
        for (int p = 0; p < 3; ++p)
            std::memset(frame->data[p], 16 * n + 32, static_cast<std::size_t>(frame->linesize[p]) * (p == 0 ? 48 : 24));
        frame->pts = n;
        writer.send(frame);
    }
    return writer.finish();
}

}  // namespace fv::gui::test
