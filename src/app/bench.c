/* --bench: frame and latency figures on this machine's renderer, offscreen.
 * Prints the median ms per frame at 1280x720 and 1920x1080 for the scene the
 * options describe, and the ms from a parameter change to the finished
 * next frame: α (recomputes every run) and κ (also redraws the contours;
 * a zoom on surfaces without κ); then the same in the 3-D view, where κ
 * redraws the surface mesh, plus a turn of the camera (a new mesh image and
 * every path projected again). */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_cache.h"
#include "controls.h"
#include "controls_anim.h"
#include "controls_params.h"
#include "controls_view.h"
#include "export.h"
#include "hud.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(double), cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

#define FRAMES 60

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

typedef enum phase {
    PHASE_FRAME,    /* the animation advances; nothing else changes */
    PHASE_ALPHA,    /* alpha x or / 1.05: every run recomputed */
    PHASE_KAPPA,    /* kappa x or / 1.26 (a zoom without kappa): contours redrawn too */
    PHASE_CAMERA    /* 3-D: the camera turns by 2 degrees */
} phase;

/* Median wall and CPU ms (all threads, the renderer's included) of FRAMES
 * frames that each make one change of kind ph and finish drawing. */
static void measure(ov_app_state *st, ov_app_cache *cache, ov_renderer *r, phase ph,
                    bool has_kappa, double *wall, double *cpu)
{
    double t[FRAMES], c[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
        double t0 = now_ms(), c0 = cpu_ms();
        if (ph == PHASE_FRAME)
            ov_controls_tick(st, 1.0 / 60.0);
        else if (ph == PHASE_ALPHA)
            ov_controls_scale_alpha(st, i % 2 ? 1 / 1.05 : 1.05);
        else if (ph == PHASE_CAMERA)
            ov_controls_orbit(st, i % 2 ? -2.0 : 2.0, 0.0);
        else if (has_kappa)
            ov_controls_scale_kappa(st, i % 2 ? 1 / 1.26 : 1.26);
        else
            ov_controls_zoom(st, st->sc.scene.start, i % 2 ? 1 / 1.05 : 1.05);
        ov_hud_draw_frame(r, st, cache, NULL);
        ov_renderer_finish(r);
        t[i] = now_ms() - t0;
        c[i] = cpu_ms() - c0;
    }
    *wall = median(t, FRAMES);
    *cpu = median(c, FRAMES);
}

/* With drafts on: the median wall and CPU ms of the frame right after a
 * kappa change (or a zoom), a draft, and of the frame after it, which
 * finishes the contours. */
static void measure_draft(ov_app_state *st, ov_app_cache *cache, ov_renderer *r,
                          bool has_kappa, double *draft_wall, double *draft_cpu,
                          double *next_wall, double *next_cpu)
{
    double t[FRAMES], c[FRAMES], t2[FRAMES], c2[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
        double t0 = now_ms(), c0 = cpu_ms();
        if (has_kappa)
            ov_controls_scale_kappa(st, i % 2 ? 1 / 1.26 : 1.26);
        else
            ov_controls_zoom(st, st->sc.scene.start, i % 2 ? 1 / 1.05 : 1.05);
        ov_hud_draw_frame(r, st, cache, NULL);
        ov_renderer_finish(r);
        t[i] = now_ms() - t0;
        c[i] = cpu_ms() - c0;
        t0 = now_ms();
        c0 = cpu_ms();
        ov_hud_draw_frame(r, st, cache, NULL);
        ov_renderer_finish(r);
        t2[i] = now_ms() - t0;
        c2[i] = cpu_ms() - c0;
    }
    *draft_wall = median(t, FRAMES);
    *draft_cpu = median(c, FRAMES);
    *next_wall = median(t2, FRAMES);
    *next_cpu = median(c2, FRAMES);
}

/* Frame and change-to-frame times at one size; false on GL failure. */
static bool bench_size(ov_app_state *st, ov_app_cache *cache, int w, int h,
                       char *renderer_name, size_t name_cap)
{
    char err[1024];
    ov_glwin win;
    ov_renderer *r = NULL;
    bool ok = ov_export_offscreen_begin(&win, &r, st, w, h, err, sizeof err);
    if (!ok) {
        fprintf(stderr, "optiviz: %s\n", err);
    } else {
        for (int i = 0; i < 5; i++) {   /* warm caches: text, shaders */
            ov_hud_draw_frame(r, st, cache, NULL);
            ov_renderer_finish(r);
        }
        double k = 0.0, fw, fc, aw, ac, kw, kc;
        bool has_kappa = ov_surface_get_param(st->sc.scene.surface, "kappa", &k);
        measure(st, cache, r, PHASE_FRAME, has_kappa, &fw, &fc);
        measure(st, cache, r, PHASE_ALPHA, has_kappa, &aw, &ac);
        measure(st, cache, r, PHASE_KAPPA, has_kappa, &kw, &kc);
        snprintf(renderer_name, name_cap, "%s", ov_renderer_name(r));
        if (st->view.view3d) {
            double ow, oc;
            measure(st, cache, r, PHASE_CAMERA, has_kappa, &ow, &oc);
            printf("  3-D %4dx%-4d  frame %6.2f ms   change-to-frame: alpha %6.2f ms, %s %6.2f "
                   "ms, camera %6.2f ms   (CPU ms, all threads: %.2f, %.2f, %.2f, %.2f)\n",
                   w, h, fw, aw, has_kappa ? "kappa" : "zoom", kw, ow, fc, ac, kc, oc);
        } else {
            printf("  %4dx%-4d  frame %6.2f ms   change-to-frame: alpha %6.2f ms, %s %6.2f ms"
                   "   (CPU ms, all threads: %.2f, %.2f, %.2f)\n",
                   w, h, fw, aw, has_kappa ? "kappa" : "zoom", kw, fc, ac, kc);
            /* The window's way: a draft at half resolution, finished by the
             * next frame. */
            double dw, dc, nw, nc;
            ov_renderer_set_drafts(r, true);
            measure_draft(st, cache, r, has_kappa, &dw, &dc, &nw, &nc);
            ov_renderer_set_drafts(r, false);
            printf("  %4dx%-4d  window, %s change: draft frame %6.2f ms, next frame finishing it "
                   "%6.2f ms   (CPU ms: %.2f, %.2f)\n",
                   w, h, has_kappa ? "kappa" : "zoom", dw, nw, dc, nc);
        }
    }
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    return ok;
}

int ov_app_bench(const ov_config *cfg)
{
    ov_app_state st;
    char err[1024];
    ov_app_cache *cache = malloc(sizeof *cache);
    if (!cache) {
        fprintf(stderr, "optiviz: out of memory\n");
        return 1;
    }
    ov_app_cache_init(cache);
    if (!ov_controls_init(&st, cfg, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        free(cache);
        return 1;
    }
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}};
    char name[256] = "?";
    printf("optiviz --bench: surface %s, %d runs x %d steps, median of %d frames\n",
           st.sc.scene.surface->name, st.sc.scene.nruns, st.sc.scene.steps, FRAMES);
    int status = 0;
    /* 2-D at every size, then 3-D (the same scene, the default camera or
     * --camera). */
    for (int three = 0; three < 2 && status == 0; three++) {
        ov_controls_show_3d(&st, three);
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0] && status == 0; i++) {
            ov_controls_rewind(&st);
            if (!bench_size(&st, cache, sizes[i][0], sizes[i][1], name, sizeof name))
                status = 1;
        }
    }
    if (status == 0)
        printf("  renderer: %s\n", name);
    ov_controls_deinit(&st);
    free(cache);
    return status;
}
