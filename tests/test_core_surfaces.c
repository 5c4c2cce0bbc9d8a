/* Tests of the built-in surfaces: exact gradient and Hessian against central
 * finite differences of the value, values against closed forms worked out by
 * hand, the known minima, the quadratic against an explicit rotation, and
 * user formulas (accepted, sampled safely, garbage rejected). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface.h"
#include "ov_test.h"

/* Compares ov_surface_grad / ov_surface_hess at (x, y) with central
 * differences of ov_surface_value. A wrong factor or sign in a derivative is
 * off by the size of the derivative itself, far beyond these tolerances. */
static void check_derivatives_at(const ov_surface *s, double x, double y)
{
    double f, g[2], h[3], f2, g2[2];
    ov_surface_hess(s, x, y, &f, g, h);
    ov_surface_grad(s, x, y, &f2, g2);
    if (!isfinite(f))
        return;
    CHECK_NEAR(f2, f, 0.0);
    CHECK_NEAR(g2[0], g[0], 0.0);
    CHECK_NEAR(g2[1], g[1], 0.0);
    CHECK_NEAR(ov_surface_value(s, x, y), f, 1e-12 * (1.0 + fabs(f)));

    double scale = 1.0 + fabs(f);
    double hx = 1e-5 * (1.0 + fabs(x)), hy = 1e-5 * (1.0 + fabs(y));
    double gx = (ov_surface_value(s, x + hx, y) - ov_surface_value(s, x - hx, y)) / (2 * hx);
    double gy = (ov_surface_value(s, x, y + hy) - ov_surface_value(s, x, y - hy)) / (2 * hy);
    double gtol = 1e-6 * (scale + fabs(g[0]) + fabs(g[1]));
    CHECK_MSG(fabs(gx - g[0]) <= gtol, "%s d/dx at (%g, %g): %.12g vs fd %.12g", s->name, x, y,
              g[0], gx);
    CHECK_MSG(fabs(gy - g[1]) <= gtol, "%s d/dy at (%g, %g): %.12g vs fd %.12g", s->name, x, y,
              g[1], gy);

    hx = 1e-3 * (1.0 + fabs(x));
    hy = 1e-3 * (1.0 + fabs(y));
    double f0 = f;
    double fxx = (ov_surface_value(s, x + hx, y) - 2 * f0 + ov_surface_value(s, x - hx, y)) / (hx * hx);
    double fyy = (ov_surface_value(s, x, y + hy) - 2 * f0 + ov_surface_value(s, x, y - hy)) / (hy * hy);
    double fxy = (ov_surface_value(s, x + hx, y + hy) - ov_surface_value(s, x + hx, y - hy) -
                  ov_surface_value(s, x - hx, y + hy) + ov_surface_value(s, x - hx, y - hy)) /
                 (4 * hx * hy);
    double htol = 1e-4 * (scale + fabs(h[0]) + fabs(h[1]) + fabs(h[2]));
    CHECK_MSG(fabs(fxx - h[0]) <= htol, "%s fxx at (%g, %g): %.12g vs fd %.12g", s->name, x, y,
              h[0], fxx);
    CHECK_MSG(fabs(fxy - h[1]) <= htol, "%s fxy at (%g, %g): %.12g vs fd %.12g", s->name, x, y,
              h[1], fxy);
    CHECK_MSG(fabs(fyy - h[2]) <= htol, "%s fyy at (%g, %g): %.12g vs fd %.12g", s->name, x, y,
              h[2], fyy);
}

/* Derivatives on a 13 x 13 grid (slightly offset so no point is special)
 * covering the surface's default view. */
static void check_derivatives(const ov_surface *s)
{
    const ov_rect v = s->view;
    for (int i = 0; i < 13; i++) {
        for (int j = 0; j < 13; j++) {
            double x = v.x0 + (v.x1 - v.x0) * (i + 0.37) / 13.0;
            double y = v.y0 + (v.y1 - v.y0) * (j + 0.61) / 13.0;
            check_derivatives_at(s, x, y);
        }
    }
}

static ov_surface *make(const char *name)
{
    ov_expr_error err;
    ov_surface *s = ov_surface_create(name, &err);
    CHECK_MSG(s != NULL, "cannot create %s: %s", name, s ? "" : err.message);
    return s;
}

