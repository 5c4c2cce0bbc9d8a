/* An animation export as a job advanced one frame at a time (see
 * anim_export.h): one render and read-back per frame, handed to the GIF
 * and MP4 writers. */
#include "anim_export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "hud.h"
#include "io/gif_write.h"
#include "io/mp4_write.h"
#include "app_cache.h"
#include "controls_anim.h"
#include "controls_ui.h"
#include "controls_view.h"

struct ov_anim_job {
    ov_gif *gif;
    ov_mp4 *mp4;
    int frames, next;
    int width, height;
    uint8_t *px;   /* one frame, width * height RGBA */
    ov_app_cache cache;   /* kept from frame to frame */
    /* A model scene's own copy, whose slice follows each frame's step as
     * the window's does, leaving the live scene as it is; NULL for a
     * surface. */
    ov_scene *own;
};

ov_anim_job *ov_anim_job_create(const ov_anim_spec *spec, ov_renderer *r,
                                const ov_app_state *st, char *err, size_t cap)
{
    ov_anim_job *j = calloc(1, sizeof *j);
    if (!j) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    ov_app_cache_init(&j->cache);
    j->frames = spec->frames < 2 ? 2 : spec->frames;
    if (st->sc.scene.model) {
        j->own = malloc(sizeof *j->own);
        if (!j->own || !ov_scene_copy_model(j->own, &st->sc.scene)) {
            free(j->own);
            j->own = NULL;
            snprintf(err, cap, "out of memory copying the scene");
            ov_anim_job_destroy(j);
            return NULL;
        }
    }
    ov_renderer_size(r, &j->width, &j->height);
    j->px = malloc((size_t)j->width * (size_t)j->height * 4);
    if (!j->px) {
        snprintf(err, cap, "out of memory for a %dx%d image", j->width, j->height);
        ov_anim_job_destroy(j);
        return NULL;
    }
    if (spec->gif) {
        /* The run colours get exact palette entries so paths stay true. */
        uint8_t keep[OV_MAX_RUNS][3];
        int nkeep = st->sc.scene.nruns;
        for (int i = 0; i < nkeep; i++) {
            ov_rgba c = ov_hud_run_color(st, i);
            keep[i][0] = (uint8_t)(c.r * 255.0f + 0.5f);
            keep[i][1] = (uint8_t)(c.g * 255.0f + 0.5f);
            keep[i][2] = (uint8_t)(c.b * 255.0f + 0.5f);
        }
        j->gif = ov_gif_create(spec->gif, j->width, j->height, spec->delay_cs,
                               (const uint8_t(*)[3])keep, nkeep, err, cap);
        if (!j->gif) {
            ov_anim_job_destroy(j);
            return NULL;
        }
    }
    if (spec->mp4) {
        j->mp4 = ov_mp4_create(spec->mp4, j->width, j->height, spec->delay_cs, err, cap);
        if (!j->mp4) {
            ov_anim_job_destroy(j);
            return NULL;
        }
    }
    return j;
}

/* Finishes every file; false with err from the first that fails (the
 * others are still finished or abandoned). */
static bool finish(ov_anim_job *j, char *err, size_t cap)
{
    bool ok = true;
    if (j->gif)
        ok = ov_gif_finish(j->gif, err, cap);
    j->gif = NULL;
    if (j->mp4 && ok)
        ok = ov_mp4_finish(j->mp4, err, cap);
    else
        ov_mp4_destroy(j->mp4);
    j->mp4 = NULL;
    return ok;
}

ov_anim_status ov_anim_job_step(ov_anim_job *j, ov_renderer *r, const ov_app_state *st,
                                char *err, size_t cap)
{
    if (j->next >= j->frames)
        return OV_ANIM_DONE;
    /* The export's own copy of the state: the live one is never changed. */
    ov_app_state frame = *st;
    ov_controls_seek(&frame, ov_controls_last_step(st) * (double)j->next / (j->frames - 1));
    ov_controls_orbit_frame(&frame, st->view.camera, j->next, j->frames);   /* --orbit */
    ov_controls_hide_message(&frame);   /* transient HUD messages stay out of the animation */
    if (j->own) {
        ov_scene_follow(j->own, frame.sc.target, (int)floor(frame.anim.step));
        frame.sc.scene = *j->own;
    }
    frame.job.on = false;               /* no progress bar in the export's own frames */
    frame.lecture.blank = false;        /* the scene even while B blanks the screen */
    if (!ov_hud_draw_frame(r, &frame, &j->cache, NULL)) {
        ov_hud_frame_error(r, err, cap);
        return OV_ANIM_FAILED;
    }
    bool ok = ov_renderer_read_rgba(r, j->px);
    if (!ok)
        snprintf(err, cap, "cannot read the rendered frame back");
    if (ok && j->gif)
        ok = ov_gif_add_frame(j->gif, j->px, err, cap);
    if (ok && j->mp4)
        ok = ov_mp4_add_frame(j->mp4, j->px, err, cap);
    if (!ok) {
        ov_gif_destroy(j->gif);
        ov_mp4_destroy(j->mp4);
        j->gif = NULL;
        j->mp4 = NULL;
        return OV_ANIM_FAILED;
    }
    if (++j->next < j->frames)
        return OV_ANIM_MORE;
    return finish(j, err, cap) ? OV_ANIM_DONE : OV_ANIM_FAILED;
}

int ov_anim_job_done(const ov_anim_job *j)
{
    return j->next;
}

int ov_anim_job_total(const ov_anim_job *j)
{
    return j->frames;
}

void ov_anim_job_destroy(ov_anim_job *j)
{
    if (!j)
        return;
    ov_gif_destroy(j->gif);
    ov_mp4_destroy(j->mp4);
    free(j->px);
    if (j->own) {
        ov_scene_deinit(j->own);
        free(j->own);
    }
    free(j);
}
