/* Tests of the theory of the quadratic: the 2x2 eigen solver against exact
 * cases, invariants and long double references; the optimal step sizes
 * against brute-force searches over (alpha, beta); each method's iteration
 * matrix against simulated steps and its eigenvalues against the quadratic
 * formula and power iteration; the lecture's momentum against heavy ball;
 * and every classification against measured runs on the quadratic surface
 * (rates, sign changes along the eigenvectors, divergence), kappa 1 .. 1e10. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/run.h"
#include "core/linalg.h"
#include "core/theory.h"
#include "ov_test.h"

/* ---- independent references ---- */

/* Roots of z^2 - tr z + det in long double, the larger modulus first. */
static void ld_roots(double tr, double det, long double re[2], long double im[2])
{
    long double t = tr, d = det, disc = t * t - 4.0L * d;
    if (disc >= 0) {
        long double s = sqrtl(disc);
        re[0] = (t + (t >= 0 ? s : -s)) / 2;
        re[1] = re[0] != 0 ? d / re[0] : 0;
        im[0] = im[1] = 0;
    } else {
        re[0] = re[1] = t / 2;
        im[0] = sqrtl(-disc) / 2;
        im[1] = -im[0];
    }
}

/* Spectral radius of [[m00, m01], [1, 0]] by power iteration: the mean
 * growth of |M^k x| over many steps (complex pairs and Jordan blocks
 * included, error about log(k)/k). */
static double power_rho(double m00, double m01)
{
    double x[2] = {1.0, 0.37}, logsum = 0;
    const int warm = 2000, n = 40000;
    for (int k = 0; k < warm + n; k++) {
        double y0 = m00 * x[0] + m01 * x[1], y1 = x[0];
        double nrm = hypot(y0, y1);
        if (nrm == 0)
            return 0;
        x[0] = y0 / nrm;
        x[1] = y1 / nrm;
        if (k >= warm)
            logsum += log(nrm);
    }
    return exp(logsum / n);
}

static unsigned long long rng_state = 88172645463325252ULL;

static double uniform(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) / 9007199254740992.0;
}

/* ---- the eigen solver ---- */

static void check_eigen(const double h[3], double l0, double l1, double tol)
{
    double lambda[2], v[2][2];
    ov_sym2_eigen(h, lambda, v);
    CHECK_NEAR(lambda[0], l0, tol);
    CHECK_NEAR(lambda[1], l1, tol);
    CHECK(lambda[0] <= lambda[1]);
    double scale = fmax(fabs(h[0]) + fabs(h[1]), fabs(h[1]) + fabs(h[2]));
    for (int i = 0; i < 2; i++) {
        CHECK_NEAR(hypot(v[i][0], v[i][1]), 1.0, 1e-15);
        double r0 = h[0] * v[i][0] + h[1] * v[i][1] - lambda[i] * v[i][0];
        double r1 = h[1] * v[i][0] + h[2] * v[i][1] - lambda[i] * v[i][1];
        CHECK_MSG(hypot(r0, r1) <= 1e-15 * scale + 1e-300, "residual %g for [%g %g %g]",
                  hypot(r0, r1), h[0], h[1], h[2]);
    }
    CHECK_NEAR(v[0][0] * v[1][0] + v[0][1] * v[1][1], 0.0, 1e-15);
    CHECK_NEAR(v[0][0] * v[1][1] - v[0][1] * v[1][0], 1.0, 1e-15);   /* right-handed */
}