static void test_builtin_table(void)
{
    static const char *const names[] = {"quadratic", "rosenbrock", "beale", "himmelblau",
                                        "saddle", "regression", "gaussian"};
    CHECK(ov_surface_builtin_count() == 7);
    for (int i = 0; i < 7; i++) {
        const ov_surface_def *d = ov_surface_builtin(i);
        CHECK(d && strcmp(d->name, names[i]) == 0);
        CHECK(ov_surface_find(names[i]) == d);
        CHECK(d->view.x0 < d->view.x1 && d->view.y0 < d->view.y1);
        CHECK(d->start.x >= d->view.x0 && d->start.x <= d->view.x1);
        CHECK(d->start.y >= d->view.y0 && d->start.y <= d->view.y1);
        /* A rate is positive, or left out (0): the optimiser's own. */
        for (int k = 0; k < OV_OPTIM_COUNT; k++)
            CHECK(d->alpha[k] >= 0.0);
    }
    CHECK(ov_surface_builtin(7) == NULL);
    CHECK(ov_surface_builtin(-1) == NULL);
    CHECK(ov_surface_find("Quadratic") == NULL);
    CHECK(ov_surface_find(NULL) == NULL);
}

static void test_all_derivatives(void)
{
    for (int i = 0; i < ov_surface_builtin_count(); i++) {
        ov_surface *s = make(ov_surface_builtin(i)->name);
        if (!s)
            continue;
        check_derivatives(s);
        ov_surface_destroy(s);
    }
    /* The quadratic at other condition numbers and rotations. */
    ov_surface *q = make("quadratic");
    if (q) {
        const double kappas[] = {1.0, 3.0, 100.0, 1e4};
        const double thetas[] = {0.0, 17.0, 45.0, -60.0, 90.0};
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 5; b++) {
                ov_surface_set_param(q, "kappa", kappas[a]);
                ov_surface_set_param(q, "theta", thetas[b]);
                check_derivatives(q);
            }
        }
        ov_surface_destroy(q);
    }
}

static void test_values(void)
{
    ov_surface *s = make("rosenbrock");
    if (s) {
        CHECK_NEAR(ov_surface_value(s, 0, 0), 1.0, 1e-15);
        CHECK_NEAR(ov_surface_value(s, 1, 1), 0.0, 0.0);
        /* (1 - (-1))^2 + 100 (2 - 1)^2 = 4 + 100 */
        CHECK_NEAR(ov_surface_value(s, -1, 2), 104.0, 1e-12);
        ov_surface_destroy(s);
    }
    s = make("beale");
    if (s) {
        CHECK_NEAR(ov_surface_value(s, 3, 0.5), 0.0, 1e-15);
        /* 1.5^2 + 2.25^2 + 2.625^2 */
        CHECK_NEAR(ov_surface_value(s, 0, 0), 2.25 + 5.0625 + 6.890625, 1e-12);
        /* x = 1, y = 1: (1.5)^2 + (2.25)^2 + (2.625)^2 as well (x y^k - x = 0) */
        CHECK_NEAR(ov_surface_value(s, 1, 1), 14.203125, 1e-12);
        /* x = 2, y = -1: (1.5-2-2)^2 + (2.25-2+2)^2 + (2.625-2-2)^2 = 6.25 + 5.0625 + 1.890625 */
        CHECK_NEAR(ov_surface_value(s, 2, -1), 13.203125, 1e-12);
        ov_surface_destroy(s);
    }
    s = make("himmelblau");
    if (s) {
        CHECK_NEAR(ov_surface_value(s, 0, 0), 121.0 + 49.0, 1e-12);
        CHECK_NEAR(ov_surface_value(s, 3, 2), 0.0, 0.0);
        /* (1 + 1 - 11)^2 + (1 + 1 - 7)^2 = 81 + 25 */
        CHECK_NEAR(ov_surface_value(s, 1, 1), 106.0, 1e-12);
        ov_surface_destroy(s);
    }
    s = make("saddle");
    if (s) {
        CHECK_NEAR(ov_surface_value(s, 2, 3), -5.0, 1e-15);
        CHECK(s->nminima == 0);
        ov_surface_destroy(s);
    }
    s = make("regression");
    if (s) {
        /* residuals at (0, 0): -1, -2.1, -2.9 */
        CHECK_NEAR(ov_surface_value(s, 0, 0), 1.0 + 4.41 + 8.41, 1e-12);
        /* residuals at the minimum: 0.05, -0.1, 0.05 */
        CHECK_NEAR(ov_surface_value(s, 0.95, 1.05), 0.0025 + 0.01 + 0.0025, 1e-12);
        double f, g[2], h[3];
        ov_surface_hess(s, 0.3, -0.7, &f, g, h);
        /* Hessian 2 * sum [a_i^2, a_i; a_i, 1] = [10, 6; 6, 6] */
        CHECK_NEAR(h[0], 10.0, 1e-12);
        CHECK_NEAR(h[1], 6.0, 1e-12);
        CHECK_NEAR(h[2], 6.0, 1e-12);
        ov_surface_destroy(s);
    }
    s = make("gaussian");
    if (s) {
        /* The model 3 exp(-3 (t - c)^2) + d against (0, 1), (1, 2.1), (2, 2.9). */
        const double pts[][2] = {{1.0, 0.0}, {0.3, 1.7}, {2.2, -0.4}};
        for (int i = 0; i < 3; i++) {
            double c = pts[i][0], d = pts[i][1];
            double r0 = 3 * exp(-3 * c * c) + d - 1.0;
            double r1 = 3 * exp(-3 * (1 - c) * (1 - c)) + d - 2.1;
            double r2 = 3 * exp(-3 * (2 - c) * (2 - c)) + d - 2.9;
            CHECK_NEAR(ov_surface_value(s, c, d), r0 * r0 + r1 * r1 + r2 * r2, 1e-12);
        }
        /* At c = 1, d = 0 by hand: (3e^-3 - 1)^2 + 0.9^2 + (3e^-3 - 2.9)^2 */
        double e3 = 3 * exp(-3.0);
        CHECK_NEAR(ov_surface_value(s, 1, 0), (e3 - 1) * (e3 - 1) + 0.81 + (e3 - 2.9) * (e3 - 2.9),
                   1e-12);
        ov_surface_destroy(s);
    }
}

