/* The 3-D surface as drawn: at sample pixels the depth buffer, unprojected
 * through the view, gives a point whose height is the C loss's height there
 * (mapped here by the formulas of core/loss_range.h, written out), within
 * what a mesh of straight pieces can differ from the curved surface; the
 * background stays empty; a run's path lies on the surface, visible in its
 * colour, and where the surface hides it, still seen through the surface;
 * the first frame of the transition shows what 2-D shows. */
#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/scene.h"
#include "core/view.h"
#include "ov_gl_test.h"
#include "ov_test.h"

#define W 320
#define H 200

static bool write_png(const char *path, const uint8_t *px, int w, int h)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    im.width = (png_uint_32)w;
    im.height = (png_uint_32)h;
    im.format = PNG_FORMAT_RGBA;
    return png_image_write_to_file(&im, path, 0, px, 0, NULL) != 0;
}

static bool make_scene(ov_scene *sc, const char *surface, double kappa, int nruns)
{
    memset(sc, 0, sizeof *sc);
    ov_expr_error e;
    sc->surface = ov_surface_create(surface, &e);
    if (!sc->surface)
        return false;
    if (kappa > 0) {
        ov_surface_set_param(sc->surface, "kappa", kappa);
        ov_surface_set_param(sc->surface, "theta", 0.0);
    }
    sc->view = sc->surface->view;
    sc->start = sc->surface->start;
    sc->steps = 60;
    for (int i = 0; i < nruns; i++) {
        ov_optim_params p;
        ov_optim_defaults(OV_OPT_GD, &p);
        p.alpha = 0.05;   /* slow: iterates spread along the way */
        ov_run_init(&sc->runs[i], &p);
        sc->nruns++;
        if (!ov_run_compute_surface(&sc->runs[i], sc->surface, sc->start, sc->steps))
            return false;
    }
    return true;
}

static void free_scene(ov_scene *sc)
{
    for (int i = 0; i < sc->nruns; i++)
        ov_run_deinit(&sc->runs[i]);
    ov_surface_destroy(sc->surface);
}

/* The height of loss L as loss_range.h defines it, written out. */
static double want_height(const ov_view *v, double L)
{
    double lref = v->range.lref, R = v->range.lmax - v->range.lref, t;
    if (!isfinite(L))
        return 0.0;
    if (v->log_height) {
        double delta = 1e-6 * R;
        t = (log10(fmax(L - lref, 0.0) + delta) - log10(R + delta)) / 4.5 + 1.0;
    } else {
        t = (L - lref) / R;
    }
    return v->relief * fmin(1.0, fmax(0.0, t));
}

static void draw(ov_renderer *r, const ov_scene *sc, const ov_view *v)
{
    ov_frame_desc d = {.scene = sc, .view = v, .anim_step = 1e9, .target_run = -1,
                       .ui_scale = 1.0f};
    ov_renderer_begin(r, &d);
    ov_renderer_end(r);
}

