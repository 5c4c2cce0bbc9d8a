/* HUD benchmark for a large typed model (built, not run by ctest): a
 * network of 21 tanh units in t, 64 parameters, fitted to 256 data rows
 * (adam, the run the HUD describes, and gd; 200 steps played in 2 s, so
 * that every frame at 60 per second shows another step), drawn offscreen at 1280x720. Prints the median
 * CPU ms (all threads, the renderer's included) of a frame
 *   - while the animation plays (the shown step moves every frame), and
 *   - while paused, drawn again with nothing changed (the targeted run's
 *     head stays; in the window such frames come from a fading message, a
 *     panel toggled, the pointer over a path),
 * the HUD's model lines (the Hessian of all 64 parameters and its
 * eigenvalues at the head) being part of each.
 * Usage: bench_app_hud_model   (writes its data file to $OV_TMP or /tmp) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_cache.h"
#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/export.h"
#include "app/hud.h"
#include "cli/args.h"
#include "ov_bench.h"

#define FRAMES 60
#define UNITS 21   /* 3 parameters each, and one bias: 64 */
#define ROWS 256

/* FRAMES frames, each after a tick of the clock when playing. */
static double frames(ov_app_state *st, ov_app_cache *cache, ov_renderer *r, bool playing)
{
    double c[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
        double c0 = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID);
        if (playing)
            ov_controls_tick(st, 1.0 / 60.0);
        ov_hud_draw_frame(r, st, cache, NULL);
        ov_renderer_finish(r);
        c[i] = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
    }
    return ov_bench_median(c, FRAMES);
}

int main(void)
{
    const char *dir = getenv("OV_TMP") ? getenv("OV_TMP") : "/tmp";
    char data[512], formula[1024] = "", params[1024] = "";
    snprintf(data, sizeof data, "%s/bench-hud-model.csv", dir);
    FILE *f = fopen(data, "w");
    if (!f || fprintf(f, "t,y\n") < 0) {
        perror(data);
        return 1;
    }
    for (int i = 0; i < ROWS; i++) {
        double t = -2.0 + 4.0 * i / (ROWS - 1);
        if (fprintf(f, "%.17g,%.17g\n", t, sin(2.0 * t) + 0.3 * t) < 0) {
            perror(data);
            fclose(f);
            return 1;
        }
    }
    if (fclose(f) != 0) {
        perror(data);
        return 1;
    }
    size_t fl = 0, pl = 0;
    for (int k = 1; k <= UNITS; k++) {
        fl += (size_t)snprintf(formula + fl, sizeof formula - fl, "%sv%d*tanh(w%d*t+b%d)",
                               k > 1 ? "+" : "", k, k, k);
        pl += (size_t)snprintf(params + pl, sizeof params - pl, "%sv%d,w%d,b%d",
                               k > 1 ? "," : "", k, k, k);
    }
    snprintf(formula + fl, sizeof formula - fl, "+c");
    snprintf(params + pl, sizeof params - pl, ",c");
    char *argv[] = {"optiviz", "--model", formula, "--params", params, "--data", data,
                    "--optimizers", "adam,gd", "--steps", "200", "--pace", "2", NULL};
    int argc = (int)(sizeof argv / sizeof argv[0]) - 1;
    static ov_config cfg;
    static ov_app_state st;
    char err[2048];
    if (ov_args_parse(argc, argv, &cfg, err, sizeof err) != 0 ||
        !ov_controls_init(&st, &cfg, err, sizeof err)) {
        fprintf(stderr, "bench_app_hud_model: %s\n", err);
        return 1;
    }
    ov_app_cache *cache = malloc(sizeof *cache);
    ov_glwin win;
    ov_renderer *r = NULL;
    if (!cache || !ov_export_offscreen_begin(&win, &r, &st, 1280, 720, err, sizeof err)) {
        fprintf(stderr, "bench_app_hud_model: %s\n", cache ? err : "out of memory");
        return 1;
    }
    ov_app_cache_init(cache);
    for (int i = 0; i < 5; i++) {   /* warm: shaders, text */
        ov_hud_draw_frame(r, &st, cache, NULL);
        ov_renderer_finish(r);
    }
    ov_controls_seek(&st, 0);
    double play = frames(&st, cache, r, true);
    /* As the window draws: the curvature lags while playing. */
    ov_controls_seek(&st, 0);
    cache->curvature.lag_while_playing = true;
    double lag = frames(&st, cache, r, true);
    ov_controls_pause(&st);
    double still = frames(&st, cache, r, false);
    printf("typed model, %d parameters, %d rows, 1280x720: frame CPU ms (median of %d): "
           "playing %.2f (the window's lagging curvature: %.2f), paused %.2f; runs of %d and "
           "%d iterates\n",
           st.sc.scene.model->n, st.sc.scene.model->data.nrows, FRAMES, play, lag, still,
           st.sc.scene.runs[0].n, st.sc.scene.runs[1].n);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    free(cache);
    ov_controls_deinit(&st);
    return 0;
}