/* 1/2 w'Hw with H = R diag(1, kappa) R' written out with the explicit
 * rotation matrix R = [c -s; s c], c = cos(theta), s = sin(theta). */
static double quad_by_matrix(double kappa, double theta_deg, double x, double y)
{
    double t = theta_deg * acos(-1.0) / 180.0, c = cos(t), s = sin(t);
    double R[2][2] = {{c, -s}, {s, c}};
    double D[2] = {1.0, kappa};
    double H[2][2];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            H[i][j] = R[i][0] * D[0] * R[j][0] + R[i][1] * D[1] * R[j][1];
    double w[2] = {x, y};
    double q = 0.0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            q += w[i] * H[i][j] * w[j];
    return 0.5 * q;
}

static void test_quadratic(void)
{
    ov_surface *s = make("quadratic");
    if (!s)
        return;
    double v;
    CHECK(ov_surface_get_param(s, "kappa", &v) && v == 10.0);
    CHECK(ov_surface_get_param(s, "theta", &v) && v == 30.0);
    CHECK(!ov_surface_get_param(s, "alpha", &v));
    CHECK(!ov_surface_set_param(s, "alpha", 1.0));

    /* theta = 0: 1/2 (x^2 + kappa y^2) */
    ov_surface_set_param(s, "theta", 0.0);
    CHECK_NEAR(ov_surface_value(s, 2, 1), 0.5 * (4 + 10), 1e-12);
    CHECK_NEAR(ov_surface_value(s, -1, 3), 0.5 * (1 + 90), 1e-12);

    const double kappas[] = {10.0, 2.5, 1e4};
    const double thetas[] = {30.0, -45.0, 120.0};
    for (int a = 0; a < 3; a++) {
        ov_surface_set_param(s, "kappa", kappas[a]);
        ov_surface_set_param(s, "theta", thetas[a]);
        for (double x = -3; x <= 3; x += 1.25) {
            for (double y = -2; y <= 2; y += 0.75) {
                double want = quad_by_matrix(kappas[a], thetas[a], x, y);
                CHECK_NEAR(ov_surface_value(s, x, y), want, 1e-12 * (1 + fabs(want)));
            }
        }
        /* The Hessian is H itself: trace 1 + kappa, determinant kappa, and its
         * first eigenvector (cos theta, sin theta) has eigenvalue 1. */
        double f, g[2], h[3];
        ov_surface_hess(s, 0.4, -0.2, &f, g, h);
        CHECK_NEAR(h[0] + h[2], 1.0 + kappas[a], 1e-9 * kappas[a]);
        CHECK_NEAR(h[0] * h[2] - h[1] * h[1], kappas[a], 1e-9 * kappas[a] * kappas[a]);
        double t = thetas[a] * acos(-1.0) / 180.0, c = cos(t), sn = sin(t);
        CHECK_NEAR(h[0] * c + h[1] * sn, c, 1e-9 * kappas[a]);
        CHECK_NEAR(h[1] * c + h[2] * sn, sn, 1e-9 * kappas[a]);
    }
    ov_surface_destroy(s);
}

