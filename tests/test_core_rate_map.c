/* Tests of the (alpha, beta) rate map (core/rate_map.c): the rates at
 * sample cells against the closed forms computed here from the quadratic
 * formula (complex roots included), the optima and their rates, cells on
 * both sides of the rate = 1 boundary for each method, the grid's ends and
 * spacing, steps-to-10x, and the Hessian's eigenvalues on the quadratic,
 * on rosenbrock (local) and on the saddle (not positive definite). */
#include <complex.h>
#include <math.h>
#include <string.h>

#include "core/rate_map.h"
#include "ov_test.h"

/* Largest |z| of z^2 - b z + c = 0, from the quadratic formula in complex
 * long double. */
static double root_mod(long double b, long double c)
{
    long double complex d = csqrtl((long double complex)(b * b - 4.0L * c));
    long double complex z1 = (b + d) / 2.0L, z2 = (b - d) / 2.0L;
    return (double)fmaxl(cabsl(z1), cabsl(z2));
}

/* The formulas, worst over the two eigenvalues. */
static double expect_rate(ov_optim_kind k, double a, double b, double l1, double l2)
{
    double l[2] = {l1, l2}, r = 0;
    for (int i = 0; i < 2; i++) {
        long double al = (long double)a * l[i];
        double ri;
        if (k == OV_OPT_GD)
            ri = (double)fabsl(1.0L - al);
        else if (k == OV_OPT_MOMENTUM)
            ri = root_mod(1.0L + b - al, b);
        else
            ri = root_mod((1.0L + b) * (1.0L - al), b * (1.0L - al));
        r = fmax(r, ri);
    }
    return r;
}

static void test_cells(void)
{
    const double kappas[] = {1.0, 10.0, 100.0, 1e4};
    const ov_optim_kind kinds[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_NESTEROV};
    for (int ik = 0; ik < 4; ik++) {
        double l1 = 1.0, l2 = kappas[ik], agd = 2.0 / (l1 + l2);
        for (int m = 0; m < 3; m++) {
            int rows = ov_rate_map_rows(kinds[m]);
            CHECK(rows == (m == 0 ? 1 : 40));
            for (int i = 0; i < OV_RATE_MAP_NALPHA; i += 37)
                for (int j = 0; j < rows; j += 7) {
                    double a = ov_rate_map_alpha(agd, i), b = ov_rate_map_beta(j);
                    double want = expect_rate(kinds[m], a, b, l1, l2);
                    double got = ov_rate_map_rate(kinds[m], a, b, l1, l2);
                    CHECK_MSG(fabs(got - want) <= 1e-12 * fmax(1.0, want),
                              "kind %d kappa %g cell (%d, %d): %.17g vs %.17g", m,
                              kappas[ik], i, j, got, want);
                }
        }
    }
    /* gd ignores beta. */
    CHECK(ov_rate_map_rate(OV_OPT_GD, 0.01, 0.9, 1, 100) == ov_rate_map_rate(OV_OPT_GD, 0.01, 0, 1, 100));
    /* Not covered: NAN. */
    CHECK(isnan(ov_rate_map_rate(OV_OPT_ADAM, 0.01, 0.9, 1, 100)));
    CHECK(isnan(ov_rate_map_rate(OV_OPT_GD, 0.01, 0, 0, 100)));
    CHECK(isnan(ov_rate_map_rate(OV_OPT_GD, 0.01, 0, 100, 1)));
}

/* Both sides of rate = 1, where the largest eigenvalue's root crosses -1:
 * gd at alpha lmax = 2, momentum at alpha lmax = 2 (1 + beta), nesterov at
 * alpha lmax = 1 + 1/(1 + 2 beta) (from z = -1 in each polynomial). */
