/* Animated GIF export via giflib: one global 256-colour palette built from
 * the first frame with the caller's key colours (the run colours) kept
 * exactly, an endless loop, and a fixed delay per frame. Written
 * atomically (see atomic.h). */
#ifndef OV_GIF_WRITE_H
#define OV_GIF_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OV_GIF_MAX_SIDE 65535
#define OV_GIF_MAX_KEEP_COLOURS 64

typedef struct ov_gif ov_gif;

/* Starts a width x height GIF at path (written to a temporary file until
 * ov_gif_finish). delay_cs is each frame's delay in 1/100 s (0 .. 65535).
 * keep[0..nkeep) (nkeep 0 .. OV_GIF_MAX_KEEP_COLOURS, keep may be NULL when
 * nkeep is 0) are RGB colours that get palette entries of their own, so a
 * pixel of exactly that colour is stored exactly. Returns NULL with a
 * one-line message in err on failure. */
ov_gif *ov_gif_create(const char *path, int width, int height, int delay_cs,
                      const uint8_t (*keep)[3], int nkeep, char *err, size_t cap);

/* Appends a frame of width x height RGBA pixels (rows top-down, alpha
 * ignored). The first frame also fixes the palette. Only the rectangle that
 * changed since the previous frame is stored. Returns false with err filled
 * on failure; the writer is then unusable except for ov_gif_destroy. */
bool ov_gif_add_frame(ov_gif *g, const uint8_t *rgba, char *err, size_t cap);

/* Writes the trailer and renames the temporary file over path. Frees g in
 * every case. Fails when no frame was added or a write fails; the
 * temporary file is then removed. */
bool ov_gif_finish(ov_gif *g, char *err, size_t cap);

/* Abandons the GIF: removes the temporary file and frees g. NULL is a no-op. */
void ov_gif_destroy(ov_gif *g);

#endif