/* Heights through the depth buffer against the C loss. */
static void check_heights(ov_renderer *r, const char *name, double kappa, double az, double el,
                          bool want_log)
{
    ov_scene sc;
    bool ok = make_scene(&sc, name, kappa, 0);
    CHECK_MSG(ok, "cannot build %s", name);
    char err[1024];
    if (!ok || !ov_renderer_set_surface(r, sc.surface, err, sizeof err)) {
        free_scene(&sc);
        return;
    }
    ov_view v;
    ov_view_desc vd = {.surface = sc.surface, .rect = sc.view, .width = W, .height = H,
                       .lift = 1.0, .camera = {.azimuth = az, .elevation = el, .zoom = 1.0}};
    ov_view_build(&v, &vd, NULL);
    CHECK_MSG(v.log_height == want_log, "%s: log heights %d, expected %d", name, v.log_height,
              want_log);
    draw(r, &sc, &v);
    static float depth[W * H];
    CHECK(ov_renderer_read_depth(r, depth));
    /* One mesh cell, in world units: the straight pieces span this much. */
    double cell = (v.rect.x1 - v.rect.x0) / 96.0;
    int tried = 0, close = 0, outside = 0;
    for (int j = 2; j < H; j += 6)
        for (int i = 3; i < W; i += 6) {
            float z = depth[j * W + i];
            if (!(z < 1.0f))
                continue;
            double m[3];
            ov_view_unproject(&v, (ov_vec2){i + 0.5, j + 0.5}, z, m);
            ov_vec2 w = ov_view_model_to_world(&v, m);
            /* Not on the side walls: well inside the rectangle. */
            if (w.x < v.rect.x0 + 2 * cell || w.x > v.rect.x1 - 2 * cell ||
                w.y < v.rect.y0 + 2 * cell || w.y > v.rect.y1 - 2 * cell)
                continue;
            tried++;
            double want = want_height(&v, ov_surface_value(sc.surface, w.x, w.y));
            /* The mesh between its vertices: within the heights of the
             * surface around this point, one cell either way. */
            double lo = want, hi = want;
            for (int b = -1; b <= 1; b++)
                for (int a = -1; a <= 1; a++) {
                    double h = want_height(&v, ov_surface_value(sc.surface, w.x + a * cell,
                                                                w.y + b * cell));
                    lo = fmin(lo, h);
                    hi = fmax(hi, h);
                }
            double slack = 2e-3 * v.relief;
            if (m[2] < lo - slack || m[2] > hi + slack) {
                if (outside++ < 4)
                    fprintf(stderr, "%s pixel (%d, %d): (%g, %g) height %g, C %g (%g .. %g)\n",
                            name, i, j, w.x, w.y, m[2], want, lo, hi);
            }
            close += fabs(m[2] - want) <= 0.01 * v.relief;
        }
    CHECK_MSG(tried > 200, "%s: only %d surface pixels sampled", name, tried);
    CHECK_MSG(outside == 0, "%s: %d of %d pixels off the C heights", name, outside, tried);
    CHECK_MSG(close >= tried * 9 / 10, "%s: %d of %d pixels within 1%% of the relief", name,
              close, tried);
    /* The top corners of the frame show the empty background. */
    CHECK(depth[0] == 1.0f && depth[W - 1] == 1.0f);
    free_scene(&sc);
}

/* A run's path is on the surface and visible: at the projected pixel of a
 * middle iterate the frame shows the run's colour. */
static void check_path(ov_renderer *r)
{
    ov_scene sc;
    bool ok = make_scene(&sc, "quadratic", 1.0, 1);
    char err[1024];
    CHECK(ok && ov_renderer_set_surface(r, sc.surface, err, sizeof err));
    if (!ok) {
        free_scene(&sc);
        return;
    }
    ov_view v;
    ov_view_desc vd = {.surface = sc.surface, .rect = sc.view, .width = W, .height = H,
                       .lift = 1.0, .camera = {.azimuth = 20, .elevation = 55, .zoom = 1.0}};
    ov_view_build(&v, &vd, NULL);
    draw(r, &sc, &v);
    static uint8_t img[W * H * 4];
    CHECK(ov_renderer_read_rgba(r, img));
    const ov_run *run = &sc.runs[0];
    ov_rgba c = ov_method_color(run->params.kind, 0);
    /* Iterates away from the markers (the head at the last one, the
     * minimum's star), which are drawn over the path. */
    ov_vec2 head, mini;
    double z;
    CHECK(ov_view_project(&v, run->x[run->n - 1], run->y[run->n - 1], run->loss[run->n - 1], 0,
                          &head, &z));
    CHECK(ov_view_project(&v, 0, 0, 0, 0, &mini, &z));
    int seen = 0, tried = 0;
    for (int k = 1; k < run->n; k++) {
        ov_vec2 p;
        if (!ov_view_project(&v, run->x[k], run->y[k], run->loss[k], 0, &p, &z) ||
            hypot(p.x - head.x, p.y - head.y) < 16 || hypot(p.x - mini.x, p.y - mini.y) < 30)
            continue;
        tried++;
        /* The run's colour within a pixel of it (a dot's dark ring may sit
         * on the iterate itself where dots are thinned out). */
        double best = 1e9;
        for (int b = -1; b <= 1; b++)
            for (int a = -1; a <= 1; a++) {
                const uint8_t *q = img + ((size_t)((int)p.y + b) * W + (int)p.x + a) * 4;
                best = fmin(best, fabs(q[0] - c.r * 255) + fabs(q[1] - c.g * 255) +
                                      fabs(q[2] - c.b * 255));
            }
        seen += best < 40;
        if (best >= 40)
            fprintf(stderr, "iterate %d (%g, %g) at pixel (%.1f, %.1f): off the run's colour "
                    "by %g\n", k, run->x[k], run->y[k], p.x, p.y, best);
    }
    CHECK_MSG(tried >= 3 && seen == tried, "path colour seen at %d of %d iterates", seen, tried);
    if (seen != tried && getenv("OV_TMP")) {
        char out[1024];
        snprintf(out, sizeof out, "%s/surface3d_path.png", getenv("OV_TMP"));
        write_png(out, img, W, H);
        fprintf(stderr, "wrote %s\n", out);
    }
    free_scene(&sc);
}