/* The surface evaluates its formula with the parameter values folded in as
 * constants; that must give exactly what the formula with named parameters
 * gives, for every value the app may set. */
static void test_bound_parameters(void)
{
    ov_surface *s = make("quadratic");
    if (!s)
        return;
    const ov_surface_def *d = s->def;
    ov_expr *named = ov_expr_create(d->formula, d->param_names, d->nparams, NULL);
    CHECK(named != NULL);
    const double kappas[] = {10, 1, 3.7, 1e10, 123456.789};
    const double thetas[] = {30, 0, -12.5, 90, 1e-3};
    for (int a = 0; named && a < 5; a++) {
        CHECK(ov_surface_set_param(s, "kappa", kappas[a]));
        CHECK(ov_surface_set_param(s, "theta", thetas[a]));
        for (int i = 0; i < 25; i++) {
            double x = -3.3 + 0.29 * i, y = 2.1 - 0.17 * i;
            double f1, g1[2], h1[3], f2, g2[2], h2[3];
            ov_surface_hess(s, x, y, &f1, g1, h1);
            ov_expr_hess(named, x, y, s->params, &f2, g2, h2);
            CHECK(f1 == f2 && g1[0] == g2[0] && g1[1] == g2[1]);
            CHECK(h1[0] == h2[0] && h1[1] == h2[1] && h1[2] == h2[2]);
            ov_surface_grad(s, x, y, &f1, g1);
            ov_expr_grad(named, x, y, s->params, &f2, g2);
            CHECK(f1 == f2 && g1[0] == g2[0] && g1[1] == g2[1]);
            CHECK(ov_surface_value(s, x, y) == ov_expr_value(named, x, y, s->params));
        }
    }
    /* A non-finite parameter: evaluation still works (NaN), nothing crashes. */
    CHECK(ov_surface_set_param(s, "kappa", NAN));
    CHECK(isnan(ov_surface_value(s, 1, 1)));
    CHECK(ov_surface_set_param(s, "kappa", 10));
    CHECK_NEAR(ov_surface_value(s, 0, 0), 0.0, 0.0);
    ov_expr_destroy(named);
    ov_surface_destroy(s);
}

static void test_minima(void)
{
    for (int i = 0; i < ov_surface_builtin_count(); i++) {
        ov_surface *s = make(ov_surface_builtin(i)->name);
        if (!s)
            continue;
        for (int m = 0; m < s->nminima; m++) {
            double f, g[2], h[3];
            ov_surface_hess(s, s->minima[m].x, s->minima[m].y, &f, g, h);
            CHECK_MSG(fabs(g[0]) < 1e-9 && fabs(g[1]) < 1e-9, "%s minimum %d: gradient (%g, %g)",
                      s->name, m, g[0], g[1]);
            CHECK_MSG(h[0] > 0 && h[0] * h[2] - h[1] * h[1] > 0,
                      "%s minimum %d: Hessian not positive definite", s->name, m);
            CHECK(s->minima[m].x >= s->view.x0 && s->minima[m].x <= s->view.x1);
            CHECK(s->minima[m].y >= s->view.y0 && s->minima[m].y <= s->view.y1);
        }
        ov_surface_destroy(s);
    }
    ov_surface *s = make("himmelblau");
    if (s) {
        CHECK(s->nminima == 4);
        for (int m = 0; m < 4; m++)
            CHECK_NEAR(ov_surface_value(s, s->minima[m].x, s->minima[m].y), 0.0, 1e-24);
        ov_surface_destroy(s);
    }
    s = make("gaussian");
    if (s) {
        /* Three basins with losses 0.0028654..., 0.60163 and 5.1781 (the
         * first is the global minimum in the plane). */
        CHECK(s->nminima == 3);
        CHECK_NEAR(ov_surface_value(s, s->minima[0].x, s->minima[0].y), 0.0028654463, 1e-9);
        CHECK_NEAR(ov_surface_value(s, s->minima[1].x, s->minima[1].y), 0.60162765, 1e-7);
        CHECK_NEAR(ov_surface_value(s, s->minima[2].x, s->minima[2].y), 5.17805002, 1e-7);
        /* A saddle between the two best basins (non-convexity). */
        double f, g[2], h[3];
        ov_surface_hess(s, 2.0394973287809099, 0.96556659811683432, &f, g, h);
        CHECK(fabs(g[0]) < 1e-9 && fabs(g[1]) < 1e-9);
        CHECK(h[0] * h[2] - h[1] * h[1] < 0);
        ov_surface_destroy(s);
    }
}