static void test_sym2_eigen(void)
{
    check_eigen((double[3]){2, 1, 2}, 1, 3, 1e-15);
    check_eigen((double[3]){0, 1, 0}, -1, 1, 1e-15);
    check_eigen((double[3]){1, 0, 4}, 1, 4, 0);
    check_eigen((double[3]){2, 0, -2}, -2, 2, 0);
    check_eigen((double[3]){5, 0, 5}, 5, 5, 0);
    check_eigen((double[3]){0, 0, 0}, 0, 0, 0);
    check_eigen((double[3]){1e10, 0, 1}, 1, 1e10, 0);
    check_eigen((double[3]){-3, 4, 3}, -5, 5, 1e-14);
    /* Diagonal input gives the exact axes. */
    double lambda[2], v[2][2];
    ov_sym2_eigen((double[3]){3, 0, -1}, lambda, v);
    CHECK(v[0][0] == 0 && fabs(v[0][1]) == 1 && fabs(v[1][0]) == 1 && v[1][1] == 0);

    /* Random symmetric matrices over many scales: trace, determinant
     * (long double) and the long double quadratic formula. */
    for (int i = 0; i < 20000; i++) {
        double s = pow(10.0, 12 * uniform() - 6);
        double h[3] = {s * (2 * uniform() - 1), s * (2 * uniform() - 1), s * (2 * uniform() - 1)};
        long double a = h[0], b = h[1], c = h[2];
        long double m = (a + c) / 2, r = sqrtl((a - c) * (a - c) / 4 + b * b);
        long double big = m >= 0 ? m + r : m - r, det = a * c - b * b, small = det / big;
        long double lo = fminl(big, small), hi = fmaxl(big, small);
        check_eigen(h, (double)lo, (double)hi, 4e-16 * (double)fmaxl(fabsl(lo), fabsl(hi)));
        ov_sym2_eigen(h, lambda, v);
        /* The smaller-magnitude eigenvalue keeps its relative accuracy. */
        long double sm = fabsl(lo) < fabsl(hi) ? lo : hi;
        double got = fabsl(lo) < fabsl(hi) ? lambda[0] : lambda[1];
        CHECK_MSG(fabsl(got - sm) <= 1e-13L * fabsl(sm) + 1e-300L, "small eigenvalue %.17g vs %.17Lg",
                  got, sm);
    }

    /* kappa = 1e10 rotated by 30 degrees: the rounded matrix's eigenvalues
     * (long double det / lmax) to near full precision, and 1 and 1e10 to
     * what the rounded entries allow (kappa eps). */
    const long double th = 30.0L * 3.14159265358979323846L / 180.0L, k = 1e10L;
    long double cs = cosl(th), sn = sinl(th);
    double h[3] = {(double)(cs * cs + k * sn * sn), (double)(cs * sn * (1 - k)),
                   (double)(sn * sn + k * cs * cs)};
    ov_sym2_eigen(h, lambda, v);
    long double a = h[0], b = h[1], c = h[2];
    long double lmax = (a + c) / 2 + sqrtl((a - c) * (a - c) / 4 + b * b);
    long double lmin = (a * c - b * b) / lmax;
    CHECK_NEAR(lambda[0], (double)lmin, 1e-9 * (double)lmin);
    CHECK_NEAR(lambda[1], (double)lmax, 1e-15 * (double)lmax);
    CHECK_NEAR(lambda[0], 1.0, 1e-5);
    CHECK_NEAR(lambda[1], 1e10, 1e-4);
    /* Its eigenvectors are the rotated axes. */
    CHECK_NEAR(fabs(v[0][0] * (double)cs + v[0][1] * (double)sn), 1.0, 1e-15);
    CHECK_NEAR(fabs(-v[1][0] * (double)sn + v[1][1] * (double)cs), 1.0, 1e-15);
}

/* ---- optimal parameters and rates ---- */

/* GD's rate on (lmin, lmax) by the definition. */
static double gd_rho(double a, double lmin, double lmax)
{
    return fmax(fabs(1 - a * lmin), fabs(1 - a * lmax));
}

/* Spectral radius of momentum (nesterov when nag) at lambda, long double. */
static double second_order_rho(bool nag, double a, double b, double lambda)
{
    double tr = nag ? (1 + b) * (1 - a * lambda) : 1 + b - a * lambda;
    double det = nag ? b * (1 - a * lambda) : b;
    long double re[2], im[2];
    ld_roots(tr, det, re, im);
    return (double)fmaxl(hypotl(re[0], im[0]), hypotl(re[1], im[1]));
}

static double pair_rho(bool nag, double a, double b, double lmin, double lmax)
{
    return fmax(second_order_rho(nag, a, b, lmin), second_order_rho(nag, a, b, lmax));
}

