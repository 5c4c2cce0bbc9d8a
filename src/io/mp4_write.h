/* MP4 video export through FFmpeg's libraries: H.264 (libx264 when the
 * build has it, else libavcodec's default H.264 encoder), yuv420p with
 * BT.709 colour tags, a constant frame rate of 100/delay_cs frames per
 * second, and the index moved to the front (faststart) so the file plays
 * while it is still loading. Written atomically (see atomic.h): to a
 * temporary file next to the target, renamed over it by ov_mp4_finish. */
#ifndef OV_MP4_WRITE_H
#define OV_MP4_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OV_MP4_MAX_SIDE 8192

typedef struct ov_mp4 ov_mp4;

/* Starts a video at path for frames of width x height RGBA pixels. yuv420p
 * needs even sides: an odd width or height loses its last column or row in
 * the video (ov_mp4_size tells the size written). delay_cs is each frame's
 * duration in 1/100 s (1 .. 100). The target must be, or become, a regular
 * file (faststart rewrites the file once it is complete). Returns NULL with
 * a one-line message in err on failure; no file is left behind. */
ov_mp4 *ov_mp4_create(const char *path, int width, int height, int delay_cs, char *err,
                      size_t cap);

/* The video's size: width and height rounded down to even. */
void ov_mp4_size(const ov_mp4 *m, int *width, int *height);

/* Encodes a frame of width x height RGBA pixels (rows top-down, alpha
 * ignored; width and height as given to ov_mp4_create). Returns false with
 * err filled on failure; the writer is then unusable except for
 * ov_mp4_destroy. */
bool ov_mp4_add_frame(ov_mp4 *m, const uint8_t *rgba, char *err, size_t cap);

/* Flushes the encoder, writes the index at the front and renames the
 * temporary file over path. Frees m in every case. Fails when no frame was
 * added or a write fails; the temporary file is then removed. */
bool ov_mp4_finish(ov_mp4 *m, char *err, size_t cap);

/* Abandons the video: removes the temporary file and frees m. NULL is a no-op. */
void ov_mp4_destroy(ov_mp4 *m);

#endif
