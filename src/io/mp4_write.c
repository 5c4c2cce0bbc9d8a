/* MP4 writer on libavformat's mp4 muxer, libavcodec's H.264 encoder and
 * libswscale's RGBA -> yuv420p conversion (see mp4_write.h), loaded for
 * each video (av_load.h). The muxer
 * writes the temporary file of an ov_atomic_file by its name: faststart
 * reopens that name to move the index to the front, so the writing cannot
 * go through a stream. ov_atomic_commit then fsyncs and renames it. */
#include "mp4_write.h"

#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "av_load.h"
#include "interrupt.h"

/* H.264 settings for flat colours and thin lines: constant quality 18
 * (visually lossless on this content), a key frame every 2 s. */
#define OV_MP4_CRF "18"
#define OV_MP4_PRESET "fast"
#define OV_MP4_KEY_SECONDS 2

struct ov_mp4 {
    ov_av av;                 /* FFmpeg, loaded for this video */
    ov_atomic_file af;
    AVFormatContext *fmt;
    AVCodecContext *enc;
    AVStream *stream;
    struct SwsContext *sws;
    AVFrame *frame;
    AVPacket *pkt;
    int width, height;        /* of the frames given */
    int vw, vh;               /* of the video: even */
    int64_t nframes;
};

/* "cannot write 'path': what: FFmpeg's reason" into err. m is never NULL
 * (its loaded FFmpeg gives the reason); the file named is m's target once
 * ov_atomic_open has set it, else path. */
static void av_fail(const ov_mp4 *m, const char *path, const char *what, int averr, char *err,
                    size_t cap)
{
    char reason[AV_ERROR_MAX_STRING_SIZE] = "";
    char msg[256];
    m->av.av_strerror(averr, reason, sizeof reason);
    snprintf(msg, sizeof msg, "%s: %s", what, reason);
    ov_io_error(err, cap, m->af.path ? m->af.path : path, msg);
}

static void release(ov_mp4 *m)
{
    if (m->av.lib[0]) {
        m->av.sws_freeContext(m->sws);
        m->av.av_frame_free(&m->frame);
        m->av.av_packet_free(&m->pkt);
        m->av.avcodec_free_context(&m->enc);
        if (m->fmt) {
            if (m->fmt->pb)
                m->av.avio_closep(&m->fmt->pb);
            m->av.avformat_free_context(m->fmt);
            m->fmt = NULL;
        }
    }
    ov_av_unload(&m->av);
    ov_atomic_abort(&m->af);
    free(m);
}

/* The encoder with its settings; false with err filled. */
static bool open_encoder(ov_mp4 *m, int delay_cs, char *err, size_t cap)
{
    const AVCodec *codec = m->av.avcodec_find_encoder_by_name("libx264");
    if (!codec)
        codec = m->av.avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!codec) {
        ov_io_error(err, cap, m->af.path,
                    "this FFmpeg has no H.264 encoder (Debian's libavcodec has libx264)");
        return false;
    }
    m->enc = m->av.avcodec_alloc_context3(codec);
    if (!m->enc) {
        ov_io_error(err, cap, m->af.path, strerror(ENOMEM));
        return false;
    }
    AVCodecContext *c = m->enc;
    c->width = m->vw;
    c->height = m->vh;
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->time_base = (AVRational){delay_cs, 100};
    c->framerate = (AVRational){100, delay_cs};
    c->gop_size = (OV_MP4_KEY_SECONDS * 100 + delay_cs - 1) / delay_cs;
    c->color_range = AVCOL_RANGE_MPEG;
    c->colorspace = AVCOL_SPC_BT709;
    c->color_primaries = AVCOL_PRI_BT709;
    c->color_trc = AVCOL_TRC_BT709;
    c->sample_aspect_ratio = (AVRational){1, 1};
    if (m->fmt->oformat->flags & AVFMT_GLOBALHEADER)
        c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary *opts = NULL;
    if (strcmp(codec->name, "libx264") == 0) {
        m->av.av_dict_set(&opts, "preset", OV_MP4_PRESET, 0);
        m->av.av_dict_set(&opts, "crf", OV_MP4_CRF, 0);
        m->av.av_dict_set(&opts, "profile", "high", 0);
    }
    /* libx264 starts its worker threads here: they are born with SIGINT
     * and SIGTERM blocked, so the signals reach the thread that polls. */
    ov_interrupt_mask mask;
    bool blocked = ov_interrupt_block(&mask);
    int rc = m->av.avcodec_open2(c, codec, &opts);
    if (blocked)
        ov_interrupt_restore(&mask);
    m->av.av_dict_free(&opts);
    if (rc < 0) {
        av_fail(m, NULL, "cannot open the H.264 encoder", rc, err, cap);
        return false;
    }
    return true;
}