/* A path behind a wall is not lost: on a ridge along x = 0 seen from +x,
 * low, a run on the far side (x about -1.2 .. -0.9) is hidden by the ridge
 * (the depth buffer is nearer than its points), and still the frame shows
 * it: near each hidden iterate some pixel has moved towards the run's
 * colour compared with the same frame without the run. */
static void check_hidden_path(ov_renderer *r)
{
    ov_scene with, without;
    memset(&with, 0, sizeof with);
    memset(&without, 0, sizeof without);
    ov_expr_error e;
    const char *f = "3*exp(-8*x^2) + 0.05*(x^2 + y^2)";
    with.surface = ov_surface_create(f, &e);
    without.surface = ov_surface_create(f, &e);
    char err[1024];
    bool ok = with.surface && without.surface &&
              ov_renderer_set_surface(r, with.surface, err, sizeof err);
    CHECK(ok);
    if (ok) {
        with.view = without.view = (ov_rect){-2, 2, -2, 2};
        with.start = without.start = (ov_vec2){-1.2, 1.8};
        with.steps = 20;
        ov_optim_params p;
        ov_optim_defaults(OV_OPT_GD, &p);
        p.alpha = 1.0;
        ov_run_init(&with.runs[0], &p);
        with.nruns = 1;
        ok = ov_run_compute_surface(&with.runs[0], with.surface, with.start, with.steps);
        CHECK(ok && with.runs[0].n == 21);
    }
    if (ok) {
        const ov_run *run = &with.runs[0];
        ov_view v;
        ov_view_desc vd = {.surface = with.surface, .rect = with.view, .width = W, .height = H,
                           .lift = 1.0, .camera = {.azimuth = 90, .elevation = 12, .zoom = 2}};
        ov_view_build(&v, &vd, NULL);
        static uint8_t a[W * H * 4], b[W * H * 4];
        static float depth[W * H];
        draw(r, &without, &v);
        CHECK(ov_renderer_read_rgba(r, a));
        CHECK(ov_renderer_read_depth(r, depth));
        draw(r, &with, &v);
        CHECK(ov_renderer_read_rgba(r, b));
        ov_rgba c = ov_method_color(run->params.kind, 0);
        double cc[3] = {c.r * 255, c.g * 255, c.b * 255};
        ov_vec2 head, start;
        double z;
        CHECK(ov_view_project(&v, run->x[run->n - 1], run->y[run->n - 1], run->loss[run->n - 1],
                              0, &head, &z));
        CHECK(ov_view_project(&v, run->x[0], run->y[0], run->loss[0], 0, &start, &z));
        int hidden = 0, seen = 0;
        for (int k = 1; k < run->n; k++) {
            ov_vec2 q;
            bool pr = ov_view_project(&v, run->x[k], run->y[k], run->loss[k], 0, &q, &z);
            if (!pr ||
                q.x < 2 || q.y < 2 || q.x > W - 3 || q.y > H - 3 ||
                hypot(q.x - head.x, q.y - head.y) < 14 || hypot(q.x - start.x, q.y - start.y) < 14)
                continue;
            /* hidden: the surface in front of it, well nearer than the point */
            if (!(depth[(int)q.y * W + (int)q.x] < z - 1e-3))
                continue;
            hidden++;
            bool towards = false;
            for (int dy = -2; dy <= 2; dy++)
                for (int dx = -2; dx <= 2; dx++) {
                    size_t o = ((size_t)((int)q.y + dy) * W + (size_t)((int)q.x + dx)) * 4;
                    double d0 = 0, d1 = 0;
                    for (int ch = 0; ch < 3; ch++) {
                        d0 += (a[o + ch] - cc[ch]) * (a[o + ch] - cc[ch]);
                        d1 += (b[o + ch] - cc[ch]) * (b[o + ch] - cc[ch]);
                    }
                    towards = towards || sqrt(d1) < 0.85 * sqrt(d0);
                }
            seen += towards;
        }
        printf("hidden path: %d iterates behind the ridge, the run's colour at %d\n", hidden,
               seen);
        CHECK_MSG(hidden >= 5, "only %d iterates hidden behind the ridge", hidden);
        CHECK_MSG(seen == hidden, "the run's colour shows at %d of %d hidden iterates", seen,
                  hidden);
        if (seen != hidden && getenv("OV_TMP")) {
            char out[1024];
            snprintf(out, sizeof out, "%s/surface3d_hidden.png", getenv("OV_TMP"));
            write_png(out, b, W, H);
            fprintf(stderr, "wrote %s\n", out);
        }
    }
    ov_run_deinit(&with.runs[0]);
    ov_surface_destroy(with.surface);
    ov_surface_destroy(without.surface);
}