static void test_quadratic_theory(void)
{
    const double kappas[] = {1, 2, 10, 100, 1e4, 1e10};
    const double scales[] = {1, 0.01, 7};
    for (int i = 0; i < 6; i++) {
        for (int j = 0; j < 3; j++) {
            double k = kappas[i], lmin = scales[j], lmax = k * lmin, sk = sqrt(k);
            ov_quad_theory t;
            CHECK(ov_theory_quadratic(lmin, lmax, &t));
            CHECK_NEAR(t.kappa, k, 1e-15 * k);
            CHECK_NEAR(t.gd_alpha_max, 2 / (k * lmin), 1e-15 * t.gd_alpha_max);
            CHECK_NEAR(t.gd_alpha_opt, 2 / (lmin * (1 + k)), 1e-15 * t.gd_alpha_opt);
            CHECK_NEAR(t.gd_rate, (k - 1) / (k + 1), 1e-15);
            CHECK_NEAR(t.hb_alpha, 4 / (lmin * (1 + sk) * (1 + sk)), 1e-15 * t.hb_alpha);
            CHECK_NEAR(t.hb_rate, (sk - 1) / (sk + 1), 1e-15);
            CHECK_NEAR(t.hb_beta, t.hb_rate * t.hb_rate, 1e-15);
            double q = sqrt(3 * k + 1);
            CHECK_NEAR(t.nag_alpha, 4 / (lmin * (3 * k + 1)), 1e-15 * t.nag_alpha);
            CHECK_NEAR(t.nag_beta, (q - 2) / (q + 2), 1e-15);
            CHECK_NEAR(t.nag_rate, 1 - 2 / q, 1e-15);
            /* The rates are what the methods achieve with these values. */
            CHECK_NEAR(gd_rho(t.gd_alpha_opt, lmin, lmax), t.gd_rate, 1e-14);
            /* The optima sit on double roots, which rounding moves by
             * about the square root of eps. */
            CHECK_NEAR(pair_rho(false, t.hb_alpha, t.hb_beta, lmin, lmax), t.hb_rate, 1e-7);
            CHECK_NEAR(pair_rho(true, t.nag_alpha, t.nag_beta, lmin, lmax), t.nag_rate, 1e-7);
        }
    }
    ov_quad_theory t;
    CHECK(!ov_theory_quadratic(0, 1, &t) && t.kappa == 0);
    CHECK(!ov_theory_quadratic(2, 1, &t));
    CHECK(!ov_theory_quadratic(1, INFINITY, &t));

    /* No (alpha, beta) on a grid beats the claimed optima (kappa 10, 100). */
    for (int i = 0; i < 2; i++) {
        double lmin = 1, lmax = i ? 100 : 10;
        ov_theory_quadratic(lmin, lmax, &t);
        double best_gd = INFINITY, best_hb = INFINITY, best_nag = INFINITY;
        for (int ia = 1; ia <= 4000; ia++) {
            double a = ia * (2.0 / lmax) / 4000;
            best_gd = fmin(best_gd, gd_rho(a, lmin, lmax));
        }
        for (int ia = 1; ia <= 300; ia++) {
            for (int ib = 0; ib < 300; ib++) {
                double b = ib / 300.0;
                double a_hb = ia * (2 * (1 + b) / lmax) / 300;
                double a_nag = ia * (2.0 / lmax) / 300;
                best_hb = fmin(best_hb, pair_rho(false, a_hb, b, lmin, lmax));
                best_nag = fmin(best_nag, pair_rho(true, a_nag, b, lmin, lmax));
            }
        }
        CHECK_MSG(best_gd >= t.gd_rate - 1e-12 && best_gd < t.gd_rate + 1e-3, "gd %g vs %g",
                  best_gd, t.gd_rate);
        CHECK_MSG(best_hb >= t.hb_rate - 1e-9 && best_hb < t.hb_rate + 0.02, "hb %g vs %g",
                  best_hb, t.hb_rate);
        CHECK_MSG(best_nag >= t.nag_rate - 1e-9 && best_nag < t.nag_rate + 0.02,
                  "nesterov %g vs %g", best_nag, t.nag_rate);
    }
}

/* ---- iteration matrices ---- */

