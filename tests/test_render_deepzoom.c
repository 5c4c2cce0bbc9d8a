/* Deep zoom: the contour shader works in float, so the core stops a zoom
 * where float precision ends (ov_view_zoom). Zoomed in as far as it lets a
 * user go, about points away from the origin, the GPU loss read back at a
 * 1920 x 1080 frame agrees with the C loss at sample pixels to within half
 * a pixel of position; a further zoom in is refused; and fifty times past
 * the floor the same comparison fails (the floor is not far too cautious
 * either: a pixel there is under a float step). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface.h"
#include "core/view.h"
#include "ov_gl_test.h"
#include "ov_test.h"

#define W 1920
#define H 1080
#define STRIDE 23   /* sample pixels: every 23rd column and row */

/* Sample pixels of v whose GPU loss is further from C's than half a pixel
 * of position (the loss's change over half a pixel along its gradient),
 * plus a few float steps of the loss itself. -1 when it cannot read. */
static long misplaced(ov_renderer *r, const ov_surface *s, ov_rect v, float *gpu,
                      const char *what, bool report)
{
    if (!ov_renderer_read_loss(r, s, v, W, H, gpu))
        return -1;
    double dx = (v.x1 - v.x0) / W, dy = (v.y1 - v.y0) / H;
    long bad = 0, n = 0;
    for (int j = STRIDE / 2; j < H; j += STRIDE)
        for (int i = STRIDE / 2; i < W; i += STRIDE) {
            /* pixel centre, rows top-down */
            double x = v.x0 + (i + 0.5) * dx, y = v.y1 - (j + 0.5) * dy;
            double L, g[2];
            ov_surface_grad(s, x, y, &L, g);
            double per_px = hypot(g[0] * dx, g[1] * dy);
            double tol = 0.5 * per_px + 4.0 * 1.2e-7 * fabs(L) + 1e-30;
            double got = gpu[(size_t)j * W + i];
            n++;
            if (!(fabs(got - L) <= tol)) {
                if (report && bad < 3)
                    fprintf(stderr, "%s (%.10g, %.10g): C %.9g, GPU %.9g, %.2f px off\n", what,
                            x, y, L, got, fabs(got - L) / fmax(per_px, 1e-300));
                bad++;
            }
        }
    return n > 0 ? bad : -1;
}

/* Zooms name's default view in by halves about (ax, ay) until the core
 * stops it; checks the deepest view against C, the refusal, and a view
 * fifty times deeper. */
static void check(ov_renderer *r, float *gpu, const char *name, double ax, double ay,
                  bool past_shows)
{
    ov_expr_error e;
    ov_surface *s = ov_surface_create(name, &e);
    CHECK(s != NULL);
    if (!s)
        return;
    ov_rect v = ov_rect_fit(s->view, W, H);
    ov_vec2 about = {ax, ay};
    int steps = 0;
    ov_zoom_result z = OV_ZOOM_DONE;
    while (z == OV_ZOOM_DONE && steps < 200) {
        z = ov_view_zoom(&v, about, 0.5);
        steps++;
    }
    CHECK_MSG(z == OV_ZOOM_FLOAT_LIMIT, "%s: zoom ended with %d after %d steps", name, z, steps);
    CHECK(ov_view_rect_precise(v));
    /* at the floor: the longer-coordinate side is within a zoom step of it */
    double mx = fmax(fabs(v.x0), fabs(v.x1)), my = fmax(fabs(v.y0), fabs(v.y1));
    double rx = (v.x1 - v.x0) / (OV_VIEW_FLOAT_SPAN * mx), ry = (v.y1 - v.y0) /
                                                            (OV_VIEW_FLOAT_SPAN * my);
    CHECK_MSG(fmin(rx, ry) >= 1.0 && fmin(rx, ry) < 1.0 + 1e-9,
              "%s: deepest view %.3g / %.3g of the floor", name, rx, ry);
    /* the point zoomed about stays inside */
    CHECK(ax > v.x0 && ax < v.x1 && ay > v.y0 && ay < v.y1);
    ov_rect deepest = v;
    CHECK(ov_view_zoom(&v, about, 0.5) == OV_ZOOM_FLOAT_LIMIT);
    CHECK(memcmp(&v, &deepest, sizeof v) == 0);
    CHECK(ov_view_zoom(&v, about, 0.999) == OV_ZOOM_FLOAT_LIMIT);
    CHECK(memcmp(&v, &deepest, sizeof v) == 0);

    long bad = misplaced(r, s, deepest, gpu, name, true);
    CHECK_MSG(bad == 0, "%s at the floor, view %.10g..%.10g x %.10g..%.10g: %ld sample pixels "
              "misplaced", name, v.x0, v.x1, v.y0, v.y1, bad);
    /* Fifty times past the floor (what the zoom refuses): blocky, misplaced. */
    double cx = 0.5 * (v.x0 + v.x1), cy = 0.5 * (v.y0 + v.y1);
    ov_rect past = {cx - 0.01 * (v.x1 - v.x0), cx + 0.01 * (v.x1 - v.x0),
                    cy - 0.01 * (v.y1 - v.y0), cy + 0.01 * (v.y1 - v.y0)};
    CHECK(!ov_view_rect_precise(past));
    long bad_past = misplaced(r, s, past, gpu, name, false);
    CHECK_MSG(!past_shows || bad_past > 100, "%s fifty times past the floor: only %ld sample pixels misplaced",
              name, bad_past);
    printf("%s about (%g, %g): floor after %d halvings, width %.3g; misplaced %ld there, %ld "
           "fifty times deeper\n", name, ax, ay, steps - 1, deepest.x1 - deepest.x0, bad,
           bad_past);
    /* zooming out again is never limited */
    CHECK(ov_view_zoom(&v, about, 2.0) == OV_ZOOM_DONE);
    ov_surface_destroy(s);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_deepzoom");
    }
    ov_renderer *r = ov_gl_test_renderer(64, 64);
    float *gpu = malloc(sizeof(float) * W * H);
    CHECK(r != NULL && gpu != NULL);
    if (r && gpu) {
        /* the valley floor near the minimum; a slope; a minimum away from
         * the origin; a far slope of the quadratic, where L (about 29)
         * changes by less than its own float step over a pixel past the
         * floor, so the tolerance of a few float steps of L hides the
         * blocks there: only the agreement at the floor is checked */
        check(r, gpu, "rosenbrock", 1.0, 1.0, true);
        check(r, gpu, "rosenbrock", -1.2, 1.3, true);
        check(r, gpu, "himmelblau", 3.584428, -1.848126, true);
        check(r, gpu, "quadratic", 3.7, -2.1, false);
    }
    free(gpu);
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_deepzoom");
}
