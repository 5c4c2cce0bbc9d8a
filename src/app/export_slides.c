/* --lecture FILE --export-slides DIR [--slides-video]: each good scene of
 * the lecture rendered as --screenshot renders it (the same state, the
 * same offscreen renderer, every run complete), written as
 * DIR/slide-01.png ... in play order, and with --slides-video as
 * DIR/slide-01.mp4 ... as --video writes it. Every file is written through
 * a temporary file, so none is left half-written. See app.h. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anim_export.h"
#include "controls.h"
#include "controls_anim.h"
#include "export.h"
#include "glwin.h"
#include "io/interrupt.h"
#include "lecture_play.h"

/* The scene's animation as an MP4 at path, with r (as --video). */
static bool slide_video(ov_renderer *r, ov_app_state *st, const ov_config *cfg,
                        const char *path, char *err, size_t cap)
{
    ov_anim_spec spec = {.mp4 = path, .frames = cfg->gif_frames, .delay_cs = cfg->gif_delay_cs};
    ov_anim_job *j = ov_anim_job_create(&spec, r, st, err, cap);
    if (!j)
        return false;
    ov_anim_status status = OV_ANIM_MORE;
    while (status == OV_ANIM_MORE) {
        if (ov_interrupt_signal()) {
            snprintf(err, cap, "%s: interrupted by %s", path,
                     ov_interrupt_name(ov_interrupt_signal()));
            status = OV_ANIM_FAILED;   /* destroying the job abandons the file */
            break;
        }
        status = ov_anim_job_step(j, r, st, err, cap);
    }
    ov_anim_job_destroy(j);
    return status == OV_ANIM_DONE;
}

/* Slide number n (from 1) of scene cfg: its PNG, and its MP4 when asked. */
static bool slide(const ov_config *cfg, int n, char *err, size_t cap)
{
    ov_app_state st;
    if (!ov_controls_init(&st, cfg, err, cap))
        return false;
    /* As --screenshot: every run complete. */
    ov_controls_seek(&st, ov_controls_last_step(&st));
    char path[1200];
    ov_glwin win;
    ov_renderer *r = NULL;
    bool ok = ov_export_offscreen_begin(&win, &r, &st, cfg->width, cfg->height, err, cap);
    if (ok) {
        ov_renderer_keep_contours(r, false);
        snprintf(path, sizeof path, "%s/slide-%02d.png", cfg->export_slides, n);
        ok = ov_export_png(r, &st, path, err, cap);
    }
    if (ok && cfg->slides_video) {
        ov_renderer_keep_contours(r, true);
        snprintf(path, sizeof path, "%s/slide-%02d.mp4", cfg->export_slides, n);
        ok = slide_video(r, &st, cfg, path, err, cap);
    }
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ok;
}

int ov_app_export_slides(const ov_config *cfg)
{
    char err[2048];
    if (!ov_export_dir_ok(cfg->export_slides, true, err, sizeof err)) {
        fprintf(stderr, "optiviz: --export-slides: %s\n", err);
        return 2;
    }
    ov_preset_set *set = ov_lecture_open(cfg, err, sizeof err);
    if (!set) {
        fprintf(stderr, "optiviz: %s\n", err);
        return 2;
    }
    ov_config *scene = malloc(sizeof *scene);   /* large (formula text) */
    if (!scene) {
        ov_presets_destroy(set);
        fprintf(stderr, "optiviz: out of memory\n");
        return 1;
    }
    if (!ov_interrupt_install())
        fprintf(stderr, "optiviz: note: cannot catch SIGINT/SIGTERM\n");
    int status = 0, n = ov_presets_count(set);
    for (int i = 0; i < n && status == 0 && !ov_interrupt_signal(); i++) {
        if (!ov_lecture_scene_config(set, i, cfg, scene, err, sizeof err) ||
            !slide(scene, i + 1, err, sizeof err)) {
            fprintf(stderr, "optiviz: slide %d: %s\n", i + 1, err);
            status = 1;
        }
    }
    int sig = ov_interrupt_signal();
    ov_interrupt_uninstall();
    free(scene);
    ov_presets_destroy(set);
    if (sig) {
        fprintf(stderr, "optiviz: interrupted by %s: the slide being written was not kept\n",
                ov_interrupt_name(sig));
        return 128 + sig;
    }
    if (status == 0)
        printf("wrote %d slide%s in %s\n", n, n == 1 ? "" : "s", cfg->export_slides);
    return status;
}