static void test_modes_match_matrices(void)
{
    const ov_optim_kind kinds[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_NESTEROV};
    for (int i = 0; i < 3000; i++) {
        ov_optim_params p;
        ov_optim_defaults(kinds[i % 3], &p);
        p.alpha = 2.5 * uniform();
        p.beta = uniform();
        double lambda = 3 * uniform();
        ov_theory_mode m;
        CHECK(ov_theory_mode_of(&p, lambda, &m));
        double a = p.alpha, b = p.beta, tr, det;
        if (p.kind == OV_OPT_GD) {
            CHECK(m.order == 1);
            CHECK_NEAR(m.re[0], 1 - a * lambda, 1e-15);
            CHECK_NEAR(m.rho, fabs(1 - a * lambda), 1e-15);
            continue;
        }
        tr = p.kind == OV_OPT_MOMENTUM ? 1 + b - a * lambda : (1 + b) * (1 - a * lambda);
        det = p.kind == OV_OPT_MOMENTUM ? b : b * (1 - a * lambda);
        CHECK(m.order == 2 && m.m[1][0] == 1 && m.m[1][1] == 0);
        CHECK_NEAR(m.m[0][0], tr, 1e-15);
        CHECK_NEAR(m.m[0][1], -det, 1e-15);
        long double re[2], im[2];
        ld_roots(tr, det, re, im);
        /* Same eigenvalues as a set (a double root may come out with a
         * tiny imaginary part in one and none in the other). */
        double tol = 1e-7 * fmax(1, fabs(tr));
        bool same = (fabs(m.re[0] - (double)re[0]) <= tol && fabs(m.re[1] - (double)re[1]) <= tol) ||
                    (fabs(m.re[0] - (double)re[1]) <= tol && fabs(m.re[1] - (double)re[0]) <= tol);
        CHECK_MSG(same && fabs(fabs(m.im[0]) - (double)fabsl(im[0])) <= tol,
                  "tr %g det %g: (%g%+gi, %g%+gi) vs (%Lg%+Lgi, %Lg%+Lgi)", tr, det, m.re[0],
                  m.im[0], m.re[1], m.im[1], re[0], im[0], re[1], im[1]);
        double rho = (double)fmaxl(hypotl(re[0], im[0]), hypotl(re[1], im[1]));
        CHECK_NEAR(m.rho, rho, 1e-6 * fmax(rho, 1e-3));
        if (i % 50 < 3) {
            double pr = power_rho(tr, -det);
            CHECK_MSG(fabs(pr - m.rho) <= 2e-3 * m.rho + 1e-12, "power iteration %g vs %g",
                      pr, m.rho);
        }
    }
    ov_optim_params adam;
    ov_optim_defaults(OV_OPT_ADAM, &adam);
    ov_theory_mode m;
    CHECK(!ov_theory_mode_of(&adam, 1, &m) && m.order == 0);
}

/* f = 1/2 (l1 x^2 + l2 y^2), the eigenvalues in ctx. */
static void diag_quad(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    const double *l = ctx;
    *f = 0.5 * (l[0] * w[0] * w[0] + l[1] * w[1] * w[1]);
    g[0] = l[0] * w[0];
    g[1] = l[1] * w[1];
    if (h) {
        h[0] = l[0];
        h[1] = h[2] = 0;
        h[3] = l[1];
    }
}

/* The lecture's momentum (u_i = -g_i + b u_(i-1), w += a u_i) is heavy
 * ball w_(k+1) = w_k - a g_k + b (w_k - w_(k-1)), w_(-1) = w_0. */
static void test_momentum_is_heavy_ball(void)
{
    double l[2] = {0.7, 5.3};
    ov_oracle o = {l, diag_quad, 2, 0};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_MOMENTUM, &p);
    p.alpha = 0.2;
    p.beta = 0.85;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    double w[2] = {1.3, -0.8}, hb[2] = {1.3, -0.8}, hb_prev[2] = {1.3, -0.8};
    for (int k = 0; k < 300; k++) {
        ov_optim_step(&p, &st, w, &o);
        for (int c = 0; c < 2; c++) {
            double next = hb[c] - p.alpha * l[c] * hb[c] + p.beta * (hb[c] - hb_prev[c]);
            hb_prev[c] = hb[c];
            hb[c] = next;
            CHECK_NEAR(w[c], hb[c], 1e-14 + 1e-12 * fabs(hb[c]));
        }
    }
}

