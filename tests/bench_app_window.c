/* Window benchmark (built, not run by ctest): the real window loop body
 * (ov_window_frame) on the display in DISPLAY (an X server such as Xvfb;
 * SDL's offscreen driver without one), frames unpaced. Prints, per scene,
 * the median wall and CPU ms (all threads, the renderer's included) of an
 * animation frame, the frames it could show per second, and how many frames
 * were drawn in 120 ticks once nothing moves.
 *   default scene at 800x1056 (the window), animating;
 *   8 runs x 1,000,000 steps at 1280x720, animating with the whole paths
 *   drawn (the animation placed 100 steps before its end).
 * Usage: bench_app_window [STEPS]   (default 1000000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app.h"
#include "app/controls_anim.h"

#define FRAMES 120

static double clock_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* Animation frames from `from` steps before the end, then idle ticks. */
static bool bench(const char *name, ov_config *cfg, double from_end)
{
    char err[1024];
    double t0 = clock_ms(CLOCK_MONOTONIC);
    ov_window *w = ov_window_create(cfg, err, sizeof err);
    if (!w) {
        fprintf(stderr, "%s: %s\n", name, err);
        return false;
    }
    double open_ms = clock_ms(CLOCK_MONOTONIC) - t0;
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
        double w0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
        if (!ov_window_frame(w, 1.0 / 60.0, err, sizeof err))
            break;
        wall[n] = clock_ms(CLOCK_MONOTONIC) - w0;
        cpu[n] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
        ov_render_stats rs;
        ov_renderer_stats(ov_window_renderer(w), &rs);
        fed[n] = (double)rs.path_points_fed;
        caps[n] = (double)rs.path_capsules;
    }
    double mw = n ? median(wall, n) : 0, mc = n ? median(cpu, n) : 0;
    double mf = n ? median(fed, n) : 0, mcap = n ? median(caps, n) : 0;
    ov_controls_seek(st, last);
    ov_window_frame(w, 1.0 / 60.0, err, sizeof err);
    ov_window_frame(w, 1.0 / 60.0, err, sizeof err);
    long before = ov_window_frames_drawn(w);
    double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    for (int i = 0; i < FRAMES; i++)
        ov_window_frame(w, 1.0 / 60.0, err, sizeof err);
    double idle_cpu = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
    long idle = ov_window_frames_drawn(w) - before;
    printf("  %-34s %dx%d: frame %6.2f ms wall, %6.2f ms CPU (up to %.0f fps) over %d "
           "frames, %.0f capsules, %.0f iterates thinned per frame; idle: %ld of %d ticks "
           "drawn, %.3f ms CPU per tick; opened in %.0f ms\n",
           name, cfg->width, cfg->height, mw, mc, mw > 0 ? 1000.0 / mw : 0.0, n, mcap, mf,
           idle, FRAMES, idle_cpu / FRAMES, open_ms);
    ov_window_destroy(w);
    return true;
}

int main(int argc, char **argv)
{
    int steps = argc > 1 ? atoi(argv[1]) : 1000000;
    const char *drv = getenv("DISPLAY");
    printf("bench_app_window (%s)\n", drv && *drv ? drv : "offscreen");
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 800;
    cfg.height = 1056;
    cfg.steps = 100000;             /* long enough to keep animating */
    bool ok = bench("default scene, animating", &cfg, -1);

    ov_config_defaults(&cfg);
    static const ov_optim_kind kinds[8] = {OV_OPT_GD,      OV_OPT_MOMENTUM, OV_OPT_NESTEROV,
                                           OV_OPT_ADAM,    OV_OPT_RMSPROP,  OV_OPT_ADAGRAD,
                                           OV_OPT_ADADELTA, OV_OPT_RPROP};
    cfg.nruns = 8;
    for (int i = 0; i < 8; i++) {
        memset(&cfg.runs[i], 0, sizeof cfg.runs[i]);
        cfg.runs[i].kind = kinds[i];
    }
    cfg.steps = steps;
    char name[64];
    snprintf(name, sizeof name, "8 runs x %d steps, whole paths", steps);
    ok = bench(name, &cfg, 100.0) && ok;
    return ok ? 0 : 1;
}
