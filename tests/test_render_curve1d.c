/* The 1-D view rendered headless: for L(x) = x² and gradient descent from
 * x = -2 (iterates -2 · 0.6^i, worked out by hand), the curve's pixels lie
 * where (x, x²) projects in the plot rectangle, with the background above
 * it; each iterate's dot is in its run's colour at (x_i, x_i²); no
 * non-finite number reaches the GPU, also for a curve that is undefined
 * over part of the view. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/curve1d.h"
#include "core/surface_objective.h"
#include "core/scene.h"
#include "ov_gl_test.h"
#include "ov_test.h"

enum { W = 640, H = 360 };

static const uint8_t *px_at(const uint8_t *img, int x, int y)
{
    x = x < 0 ? 0 : x >= W ? W - 1 : x;
    y = y < 0 ? 0 : y >= H ? H - 1 : y;
    return img + 4 * ((size_t)y * W + x);
}

static bool near_white(const uint8_t *p)
{
    return p[0] > 200 && p[1] > 200 && p[2] > 200;
}

/* A scene of one gd run on formula from x = x0 over x in [-3, 3]. */
static bool build(ov_scene *sc, const char *formula, double alpha, double x0, int steps)
{
    memset(sc, 0, sizeof *sc);
    sc->surface = ov_surface_create(formula, NULL);
    if (!sc->surface)
        return false;
    sc->start = (ov_vec2){x0, 0.0};
    sc->steps = steps;
    sc->view = (ov_rect){-3.0, 3.0, -3.0 * H / W, 3.0 * H / W};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    p.alpha = alpha;
    ov_run_init(&sc->runs[0], &p);
    sc->nruns = 1;
    return ov_run_compute_surface(&sc->runs[0], sc->surface, sc->start, steps);
}

static void draw(ov_renderer *r, const ov_scene *sc, double anim, uint8_t *img)
{
    ov_view view;
    ov_view_desc vd = {.surface = sc->surface, .rect = sc->view, .width = W, .height = H};
    ov_view_build(&view, &vd, NULL);
    ov_frame_desc d;
    memset(&d, 0, sizeof d);
    d.scene = sc;
    d.view = &view;
    d.anim_step = anim;
    d.target_run = -1;
    d.ui_scale = 1.0f;   /* as the HUD passes it: the renderer scales by H / 720 */
    ov_renderer_begin(r, &d);
    ov_renderer_end(r);
    CHECK(ov_renderer_read_rgba(r, img));
}

static void test_parabola(ov_renderer *r, uint8_t *img)
{
    ov_scene sc;
    CHECK(build(&sc, "x^2", 0.2, -2.0, 5));
    CHECK(sc.surface->one_d);
    /* Hand-worked: x_(i+1) = x_i - 0.2 * 2 x_i = 0.6 x_i; y never moves. */
    for (int i = 0; i <= 5; i++) {
        CHECK_NEAR(sc.runs[0].x[i], -2.0 * pow(0.6, i), 1e-12);
        CHECK(sc.runs[0].y[i] == 0.0);
    }
    draw(r, &sc, 5.0, img);
    /* The plot rectangle: x from -3 to 3, loss 0 .. 9 placed as documented. */
    ov_rect pr = {-3.0, 3.0, 0, 0};
    double lo = 0.0, hi = 9.0, span = hi - lo, inner = 1.0 - OV_CURVE_BOTTOM - OV_CURVE_TOP;
    pr.y0 = lo - span * OV_CURVE_BOTTOM / inner;
    pr.y1 = hi + span * OV_CURVE_TOP / inner;
    /* lo is the least sample, within (6/511)² of 0: below a tenth of a pixel. */
    const double xs[] = {0.8, 1.4, 2.0, 2.6};
    for (size_t k = 0; k < sizeof xs / sizeof xs[0]; k++) {
        double x = xs[k], L = x * x;
        int col = (int)((x - pr.x0) / (pr.x1 - pr.x0) * W);
        int row = (int)((pr.y1 - L) / (pr.y1 - pr.y0) * H);
        bool found = false;
        for (int dy = -2; dy <= 2 && !found; dy++)
            found = near_white(px_at(img, col, row + dy));
        CHECK_MSG(found, "no curve pixel near (%d, %d) for x = %g", col, row, x);
        const uint8_t *above = px_at(img, col, row - 25);
        CHECK_MSG(above[0] < 60 && above[1] < 60 && above[2] < 70,
                  "above the curve at x = %g: %d %d %d", x, above[0], above[1], above[2]);
    }
    /* The dots of iterates 0 .. 3 in the run's colour (gd's crimson EC2773). */
    for (int i = 0; i <= 3; i++) {
        double x = sc.runs[0].x[i], L = sc.runs[0].loss[i];
        int col = (int)((x - pr.x0) / (pr.x1 - pr.x0) * W);
        int row = (int)((pr.y1 - L) / (pr.y1 - pr.y0) * H);
        const uint8_t *p = px_at(img, col, row);
        CHECK_MSG(abs(p[0] - 0xEC) < 40 && abs(p[1] - 0x27) < 40 && abs(p[2] - 0x73) < 40,
                  "dot %d at (%d, %d) is %d %d %d", i, col, row, p[0], p[1], p[2]);
    }
    ov_run_deinit(&sc.runs[0]);
    ov_surface_destroy(sc.surface);
}

/* log(x + 1) is undefined left of -1 and the run leaves for -inf: drawn
 * without non-finite uploads, at every step. */
static void test_undefined(ov_renderer *r, uint8_t *img)
{
    ov_scene sc;
    CHECK(build(&sc, "log(x + 1) - 0.5*x", 3.0, 2.0, 30));
    for (int s = 0; s <= 30; s += 3)
        draw(r, &sc, s, img);
    ov_render_stats st;
    ov_renderer_stats(r, &st);
    CHECK(st.nonfinite_values == 0 && st.nonfinite_text == 0);
    ov_run_deinit(&sc.runs[0]);
    ov_surface_destroy(sc.surface);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t))
        return 1;
    ov_renderer *r = ov_gl_test_renderer(W, H);
    uint8_t *img = malloc((size_t)W * H * 4);
    CHECK(r != NULL && img != NULL);
    if (r && img) {
        test_parabola(r, img);
        test_undefined(r, img);
    }
    free(img);
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_curve1d");
}