/* Each method's steps, per eigen-coordinate, follow its iteration matrix. */
static void test_matrices_by_simulation(void)
{
    const ov_optim_kind kinds[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_NESTEROV, OV_OPT_NEWTON};
    const double alphas[] = {0.3, 0.2, 0.25, 0.6};
    double l[2] = {0.7, 5.3};
    ov_oracle o = {l, diag_quad, 2, 0};
    for (int i = 0; i < 4; i++) {
        ov_optim_params p;
        ov_optim_defaults(kinds[i], &p);
        p.alpha = alphas[i];
        p.beta = 0.6;
        ov_optim_state st;
        ov_optim_state_init(&st, &p);
        ov_theory_mode m[2];
        CHECK(ov_theory_mode_of(&p, l[0], &m[0]) && ov_theory_mode_of(&p, l[1], &m[1]));
        double w[2] = {1.3, -0.8}, prev[2] = {1.3, -0.8};
        for (int k = 0; k < 60; k++) {
            double cur[2] = {w[0], w[1]};
            ov_optim_step(&p, &st, w, &o);
            for (int c = 0; c < 2; c++) {
                double pred = m[c].m[0][0] * cur[c] + m[c].m[0][1] * prev[c];
                CHECK_MSG(fabs(w[c] - pred) <= 1e-12 * fmax(fabs(cur[c]), fabs(prev[c])),
                          "%s coordinate %d step %d: %g vs %g",
                          ov_optim_info_of(kinds[i])->name, c, k, w[c], pred);
            }
            prev[0] = cur[0];
            prev[1] = cur[1];
        }
    }
}

/* ---- classification against measured runs ---- */

typedef struct regime_case {
    ov_optim_kind kind;
    double alpha, beta;     /* OPT: ov_theory_optimal's value */
    double kappa, theta;
    ov_run_regime expect;
    int oscillating;        /* which eigen-coordinates change sign: 1 steep, 2 flat */
    double rho;             /* expected rate, worked out by hand (< 0: skip) */
} regime_case;

#define OPT (-1.0)          /* alpha/beta: the optimal value for kappa */

static const regime_case cases[] = {
    /* gd, kappa 10: modes 1 - a and 1 - 10 a. */
    {OV_OPT_GD, 0.05, 0, 10, 30, OV_RUN_CONVERGING, 0, 0.95},
    {OV_OPT_GD, 0.15, 0, 10, 30, OV_RUN_OSCILLATING, 1, 0.85},
    {OV_OPT_GD, OPT, 0, 10, -50, OV_RUN_OSCILLATING, 1, 9.0 / 11.0},
    {OV_OPT_GD, 0.2, 0, 10, 30, OV_RUN_BOUNDARY, 1, 1.0},
    {OV_OPT_GD, 0.21, 0, 10, 30, OV_RUN_DIVERGING, 1, 1.1},
    /* momentum, kappa 10: z^2 - (1 + b - a l) z + b. a 0.01, b 0.1: real
     * positive roots, the slowest (1.09 + sqrt(0.7881))/2 = 0.988875. */
    {OV_OPT_MOMENTUM, 0.01, 0.1, 10, 30, OV_RUN_CONVERGING, 0, 0.98887498},
    {OV_OPT_MOMENTUM, 0.05, 0.9, 10, 30, OV_RUN_OSCILLATING, 3, 0.94868330},
    {OV_OPT_MOMENTUM, OPT, OPT, 10, 30, OV_RUN_OSCILLATING, 1, 0.51949385},
    {OV_OPT_MOMENTUM, 0.4, 0.9, 10, 30, OV_RUN_DIVERGING, 1, 1.5},
    /* nesterov, kappa 10: a 0.05, b 0.5: flat roots (1.425 +- sqrt(0.130625))/2,
     * steep complex of modulus 0.5. a 0.15, b 0.9: steep roots
     * (-0.95 -+ sqrt(2.7025))/2, one below -1. */
    {OV_OPT_NESTEROV, 0.05, 0.5, 10, 30, OV_RUN_OSCILLATING, 1, 0.89321040},
    {OV_OPT_NESTEROV, OPT, OPT, 10, 30, OV_RUN_OSCILLATING, 1, 1 - 2 / 5.5677643628},
    {OV_OPT_NESTEROV, 0.15, 0.9, 10, 30, OV_RUN_DIVERGING, 1, 1.29696411},
    /* newton: 1 - t for every mode. */
    {OV_OPT_NEWTON, 1, 0, 10, 30, OV_RUN_CONVERGING, 0, 0},
    {OV_OPT_NEWTON, 0.5, 0, 10, 30, OV_RUN_CONVERGING, 0, 0.5},
    {OV_OPT_NEWTON, 1.5, 0, 10, 30, OV_RUN_OSCILLATING, 3, 0.5},
    {OV_OPT_NEWTON, 5, 0, 1e4, 30, OV_RUN_OSCILLATING, 3, 0.25},
    /* larger kappa */
    {OV_OPT_GD, OPT, 0, 1e4, -70, OV_RUN_OSCILLATING, 1, 9999.0 / 10001.0},
    {OV_OPT_MOMENTUM, OPT, OPT, 1e4, -70, OV_RUN_OSCILLATING, 1, 99.0 / 101.0},
    {OV_OPT_NESTEROV, OPT, OPT, 1e4, 120, OV_RUN_OSCILLATING, 1, 1 - 2 / 173.2079674842},
    {OV_OPT_GD, 0.5e-4, 0, 1e4, 10, OV_RUN_CONVERGING, 0, 1 - 0.5e-4},
    {OV_OPT_GD, 1.9e-10, 0, 1e10, 30, OV_RUN_OSCILLATING, 1, 1 - 1.9e-10},
    {OV_OPT_GD, 0.5e-10, 0, 1e10, 30, OV_RUN_CONVERGING, 0, 1 - 0.5e-10},
    {OV_OPT_GD, 2.2e-10, 0, 1e10, 30, OV_RUN_DIVERGING, 1, 1.2},
    {OV_OPT_MOMENTUM, 2e-10, 0.9, 1e10, 30, OV_RUN_OSCILLATING, 1, -1},
    {OV_OPT_NESTEROV, 1.5e-10, 0.9, 1e10, 30, OV_RUN_DIVERGING, 1, -1},
    {OV_OPT_GD, 1, 0, 1, 0, OV_RUN_CONVERGING, 0, 0},
    {OV_OPT_ADAM, 0.1, 0.9, 10, 30, OV_RUN_NOT_COVERED, 0, -1},
    {OV_OPT_CG, 1, 0, 10, 30, OV_RUN_NOT_COVERED, 0, -1},
    {OV_OPT_RPROP, 0.1, 0, 10, 30, OV_RUN_NOT_COVERED, 0, -1},
};

