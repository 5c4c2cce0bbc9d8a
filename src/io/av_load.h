/* FFmpeg, loaded when an MP4 is written and not before: libavcodec,
 * libavformat, libswscale and libavutil (with the dozens of codec
 * libraries they bring) are opened with dlopen by the MP4 writer only, so
 * every other run of the program (the window, a screenshot, a CSV) starts
 * without them: about 25 ms of dynamic loading and 20 MB of memory less
 * on this machine. The library versions are the ones the headers were
 * built against (their major numbers name the shared objects). */
#ifndef OV_AV_LOAD_H
#define OV_AV_LOAD_H

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/frame.h>
#include <libavutil/log.h>
#include <libswscale/swscale.h>
#include <stdbool.h>
#include <stddef.h>

/* Every FFmpeg function the MP4 writer calls. */
#define OV_AV_FUNCTIONS(X)                                                                  \
    X(av_dict_free) X(av_dict_set) X(av_frame_alloc) X(av_frame_free)                      \
    X(av_frame_get_buffer) X(av_frame_make_writable) X(av_interleaved_write_frame)         \
    X(av_log_set_level) X(av_packet_alloc) X(av_packet_free) X(av_packet_rescale_ts)      \
    X(av_strerror) X(av_write_trailer) X(avcodec_alloc_context3) X(avcodec_find_encoder)  \
    X(avcodec_find_encoder_by_name) X(avcodec_free_context) X(avcodec_open2)               \
    X(avcodec_parameters_from_context) X(avcodec_receive_packet) X(avcodec_send_frame)     \
    X(avformat_alloc_output_context2) X(avformat_free_context) X(avformat_new_stream)      \
    X(avformat_write_header) X(avio_closep) X(avio_open) X(sws_freeContext)                \
    X(sws_getCoefficients) X(sws_getContext) X(sws_scale) X(sws_setColorspaceDetails)

/* The opened libraries and a pointer to each function, named as the
 * function (call m->av.avcodec_open2(...)). */
typedef struct ov_av {
    void *lib[4];
#define OV_AV_POINTER(name) __typeof__(name) *name;
    OV_AV_FUNCTIONS(OV_AV_POINTER)
#undef OV_AV_POINTER
} ov_av;

/* Opens the libraries and finds every function (caller-owned av). false
 * with "cannot load FFmpeg (...): reason" in err when one is missing; av
 * then holds nothing to release. */
bool ov_av_load(ov_av *av, char *err, size_t cap);
/* Closes what ov_av_load opened; safe on a zeroed or failed av. */
void ov_av_unload(ov_av *av);

#endif
