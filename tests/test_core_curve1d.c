/* Tests of the 1-D view's numbers: which formulas are curves (a formula in
 * x alone); the loss range over an interval against values known in closed
 * form; the plot rectangle placing the least and greatest loss at the asked
 * fractions of the frame; flat and undefined curves; round axis ticks. */
#include <math.h>
#include <string.h>

#include "core/curve1d.h"
#include "ov_test.h"

static void test_detection(void)
{
    static const char *const curves[] = {"x^2", "sqrt(1 + x^2) - 1", "sin(3*x) + 0.1*x^2",
                                         "x^4 - 3*x^2 + x", "2"};
    static const char *const planes[] = {"x^2 + y^2", "y", "x*y", "0.5*x^2 + 0*y"};
    for (size_t i = 0; i < sizeof curves / sizeof curves[0]; i++) {
        ov_surface *s = ov_surface_create(curves[i], NULL);
        CHECK_MSG(s && s->one_d, "'%s' is a curve", curves[i]);
        CHECK(s && s->start.y == 0.0);
        ov_surface_destroy(s);
    }
    for (size_t i = 0; i < sizeof planes / sizeof planes[0]; i++) {
        ov_surface *s = ov_surface_create(planes[i], NULL);
        CHECK_MSG(s && !s->one_d, "'%s' is not a curve", planes[i]);
        ov_surface_destroy(s);
    }
    for (int i = 0; i < ov_surface_builtin_count(); i++) {
        ov_surface *s = ov_surface_create(ov_surface_builtin(i)->name, NULL);
        CHECK(s && !s->one_d);
        ov_surface_destroy(s);
    }
}

static void test_range(void)
{
    double lo, hi;
    ov_surface *line = ov_surface_create("3*x - 1", NULL);
    CHECK(ov_curve_range(line, -1.0, 2.0, &lo, &hi));
    CHECK_NEAR(lo, -4.0, 1e-12);   /* the ends are samples */
    CHECK_NEAR(hi, 5.0, 1e-12);
    ov_surface_destroy(line);

    /* x² on [-2, 3]: the least sample is within one spacing of 0. */
    ov_surface *sq = ov_surface_create("x^2", NULL);
    CHECK(ov_curve_range(sq, -2.0, 3.0, &lo, &hi));
    double h = 5.0 / (OV_CURVE_SAMPLES - 1);
    CHECK(lo >= 0.0 && lo <= h * h);
    CHECK_NEAR(hi, 9.0, 1e-12);

    /* The plot rectangle: lo at 20% from the bottom, hi at 25% from the top. */
    ov_rect r = ov_curve_plot_rect(sq, -2.0, 3.0, 0.2, 0.25);
    CHECK(r.x0 == -2.0 && r.x1 == 3.0);
    CHECK_NEAR((lo - r.y0) / (r.y1 - r.y0), 0.2, 1e-12);
    CHECK_NEAR((r.y1 - hi) / (r.y1 - r.y0), 0.25, 1e-12);
    ov_surface_destroy(sq);

    /* Undefined where sampled: no range; the rectangle is 1 high about 0. */
    ov_surface *logs = ov_surface_create("log(x)", NULL);
    CHECK(!ov_curve_range(logs, -2.0, -1.0, &lo, &hi));
    r = ov_curve_plot_rect(logs, -2.0, -1.0, 0.2, 0.25);
    CHECK(isfinite(r.y0) && isfinite(r.y1) && r.y1 > r.y0);
    CHECK_NEAR(r.y0 + (r.y1 - r.y0) * 0.2, -0.5, 1e-12);
    ov_surface_destroy(logs);

    /* Flat: 1 high about its value. */
    ov_surface *flat = ov_surface_create("3 + 0*x", NULL);
    r = ov_curve_plot_rect(flat, 0.0, 1.0, 0.2, 0.25);
    CHECK_NEAR(r.y0 + (r.y1 - r.y0) * 0.2, 2.5, 1e-12);
    CHECK_NEAR(r.y1 - (r.y1 - r.y0) * 0.25, 3.5, 1e-12);
    ov_surface_destroy(flat);
}

static void test_ticks(void)
{
    double t[OV_CURVE_MAX_TICKS];
    int n = ov_curve_ticks(0.0, 10.0, 5, t, OV_CURVE_MAX_TICKS);
    CHECK(n == 6);
    for (int i = 0; i < n; i++)
        CHECK_NEAR(t[i], 2.0 * i, 1e-12);
    n = ov_curve_ticks(-0.37, 0.81, 4, t, OV_CURVE_MAX_TICKS);
    CHECK(n == 2 && t[0] == 0.0 && fabs(t[1] - 0.5) < 1e-12);
    n = ov_curve_ticks(-3.0, 3.0, 8, t, OV_CURVE_MAX_TICKS);   /* step 1: -3 .. 3 */
    CHECK(n == 7 && fabs(t[0] + 3.0) < 1e-12 && t[3] == 0.0);
    n = ov_curve_ticks(0.0, 1e6, 1000, t, 4);                  /* capped */
    CHECK(n == 4);
    CHECK(ov_curve_ticks(1.0, 1.0, 5, t, 4) == 0);
    CHECK(ov_curve_ticks(0.0, NAN, 5, t, 4) == 0);
}

int main(void)
{
    test_detection();
    test_range();
    test_ticks();
    return ov_test_finish("test_core_curve1d");
}