ov_mp4 *ov_mp4_create(const char *path, int width, int height, int delay_cs, char *err,
                      size_t cap)
{
    if (width < 2 || height < 2 || width > OV_MP4_MAX_SIDE || height > OV_MP4_MAX_SIDE ||
        delay_cs < 1 || delay_cs > 100) {
        char why[160];
        snprintf(why, sizeof why,
                 "a %dx%d video with %d/100 s frames: an MP4 here is 2 to %d pixels on a "
                 "side with frames of 1/100 to 1 s", width, height, delay_cs, OV_MP4_MAX_SIDE);
        ov_io_error(err, cap, path, why);
        return NULL;
    }
    ov_mp4 *m = calloc(1, sizeof *m);
    if (!m) {
        ov_io_error(err, cap, path, strerror(ENOMEM));
        return NULL;
    }
    m->width = width;
    m->height = height;
    m->vw = width & ~1;
    m->vh = height & ~1;
    char why[512];
    if (!ov_av_load(&m->av, why, sizeof why)) {
        ov_io_error(err, cap, path, why);
        free(m);
        return NULL;
    }
    if (!ov_atomic_open(&m->af, path, err, cap)) {
        ov_av_unload(&m->av);
        free(m);
        return NULL;
    }
    if (!m->af.tmp_path) {
        ov_io_error(err, cap, path, "an MP4 must be a regular file (its index is written last)");
        release(m);
        return NULL;
    }
    m->av.av_log_set_level(AV_LOG_ERROR);
    int rc = m->av.avformat_alloc_output_context2(&m->fmt, NULL, "mp4", m->af.tmp_path);
    if (rc < 0 || !m->fmt) {
        av_fail(m, path, "cannot set up the MP4 muxer", rc < 0 ? rc : AVERROR(ENOMEM), err, cap);
        release(m);
        return NULL;
    }
    if (!open_encoder(m, delay_cs, err, cap)) {
        release(m);
        return NULL;
    }
    m->stream = m->av.avformat_new_stream(m->fmt, NULL);
    m->frame = m->av.av_frame_alloc();
    m->pkt = m->av.av_packet_alloc();
    m->sws = m->av.sws_getContext(m->vw, m->vh, AV_PIX_FMT_RGBA, m->vw, m->vh, AV_PIX_FMT_YUV420P,
                            SWS_BICUBIC | SWS_ACCURATE_RND, NULL, NULL, NULL);
    if (!m->stream || !m->frame || !m->pkt || !m->sws) {
        ov_io_error(err, cap, path, strerror(ENOMEM));
        release(m);
        return NULL;
    }
    /* Full-range RGB in, limited-range BT.709 YUV out (as tagged). */
    m->av.sws_setColorspaceDetails(m->sws, m->av.sws_getCoefficients(SWS_CS_ITU709), 1,
                             m->av.sws_getCoefficients(SWS_CS_ITU709), 0, 0, 1 << 16, 1 << 16);
    m->frame->format = AV_PIX_FMT_YUV420P;
    m->frame->width = m->vw;
    m->frame->height = m->vh;
    rc = m->av.av_frame_get_buffer(m->frame, 0);
    if (rc >= 0)
        rc = m->av.avcodec_parameters_from_context(m->stream->codecpar, m->enc);
    if (rc < 0) {
        av_fail(m, path, "cannot set up the video stream", rc, err, cap);
        release(m);
        return NULL;
    }
    m->stream->time_base = m->enc->time_base;
    m->stream->avg_frame_rate = m->enc->framerate;
    rc = m->av.avio_open(&m->fmt->pb, m->af.tmp_path, AVIO_FLAG_WRITE);
    AVDictionary *mux = NULL;
    m->av.av_dict_set(&mux, "movflags", "+faststart", 0);
    if (rc >= 0)
        rc = m->av.avformat_write_header(m->fmt, &mux);
    m->av.av_dict_free(&mux);
    if (rc < 0) {
        av_fail(m, path, "cannot start the MP4", rc, err, cap);
        release(m);
        return NULL;
    }
    return m;
}

void ov_mp4_size(const ov_mp4 *m, int *width, int *height)
{
    *width = m->vw;
    *height = m->vh;
}

/* Sends frame (NULL: flush) and writes every packet the encoder returns. */
static bool encode(ov_mp4 *m, const AVFrame *frame, char *err, size_t cap)
{
    int rc = m->av.avcodec_send_frame(m->enc, frame);
    while (rc >= 0) {
        rc = m->av.avcodec_receive_packet(m->enc, m->pkt);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return true;
        if (rc < 0)
            break;
        m->av.av_packet_rescale_ts(m->pkt, m->enc->time_base, m->stream->time_base);
        m->pkt->stream_index = m->stream->index;
        rc = m->av.av_interleaved_write_frame(m->fmt, m->pkt);   /* takes the packet's data */
        if (rc < 0) {
            av_fail(m, NULL, "cannot write a frame", rc, err, cap);
            return false;
        }
    }
    av_fail(m, NULL, "cannot encode a frame", rc, err, cap);
    return false;
}

bool ov_mp4_add_frame(ov_mp4 *m, const uint8_t *rgba, char *err, size_t cap)
{
    int rc = m->av.av_frame_make_writable(m->frame);
    if (rc < 0) {
        av_fail(m, NULL, "cannot encode a frame", rc, err, cap);
        return false;
    }
    const uint8_t *src[4] = {rgba, NULL, NULL, NULL};
    const int stride[4] = {m->width * 4, 0, 0, 0};
    m->av.sws_scale(m->sws, src, stride, 0, m->vh, m->frame->data, m->frame->linesize);
    m->frame->pts = m->nframes++;
    return encode(m, m->frame, err, cap);
}

bool ov_mp4_finish(ov_mp4 *m, char *err, size_t cap)
{
    if (m->nframes == 0) {
        ov_io_error(err, cap, m->af.path, "no frames to write");
        release(m);
        return false;
    }
    if (!encode(m, NULL, err, cap)) {
        release(m);
        return false;
    }
    int rc = m->av.av_write_trailer(m->fmt);
    int rc_close = m->av.avio_closep(&m->fmt->pb);
    if (rc < 0 || rc_close < 0) {
        av_fail(m, NULL, "cannot finish the MP4", rc < 0 ? rc : rc_close, err, cap);
        release(m);
        return false;
    }
    /* The muxer wrote the file by name: committing syncs that file and
     * renames it over the target. */
    bool ok = ov_atomic_commit(&m->af, err, cap);
    release(m);
    return ok;
}

void ov_mp4_destroy(ov_mp4 *m)
{
    if (m)
        release(m);
}