/* Sign changes of one eigen-coordinate over steps 1 .. last while it is
 * well above round-off (1e-8 |w|) and |w| has not fallen by 1e150. */
static int sign_changes(const ov_run *r, int last, double cx, double cy)
{
    int n = 0;
    const double e0 = hypot(r->x[0], r->y[0]);
    for (int k = 1; k <= last && hypot(r->x[k], r->y[k]) >= 1e-150 * e0; k++) {
        double a = cx * r->x[k - 1] + cy * r->y[k - 1], b = cx * r->x[k] + cy * r->y[k];
        double floor_a = 1e-8 * hypot(r->x[k - 1], r->y[k - 1]);
        double floor_b = 1e-8 * hypot(r->x[k], r->y[k]);
        if (fabs(a) > floor_a && fabs(b) > floor_b && (a < 0) != (b < 0))
            n++;
    }
    return n;
}

/* The run's rate: (|w_N| / |w_M|)^(1/(N-M)) with N where |w| has fallen
 * by 1e150 (or the end) and M = N/2, or 1 - that for rates near 1. */
static double measured_rate(const ov_run *r)
{
    double e0 = hypot(r->x[0], r->y[0]);
    int end = r->n - 1;
    for (int k = 1; k < r->n; k++) {
        if (hypot(r->x[k], r->y[k]) < 1e-150 * e0) {
            end = k;
            break;
        }
    }
    int mid = end / 2;
    double em = hypot(r->x[mid], r->y[mid]), en = hypot(r->x[end], r->y[end]);
    return pow(en / em, 1.0 / (end - mid));
}