static void test_user_formulas(void)
{
    ov_expr_error err;
    ov_surface *s = ov_surface_create("x^2 + 3*y^2", &err);
    CHECK(s != NULL);
    if (s) {
        CHECK(strcmp(s->name, "custom") == 0);
        CHECK(s->def == NULL && s->nparams == 0 && s->nminima == 0);
        CHECK_NEAR(ov_surface_value(s, 1, 2), 13.0, 1e-15);
        CHECK(s->view.x0 < s->view.x1 && s->view.y0 < s->view.y1);
        CHECK(s->start.x >= s->view.x0 && s->start.x <= s->view.x1);
        CHECK(hypot(s->start.x, s->start.y) > 0.5);  /* away from the minimum */
        CHECK(!ov_surface_set_param(s, "kappa", 3.0));
        CHECK_NEAR(ov_surface_default_alpha(s, OV_OPT_ADAM), ov_optim_info_of(OV_OPT_ADAM)->alpha,
                   0.0);
        check_derivatives(s);
        ov_surface_destroy(s);
    }
    /* NaN on half the view: the start must be where the loss is finite. */
    s = ov_surface_create("log(x) + (y - 1)^2", &err);
    CHECK(s != NULL);
    if (s) {
        double f, g[2];
        ov_surface_grad(s, s->start.x, s->start.y, &f, g);
        CHECK(isfinite(f) && isfinite(g[0]) && isfinite(g[1]));
        ov_surface_destroy(s);
    }
    /* NaN everywhere: still a surface, with a finite start. */
    s = ov_surface_create("sqrt(-1 - x^2 - y^2)", &err);
    CHECK(s != NULL);
    if (s) {
        CHECK(isfinite(s->start.x) && isfinite(s->start.y));
        CHECK(isnan(ov_surface_value(s, 0, 0)));
        ov_surface_destroy(s);
    }
    /* A built-in name is not also a formula, and formulas name no params. */
    const char *bad[] = {"", "x +", "quadratik", "kappa*x", "(x", "x y", "2**x", "sin", "@"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&err, 0, sizeof err);
        s = ov_surface_create(bad[i], &err);
        CHECK_MSG(s == NULL, "'%s' should be rejected", bad[i]);
        CHECK_MSG(err.message[0] != '\0' && err.column >= 1, "'%s': no error message", bad[i]);
        ov_surface_destroy(s);
    }
    CHECK(ov_surface_create(NULL, NULL) == NULL);
    ov_surface_destroy(NULL);
}

