/* Renderer benchmark (built, not run by ctest): median ms per frame of the
 * default scene (quadratic kappa 10 theta 30; gd, momentum, adam) at 1280x720
 * and 1920x1080, for an animation frame (contours cached) and for a frame
 * right after a parameter change (kappa, runs recomputed, contours redrawn).
 * Each frame is begin + a small HUD + end + glFinish, no readback. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/scene.h"
#include "ov_bench.h"
#include "ov_gl_test.h"

#define FRAMES 60

static void draw(ov_renderer *r, const ov_frame_desc *d, int h)
{
    char line[128];
    float px = (float)h / 34.0f;
    ov_renderer_begin(r, d);
    ov_renderer_rect(r, px, px, px * 16, px * 5, (ov_rgba){0.04f, 0.05f, 0.08f, 0.72f});
    ov_renderer_text(r, px * 1.5f, px * 1.2f, px * 1.2f, (ov_rgba){1, 1, 1, 1}, OV_ALIGN_LEFT,
                     "quadratic  \xce\xba = 10  \xce\xb8 = 30\xc2\xb0");
    for (int i = 0; i < d->scene->nruns; i++) {
        const ov_run *run = &d->scene->runs[i];
        int step = (int)d->anim_step < run->n - 1 ? (int)d->anim_step : run->n - 1;
        snprintf(line, sizeof line, "run %d  step %d  loss %.3g", i, step, run->loss[step]);
        ov_renderer_text(r, px * 1.5f, px * (2.8f + 1.1f * i), px, ov_frame_run_color(d, i),
                         OV_ALIGN_LEFT, line);
    }
    ov_renderer_end(r);
    ov_renderer_finish(r);
}

static void bench(int w, int h)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_scene sc;
    char err[1024];
    if (!ov_scene_init(&sc, &cfg, err, sizeof err)) {
        fprintf(stderr, "scene: %s\n", err);
        return;
    }
    ov_renderer *r = ov_gl_test_renderer(w, h);
    if (!r || !ov_renderer_set_surface(r, sc.surface, err, sizeof err)) {
        ov_renderer_destroy(r);
        ov_scene_deinit(&sc);
        return;
    }
    /* The view is built for each frame, as the app does: κ changes its
     * loss range. */
    ov_loss_range_cache cache = {0};
    ov_view view;
    ov_view_desc vd = {.surface = sc.surface, .rect = sc.view, .width = w, .height = h};
    ov_view_build(&view, &vd, &cache);
    ov_frame_desc d = {.scene = &sc, .view = &view, .anim_step = 0, .target_run = -1,
                       .ui_scale = 1.0f};
    double t[FRAMES], kappa = 10.0;
    for (int i = 0; i < 5; i++)
        draw(r, &d, h);
    for (int i = 0; i < FRAMES; i++) {
        d.anim_step = i * 0.5;
        double t0 = ov_bench_ms(CLOCK_MONOTONIC);
        draw(r, &d, h);
        t[i] = ov_bench_ms(CLOCK_MONOTONIC) - t0;
    }
    double frame = ov_bench_median(t, FRAMES);
    for (int i = 0; i < FRAMES; i++) {
        double t0 = ov_bench_ms(CLOCK_MONOTONIC);
        kappa *= i % 2 ? 1 / 1.05 : 1.05;
        ov_surface_set_param(sc.surface, "kappa", kappa);
        ov_scene_recompute(&sc);
        ov_view_build(&view, &vd, &cache);
        draw(r, &d, h);
        t[i] = ov_bench_ms(CLOCK_MONOTONIC) - t0;
    }
    printf("%4dx%-4d  frame %6.2f ms   change-to-frame %6.2f ms   (%s)\n", w, h, frame,
           ov_bench_median(t, FRAMES), ov_renderer_name(r));
    ov_renderer_destroy(r);
    ov_scene_deinit(&sc);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t))
        return 1;
    bench(1280, 720);
    bench(1920, 1080);
    ov_gl_test_deinit(&t);
    return 0;
}