static void test_classify_vs_runs(void)
{
    const int ncases = (int)(sizeof cases / sizeof cases[0]);
    for (int i = 0; i < ncases; i++) {
        const regime_case *c = &cases[i];
        ov_surface *s = ov_surface_create("quadratic", NULL);
        CHECK(s != NULL);
        if (!s)
            continue;
        ov_surface_set_param(s, "kappa", c->kappa);
        ov_surface_set_param(s, "theta", c->theta);
        double lmin, lmax;
        CHECK(ov_theory_surface_eigen(s, &lmin, &lmax));
        ov_optim_params p;
        ov_optim_defaults(c->kind, &p);
        p.alpha = c->alpha;
        p.beta = c->beta;
        if (c->alpha == OPT) {
            /* Exact optima from kappa (the surface's are within kappa eps). */
            CHECK(ov_theory_optimal(c->kind, 1, c->kappa, &p));
        }
        double rho;
        ov_run_regime reg = ov_theory_classify(&p, lmin, lmax, &rho);
        const char *name = ov_optim_info_of(c->kind)->name;
        CHECK_MSG(reg == c->expect, "case %d (%s a %g b %g kappa %g): %s, expected %s", i, name,
                  p.alpha, p.beta, c->kappa, ov_theory_regime_name(reg),
                  ov_theory_regime_name(c->expect));
        if (c->rho >= 0)
            CHECK_MSG(fabs(rho - c->rho) <= 1e-6 * fmax(c->rho, 1e-3) + 1e-12,
                      "case %d (%s): rho %.10g, by hand %.10g", i, name, rho, c->rho);
        if (reg == OV_RUN_NOT_COVERED) {
            CHECK(rho == 0);
            ov_surface_destroy(s);
            continue;
        }

        /* The run itself. */
        int steps = 2000;
        if (rho > 0.99 && rho < 1 && c->kappa <= 1e4)
            steps = (int)fmin(400000, 60 / (1 - rho));
        ov_run run;
        ov_run_init(&run, &p);
        CHECK(ov_run_compute_surface(&run, s, (ov_vec2){2.0, -1.5}, steps));
        double th = c->theta * 3.14159265358979323846 / 180;
        /* rho = 0: at the minimum after one step (checked below), then
         * round-off only. */
        int last = rho == 0 ? 0 : run.n - 1;
        int flat = sign_changes(&run, last, cos(th), sin(th));
        int steep = sign_changes(&run, last, -sin(th), cos(th));
        switch (reg) {
        case OV_RUN_DIVERGING:
            CHECK_MSG(run.diverged, "case %d (%s): predicted to diverge, did not", i, name);
            break;
        case OV_RUN_BOUNDARY: {
            /* The steep component keeps its size, flipping every step. */
            double q0 = -sin(th) * run.x[0] + cos(th) * run.y[0];
            double qn = -sin(th) * run.x[run.n - 1] + cos(th) * run.y[run.n - 1];
            CHECK(!run.diverged);
            CHECK_NEAR(fabs(qn), fabs(q0), 1e-9 * fabs(q0));
            CHECK(steep == run.n - 1);
            break;
        }
        default: {
            CHECK_MSG(!run.diverged, "case %d (%s): diverged", i, name);
            if (reg == OV_RUN_CONVERGING) {
                CHECK_MSG(flat == 0 && steep == 0,
                          "case %d (%s): monotone predicted, %d / %d sign changes", i, name,
                          flat, steep);
            } else {
                CHECK_MSG(((c->oscillating & 1) ? steep >= 3 : steep == 0) &&
                              ((c->oscillating & 2) ? flat >= 3 : flat == 0),
                          "case %d (%s): sign changes flat %d steep %d", i, name, flat, steep);
            }
            if (rho == 0) {
                CHECK(hypot(run.x[1], run.y[1]) <= 1e-14 * hypot(run.x[0], run.y[0]));
            } else if (rho < 0.99) {
                double m = measured_rate(&run);
                CHECK_MSG(fabs(m - rho) <= 0.02 * rho, "case %d (%s): measured %g, rho %g", i,
                          name, m, rho);
            } else if (c->kappa <= 1e4) {
                /* Near 1 compare the gaps 1 - rate. */
                double m = measured_rate(&run);
                CHECK_MSG(fabs((1 - m) - (1 - rho)) <= 0.05 * (1 - rho),
                          "case %d (%s): measured 1 - rate %g, predicted %g", i, name, 1 - m,
                          1 - rho);
            } else {
                /* kappa 1e10: in 2000 steps the steep mode dies out and
                 * the flat one (rate 1 - O(1e-10)) barely moves. */
                int e = run.n - 1;
                double p0 = cos(th) * run.x[0] + sin(th) * run.y[0];
                double pn = cos(th) * run.x[e] + sin(th) * run.y[e];
                double q0 = -sin(th) * run.x[0] + cos(th) * run.y[0];
                double qn = -sin(th) * run.x[e] + cos(th) * run.y[e];
                CHECK_MSG(fabs(pn) <= fabs(p0) && fabs(pn) > (1 - 1e-5) * fabs(p0) &&
                              fabs(qn) < 1e-6 * fabs(q0),
                          "case %d (%s): flat %g -> %g, steep %g -> %g", i, name, p0, pn, q0, qn);
            }
            break;
        }
        }
        printf("%-8s a %-11.4g b %-8.4g kappa %-6g: %-28s rho %.8f  sign changes flat %d steep %d\n",
               name, p.alpha, p.beta, c->kappa, ov_theory_regime_name(reg), rho, flat, steep);
        ov_run_deinit(&run);
        ov_surface_destroy(s);
    }
}

