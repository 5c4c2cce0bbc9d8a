/* Exports shared by the CLI (headless) and the window's keys: a hidden GL
 * window with a renderer for one scene, frame -> PNG, the animation -> GIF
 * or MP4 (in one go; the window runs them a frame at a time, anim_export.h),
 * and timestamped file names for the export keys. */
#ifndef OV_EXPORT_H
#define OV_EXPORT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include "controls.h"
#include "glwin.h"
#include "render/render.h"

/* Creates a hidden window and a width x height renderer set up for st's
 * surface. On failure *r may be non-NULL: the caller always destroys *r and
 * win, in that order. */
bool ov_export_offscreen_begin(ov_glwin *win, ov_renderer **r, const ov_app_state *st,
                               int width, int height, char *err, size_t cap);

/* Draws st (HUD included) and writes it as a PNG at path, atomically. The
 * frame is drawn from the export's own copy of st: st is only read. */
bool ov_export_png(ov_renderer *r, const ov_app_state *st, const char *path, char *err,
                   size_t cap);

/* A PNG compressed and written on a thread of its own while the caller
 * goes on (a screenshot process closes its GL context meanwhile). */
typedef struct ov_png_pending {
    pthread_t thread;
    bool running;          /* the thread was started and not yet joined */
    bool ok;               /* the write's result (set by the thread) */
    const char *path;
    uint8_t *px;           /* the frame, owned until finished */
    int width, height;
    char err[1024];
} ov_png_pending;

/* ov_export_png in two halves: draws st and reads the frame back, then
 * writes it on another thread (in this one when no thread can start).
 * False with err when the frame could not be drawn or read (p then holds
 * nothing). ov_export_png_finish waits for the write and returns its
 * result, with err; call it once after every start that succeeded. */
bool ov_export_png_start(ov_renderer *r, const ov_app_state *st, const char *path,
                         ov_png_pending *p, char *err, size_t cap);
bool ov_export_png_finish(ov_png_pending *p, char *err, size_t cap);

/* Writes st's runs as CSV (the contract format, io/csv.h) at path; r is
 * not used (the exports table's writers all take it). */
bool ov_export_csv(ov_renderer *r, const ov_app_state *st, const char *path, char *err,
                   size_t cap);

/* Writes the animation from step 0 to the last step as an animated GIF of
 * `frames` frames (>= 2), `delay_cs` hundredths of a second apart, at the
 * renderer's size; the runs' colours are kept exact in the palette.
 * Drawn from the export's own copy of st (st is only read). */
bool ov_export_gif(ov_renderer *r, const ov_app_state *st, const char *path, int frames,
                   int delay_cs, char *err, size_t cap);

/* The same frames as an MP4 video (H.264, see io/mp4_write.h), each
 * delay_cs hundredths of a second long. */
bool ov_export_mp4(ov_renderer *r, const ov_app_state *st, const char *path, int frames,
                   int delay_cs, char *err, size_t cap);

/* Whether the exports may write into dir: a directory this process may
 * create files in (created first, when create is set and it does not exist:
 * its parent must). False with a message naming dir in err. */
bool ov_export_dir_ok(const char *dir, bool create, char *err, size_t cap);

/* "DIR/optiviz-YYYYmmdd-HHMMSS.EXT" (DIR "." when NULL), with "-2", "-3"...
 * appended when that name exists. false when it would not fit in cap. */
bool ov_export_timestamped_path(const char *dir, const char *ext, char *buf, size_t cap);

#endif
