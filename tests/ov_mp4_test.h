/* Test helper shared by the MP4 tests: decodes a video file with
 * libavformat and libavcodec (independently of the writer) into RGBA
 * frames, and reads the order of the file's top-level MP4 boxes. */
#ifndef OV_MP4_TEST_H
#define OV_MP4_TEST_H

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ov_video_info {
    int width, height;
    int frames;                 /* decoded */
    enum AVCodecID codec;
    enum AVPixelFormat pix_fmt;
    AVRational frame_rate;      /* the stream's average frame rate */
    double duration;            /* seconds, from the container */
    double last_pts;            /* seconds: the last frame's time stamp */
} ov_video_info;

/* Decodes path; keeps frames first..first+nkeep-1 as RGBA (BT.709 limited
 * range converted to full-range RGB) in keep[i] (width * height * 4 bytes,
 * allocated here, caller frees). Returns 0, or a negative AVERROR. */
static int ov_video_decode(const char *path, ov_video_info *info, int first, int nkeep,
                           uint8_t **keep)
{
    memset(info, 0, sizeof *info);
    for (int i = 0; i < nkeep; i++)
        keep[i] = NULL;
    AVFormatContext *fmt = NULL;
    int rc = avformat_open_input(&fmt, path, NULL, NULL);
    if (rc < 0)
        return rc;
    rc = avformat_find_stream_info(fmt, NULL);
    int si = rc < 0 ? rc : av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, NULL, 0);
    if (si < 0) {
        avformat_close_input(&fmt);
        return si;
    }
    AVStream *st = fmt->streams[si];
    const AVCodec *dec = avcodec_find_decoder(st->codecpar->codec_id);
    AVCodecContext *c = dec ? avcodec_alloc_context3(dec) : NULL;
    if (!c || avcodec_parameters_to_context(c, st->codecpar) < 0 || avcodec_open2(c, dec, NULL) < 0) {
        avcodec_free_context(&c);
        avformat_close_input(&fmt);
        return AVERROR_DECODER_NOT_FOUND;
    }
    info->width = st->codecpar->width;
    info->height = st->codecpar->height;
    info->codec = st->codecpar->codec_id;
    info->pix_fmt = (enum AVPixelFormat)st->codecpar->format;
    info->frame_rate = st->avg_frame_rate;
    info->duration = fmt->duration > 0 ? fmt->duration / (double)AV_TIME_BASE : 0.0;
    AVPacket *pkt = av_packet_alloc();
    AVFrame *fr = av_frame_alloc();
    struct SwsContext *sws = NULL;
    int w = info->width, h = info->height;
    for (bool flushing = false;;) {
        if (!flushing) {
            rc = av_read_frame(fmt, pkt);
            if (rc < 0) {
                flushing = true;
                rc = avcodec_send_packet(c, NULL);
            } else {
                if (pkt->stream_index == si)
                    rc = avcodec_send_packet(c, pkt);
                av_packet_unref(pkt);
            }
        }
        while ((rc = avcodec_receive_frame(c, fr)) >= 0) {
            int k = info->frames++ - first;
            if (fr->best_effort_timestamp != AV_NOPTS_VALUE)
                info->last_pts = fr->best_effort_timestamp * av_q2d(st->time_base);
            if (k >= 0 && k < nkeep) {
                if (!sws) {
                    sws = sws_getContext(w, h, (enum AVPixelFormat)fr->format, w, h,
                                         AV_PIX_FMT_RGBA, SWS_BICUBIC | SWS_ACCURATE_RND |
                                         SWS_FULL_CHR_H_INT, NULL, NULL, NULL);
                    sws_setColorspaceDetails(sws, sws_getCoefficients(SWS_CS_ITU709), 0,
                                             sws_getCoefficients(SWS_CS_ITU709), 1, 0, 1 << 16,
                                             1 << 16);
                }
                keep[k] = malloc((size_t)w * h * 4);
                uint8_t *dst[4] = {keep[k], NULL, NULL, NULL};
                int stride[4] = {w * 4, 0, 0, 0};
                sws_scale(sws, (const uint8_t *const *)fr->data, fr->linesize, 0, h, dst, stride);
            }
            av_frame_unref(fr);
        }
        if (rc == AVERROR_EOF || (flushing && rc != AVERROR(EAGAIN)))
            break;
    }
    sws_freeContext(sws);
    av_frame_free(&fr);
    av_packet_free(&pkt);
    avcodec_free_context(&c);
    avformat_close_input(&fmt);
    return 0;
}

/* The types of the file's first top-level boxes ("ftyp", "moov", ...),
 * read from their 32-bit sizes; returns how many were found (<= max). */
static int ov_mp4_boxes(const char *path, char types[][5], int max)
{
    FILE *f = fopen(path, "rb");
    int n = 0;
    unsigned char hdr[16];
    long pos = 0;
    while (f && n < max && fseek(f, pos, SEEK_SET) == 0 && fread(hdr, 1, 8, f) == 8) {
        uint64_t size = (uint64_t)hdr[0] << 24 | (uint64_t)hdr[1] << 16 | (uint64_t)hdr[2] << 8 | hdr[3];
        memcpy(types[n], hdr + 4, 4);
        types[n++][4] = 0;
        if (size == 1) {   /* 64-bit size follows */
            if (fread(hdr + 8, 1, 8, f) != 8)
                break;
            size = 0;
            for (int i = 8; i < 16; i++)
                size = size << 8 | hdr[i];
        }
        if (size < 8)
            break;
        pos += (long)size;
    }
    if (f)
        fclose(f);
    return n;
}

/* Mean absolute difference per channel (RGB) between two w x h RGBA
 * images, and in *worst the fraction of pixels with some channel off by
 * more than `far`. */
static double ov_rgb_mean_diff(const uint8_t *a, const uint8_t *b, int w, int h, int far,
                               double *worst)
{
    double sum = 0.0;
    long bad = 0;
    for (long i = 0; i < (long)w * h; i++) {
        int m = 0;
        for (int ch = 0; ch < 3; ch++) {
            int d = abs((int)a[4 * i + ch] - (int)b[4 * i + ch]);
            sum += d;
            if (d > m)
                m = d;
        }
        bad += m > far;
    }
    if (worst)
        *worst = (double)bad / ((double)w * h);
    return sum / (3.0 * w * h);
}

#endif