static void test_surface_eigen(void)
{
    const double kappas[] = {1, 10, 1e4, 1e10};
    const double thetas[] = {0, 30, -70, 90, 137};
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 5; j++) {
            ov_surface *s = ov_surface_create("quadratic", NULL);
            if (!s)
                continue;
            ov_surface_set_param(s, "kappa", kappas[i]);
            ov_surface_set_param(s, "theta", thetas[j]);
            double lmin = 0, lmax = 0;
            CHECK(ov_theory_surface_eigen(s, &lmin, &lmax));
            CHECK_NEAR(lmax, kappas[i], 1e-14 * kappas[i]);
            CHECK_NEAR(lmin, 1, 8e-16 * kappas[i] + 1e-15);
            ov_surface_destroy(s);
        }
    }
    static const char *const others[] = {"rosenbrock", "saddle", "regression", "x^2 + y^2"};
    for (int i = 0; i < 4; i++) {
        ov_surface *s = ov_surface_create(others[i], NULL);
        double lmin, lmax;
        CHECK(s && !ov_theory_surface_eigen(s, &lmin, &lmax));
        ov_surface_destroy(s);
    }
    CHECK(!ov_theory_surface_eigen(NULL, NULL, NULL));
}

static void test_optimal_and_names(void)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_ADAM, &p);
    ov_optim_params before = p;
    CHECK(!ov_theory_optimal(OV_OPT_ADAM, 1, 10, &p));
    CHECK(memcmp(&p, &before, sizeof p) == 0);
    ov_optim_defaults(OV_OPT_GD, &p);
    CHECK(!ov_theory_optimal(OV_OPT_GD, -1, 10, &p) &&
          p.alpha == ov_optim_info_of(OV_OPT_GD)->alpha);
    const ov_optim_kind kinds[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_NESTEROV, OV_OPT_NEWTON};
    ov_quad_theory t;
    ov_theory_quadratic(2, 50, &t);
    const double rates[] = {t.gd_rate, t.hb_rate, t.nag_rate, 0};
    for (int i = 0; i < 4; i++) {
        ov_optim_defaults(kinds[i], &p);
        CHECK(ov_theory_optimal(kinds[i], 2, 50, &p));
        double rho;
        ov_theory_classify(&p, 2, 50, &rho);
        CHECK_NEAR(rho, rates[i], 1e-7);
    }
    for (int a = 0; a <= OV_RUN_NOT_COVERED; a++) {
        const char *na = ov_theory_regime_name((ov_run_regime)a);
        CHECK(na && *na);
        for (int b = 0; b < a; b++)
            CHECK(strcmp(na, ov_theory_regime_name((ov_run_regime)b)) != 0);
    }
    CHECK(strcmp(ov_theory_regime_name(OV_RUN_NOT_COVERED), "not covered by this analysis") == 0);
    /* Newton's analysis needs H positive definite to its floor. */
    ov_optim_defaults(OV_OPT_NEWTON, &p);
    CHECK(ov_theory_classify(&p, 1, 1e13, NULL) == OV_RUN_NOT_COVERED);
    CHECK(ov_theory_classify(&p, 0, 1, NULL) == OV_RUN_NOT_COVERED);
}

int main(void)
{
    test_sym2_eigen();
    test_quadratic_theory();
    test_modes_match_matrices();
    test_momentum_is_heavy_ball();
    test_matrices_by_simulation();
    test_classify_vs_runs();
    test_surface_eigen();
    test_optimal_and_names();
    return ov_test_finish("test_core_theory");
}
