/* What a frame's events asked of the window, carried out: fullscreen, the
 * exports table's rows (P PNG, Shift+P SVG, X CSV at once; G GIF and
 * Shift+G MP4 a frame per window frame) and the lecture presets on keys
 * 1-9, 0. Part of the window module
 * (window_internal.h). */
#include "window_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "controls.h"
#include "controls_ui.h"
#include "export.h"
#include "exports.h"
#include "lecture_play.h"
#include "io/interrupt.h"
#include "render/render.h"

#define GIF_MAX_WIDTH 960
#define VIDEO_MAX_WIDTH 1920

/* A FRAME or DATA row of the exports table (P, Shift+P, X): a timestamped
 * file in the output directory, written from the live state (only read). */
static void save_export(window_app *a, const ov_export_format *f)
{
    char path[1024], err[1024];
    /* The export's own copy: the scene even while B blanks the screen. */
    ov_app_state *shown = malloc(sizeof *shown);
    if (shown) {
        *shown = a->st;
        shown->lecture.blank = false;
    }
    if (!shown)
        ov_controls_say(&a->st, "%s failed: out of memory", f->name);
    else if (!ov_export_timestamped_path(a->st.job.output_dir, f->ext, path, sizeof path))
        ov_controls_say(&a->st, "%s failed: output directory name too long", f->name);
    else if (!f->write(a->renderer, shown, path, err, sizeof err)) {
        a->export_interrupted = ov_interrupt_signal() != 0;
        ov_controls_say(&a->st, "%s failed: %s", f->name, err);
    }
    else
        ov_controls_say(&a->st, "saved %s", path);
    free(shown);
}

/* Ends the running export (finished, failed or cancelled): the job and its
 * renderer go, the keys and the mouse act on the scene again. */
void ov_window_export_end(window_app *a)
{
    ov_anim_job_destroy(a->job);
    ov_renderer_destroy(a->job_renderer);
    a->job = NULL;
    a->job_renderer = NULL;
    a->st.job.on = false;
}

/* G (GIF, at most GIF_MAX_WIDTH wide) and Shift+G (MP4, at most
 * VIDEO_MAX_WIDTH wide, even sides): starts the export of the animation at
 * the window's aspect ratio; export_step then writes a frame per window
 * frame, so the window keeps drawing (with a progress bar) meanwhile. */
static void export_begin(window_app *a, bool video, int dw, int dh)
{
    const char *kind = video ? "MP4" : "GIF";
    char err[1024];
    if (dw <= 0 || dh <= 0) {
        ov_controls_say(&a->st, "%s failed: the window has no size", kind);
        return;
    }
    int max = video ? VIDEO_MAX_WIDTH : GIF_MAX_WIDTH;
    int w = dw > max ? max : dw;
    int h = (int)((double)dh * w / dw + 0.5);
    if (video) {
        w = w < 2 ? 2 : w & ~1;
        h = h < 2 ? 2 : h & ~1;
    }
    bool ok = ov_export_timestamped_path(a->st.job.output_dir, video ? "mp4" : "gif", a->job_path,
                                         sizeof a->job_path);
    if (!ok)
        snprintf(err, sizeof err, "output directory name too long");
    if (ok) {
        a->job_renderer = ov_renderer_create(w, h, a->font, err, sizeof err);
        ok = a->job_renderer &&
             ov_renderer_set_surface(a->job_renderer, a->st.sc.scene.surface, err, sizeof err);
    }
    if (ok) {
        ov_anim_spec spec = {.gif = video ? NULL : a->job_path,
                             .mp4 = video ? a->job_path : NULL,
                             .frames = a->cfg.gif_frames,
                             .delay_cs = a->cfg.gif_delay_cs};
        a->job = ov_anim_job_create(&spec, a->job_renderer, &a->st, err, sizeof err);
        ok = a->job != NULL;
    }
    if (!ok) {
        ov_window_export_end(a);
        ov_controls_say(&a->st, "%s failed: %s", kind, err);
        return;
    }
    a->st.job.on = true;
    a->st.job.kind = kind;
    a->st.job.done = 0;
    a->st.job.total = ov_anim_job_total(a->job);
}

/* One frame of the running export; at the end, says where it went. */
static void export_step(window_app *a)
{
    char err[1024];
    ov_anim_status status = ov_anim_job_step(a->job, a->job_renderer, &a->st, err, sizeof err);
    a->st.job.done = ov_anim_job_done(a->job);
    if (status == OV_ANIM_MORE)
        return;
    if (status == OV_ANIM_DONE) {
        ov_controls_say(&a->st, "saved %s (%d frames)", a->job_path, a->st.job.total);
    } else {
        a->export_interrupted = ov_interrupt_signal() != 0;
        ov_controls_say(&a->st, "%s failed: %s", a->st.job.kind, err);
    }
    ov_window_export_end(a);
}

/* Keys 1-9 and 0: the lecture preset with that number, on top of the window's own
 * settings (size, output directory, ui scale). */
static void apply_preset(window_app *a, const ov_config *cfg, int number)
{
    const ov_preset *p = a->presets ? ov_presets_by_number(a->presets, number) : NULL;
    if (!p) {
        char key[4];
        snprintf(key, sizeof key, "%d", number);
        const char *why = a->presets ? ov_presets_skipped_reason(a->presets, key) : NULL;
        ov_controls_say(&a->st, "no preset %d%s%s", number, why ? ": " : "", why ? why : "");
        return;
    }
    ov_config *next = malloc(sizeof *next);   /* large (formula text) */
    char err[512];
    if (!next) {
        ov_controls_say(&a->st, "preset %d: out of memory", number);
        return;
    }
    *next = *cfg;
    if (!ov_preset_apply(p, next, err, sizeof err))
        ov_controls_say(&a->st, "preset %d: %s", number, err);
    else if (ov_controls_apply_config(&a->st, next))
        ov_controls_say(&a->st, "preset %d: %s", number, p->name);
    free(next);
}

/* Carries out what the frame's events asked for that needs the window,
 * the renderer or files. */
void ov_window_carry_out(window_app *a, const ov_requests *asked, int dw, int dh)
{
#ifndef __EMSCRIPTEN__
    if (asked->quit)
        a->quit = true;
#endif   /* a page has no process to end: Q and Esc twice do nothing there */
    if (asked->fullscreen) {
        a->fullscreen = !a->fullscreen;
        if (SDL_SetWindowFullscreen(a->win.window, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0))
            ov_controls_say(&a->st, "fullscreen unavailable: %s", SDL_GetError());
    }
    if (asked->cancel_export && a->job) {
        const char *kind = a->st.job.kind;
        ov_window_export_end(a);
        ov_controls_say(&a->st, "%s cancelled: nothing written", kind);
    }
    for (int i = 0; i < asked->nexports; i++) {
        int n, row = ov_export_find_sdl_key(asked->exports[i].key, asked->exports[i].shift);
        const ov_export_format *f = row >= 0 ? &ov_export_formats(&n)[row] : NULL;
        if (f && f->kind != OV_EXPORT_ANIMATION)
            save_export(a, f);
        else if (f && !a->job)
            export_begin(a, f->video, dw, dh);
    }
    if (a->job)
        export_step(a);
    if (asked->preset)
        apply_preset(a, &a->cfg, asked->preset);
    if (asked->scene && a->lecture)
        ov_lecture_go(&a->st, a->lecture, &a->cfg, asked->scene - 1);
}

