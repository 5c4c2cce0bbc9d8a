/* Animation exports rendered one frame per call: the same frames (step 0 to
 * the last step, evenly spaced) written as an animated GIF, an MP4 video or
 * both. The CLI runs a job in a loop with progress on a terminal; the
 * window runs one frame per window frame, so it never freezes. */
#ifndef OV_ANIM_EXPORT_H
#define OV_ANIM_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "controls.h"
#include "render/render.h"

typedef struct ov_anim_job ov_anim_job;

typedef struct ov_anim_spec {
    const char *gif;    /* the GIF's path, or NULL for none */
    const char *mp4;    /* the MP4's path, or NULL for none */
    int frames;         /* >= 2 (fewer are raised to 2) */
    int delay_cs;       /* each frame's duration in 1/100 s */
} ov_anim_spec;

typedef enum ov_anim_status {
    OV_ANIM_FAILED = -1,   /* err says why; the files are abandoned */
    OV_ANIM_DONE = 0,      /* every file written and renamed into place */
    OV_ANIM_MORE = 1       /* call ov_anim_job_step again */
} ov_anim_status;

/* Starts the files of spec (temporary until done) for frames of r's size.
 * The runs' colours get exact GIF palette entries. Returns NULL with err
 * filled (naming the file) when a file cannot be started. */
ov_anim_job *ov_anim_job_create(const ov_anim_spec *spec, ov_renderer *r,
                                const ov_app_state *st, char *err, size_t cap);

/* Draws the next frame of st with r (HUD included, transient messages and
 * the export's own progress bar left out) from the job's own copy of st (st
 * is only read: the copy gets the frame's step and camera) and writes it
 * to every file; after the last frame, finishes the files. After
 * OV_ANIM_FAILED the job is spent: destroy it. */
ov_anim_status ov_anim_job_step(ov_anim_job *j, ov_renderer *r, const ov_app_state *st,
                                char *err, size_t cap);

/* Frames written so far, and in all. */
int ov_anim_job_done(const ov_anim_job *j);
int ov_anim_job_total(const ov_anim_job *j);

/* Frees j; files not yet finished are abandoned (their temporary files
 * removed, the targets untouched). NULL is a no-op. */
void ov_anim_job_destroy(ov_anim_job *j);

#endif