/* The transition starts where 2-D is: the first 3-D frame (lift just above
 * 0, camera straight above) matches the 2-D frame in most pixels. */
static void check_transition(ov_renderer *r)
{
    ov_scene sc;
    bool ok = make_scene(&sc, "himmelblau", 0, 1);
    char err[1024];
    CHECK(ok && ov_renderer_set_surface(r, sc.surface, err, sizeof err));
    if (!ok) {
        free_scene(&sc);
        return;
    }
    static uint8_t a[W * H * 4], b[W * H * 4];
    ov_view v;
    ov_view_desc vd = {.surface = sc.surface, .rect = sc.view, .width = W, .height = H};
    ov_view_build(&v, &vd, NULL);
    draw(r, &sc, &v);
    CHECK(ov_renderer_read_rgba(r, a));
    vd.lift = 1e-6;
    vd.camera = (ov_camera){.azimuth = 140, .elevation = 20, .zoom = 2};
    ov_view_build(&v, &vd, NULL);
    draw(r, &sc, &v);
    CHECK(ov_renderer_read_rgba(r, b));
    long same = 0;
    for (long i = 0; i < (long)W * H; i++) {
        int d = 0;
        for (int k = 0; k < 3; k++)
            d = abs(a[i * 4 + k] - b[i * 4 + k]) > d ? abs(a[i * 4 + k] - b[i * 4 + k]) : d;
        same += d <= 40;
    }
    CHECK_MSG(same > (long)W * H * 9 / 10, "the transition's first frame matches 2-D in %ld of "
              "%d pixels", same, W * H);
    free_scene(&sc);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_surface3d");
    }
    ov_renderer *r = ov_gl_test_renderer(W, H);
    CHECK(r != NULL);
    if (r) {
        static float before[W * H];
        CHECK(!ov_renderer_read_depth(r, before));   /* no 3-D frame yet */
        check_heights(r, "quadratic", 1.0, 30, 40, false);
        check_heights(r, "himmelblau", 0, -60, 35, false);
        check_heights(r, "rosenbrock", 0, 20, 50, true);
        check_heights(r, "quadratic", 1e10, 10, 60, true);
        check_heights(r, "gaussian", 0, 160, 30, false);
        check_path(r);
        check_hidden_path(r);
        check_transition(r);
    }
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_surface3d");
}