static void test_boundary(void)
{
    const double l1 = 1.0, l2 = 100.0, eps = 1e-3;
    const double betas[] = {0.0, 0.5, 0.9};
    for (int s = -1; s <= 1; s += 2) {
        double f = 1.0 + s * eps;
        double r = ov_rate_map_rate(OV_OPT_GD, f * 2.0 / l2, 0, l1, l2);
        CHECK(s < 0 ? r < 1.0 : r > 1.0);
        CHECK_NEAR(r, 1.0 + s * eps * 2.0, 1e-12);
        for (int ib = 0; ib < 3; ib++) {
            double b = betas[ib];
            double am = f * 2.0 * (1.0 + b) / l2, an = f * (1.0 + 1.0 / (1.0 + 2.0 * b)) / l2;
            double rm = ov_rate_map_rate(OV_OPT_MOMENTUM, am, b, l1, l2);
            double rn = ov_rate_map_rate(OV_OPT_NESTEROV, an, b, l1, l2);
            CHECK_MSG(s < 0 ? rm < 1.0 : rm > 1.0, "momentum b %g side %d: %.17g", b, s, rm);
            CHECK_MSG(s < 0 ? rn < 1.0 : rn > 1.0, "nesterov b %g side %d: %.17g", b, s, rn);
            CHECK_NEAR(rm, expect_rate(OV_OPT_MOMENTUM, am, b, l1, l2), 1e-12);
            CHECK_NEAR(rn, expect_rate(OV_OPT_NESTEROV, an, b, l1, l2), 1e-12);
        }
    }
    /* The boundary the panel draws is where the rate reaches 1. */
    for (int j = 0; j < 40; j += 3) {
        double b = 0.025 * j;
        const ov_optim_kind ks[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_NESTEROV};
        for (int m = 0; m < 3; m++) {
            double e = ov_rate_map_edge(ks[m], b, l2);
            CHECK(expect_rate(ks[m], e * (1 - 1e-6), b, l1, l2) < 1.0);
            CHECK(expect_rate(ks[m], e * (1 + 1e-6), b, l1, l2) > 1.0);
        }
    }
    CHECK(isnan(ov_rate_map_edge(OV_OPT_ADAM, 0.5, l2)));
    /* Momentum with beta >= 1 never converges: |z1 z2| = beta. */
    CHECK(ov_rate_map_rate(OV_OPT_MOMENTUM, 0.001, 1.0, l1, l2) >= 1.0 - 1e-12);
}

static void test_optima(void)
{
    const double kappas[] = {1.0, 10.0, 100.0, 1e4};
    for (int ik = 0; ik < 4; ik++) {
        double l1 = 0.5, l2 = 0.5 * kappas[ik], k = kappas[ik], a, b, r;
        CHECK(ov_rate_map_optimum(OV_OPT_GD, l1, l2, &a, &b, &r));
        CHECK_NEAR(a, 2.0 / (l1 + l2), 1e-15 * a);
        CHECK(b == 0.0);
        CHECK_NEAR(r, (k - 1) / (k + 1), 1e-15);
        CHECK_NEAR(expect_rate(OV_OPT_GD, a, 0, l1, l2), r, 1e-13);
        CHECK(ov_rate_map_optimum(OV_OPT_MOMENTUM, l1, l2, &a, &b, &r));
        double sa = 2.0 / (sqrt(l2) + sqrt(l1)), q = (sqrt(k) - 1) / (sqrt(k) + 1);
        CHECK_NEAR(a, sa * sa, 1e-14 * a);
        CHECK_NEAR(b, q * q, 1e-14);
        CHECK_NEAR(r, q, 1e-14);
        /* At the optimum both roots are double (sqrt beta): the formula's
         * modulus is sqrt(beta) up to the square root of rounding. */
        CHECK_NEAR(ov_rate_map_rate(OV_OPT_MOMENTUM, a, b, l1, l2), q, 1e-7);
        CHECK_NEAR(expect_rate(OV_OPT_MOMENTUM, a, b, l1, l2), q, 1e-7);
        /* No neighbouring cell is better. */
        for (int d = -1; d <= 1; d += 2) {
            CHECK(ov_rate_map_rate(OV_OPT_MOMENTUM, a * (1 + d * 0.01), b, l1, l2) > q - 1e-9);
            CHECK(ov_rate_map_rate(OV_OPT_MOMENTUM, a, b + d * 0.01, l1, l2) > q - 1e-9);
        }
        CHECK(ov_rate_map_optimum(OV_OPT_NESTEROV, l1, l2, &a, &b, &r));
        double s3 = sqrt(3 * k + 1);
        CHECK_NEAR(a, 4.0 / (3 * l2 + l1), 1e-14 * a);
        CHECK_NEAR(b, (s3 - 2) / (s3 + 2), 1e-14);
        CHECK_NEAR(r, expect_rate(OV_OPT_NESTEROV, a, b, l1, l2), 1e-7);
        CHECK_NEAR(r, 1 - 2 / s3, 1e-6);
    }
    double a, b, r;
    CHECK(!ov_rate_map_optimum(OV_OPT_ADAM, 1, 10, &a, &b, &r));
    CHECK(!ov_rate_map_optimum(OV_OPT_GD, -1, 10, &a, &b, &r));
}

