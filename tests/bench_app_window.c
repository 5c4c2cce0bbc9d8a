/* Window benchmark (built, not run by ctest): the real window loop body
 * (ov_window_frame) on the display in DISPLAY (an X server such as Xvfb;
 * SDL's offscreen driver without one), frames unpaced. Prints, per scene,
 * the median wall and CPU ms (all threads, the renderer's included) of an
 * animation frame, the frames it could show per second, and how many frames
 * were drawn in 120 ticks once nothing moves.
 *   default scene at 800x1056 (the window), animating;
 *   8 runs x 1,000,000 steps at 1280x720, animating with the whole paths
 *   drawn (the animation placed 100 steps before its end).
 *   --projector: 8 runs x 20,000 steps animating from the start at
 *   1920x1080 and 800x1056: CPU ms per frame and where it goes.
 * Usage: bench_app_window [STEPS]   (default 1000000)
 *        bench_app_window --projector [STEPS]   (default 20000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/controls_anim.h"
#include "ov_bench.h"

#define FRAMES 120

/* Animation frames from `from` steps before the end, then idle ticks. */
static bool bench(const char *name, ov_config *cfg, double from_end)
{
    char err[1024];
    double t0 = ov_bench_ms(CLOCK_MONOTONIC);
    ov_window *w = ov_window_create(cfg, err, sizeof err);
    if (!w) {
        fprintf(stderr, "%s: %s\n", name, err);
        return false;
    }
    double open_ms = ov_bench_ms(CLOCK_MONOTONIC) - t0;
    ov_app_state *st = ov_window_state(w);
    int last = ov_controls_last_step(st);
    if (from_end >= 0) {
        ov_controls_seek(st, last - from_end > 0 ? last - from_end : 0);
        st->anim.pace = last / 50.0;     /* 50 steps a second: 120 frames before the end */
    }
    for (int i = 0; i < 5; i++)     /* warm: shaders, text, thinned paths */
        ov_window_frame(w, 1.0 / 60.0, err, sizeof err);
    double wall[FRAMES], cpu[FRAMES], fed[FRAMES], caps[FRAMES];
    int n = 0;
    for (; n < FRAMES && ov_controls_moving(st); n++) {
        double w0 = ov_bench_ms(CLOCK_MONOTONIC), c0 = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID);
        if (!ov_window_frame(w, 1.0 / 60.0, err, sizeof err))
            break;
        wall[n] = ov_bench_ms(CLOCK_MONOTONIC) - w0;
        cpu[n] = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        ov_render_stats rs;
        ov_renderer_stats(ov_window_renderer(w), &rs);
        fed[n] = (double)rs.path_points_fed;
        caps[n] = (double)rs.path_capsules;
    }
    double mw = n ? ov_bench_median(wall, n) : 0, mc = n ? ov_bench_median(cpu, n) : 0;
    double mf = n ? ov_bench_median(fed, n) : 0, mcap = n ? ov_bench_median(caps, n) : 0;
    ov_controls_seek(st, last);
    ov_window_frame(w, 1.0 / 60.0, err, sizeof err);
    ov_window_frame(w, 1.0 / 60.0, err, sizeof err);
    long before = ov_window_frames_drawn(w);
    double c0 = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID);
    for (int i = 0; i < FRAMES; i++)
        ov_window_frame(w, 1.0 / 60.0, err, sizeof err);
    double idle_cpu = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
    long idle = ov_window_frames_drawn(w) - before;
    printf("  %-34s %dx%d: frame %6.2f ms wall, %6.2f ms CPU (up to %.0f fps) over %d "
           "frames, %.0f capsules, %.0f iterates thinned per frame; idle: %ld of %d ticks "
           "drawn, %.3f ms CPU per tick; opened in %.0f ms\n",
           name, cfg->width, cfg->height, mw, mc, mw > 0 ? 1000.0 / mw : 0.0, n, mcap, mf,
           idle, FRAMES, idle_cpu / FRAMES, open_ms);
    ov_window_destroy(w);
    return true;
}

/* The projector's case: 8 runs of `steps` steps animating from the start
 * at w x h, FRAMES frames unpaced (each moves the clock by 1/60 s). First
 * plain (frames, CPU ms per frame, wall), then again with each stage
 * waited for, for where the time goes. */
