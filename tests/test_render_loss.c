/* The contour shader's loss agrees with the C evaluation: for every built-in
 * surface (and a changed parameter, and user formulas) the GPU loss read
 * back from a float framebuffer matches ov_surface_value at pixel centres. */
#include <math.h>
#include <stdlib.h>

#include "core/surface.h"
#include "ov_gl_test.h"
#include "ov_test.h"

#define W 61
#define H 47

/* Compares the GPU loss of s over view with C at every pixel centre; the
 * world point of pixel (i, j), rows top-down, is computed here directly. */
static void compare(ov_renderer *r, const ov_surface *s, ov_rect v, const char *what)
{
    static float gpu[W * H];
    for (int i = 0; i < W * H; i++)
        gpu[i] = -12345.0f;
    bool ok = ov_renderer_read_loss(r, s, v, W, H, gpu);
    CHECK_MSG(ok, "read_loss failed for %s", what);
    if (!ok)
        return;
    int bad = 0, nonfinite = 0;
    for (int j = 0; j < H; j++) {
        double y = v.y1 - (j + 0.5) * (v.y1 - v.y0) / H;
        for (int i = 0; i < W; i++) {
            double x = v.x0 + (i + 0.5) * (v.x1 - v.x0) / W;
            double want = ov_surface_value(s, x, y);
            float got = gpu[j * W + i];
            if (!isfinite(want)) {
                nonfinite++;
                if (isfinite(got) && bad++ < 3)
                    fprintf(stderr, "%s (%g, %g): C %g, GPU %g\n", what, x, y, want, got);
                continue;
            }
            double tol = 1e-4 * fmax(1.0, fabs(want));
            if (!(fabs(got - want) <= tol) && bad++ < 3)
                fprintf(stderr, "%s (%g, %g): C %.9g, GPU %.9g\n", what, x, y, want, got);
        }
    }
    CHECK_MSG(bad == 0, "%s: %d of %d pixels disagree", what, bad, W * H);
    (void)nonfinite;
}

static void check_surface(ov_renderer *r, const char *name)
{
    ov_expr_error e;
    ov_surface *s = ov_surface_create(name, &e);
    CHECK_MSG(s != NULL, "cannot create %s: %s", name, s ? "" : e.message);
    if (!s)
        return;
    compare(r, s, s->view, name);
    ov_surface_destroy(s);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_loss");
    }
    ov_renderer *r = ov_gl_test_renderer(64, 64);
    CHECK(r != NULL);
    if (r) {
        for (int i = 0; i < ov_surface_builtin_count(); i++)
            check_surface(r, ov_surface_builtin(i)->name);
        check_surface(r, "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2) - x*y/(1 + x^2)");
        check_surface(r, "exp(-x^2 - y^2) * tanh(x - y) + abs(x)^3 - sqrt(x^2 + 1)");

        /* Parameters are uniforms: a changed kappa and theta must show. */
        ov_expr_error e;
        ov_surface *q = ov_surface_create("quadratic", &e);
        CHECK(q != NULL);
        if (q) {
            CHECK(ov_surface_set_param(q, "kappa", 1000.0));
            CHECK(ov_surface_set_param(q, "theta", -65.0));
            compare(r, q, q->view, "quadratic kappa=1000 theta=-65");
            ov_rect zoom = {0.999, 1.001, -0.5005, -0.4995};
            compare(r, q, zoom, "quadratic zoomed in");
            ov_surface_destroy(q);
        }

        /* A domain error gives non-finite loss on both sides. */
        ov_surface *lg = ov_surface_create("log(x)", &e);
        CHECK(lg != NULL);
        if (lg) {
            ov_rect v = {-2, 2, -1, 1};
            compare(r, lg, v, "log(x)");
            ov_surface_destroy(lg);
        }
    }
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_loss");
}