static void test_default_alpha(void)
{
    ov_surface *s = make("quadratic");
    if (s) {
        CHECK_NEAR(ov_surface_default_alpha(s, OV_OPT_GD), 0.15, 0.0);
        CHECK(ov_surface_default_alpha(s, OV_OPT_GD) < 2.0 / 10.0);
        /* At any κ, gd's default stays under 2/κ, heavy-ball momentum's
         * (β = 0.9) under 2(1 + β)/κ, Nesterov's under (2 + 2β)/((1 + 2β)κ);
         * Adam's does not depend on κ. */
        double adam = ov_surface_default_alpha(s, OV_OPT_ADAM);
        const double kappas[] = {1, 3, 100, 1e4, 1e10};
        for (int i = 0; i < 5; i++) {
            double k = kappas[i];
            CHECK(ov_surface_set_param(s, "kappa", k));
            CHECK(ov_surface_default_alpha(s, OV_OPT_GD) < 2.0 / k);
            CHECK(ov_surface_default_alpha(s, OV_OPT_GD) > 1.0 / k);
            CHECK(ov_surface_default_alpha(s, OV_OPT_MOMENTUM) < 3.8 / k);
            CHECK(ov_surface_default_alpha(s, OV_OPT_NESTEROV) < 3.8 / 2.8 / k);
            CHECK(ov_surface_default_alpha(s, OV_OPT_ADAM) == adam);
        }
        ov_surface_destroy(s);
    }
    s = make("rosenbrock");
    if (s) {
        CHECK_NEAR(ov_surface_default_alpha(s, OV_OPT_GD), s->def->alpha[OV_OPT_GD], 0.0);
        ov_surface_destroy(s);
    }
    /* No surface sets newton's rate: it gets newton's own, the full step 1;
     * a method a surface does set gets that surface's value. */
    for (int i = 0; i < ov_surface_builtin_count(); i++) {
        s = make(ov_surface_builtin(i)->name);
        if (!s)
            continue;
        CHECK(s->def->alpha[OV_OPT_NEWTON] == 0.0);
        CHECK(ov_surface_default_alpha(s, OV_OPT_NEWTON) == 1.0);
        for (int k = 0; k < OV_OPTIM_COUNT; k++) {
            double a = ov_surface_default_alpha(s, (ov_optim_kind)k);
            CHECK(a > 0.0);
            /* A typed rule takes gd's. */
            const int m = k == OV_OPT_RULE ? OV_OPT_GD : k;
            CHECK(a == (s->def->alpha[m] > 0.0 ? s->def->alpha[m]
                                                : ov_optim_info_of((ov_optim_kind)m)->alpha));
        }
        ov_surface_destroy(s);
    }
    /* A user formula has no table: every method's own rate. */
    s = make("x^2 + y^2");
    if (s) {
        CHECK(ov_surface_default_alpha(s, OV_OPT_ADAM) == 0.001);
        ov_surface_destroy(s);
    }
}

/* The surface written out as a formula parses, names no parameter, and has
 * the surface's values: the quadratic from ½((c x + s y)² + κ(−s x + c y)²),
 * c = cos θ, s = sin θ, computed here. */
static void test_formula_text(void)
{
    const double kappas[] = {10, 100, 1e10, 2.5}, thetas[] = {30, 0, 90, 180, 45, 12.5};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 6; j++) {
            ov_surface *q = make("quadratic");
            if (!q)
                return;
            ov_surface_set_param(q, "kappa", kappas[i]);
            ov_surface_set_param(q, "theta", thetas[j]);
            char text[OV_EXPR_MAX_SOURCE + 1];
            CHECK(ov_surface_formula_text(q, text, sizeof text));
            CHECK_MSG(!strstr(text, "kappa") && !strstr(text, "theta"), "'%s'", text);
            ov_expr_error err;
            ov_surface *u = ov_surface_create(text, &err);
            CHECK_MSG(u != NULL, "'%s' does not parse: %s", text, u ? "" : err.message);
            double rad = thetas[j] * 3.14159265358979323846 / 180;
            for (int k = 0; u && k < 7; k++) {
                double x = -3 + k, y = 2 - 0.7 * k;
                double a = cos(rad) * x + sin(rad) * y, b = -sin(rad) * x + cos(rad) * y;
                double want = 0.5 * (a * a + kappas[i] * b * b);
                CHECK_NEAR(ov_surface_value(u, x, y), want, 1e-12 * (1 + want));
            }
            ov_surface_destroy(u);
            ov_surface_destroy(q);
        }
    ov_surface *r = make("rosenbrock");
    char text[OV_EXPR_MAX_SOURCE + 1];
    if (r) {
        CHECK(ov_surface_formula_text(r, text, sizeof text) && strcmp(text, r->def->formula) == 0);
        CHECK(!ov_surface_formula_text(r, text, 8));
    }
    ov_surface_destroy(r);
    ov_expr_error err;
    ov_surface *u = ov_surface_create("x^4 - 2*x^2 + y^2", &err);
    if (u)
        CHECK(ov_surface_formula_text(u, text, sizeof text) && strcmp(text, "x^4 - 2*x^2 + y^2") == 0);
    ov_surface_destroy(u);
}

int main(void)
{
    test_formula_text();
    test_builtin_table();
    test_all_derivatives();
    test_values();
    test_quadratic();
    test_bound_parameters();
    test_minima();
    test_user_formulas();
    test_default_alpha();
    return ov_test_finish("test_core_surfaces");
}