static bool projector(ov_config *cfg, int w, int h)
{
    char err[1024];
    cfg->width = w;
    cfg->height = h;
    double res[2][6];   /* [plain, staged][wall, cpu, contour, paths, hud, overlay] */
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
        ov_window *win = ov_window_create(cfg, err, sizeof err);
        if (!win) {
            fprintf(stderr, "projector %dx%d: %s\n", w, h, err);
            return false;
        }
        ov_renderer *r = ov_window_renderer(win);
        ov_app_state *st = ov_window_state(win);
        ov_controls_seek(st, 0);
        for (int i = 0; i < 5; i++)   /* warm: shaders, text, the contour image */
            ov_window_frame(win, 1.0 / 60.0, err, sizeof err);
        ov_renderer_set_timing(r, pass == 1);
        double v[6][FRAMES];
        for (n = 0; n < FRAMES && ov_controls_moving(st); n++) {
            double w0 = ov_bench_ms(CLOCK_MONOTONIC), c0 = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID);
            if (!ov_window_frame(win, 1.0 / 60.0, err, sizeof err))
                break;
            v[0][n] = ov_bench_ms(CLOCK_MONOTONIC) - w0;
            v[1][n] = ov_bench_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
            ov_render_stats rs;
            ov_renderer_stats(r, &rs);
            v[2][n] = rs.cpu_contour_ms;
            v[3][n] = rs.cpu_paths_ms;
            v[4][n] = rs.cpu_hud_ms;
            v[5][n] = rs.cpu_overlay_ms;
        }
        for (int k = 0; k < 6; k++)
            res[pass][k] = n ? ov_bench_median(v[k], n) : 0.0;
        ov_window_destroy(win);
    }
    const double *t = res[1];
    double rest = t[1] - t[2] - t[3] - t[4] - t[5];
    printf("  projector %dx%d, %d runs x %d steps: %d frames, %.2f ms CPU per frame "
           "(%.2f ms wall, up to %.0f fps)\n",
           w, h, cfg->nruns, cfg->steps, n, res[0][1], res[0][0],
           res[0][0] > 0 ? 1000.0 / res[0][0] : 0.0);
    printf("    where it goes (each stage waited for, %.2f ms CPU in all): contour image "
           "%.2f, paths %.2f, HUD layout and text %.2f, overlay %.2f, read-back, "
           "presentation and the rest %.2f\n",
           t[1], t[2], t[3], t[4], t[5], rest);
    return n > 0;
}

static void eight_runs(ov_config *cfg, int steps)
{
    ov_config_defaults(cfg);
    static const ov_optim_kind kinds[8] = {OV_OPT_GD,      OV_OPT_MOMENTUM, OV_OPT_NESTEROV,
                                           OV_OPT_ADAM,    OV_OPT_RMSPROP,  OV_OPT_ADAGRAD,
                                           OV_OPT_ADADELTA, OV_OPT_RPROP};
    cfg->nruns = 8;
    for (int i = 0; i < 8; i++) {
        memset(&cfg->runs[i], 0, sizeof cfg->runs[i]);
        cfg->runs[i].kind = kinds[i];
    }
    cfg->steps = steps;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--projector") == 0) {
        const char *drv = getenv("DISPLAY");
        printf("bench_app_window --projector (%s)\n", drv && *drv ? drv : "offscreen");
        ov_config cfg;
        eight_runs(&cfg, argc > 2 ? atoi(argv[2]) : 20000);
        bool ok = projector(&cfg, 1920, 1080);
        eight_runs(&cfg, argc > 2 ? atoi(argv[2]) : 20000);
        ok = projector(&cfg, 800, 1056) && ok;
        return ok ? 0 : 1;
    }
    int steps = argc > 1 ? atoi(argv[1]) : 1000000;
    const char *drv = getenv("DISPLAY");
    printf("bench_app_window (%s)\n", drv && *drv ? drv : "offscreen");
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 800;
    cfg.height = 1056;
    cfg.steps = 100000;             /* long enough to keep animating */
    bool ok = bench("default scene, animating", &cfg, -1);

    eight_runs(&cfg, steps);
    char name[64];
    snprintf(name, sizeof name, "8 runs x %d steps, whole paths", steps);
    ok = bench(name, &cfg, 100.0) && ok;
    return ok ? 0 : 1;
}