static void test_grid(void)
{
    double agd = 2.0 / 101.0;
    CHECK_NEAR(ov_rate_map_alpha(agd, 0), agd / 1000.0, 1e-18);
    CHECK_NEAR(ov_rate_map_alpha(agd, 399), agd * 10.0, 1e-15);
    /* Log spacing: a constant ratio 10^(4/399) between columns. */
    double ratio = pow(10.0, 4.0 / 399.0);
    for (int i = 0; i < 399; i += 50)
        CHECK_NEAR(ov_rate_map_alpha(agd, i + 1) / ov_rate_map_alpha(agd, i), ratio, 1e-12);
    CHECK_NEAR(ov_rate_map_column(agd, agd), 299.25, 1e-9);
    CHECK_NEAR(ov_rate_map_column(agd, ov_rate_map_alpha(agd, 123)), 123, 1e-9);
    CHECK(ov_rate_map_beta(0) == 0.0);
    CHECK_NEAR(ov_rate_map_beta(39), 0.975, 1e-15);
    CHECK_NEAR(ov_rate_map_steps10(0.1), 1.0, 1e-15);
    CHECK_NEAR(ov_rate_map_steps10(0.9), log(10) / -log(0.9), 1e-12);
    CHECK(isinf(ov_rate_map_steps10(1.0)));
    CHECK(isinf(ov_rate_map_steps10(NAN)));
}

static void test_hessian(void)
{
    ov_expr_error e;
    char why[200];
    double l1, l2;
    ov_surface *q = ov_surface_create("quadratic", &e);
    CHECK(q != NULL);
    if (q) {
        CHECK(ov_surface_set_param(q, "kappa", 100));
        CHECK(ov_surface_set_param(q, "theta", 30));
        CHECK(ov_rate_map_hessian(q, 0.3, -2, &l1, &l2, why, sizeof why));
        CHECK_NEAR(l1, 1.0, 1e-12);
        CHECK_NEAR(l2, 100.0, 1e-10);
        ov_surface_destroy(q);
    }
    ov_surface *r = ov_surface_create("rosenbrock", &e);
    CHECK(r != NULL);
    if (r) {
        /* At (1, 1): [[802, -400], [-400, 200]], eigenvalues 501 -+ sqrt(301^2 + 400^2). */
        CHECK(ov_rate_map_hessian(r, 1, 1, &l1, &l2, why, sizeof why));
        double s = sqrt(301.0 * 301.0 + 400.0 * 400.0);
        CHECK_NEAR(l1, 501 - s, 1e-9);
        CHECK_NEAR(l2, 501 + s, 1e-9);
        ov_surface_destroy(r);
    }
    ov_surface *sd = ov_surface_create("saddle", &e);
    CHECK(sd != NULL);
    if (sd) {
        CHECK(!ov_rate_map_hessian(sd, 1, 2, &l1, &l2, why, sizeof why));
        CHECK(strstr(why, "not positive definite") != NULL);
        CHECK_NEAR(l1, -2, 1e-12);
        ov_surface_destroy(sd);
    }
}

/* The observed rate: a run whose error shrinks by exactly q a step. */
static void test_observed(void)
{
    double xs[40], ys[40], ls[40];
    const double q = 0.8;
    for (int k = 0; k < 40; k++) {
        xs[k] = 1.0 + 3.0 * pow(q, k);
        ys[k] = 2.0 - 4.0 * pow(q, k);
        ls[k] = 0;
    }
    ov_run run = {.n = 40, .x = xs, .y = ys, .loss = ls};
    CHECK_NEAR(ov_rate_map_observed(&run, 30, 10, 1, 2), q, 1e-12);
    CHECK_NEAR(ov_rate_map_observed(&run, 4, 10, 1, 2), q, 1e-12);
    CHECK(isnan(ov_rate_map_observed(&run, 0, 10, 1, 2)));
    CHECK(isnan(ov_rate_map_observed(&run, 40, 10, 1, 2)));
    /* A zig-zag of two rates: the mean over the span. */
    for (int k = 0; k < 40; k++)
        xs[k] = 1.0 + (k % 2 ? 0.5 : 1.0) * pow(q, k);
    for (int k = 0; k < 40; k++)
        ys[k] = 2.0;
    CHECK_NEAR(ov_rate_map_observed(&run, 21, 9, 1, 2), q * pow(0.5, 1.0 / 9.0), 1e-12);
    CHECK_NEAR(ov_rate_map_observed(&run, 21, 10, 1, 2), q, 1e-12);
}

int main(void)
{
    test_observed();
    test_cells();
    test_boundary();
    test_optima();
    test_grid();
    test_hessian();
    return ov_test_finish("test_core_rate_map");
}
